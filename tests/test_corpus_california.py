"""The 50 State of California (CalHR) class-specification pages read by the generic
engine: web pages of ~380 KB of navigation around a few KB of spec, some of them series
pages (a table of class codes and titles, one record per class).

Run with `pytest -s tests/test_corpus_california.py` to see the scoreboard.
"""

from __future__ import annotations

import html
import re
import time

import pytest

from conftest import SHARED
from corpus_board import Board, dropped, squash

CALIFORNIA = SHARED / "corpus" / "california"
CORPUS = sorted(CALIFORNIA.glob("*.html")) if CALIFORNIA.is_dir() else []
# The page's <title>: "Fire Apparatus Engineer (1077) - CalHR".
_PAGE_TITLE = re.compile(rb"<title>(?P<title>.*?)</title>", re.S | re.I)
_HAS_QUALS = re.compile(r"^\s*minimum\s+qualifications?\s*:?\s*$", re.I | re.M)
# A series table row: "BB43<TAB>0751<TAB>Associate Agricultural Biologist".
_TABLE_ROW = re.compile(r"^(?:[A-Z0-9]{4}\t)?(?P<code>\d{4})\t(?P<title>[A-Z][^\t]+)$", re.M)


def _page_title(data: bytes) -> str:
    found = _PAGE_TITLE.search(data)
    return html.unescape(found.group("title").decode("utf-8", "replace")) if found else ""


@pytest.fixture(scope="module")
def board() -> Board:
    scores = Board("California (CalHR) class specifications", files=len(CORPUS))
    started = time.perf_counter()
    for path in CORPUS:
        parsed = scores.parse(path)
        if parsed is None:
            continue
        doc, _, records, coverage = parsed
        text = doc.text()
        lost = dropped(coverage, records)
        scores.check("content lines (5+ words) all in the output", not lost, f"{path.name} {lost[:1]}")
        code = path.stem
        by_code = {r.class_code: r for r in records}
        record = by_code.get(code)
        scores.check("a record for the page's class code", record is not None, path.name)
        rows = {m["code"] for m in _TABLE_ROW.finditer(text)}
        if len(rows) >= 2:
            scores.check("series: a record for every class in the table", rows <= set(by_code), path.name)
        if record is None:
            continue
        # The title comes from the spec: the page's <title> or the table row of the code.
        row_titles = [m["title"] for m in _TABLE_ROW.finditer(text) if m["code"] == code]
        sources = [_page_title(path.read_bytes()), *row_titles]
        scores.check(
            "title from the spec content",
            bool(record.title) and any(squash(record.title) in squash(s) for s in sources),
            path.name,
        )
        scores.check(
            "summary from the spec content",
            bool(record.summary) and squash(record.summary.split("\n\n")[0][:120]) in squash(text),
            path.name,
        )
        if _HAS_QUALS.search(text):
            scores.check("minimum qualifications found", bool(record.minimum_qualifications.text), path.name)
        # Every page is the State's own (the corpus is CalHR's), whatever local
        # governments its duties mention.
        own = record.jurisdiction
        scores.check(
            "jurisdiction: the State of California",
            own is not None and (own.name, own.state) == ("State of California", "CA"),
            path.name,
        )
        scores.check(
            "no navigation in the record",
            not any(re.search(r"skip ribbon|navigation toggle", s.text, re.I) for s in record.other_sections),
            path.name,
        )
    scores.seconds = time.perf_counter() - started
    print("\n" + scores.render())
    return scores


pytestmark = [pytest.mark.corpus("california"), pytest.mark.slow]


def test_every_page_parses(board: Board) -> None:
    assert len(CORPUS) == 50
    assert not board.errors, board.render()


def test_a_record_for_each_class_code(board: Board) -> None:
    assert board.rate("a record for the page's class code") >= 0.98, board.render()
    assert board.rate("series: a record for every class in the table") >= 0.95, board.render()


def test_titles_and_summaries_come_from_the_spec(board: Board) -> None:
    assert board.rate("title from the spec content") >= 0.97, board.render()
    assert board.rate("summary from the spec content") >= 0.95, board.render()
    assert board.rate("no navigation in the record") == 1.0, board.render()


def test_minimum_qualifications_found(board: Board) -> None:
    assert board.rate("minimum qualifications found") >= 0.97, board.render()


def test_the_state_is_the_jurisdiction(board: Board) -> None:
    assert board.rate("jurisdiction: the State of California") >= 0.98, board.render()


def test_nothing_is_dropped(board: Board) -> None:
    assert board.rate("content lines (5+ words) all in the output") >= 0.99, board.render()


def test_corpus_runs_in_seconds(board: Board) -> None:
    assert board.seconds < 60, board.render()
