"""The scoreboard of unseen layouts: documents in common public-sector templates that no
corpus of ours uses, each with what an analyst records from it (tests/unseen/expected.yaml,
checked by hand against the text). Text, Markdown, HTML with site chrome, Word (built by
scripts/make_unseen_fixtures.py) and PDF (printed by LibreOffice from tests/unseen/sources/):
US city, county, town, state merit-system, CLASS CONCEPT, Washington- and Texas-style and
definition-list specs; university, school-district, hospital-district, library-district
and water-district job descriptions; a federal position description; UK, Canadian,
Australian, New Zealand and provincial job descriptions; transit and utility district
specs with header tables; recruitment bulletins and a job posting copied as text.

Every fact is one check on the board; the floors below are what the engine reaches, so
a regression fails. Run `pytest -s tests/test_unseen_layouts.py` to see the figures.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from classspec.model import ClassSpec
from corpus_board import Board, dropped, same_words, squash
from line_coverage import output_blob
from line_coverage import squash as squash_text

UNSEEN = Path(__file__).parent / "unseen"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((UNSEEN / "expected.yaml").read_text(encoding="utf-8"))
# Bulletin text that is not a duty of the class.
_BULLETIN = re.compile(
    r"how to apply|selection process|application deadline|opportunity employer|apply on-?line"
    r"|eligible list|examination will|candidates (?:will|must|who)|applications? must",
    re.I,
)
DATE_FIELDS = ("established", "revised", "effective", "edited", "opened", "deadline")

# What the engine reaches (passed checks per fact): raise these when it gets better.
FLOORS: dict[str, int] = {
    "one record": 26,
    "title": 26,
    "class_code": 24,
    "flsa": 15,
    "salary": 22,
    "summary": 25,
    "duties": 26,
    "essential": 7,
    "knowledge": 20,
    "abilities": 19,
    "mq": 26,
    "min_education": 20,
    "experience_months": 21,
    "drivers_license": 17,
    "licenses": 10,
    "physical": 4,
    "dates": 19,
    "jurisdiction": 7,
    "content lines (5+ words) all in the output": 26,
    "no bulletin text among duties": 26,
    "pay_grade": 20,
    "distinguishing": 4,
    "skills": 8,
    "strength": 7,
    "not_essential": 1,
    "working_conditions": 7,
    "probation_months": 7,
    "any_date": 5,
    "exam_types": 1,
    "definition": 1,
}


def _count_ok(expected: int | bool | list[int], found: int) -> bool:
    if isinstance(expected, bool):
        return (found > 0) == expected
    if isinstance(expected, list):
        return expected[0] <= found <= expected[1]
    return found == expected


def _text_ok(expected: str | list[str] | None, found: str | None) -> bool:
    if expected is None:
        return found is None
    options = expected if isinstance(expected, list) else [expected]
    return any(same_words(found, str(option)) for option in options)


def _starts(found: str | None, words: str) -> bool:
    return bool(found) and squash(found).startswith(squash(words))


def _facts(record: ClassSpec) -> dict[str, Any]:
    """Each expectation key -> a function of its expected value that says if the record has it."""
    spec = record.to_dict()
    mq = spec["minimum_qualifications"]
    demands = spec["physical_demands"]
    dates = spec["dates"]
    duties = spec["duties"]
    features = " ".join(spec["distinguishing_features"])
    salary = [[s["min"], s["max"], s["period"], s["currency"]] for s in spec["salary"]]
    return {
        "title": lambda e: _text_ok(e, spec["title"]),
        "class_code": lambda e: _text_ok(e, spec["class_code"]),
        "pay_grade": lambda e: _text_ok(e, spec["pay_grade"]),
        "flsa": lambda e: spec["flsa_status"] == e,
        "salary": lambda e: salary == e,
        "summary": lambda e: _starts(spec["summary"], e),
        "definition": lambda e: _starts(spec["summary"], e) or _starts(features, e),
        "distinguishing": lambda e: bool(features) == e,
        "duties": lambda e: _count_ok(e, len(duties)),
        "essential": lambda e: sum(d["essential"] is True for d in duties) == e,
        "not_essential": lambda e: sum(d["essential"] is False for d in duties) == e,
        "knowledge": lambda e: _count_ok(e, len(spec["knowledge"])),
        "skills": lambda e: _count_ok(e, len(spec["skills"])),
        "abilities": lambda e: _count_ok(e, len(spec["abilities"])),
        "mq": lambda e: bool(mq["text"]) == e,
        "min_education": lambda e: mq["min_education"] == e,
        "experience_months": lambda e: mq["min_experience_months"] == e,
        "drivers_license": lambda e: mq["drivers_license"] == e,
        "licenses": lambda e: bool(mq["licenses"]) == e,
        "probation_months": lambda e: spec["probation_months"] == e,
        "physical": lambda e: bool(demands["text"] or demands["items"] or demands["strength"]) == e,
        "strength": lambda e: demands["strength"] == e,
        "working_conditions": lambda e: bool(spec["working_conditions"]) == e,
        "dates": lambda e: all(dates.get(key) == value for key, value in e.items()),
        "any_date": lambda e: e in [dates.get(key) for key in DATE_FIELDS],
        "exam_types": lambda e: spec["exam_types"] == e,
        "jurisdiction": lambda e: bool(spec["jurisdiction"]) and spec["jurisdiction"]["name"] == e,
    }


def _lost(coverage, records) -> list[str]:
    """corpus_board.dropped, and a wrapped line of a ';'-separated list counts as landed
    when each of its parts is in the output (the list is read as separate items, as
    dropped() already allows for a 'Label: a; b' line)."""
    blob = output_blob(records)
    return [
        text
        for text in dropped(coverage, records)
        if not all(squash_text(part) in blob for part in text.split(";") if squash_text(part))
    ]


def _parse(scores: Board, path: Path):
    """The board's reading of a file: the records a user gets (the builder's last
    stage adds the document-wide facts: salary, probation, licence, bulletin dates)."""
    return scores.parse(path)


@pytest.fixture(scope="module")
def board() -> Board:
    scores = Board("unseen layouts", files=len(EXPECTED))
    started = time.perf_counter()
    for name, expected in EXPECTED.items():
        parsed = _parse(scores, UNSEEN / name)
        if parsed is None:
            for fact in expected:
                scores.check(fact, False, name)
            continue
        _doc, _parser, records, coverage = parsed
        scores.check("one record", len(records) == 1, name)
        record = records[0]
        checks = _facts(record)
        for fact, value in expected.items():
            scores.check(fact, checks[fact](value), name)
        lost = _lost(coverage, records)
        scores.check("content lines (5+ words) all in the output", not lost, f"{name} {lost[:1]}")
        scores.check(
            "no bulletin text among duties", not any(_BULLETIN.search(d.text) for d in record.duties), name
        )
    scores.seconds = time.perf_counter() - started
    print("\n" + scores.render(show=14))
    total = sum(c.passed for c in scores.checks.values())
    print(f"  all facts: {total}/{sum(c.applies for c in scores.checks.values())}")
    return scores


def test_every_expectation_names_a_known_fact() -> None:
    known = set(_facts(ClassSpec.model_validate({"schema_version": "1.1", "source": _SOURCE})))
    for name, expected in EXPECTED.items():
        assert (UNSEEN / name).is_file(), name
        assert set(expected) <= known, (name, set(expected) - known)


_SOURCE = {"path": "x", "sha256": "0" * 64, "format": "text", "parser": "generic", "confidence": 1.0}


def test_every_document_parses(board: Board) -> None:
    assert not board.errors, board.render()


def test_facts_reach_their_floors(board: Board) -> None:
    below = {
        name: (board.checks[name].passed if name in board.checks else 0, floor)
        for name, floor in FLOORS.items()
        if (board.checks[name].passed if name in board.checks else 0) < floor
    }
    assert not below, f"facts below their floor (passed, floor): {below}\n{board.render(show=14)}"


def test_nothing_is_dropped(board: Board) -> None:
    check = board.checks["content lines (5+ words) all in the output"]
    assert check.passed >= FLOORS.get(check.name, check.applies), board.render(show=14)


def test_bulletin_text_is_not_a_duty(board: Board) -> None:
    assert board.rate("no bulletin text among duties") == 1.0, board.render(show=14)
