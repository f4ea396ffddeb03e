"""Every `console` example in README.md is run, and its output must be what the
README shows (stdout and stderr together), so the docs cannot drift.

The examples write under /tmp; each run gets a folder of its own in their place (a
shared /tmp/classspec-demo let two runs break each other), and the folder's name is
written back as /tmp in what the commands print."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from readme_examples import examples as readme_examples
from readme_examples import run


def examples() -> list[tuple[str, str]]:
    return readme_examples((REPO / "README.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one folder that stands for /tmp in every example of this run (the examples
    build on each other: the database one writes, the next reads)."""
    return tmp_path_factory.mktemp("readme")


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda v: v[:60])
def test_readme_example(command, expected, scratch):
    assert run(command, str(scratch)) == expected.rstrip("\n")


def test_readme_has_examples():
    assert len(examples()) >= 7
