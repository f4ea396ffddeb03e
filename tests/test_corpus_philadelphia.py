"""The 300 real City of Philadelphia specs: every one parses, codes match the file
names, nothing is dropped, and a scoreboard shows the fill rate of every field.

Run with `pytest -s tests/test_corpus_philadelphia.py` to see the scoreboard.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import pytest

from classspec.detect import detect
from classspec.parsers import get_parser
from classspec.readers import read_path
from conftest import corpus_files
from line_coverage import measure

CORPUS = corpus_files("philadelphia", ".htm", ".html")
FIELDS = (
    "title",
    "class_code",
    "pay_grade",
    "flsa_status",
    "summary",
    "distinguishing_features",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "specialties",
    "minimum_qualifications.text",
    "minimum_qualifications.education",
    "minimum_qualifications.experience",
    "minimum_qualifications.licenses",
    "minimum_qualifications.min_education",
    "minimum_qualifications.min_experience_months",
    "physical_demands.text",
    "dates.established",
    "dates.revised",
    "dates.effective",
)
_CODE_NAME = re.compile(r"^(?=[0-9a-z]*\d)[0-9a-z]{4,5}$", re.I)
# A document states its code on a line of its own (header) or in its END line; the
# check is independent of the parser's own rules.
_STATED_CODE = re.compile(
    r"^\s*(?=[0-9A-Z]*\d)[0-9A-Z]{4,5}\s*$|END\s+OF\s+(?:JOB\s+CLASS\s+SPECIFICATION|PAGE)\s*-", re.I | re.M
)


@dataclass
class Scoreboard:
    files: int = 0
    parsed: int = 0
    errors: list[str] = field(default_factory=list)
    detected_elsewhere: list[str] = field(default_factory=list)
    code_checked: int = 0
    code_mismatches: list[str] = field(default_factory=list)
    filled: dict[str, int] = field(default_factory=dict)
    long_lines: int = 0
    long_covered: int = 0
    missing_summary: list[str] = field(default_factory=list)
    missing_duties: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def coverage(self) -> float:
        return self.long_covered / self.long_lines if self.long_lines else 1.0

    @property
    def code_rate(self) -> float:
        return 1 - len(self.code_mismatches) / self.code_checked if self.code_checked else 1.0

    def render(self) -> str:
        rows = [
            f"Philadelphia corpus: {self.files} files, {self.parsed} parsed "
            f"({self.parsed / self.files:.1%}), {len(self.errors)} errors, {self.seconds:.1f} s",
            f"  auto-detected as philadelphia: {self.files - len(self.detected_elsewhere)}/{self.files}",
            f"  class_code == file name (specs stating a code): "
            f"{self.code_checked - len(self.code_mismatches)}/{self.code_checked} "
            f"({self.code_rate:.1%}); mismatches: {', '.join(self.code_mismatches) or 'none'}",
            f"  content lines (5+ words) in output: {self.long_covered}/{self.long_lines} "
            f"({self.coverage:.2%})",
            "  fill rates:",
        ]
        rows += [
            f"    {name:<46} {count:>4}  {count / self.files:6.1%}" for name, count in self.filled.items()
        ]
        return "\n".join(rows)


def _value(record: dict, path: str):
    for name in path.split("."):
        record = record.get(name) if isinstance(record, dict) else None
    return record


@pytest.fixture(scope="module")
def scoreboard() -> Scoreboard:
    board = Scoreboard(files=len(CORPUS), filled=dict.fromkeys(FIELDS, 0))
    started = time.perf_counter()
    for path in CORPUS:
        try:
            doc = read_path(path)
            chosen = detect(doc).parser
            records, coverage = measure(doc, get_parser("philadelphia").parse(doc))
        except Exception as exc:  # the scoreboard reports every failure, not just the first
            board.errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        board.parsed += 1
        if chosen != "philadelphia":
            board.detected_elsewhere.append(f"{path.name} -> {chosen}")
        record = records[0].to_dict()
        for name in FIELDS:
            board.filled[name] += _value(record, name) not in (None, "", [], {})
        if _CODE_NAME.match(path.stem) and _STATED_CODE.search(doc.text()):
            board.code_checked += 1
            if (record["class_code"] or "").lower() != path.stem.lower():
                board.code_mismatches.append(f"{path.stem}->{record['class_code']}")
        board.long_lines += coverage.long_lines
        board.long_covered += coverage.long_covered
        text = doc.text()
        if re.search(r"general\s+definition", text, re.I) and not record["summary"]:
            board.missing_summary.append(path.name)
        if re.search(r"typical\s+examples\s+of\s+work", text, re.I) and not record["duties"]:
            board.missing_duties.append(path.name)
    board.seconds = time.perf_counter() - started
    print("\n" + board.render())
    return board


pytestmark = [pytest.mark.corpus("philadelphia"), pytest.mark.slow]


def test_every_file_parses_without_error(scoreboard: Scoreboard) -> None:
    assert len(CORPUS) == 300
    assert not scoreboard.errors, "\n".join(scoreboard.errors) + "\n" + scoreboard.render()


def test_auto_detection_picks_philadelphia_for_every_file(scoreboard: Scoreboard) -> None:
    assert not scoreboard.detected_elsewhere, (
        scoreboard.render() + "\n" + "\n".join(scoreboard.detected_elsewhere)
    )


def test_class_code_equals_file_name(scoreboard: Scoreboard) -> None:
    assert scoreboard.code_rate >= 0.99, scoreboard.render()


def test_content_lines_land_in_output(scoreboard: Scoreboard) -> None:
    assert scoreboard.coverage >= 0.99, scoreboard.render()


def test_summary_and_duties_found_where_the_document_has_them(scoreboard: Scoreboard) -> None:
    assert not scoreboard.missing_summary, scoreboard.render() + f"\nno summary: {scoreboard.missing_summary}"
    assert not scoreboard.missing_duties, scoreboard.render() + f"\nno duties: {scoreboard.missing_duties}"


def test_corpus_runs_in_reasonable_time(scoreboard: Scoreboard) -> None:
    assert scoreboard.seconds < 60, scoreboard.render()
