"""The 320 City of Los Angeles job bulletins read by the generic engine (no parser of
their own): every file parses, code and title match the file name, and minimum
qualifications and duties are found where the bulletin has them - and bulletin text
(where to apply, selection process, notes) never becomes a duty.

Run with `pytest -s tests/test_corpus_losangeles.py` to see the scoreboard.
"""

from __future__ import annotations

import re
import time

import pytest

from conftest import SHARED
from corpus_board import Board, dropped, same_words, squash

LOS_ANGELES = SHARED / "corpus" / "losangeles"
CORPUS = sorted(LOS_ANGELES.glob("*.txt")) if LOS_ANGELES.is_dir() else []
# "ACCOUNTING RECORDS SUPERVISOR 1119 072718.txt": title, class code, bulletin date.
_NAME = re.compile(r"(?P<title>.+?)\s+(?P<code>\d{4})\s+\d")
_HEADING = r"^[ \t]*{}[ \t]*:?[ \t]*\r?$"
_HAS_QUALS = re.compile(_HEADING.format(r"(?:REQUIREMENTS?|[A-Z /]*MINIMUM QUALIFICATIONS?)[A-Z /]*"), re.M)
_HAS_DUTIES = re.compile(_HEADING.format("DUTIES"), re.M)
# Experience stated as a duration ("Two years of full-time paid experience").
_STATES_EXPERIENCE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+of\s+[\w\s-]{0,40}experience",
    re.I,
)
# Bulletin text that is not a duty of the class.
_BULLETIN = re.compile(
    r"where to apply|selection process|application deadline|opportunity employer|apply on-?line"
    r"|eligible list|examination will|candidates (?:will|must|who)",
    re.I,
)


@pytest.fixture(scope="module")
def board() -> Board:
    scores = Board("Los Angeles job bulletins", files=len(CORPUS))
    started = time.perf_counter()
    for path in CORPUS:
        parsed = scores.parse(path)
        if parsed is None:
            continue
        doc, parser, records, coverage = parsed
        record = records[0]
        text = doc.text()
        lost = dropped(coverage, records)
        scores.check("content lines (5+ words) all in the output", not lost, f"{path.name} {lost[:1]}")
        named = _NAME.match(path.stem)
        scores.check("one record per bulletin", len(records) == 1, path.name)
        scores.check("read by the generic engine", parser == "generic", path.name)
        # A few files hold another bulletin than their name says (the name's code and
        # title are nowhere in the text): they are not counted against the parser.
        if named and named["code"] in text:
            scores.check("class_code == file name", record.class_code == named["code"], path.name)
        if named and squash(named["title"]) in squash(text):
            scores.check("title == file name", same_words(record.title, named["title"]), path.name)
        if _HAS_QUALS.search(text):
            scores.check("minimum qualifications found", bool(record.minimum_qualifications.text), path.name)
            if _STATES_EXPERIENCE.search(text):
                scores.check(
                    "experience months where stated",
                    record.minimum_qualifications.min_experience_months is not None,
                    path.name,
                )
        if _HAS_DUTIES.search(text):
            scores.check("duties found", bool(record.duties), path.name)
        scores.check(
            "no bulletin text among duties",
            not any(_BULLETIN.search(d.text) for d in record.duties),
            path.name,
        )
        scores.check("no duty claims essential", all(d.essential is None for d in record.duties), path.name)
    scores.seconds = time.perf_counter() - started
    print("\n" + scores.render())
    return scores


pytestmark = [pytest.mark.corpus("losangeles"), pytest.mark.slow]


def test_every_bulletin_parses(board: Board) -> None:
    assert len(CORPUS) == 320
    assert not board.errors, board.render()
    assert board.rate("one record per bulletin") == 1.0, board.render()


def test_code_and_title_match_the_file_names(board: Board) -> None:
    assert board.rate("class_code == file name") >= 0.99, board.render()
    assert board.rate("title == file name") >= 0.97, board.render()


def test_requirements_and_duties_found_where_the_bulletin_has_them(board: Board) -> None:
    assert board.rate("minimum qualifications found") >= 0.98, board.render()
    assert board.rate("duties found") >= 0.98, board.render()
    assert board.rate("experience months where stated") >= 0.95, board.render()


def test_bulletin_sections_are_not_duties(board: Board) -> None:
    assert board.rate("no bulletin text among duties") >= 0.99, board.render()
    assert board.rate("no duty claims essential") == 1.0, board.render()


def test_nothing_is_dropped(board: Board) -> None:
    assert board.rate("content lines (5+ words) all in the output") >= 0.99, board.render()


def test_corpus_runs_in_seconds(board: Board) -> None:
    assert board.seconds < 60, board.render()
