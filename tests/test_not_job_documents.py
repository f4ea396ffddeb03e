"""Real files that are no job document are refused, each by `auto` detection: this
repository's own README, NOTICE, pyproject.toml, architecture notes, source code and
reference data tables, and the shared folder's specification and style guide. They
quote job words, template fingerprints and field names, which is what makes them the
test of a refusal that must not refuse a real job document (test_corpus_jobdocs.py)."""

from __future__ import annotations

import pytest

from classspec.api import parse_document
from classspec.errors import NotASpecError
from classspec.readers import read_path
from conftest import IN_CI, REPO, SHARED

OWN = [
    REPO / "README.md",
    REPO / "NOTICE",
    REPO / "pyproject.toml",
    REPO / "ARCHITECTURE.md",
    REPO / "src" / "classspec" / "detect.py",
    REPO / "src" / "classspec" / "parsers" / "generic" / "lexicon.py",
    REPO / "scripts" / "regen_golden.py",
    REPO / "src" / "classspec" / "occupations" / "data" / "areas.tsv",
]
SHARED_FILES = [
    SHARED / "SPEC.md",
    SHARED / "STYLE.md",
    SHARED / "corpus" / "README.md",
    SHARED / "corpus" / "jobdocs" / "README.md",
    SHARED / "reference" / "oews" / "occupations.tsv",
    SHARED / "reference" / "occupations" / "soc_2018_definitions.tsv",
    SHARED / "reference" / "occupations" / "onet-26.3-occupation-data.txt",
    SHARED / "reference" / "occupations" / "onet-26.3-readme.txt",
]


@pytest.mark.parametrize("path", OWN + SHARED_FILES, ids=lambda p: p.name)
def test_a_file_with_no_job_content_is_refused(path) -> None:
    if not path.is_file():
        if path in OWN or IN_CI:  # the project's own files are always there; CI has the shared ones
            pytest.fail(f"{path} is missing")
        pytest.skip(f"{path} is not present")
    with pytest.raises(NotASpecError):
        parse_document(read_path(path))
