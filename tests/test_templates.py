"""The seed templates as their employers really publish them: fixtures made by hand
from the seeds' content in the other layouts (tests/templates/<parser>/), each with
its golden output; `auto` sends each to its own parser, sure of it (tests/test_detect.py
checks that the seeds and corpora still go where they belong)."""

from __future__ import annotations

import sys

import pytest

from classspec.detect import detect
from classspec.readers import read_path
from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from regen_golden import golden_of, golden_text, template_cases

CASES = template_cases()


def case_id(path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_matches_golden(case, monkeypatch):
    monkeypatch.chdir(REPO)
    expected = golden_of(case).read_text(encoding="utf-8")
    assert golden_text(case) == expected, f"regenerate with: python scripts/regen_golden.py {case.name}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_detected_as_its_template(case):
    found = detect(read_path(case))
    assert found.parser == case.parent.name
    assert found.confidence >= 0.9
