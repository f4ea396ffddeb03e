"""Series: one document that defines several classes (Trainee / I / II / III, or a
table of codes and titles), read as one record per class.

`Series` is the one way a document becomes several records, for a template (SUCSS)
and the generic engine alike: one builder per class, each starting from what was read
before the classes were known. What the document says for every class is written
through the series (`set`, `add`, `append_text`, `other`, `use`, `warn`) and reaches
every class's builder as it is read, so each record keeps the document's order and
the shared lines' provenance; what one class says goes to its own builder (`level`).
The generic engine's `Records` routes each write to the classes that own its lines
(`targets`).

`find_levels` finds the levels of a document that writes no code table:
A level is announced by a line that is a class title ending in a level word
("Level II: Customer Service Representative II", "Accountant III"); its block runs to
the next level line or to the next top-level section heading. A document is a series
when one title stem appears with two or more different levels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from classspec.builder import RecordBuilder, Source
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.normalize import title_case
from classspec.sections import HeadingRule, match_heading

LEVEL_WORDS = r"I{1,3}|IV|VI{0,3}|Trainee|Apprentice"
_LEVEL_LINE = lazy_compile(
    rf"(?:level\s+\w+\s*[:.\-\u2013\u2014]\s*)?"
    rf"(?P<title>(?P<stem>[A-Z][^\t:;.]{{2,80}}?)\s+(?P<level>{LEVEL_WORDS}))\s*:?",
    re.I,
)
_CODE_LINE = lazy_compile(r"(?-i:(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{2,9})")
_SERIES_LINE = lazy_compile(r"[A-Z][^\t:.]{2,80}\bseries", re.I)
MAX_LEVEL_WORDS = 10
# Numbered parts of a document, not classes.
_NOT_STEMS = lazy_compile(
    r"(?:part|section|article|appendix|chapter|step|phase|grade|tier|level|range|band|table)", re.I
)


@dataclass(slots=True)
class Level:
    key: str
    name: str
    title: Piece
    code: Piece | None = None
    series: Piece | None = None
    line_numbers: set[int] = field(default_factory=set)


class Series:
    """The records of one document, a builder per class (a document of one class is a
    series of one); a write through the series reaches every class it targets."""

    def __init__(self, start: RecordBuilder, keys: Iterable[str]) -> None:
        self.own = {key: start.copy() for key in keys}
        self.builders = list(self.own.values())

    def level(self, key: str) -> RecordBuilder:
        """The builder of one class, for what only that class's text says."""
        return self.own[key]

    def records(self) -> list[RecordBuilder]:
        return self.builders

    def targets(self, source: Source = None) -> list[RecordBuilder]:
        """The builders a write of `source` goes to: here every class's."""
        return self.builders

    def set(self, path: str, value: object, source: Source = None, *, keep: bool = False) -> None:
        """Set a field; with keep=True only where it is still empty."""
        for builder in self.targets(source):
            if not (keep and builder.has(path)):
                builder.set(path, value, source)

    def has(self, path: str, source: Source = None) -> bool:
        return all(builder.has(path) for builder in self.targets(source))

    def add(self, path: str, value: object, source: Source = None, **parts: Source) -> None:
        for builder in self.targets(source):
            builder.add(path, value, source, **parts)

    def append_text(self, path: str, body: Piece) -> None:
        """Set a text field, or add a paragraph to it ('Definition' then 'Nature of Work')."""
        for builder in self.targets(body):
            if builder.has(path):
                builder.extend(path, body, sep="\n\n")
            else:
                builder.set(path, body.text, body)

    def other(self, heading: str | Piece | None, body: Piece) -> None:
        for builder in self.targets(body):
            builder.other(heading, body)

    def use(self, source: Source) -> None:
        """Lines that name no value (headings, labels) are used for every class."""
        for builder in self.builders:
            builder.use(source)

    def warn(self, message: str) -> None:
        for builder in self.builders:
            builder.warn(message)


def _level_line(line: Line) -> re.Match[str] | None:
    text = line.stripped
    if "\t" in text or len(text.split()) > MAX_LEVEL_WORDS:
        return None
    found = _LEVEL_LINE.fullmatch(text)
    # The stem must read as a title (capitalised words), not a sentence.
    if (
        found
        and not _NOT_STEMS.fullmatch(found["stem"].strip())
        and all(
            w[:1].isupper() or w.lower() in ("of", "and", "the", "for", "in", "&")
            for w in found["stem"].split()
        )
    ):
        return found
    return None


def find_levels(lines: Sequence[Line], rules: Sequence[HeadingRule], top_keys: Iterable[str]) -> list[Level]:
    """The level blocks of a series document, in order (a level may have several
    blocks, e.g. its duties and later its entry qualifications); [] when not a series."""
    candidates = [(ln, m) for ln in lines if (m := _level_line(ln))]
    stems: dict[str, set[str]] = {}
    for _, found in candidates:
        stems.setdefault(found["stem"].lower(), set()).add(found["level"].upper())
    series_stems = [stem for stem, found_levels in stems.items() if len(found_levels) >= 2]
    if not series_stems:
        return []
    stem = max(series_stems, key=lambda s: len(stems[s]))
    starts = {ln.number: m for ln, m in candidates if m["stem"].lower() == stem}
    # A section heading ends a level's block, unless each level has one of its own
    # ("Accountant I ... Examples of Duties ... Accountant II ... Examples of Duties").
    headings = [(ln.number, found[0].key) for ln in lines if (found := match_heading(ln, rules))]
    distinct_levels = len({m["level"].upper() for m in starts.values()})
    repeated = {
        key for key in {k for _, k in headings} if sum(k == key for _, k in headings) >= distinct_levels
    }
    ending = {number for number, key in headings if key in set(top_keys) - repeated}
    series = _series_line(lines)
    levels: list[Level] = []
    current: Level | None = None
    for line in lines:
        if line.number in starts:
            found = starts[line.number]
            name = found["level"].upper() if found["level"].upper() != "TRAINEE" else "Trainee"
            title = Piece(title_case(collapse(found["title"])), (line,))
            current = Level(name.lower(), name, title, series=series, line_numbers={line.number})
            levels.append(current)
            continue
        if line.number in ending:
            current = None
            continue
        if current is None:
            continue
        current.line_numbers.add(line.number)
        if current.code is None and not line.blank and _CODE_LINE.fullmatch(line.stripped):
            current.code = Piece(line.stripped, (line,))
    # A level's code, written once, holds for its later blocks too.
    codes = {lv.key: lv.code for lv in levels if lv.code}
    for level in levels:
        level.code = level.code or codes.get(level.key)
    return levels


def _series_line(lines: Sequence[Line]) -> Piece | None:
    for line in [ln for ln in lines if not ln.blank][:5]:
        if _SERIES_LINE.fullmatch(line.stripped):
            return Piece(title_case(collapse(line.stripped)), (line,))
    return None
