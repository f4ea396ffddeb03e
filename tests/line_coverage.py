"""How much of a document landed in its records: the 'nothing dropped' measure used by
the tests and the corpus scoreboard."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from classspec.builder import RecordBuilder, finish_records
from classspec.document import Document, Line
from classspec.linetext import is_upper_heading, strip_marker
from classspec.model import ClassSpec
from classspec.normalize import SMALL_WORDS

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Lines this long must be found as text; shorter ones may be labels or headings whose
# value was normalized (e.g. 'FLSA: Non Exempt' -> non_exempt).
LONG_LINE_WORDS = 5
# Between table cells: the readers' tab, or the run of spaces PDF-to-text tools leave.
_CELL_GAP = re.compile(r"\t| {3,}")


# Emphasis a text export keeps from the original ('<u>3 years</u>'): formatting, not content.
_EMPHASIS_TAGS = re.compile(r"</?(?:u|b|i|em|strong)>", re.I)
# A lead-in that introduces a list ("A Clerk I typically -") carries no text of its own.
_LEAD_IN_ENDINGS = (":", " -", "\u2013", "\u2014")


def squash(text: str) -> str:
    return _NOT_ALNUM.sub("", _EMPHASIS_TAGS.sub("", text.lower()))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("source", "provenance", "jurisdiction"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def output_blob(records: Iterable[ClassSpec | dict]) -> str:
    """All output strings squashed; fields of one record are joined without a
    separator so that a line split into name and text ('ACTIVE LEARNING - ...') is found."""
    return "|".join(
        "".join(squash(s) for s in _strings(r if isinstance(r, dict) else r.to_dict())) for r in records
    )


def _is_title_case_heading(text: str) -> bool:
    """'Typical Examples Of Work (Illustrative Only)': a heading written in Title Case."""
    words = [w.strip("()[]:,-&/") for w in text.split()]
    words = [w for w in words if w and w[0].isalpha()]
    return (
        0 < len(words) <= 12
        and not text.rstrip().endswith((".", ";", ","))
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    )


def _is_structure(line: Line, blob: str) -> bool:
    """A used line that carries no text of its own: a heading, a short label, or a
    'Label: value' line whose value was taken."""
    text = line.stripped
    if _CELL_GAP.search(text):
        # A table row is short lines side by side ('Standing<TAB>F<TAB>Copier, fax'): each
        # cell is judged as a line, so a code normalized to a word still counts as taken.
        row = [cell.strip() for cell in _CELL_GAP.split(text) if squash(cell)]
        return all(squash(cell) in blob or _is_structure(Line(cell, line.number), blob) for cell in row)
    if len(text.split()) < LONG_LINE_WORDS or is_upper_heading(text) or text.endswith(_LEAD_IN_ENDINGS):
        return True
    if _is_title_case_heading(text):
        return True
    _, colon, value = text.partition(":")
    return bool(colon) and bool(squash(value)) and squash(value) in blob


@dataclass(slots=True)
class Coverage:
    content_lines: int
    long_lines: int
    long_covered: int
    dropped: list[Line]

    @property
    def long_rate(self) -> float:
        return self.long_covered / self.long_lines if self.long_lines else 1.0


def measure(doc: Document, builders: list[RecordBuilder]) -> tuple[list[ClassSpec], Coverage]:
    """Finish the builders and report which content lines did not land anywhere."""
    used = set().union(*(b.used_lines for b in builders)) if builders else set()
    records = finish_records(builders)
    blob = output_blob(records)
    dropped: list[Line] = []
    content = long_lines = long_covered = 0
    for line in doc.lines:
        # List numbering is structure: parsers strip it from the items they keep.
        key = squash(strip_marker(line.text)[1])
        if not key:
            continue
        content += 1
        found = key in blob or (line.number in used and _is_structure(line, blob))
        if len(line.text.split()) >= LONG_LINE_WORDS:
            long_lines += 1
            long_covered += found
        if not found:
            dropped.append(line)
    return records, Coverage(content, long_lines, long_covered, dropped)
