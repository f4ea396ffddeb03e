"""Real documents of templates no parser was written for (Los Angeles bulletins, CalHR
pages, a county spec, a bulletin kept as Markdown and as Word) against their reviewed
expected JSON in tests/cases/, byte for byte.

After an intended change: `python scripts/regen_golden.py`, then review
`git diff tests/cases` like code: every changed line is a changed fact.
"""

from __future__ import annotations

import os

import pytest

from classspec import parse_file
from classspec.export import dumps
from conftest import REPO

CASES = REPO / "tests" / "cases"
INPUTS = sorted(p for p in CASES.iterdir() if p.suffix in (".txt", ".html", ".md", ".docx"))


def _expected_path(source):
    return source.with_name(source.name + ".json")


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_case_matches_expected(source, monkeypatch):
    monkeypatch.chdir(REPO)
    records = parse_file(os.path.relpath(source, REPO))
    text = dumps([r.to_dict() for r in records]) + "\n"
    expected = _expected_path(source)
    assert text == expected.read_text(encoding="utf-8"), (
        f"if the change is intended: python scripts/regen_golden.py {source.name}"
    )


def test_every_case_has_its_expected_output():
    assert len(INPUTS) >= 8
    assert all(_expected_path(p).exists() for p in INPUTS)
