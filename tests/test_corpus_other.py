"""The three county specs of the hosted class-spec platform (shared/corpus/other) as a
scoreboard: each parses, the sections its headings name are found, no notice or
bulletin text becomes a duty, and a class the text does not name is warned about.

Run with `pytest -s tests/test_corpus_other.py` to see the scoreboard.
"""

from __future__ import annotations

import re
import time

import pytest

from classspec.api import parse_document
from classspec.readers import read_path
from conftest import OTHER_CORPUS
from corpus_board import Board

CORPUS = sorted(OTHER_CORPUS.glob("*.txt")) if OTHER_CORPUS.is_dir() else []
_HEADING = r"^\s*(?:{})\s*:?\s*$"
_PROMISES = {
    "summary": re.compile(_HEADING.format(r"definition|classification purpose.*"), re.I | re.M),
    "duties": re.compile(_HEADING.format(r"examples of duties|essential functions"), re.I | re.M),
    "minimum_qualifications.text": re.compile(
        _HEADING.format(r"minimum qualifications|qualification guidelines|recruiting standards|education"),
        re.I | re.M,
    ),
}
_NOTICE = re.compile(r"\bare representative|reasonable accommodations? (?:may|will)|duties may include", re.I)


def _value(record: dict, path: str):
    for name in path.split("."):
        record = record.get(name) if isinstance(record, dict) else None
    return record


@pytest.fixture(scope="module")
def board() -> Board:
    scores = Board("County specs (hosted platform)", files=len(CORPUS))
    started = time.perf_counter()
    for path in CORPUS:
        try:
            doc = read_path(path)
            records = parse_document(doc)
        except Exception as exc:  # the scoreboard reports every failure, not just the first
            scores.errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        record = records[0].to_dict()
        text = doc.text()
        for field, promise in _PROMISES.items():
            if promise.search(text):
                scores.check(f"{field} found", _value(record, field) not in (None, "", []), path.name)
        scores.check(
            "title found or warned about",
            bool(record["title"]) or "no class title found in the text" in record["warnings"],
            path.name,
        )
        scores.check(
            "no notices among duties", not any(_NOTICE.search(d["text"]) for d in record["duties"]), path.name
        )
    scores.seconds = time.perf_counter() - started
    print("\n" + scores.render())
    return scores


pytestmark = pytest.mark.corpus("other")


def test_every_county_spec_parses_and_its_sections_are_found(board: Board) -> None:
    assert not board.errors, board.render()
    for name, check in board.checks.items():
        assert check.rate == 1.0, f"{name}\n{board.render()}"
