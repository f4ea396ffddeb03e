"""Requirements and pay over the City of Los Angeles bulletins (run with -s for the figures).

Salary, open date and deadline are read by the facts step from the document lines; the
expected values here come from plain regular expressions over the raw files. Paths are
scored on each bulletin's REQUIREMENT section, taken from the record when its parser
found it, else from the document lines, and on 30 bulletins read by hand
(tests/cases/losangeles/paths_sample.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from classspec.api import parse_document
from classspec.errors import ClassSpecError
from classspec.normalize.paths import qualification_paths
from classspec.readers import read_path
from conftest import REPO, SHARED

CORPUS = SHARED / "corpus" / "losangeles"
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SAMPLE = json.loads((REPO / "tests" / "cases" / "losangeles" / "paths_sample.json").read_text())

_FIRST_SALARY = re.compile(r"SALARY[^\n]*\n(?:[ \t]*\n)*[^\n$]*\$\s*(?P<amount>[\d,]+)")
_OPEN_DATE = re.compile(r"Open Date:\s*(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d{4}|\d\d)(?!\d)")
_DEADLINE = re.compile(
    r"APPLICATION DEADLINE\s*\n(?:[ \t]*\n)*[^\n]*?(?P<month>[A-Z]{3,9}) (?P<day>\d{1,2}), (?P<year>\d{4})"
)
_MONTHS = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
]
_REQUIREMENT_HEADING = re.compile(r"^\s*REQUIREMENTS?\b[/ A-Z]*$")


def requirement_section(text: str) -> str:
    """The REQUIREMENT(S)/MINIMUM QUALIFICATION(S) section: up to the next upper-case heading."""
    found: list[str] = []
    inside = False
    for line in text.splitlines():
        stripped = line.strip()
        if _REQUIREMENT_HEADING.match(stripped):
            inside = True
            continue
        if (
            inside
            and stripped.isupper()
            and len(stripped) < 60
            and not re.match(r"^(?:\d+\.|[a-z]\.|OR|AND)\b", stripped)
        ):
            break
        if inside and stripped:
            found.append(stripped)
    return "\n".join(found)


@dataclass
class Board:
    files: int = 0
    errors: list[str] = field(default_factory=list)
    salary_stated: int = 0
    salary_right: list[str] = field(default_factory=list)
    salary_wrong: list[str] = field(default_factory=list)
    opened_stated: int = 0
    opened_right: int = 0
    deadline_stated: int = 0
    deadline_right: int = 0
    with_requirement: int = 0
    with_paths: int = 0
    min_consistent: int = 0
    min_checked: int = 0
    sample_facts: int = 0
    sample_right: int = 0
    sample_misses: list[str] = field(default_factory=list)
    paths_by_file: dict[str, list[dict]] = field(default_factory=dict)

    def render(self) -> str:
        def rate(part: int, whole: int) -> str:
            return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"

        return "\n".join(
            [
                f"Los Angeles bulletins: {self.files} files, {len(self.errors)} errors",
                f"  salary = first stated range: {rate(len(self.salary_right), self.salary_stated)}",
                f"  open date: {rate(self.opened_right, self.opened_stated)}",
                f"  deadline (where a date is stated): {rate(self.deadline_right, self.deadline_stated)}",
                "  paths present (bulletins with a requirement): "
                f"{rate(self.with_paths, self.with_requirement)}",
                f"  min_experience_months = smallest path: {rate(self.min_consistent, self.min_checked)}",
                f"  hand-checked sample facts: {rate(self.sample_right, self.sample_facts)}",
                *(f"    miss: {miss}" for miss in self.sample_misses),
            ]
        )


def _score_record(board: Board, path: Path, raw: str, record) -> None:
    salary = _FIRST_SALARY.search(raw)
    if salary:
        board.salary_stated += 1
        expected = int(salary.group("amount").replace(",", ""))
        right = bool(record.salary) and record.salary[0].min == expected
        (board.salary_right if right else board.salary_wrong).append(path.name)
    opened = _OPEN_DATE.search(raw)
    if opened:
        board.opened_stated += 1
        year = (
            opened["y"] if len(opened["y"]) == 4 else ("20" if int(opened["y"]) <= 30 else "19") + opened["y"]
        )
        board.opened_right += record.dates.opened == f"{year}-{opened['m']}-{opened['d']}"
    deadline = _DEADLINE.search(raw)
    if deadline and deadline["month"] in _MONTHS:
        board.deadline_stated += 1
        month = _MONTHS.index(deadline["month"]) + 1
        board.deadline_right += (
            record.dates.deadline == f"{deadline['year']}-{month:02d}-{int(deadline['day']):02d}"
        )
    quals = record.minimum_qualifications
    text = quals.text or requirement_section(raw)
    if not text:
        return
    board.with_requirement += 1
    paths = [p.model_dump() for p in quals.paths] if quals.paths else qualification_paths(text)
    board.paths_by_file[path.name] = paths
    board.with_paths += bool(paths)
    months = [p["experience_months"] for p in paths if p["experience_months"] is not None]
    if quals.paths and months:
        board.min_checked += 1
        board.min_consistent += quals.min_experience_months == min(months)


def _score_sample(board: Board) -> None:
    for bulletin in SAMPLE["bulletins"]:
        found = board.paths_by_file.get(bulletin["file"], [])
        name = bulletin["file"].rsplit(" ", 2)[0]
        board.sample_facts += 1
        if len(found) == len(bulletin["paths"]):
            board.sample_right += 1
        else:
            board.sample_misses.append(f"{name}: {len(found)} paths, expected {len(bulletin['paths'])}")
        for index, expected in enumerate(bulletin["paths"]):
            got = found[index] if index < len(found) else {}
            licenses = " | ".join(got.get("licenses", [])).lower()
            checks = {
                "label": got.get("label") == expected["label"],
                "months": got.get("experience_months") == expected["experience_months"],
                "prior classes": set(got.get("prior_classes", [])) == set(expected["prior_classes"]),
                "licences": all(key.lower() in licenses for key in expected["licenses"])
                and bool(licenses) == bool(expected["licenses"]),
            }
            for fact, right in checks.items():
                board.sample_facts += 1
                board.sample_right += right
                if not right:
                    board.sample_misses.append(
                        f"{name} path {index + 1} {fact}: got {got.get(_KEYS[fact])!r}"
                    )


_KEYS = {
    "label": "label",
    "months": "experience_months",
    "prior classes": "prior_classes",
    "licences": "licenses",
}


pytestmark = [pytest.mark.corpus("losangeles"), pytest.mark.slow]


@pytest.fixture(scope="module")
def board() -> Board:
    result = Board(files=len(FILES))
    for path in FILES:
        raw = path.read_text(encoding="utf-8", errors="replace")
        try:
            records = parse_document(read_path(path))
        except ClassSpecError as error:
            # Still score the bulletin's requirement: the normalizer does not need a record.
            result.errors.append(f"{path.name}: {error}")
            result.paths_by_file[path.name] = qualification_paths(requirement_section(raw))
            continue
        _score_record(result, path, raw, records[0])
    _score_sample(result)
    print("\n" + result.render())
    return result


def test_salary_is_the_first_stated_range(board: Board) -> None:
    assert len(board.salary_right) >= 0.98 * board.salary_stated, board.salary_wrong


def test_open_date_found(board: Board) -> None:
    assert board.opened_right >= 0.98 * board.opened_stated


def test_deadline_found_where_a_date_is_stated(board: Board) -> None:
    assert board.deadline_right >= 0.98 * board.deadline_stated


def test_paths_present_where_there_is_a_requirement(board: Board) -> None:
    assert board.with_requirement >= 0.9 * (board.files - len(board.errors))
    assert board.with_paths >= 0.95 * board.with_requirement


def test_min_experience_is_the_smallest_path(board: Board) -> None:
    assert board.min_consistent >= 0.99 * board.min_checked


def test_hand_checked_sample(board: Board) -> None:
    assert board.sample_right >= 0.95 * board.sample_facts, "\n".join(board.sample_misses)
