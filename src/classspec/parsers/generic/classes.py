"""The classes one document defines, and which record each value goes to.

Most documents define one class: one RecordBuilder takes everything. A series defines
several: by level lines ("Accountant I" ... "Accountant II", see parsers/levels.py) or
by a table of codes and titles (CalHR series pages), with each class's own text under
its title inside the sections ("Minimum Qualifications / Associate Agricultural
Biologist / ..."). `Records` is the document's `levels.Series` (one builder per
class) that knows which class owns each line: a class's own text goes to its record,
text no class owns to every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from classspec.builder import RecordBuilder, Source, source_lines
from classspec.document import Document, Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import cells
from classspec.normalize import title_case
from classspec.parsers.generic.headings import find_heading
from classspec.parsers.generic.lexicon import HEADINGS, TOP_LEVEL_KEYS
from classspec.parsers.levels import Series, find_levels
from classspec.sections import Section

_NOT_ALNUM = lazy_compile(r"[^0-9a-z]+")
# "Both Levels:", "All Levels", "All Classes": text that again belongs to every class.
_ALL_CLASSES = lazy_compile(r"(?:both|all)\s+(?:levels|classes|classifications)\s*:?", re.I)
# "Trainee/I", "Level II & III", "Levels I, II and III"
_LEVEL_JOINERS = lazy_compile(r"\s*(?:/|,|&|\band\b|\bor\b|\blevels?\b|\s)\s*", re.I)
_TABLE_CAPTION = lazy_compile(r"\bclass(?:es|ification)?\b.*\b(?:codes?|titles?)\b", re.I)
_CODE_CELL = lazy_compile(r"(?-i:(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{2,9})")


_RANGES = lazy_compile(r",?\s*\bRanges?\s+[A-Z]\b(?:(?:\s*,)?\s*(?:and\s+)?(?:Range\s+)?[A-Z]\b)*\s*$")

Owner = tuple[int, ...]


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


@dataclass(slots=True)
class Class:
    title: Piece
    code: Piece | None = None
    level: str | None = None
    series: Piece | None = None
    line_numbers: set[int] = field(default_factory=set)
    # Lines that name the class (its title line, its code line): used, not text.
    label_lines: set[int] = field(default_factory=set)


def _title_cell(text: str) -> bool:
    """A table cell that names a class ('Hearing Adviser I, California Energy Commission')."""
    words = text.split()
    return (
        2 <= len(words) <= 16
        and text[:1].isupper()
        and not text.endswith((".", ":"))  # "Job Code:" labels the cell beside it
        and (sum(w[:1].isupper() for w in words) >= 0.5 * len(words))
    )


def _table_classes(lines: Sequence[Line]) -> list[Class]:
    """Rows 'schematic code / class code / title' of a series table (two rows at least)."""
    found: list[Class] = []
    for line in lines:
        if "\t" not in line.text:
            continue
        row = [c for c in cells(line) if c]
        codes = [c for c in row if _CODE_CELL.fullmatch(c)]
        titles = [c for c in row if not _CODE_CELL.fullmatch(c) and _title_cell(c)]
        if codes and len(titles) == 1 and len(row) == len(codes) + 1:
            # The class code is the last code before the title (a schematic code may precede it).
            code = codes[-1]
            found.append(
                Class(
                    Piece(title_case(titles[0]) or titles[0], (line,)),
                    Piece(code, (line,)),
                    label_lines={line.number},
                )
            )
    if len(found) < 2 or len({_key(c.title.text) for c in found}) < len(found):
        return []
    # The table's header row and its caption ("... - Class Titles and Codes") name no class.
    content = [ln for ln in lines if not ln.blank]
    first = next(i for i, ln in enumerate(content) if ln.number == found[0].title.lines[0].number)
    for line in reversed(content[max(0, first - 2) : first]):
        if "\t" in line.text or _TABLE_CAPTION.search(line.text):
            found[0].label_lines.add(line.number)
        else:
            break
    return found


def _own_blocks(lines: Sequence[Line], classes: list[Class]) -> None:
    """A class owns the lines after its title, inside a section, up to the next class
    title, an 'all levels' line or the next section heading."""
    by_title = {_key(c.title.text): c for c in classes}
    # CalHR: the table's "Real Estate Officer, Range A, Range B, and Range C" heads its
    # qualifications as "Real Estate Officer" (its alternate ranges share them).
    for one in classes:
        by_title.setdefault(_key(_RANGES.sub("", one.title.text)), one)
    table_rows = set().union(*(c.label_lines for c in classes))
    current: list[Class] = []
    since_title = True  # no text yet under the last title: a title right after it joins it
    for line in lines:
        if line.blank or line.number in table_rows:
            continue
        named = by_title.get(_key(line.stripped.rstrip(":")))
        if named is not None:
            # "Hearing Adviser I" / "Hearing Adviser II" / text: the text is both classes'.
            current = [*current, named] if since_title and current else [named]
            since_title = True
            named.label_lines.add(line.number)
            continue
        since_title = False
        if _ALL_CLASSES.fullmatch(line.stripped):
            current = []
            classes[0].label_lines.add(line.number)  # a marker, not text: used with the labels
            continue
        heading = find_heading(line)
        # 'Experience: ...' / 'Education: ...' labels inside a class's minimum
        # qualifications are its own (CalHR 2884): they do not end its block.
        if heading and heading.key not in ("unknown", "experience", "education"):
            current = []
            continue
        for one in current:
            one.line_numbers.add(line.number)


def find_classes(lines: Sequence[Line]) -> list[Class]:
    """The classes of a series document; [] for a document of one class."""
    table = _table_classes(lines)
    if table:
        _own_blocks(lines, table)
        return table
    classes = []
    for level in find_levels(lines, HEADINGS, TOP_LEVEL_KEYS):
        label = {level.title.lines[0].number} | ({level.code.lines[0].number} if level.code else set())
        classes.append(
            Class(level.title, level.code, level.name, level.series, set(level.line_numbers), label)
        )
    # One level may have several blocks: one class per level, its blocks together.
    merged: dict[str, Class] = {}
    for one in classes:
        if one.level in merged:
            merged[one.level].line_numbers |= one.line_numbers
            merged[one.level].label_lines |= one.label_lines
            merged[one.level].code = merged[one.level].code or one.code
        else:
            merged[one.level or one.title.text] = one
    return list(merged.values())


class Records(Series):
    """The records of one document (`levels.Series`, one builder per class) and the
    class that owns each line. A handler's write goes to the classes that own its
    lines (`targets`): the class whose run is being read, else the one owning the
    source's lines, else every class (shared text)."""

    def __init__(self, doc: Document, parser_id: str, classes: list[Class]) -> None:
        super().__init__(RecordBuilder(doc, parser_id), [str(index) for index in range(len(classes) or 1)])
        self.classes = classes
        owners: dict[int, list[int]] = {}
        for index, one in enumerate(classes):
            for number in one.line_numbers:
                owners.setdefault(number, []).append(index)
        # The classes that own a line (one, or a few named together); shared lines have none.
        self.owner: dict[int, Owner] = {n: tuple(found) for n, found in owners.items()}
        self.label_lines = {n for c in classes for n in c.label_lines}
        self.started = False  # has a spec section (definition, duties ...) been read yet?
        self.current: Owner | None = None  # the classes whose own lines are being read
        self.label_ranks: dict[str, int] = {}  # the surest label rank seen per field
        self.label_code: str | None = None  # the code a label gave (to find the title naming it)
        self.label_code_line: int | None = None
        self.dates: dict[tuple[int, str], str] = {}  # the date set per (record, kind)
        for builder, one in zip(self.builders, classes, strict=False):
            builder.set("title", one.title.text, one.title)
            builder.set("class_code", one.code.text if one.code else None, one.code)
            builder.set("level", one.level, one.title)
            if one.series:
                builder.set("series", one.series.text, one.series)
                self.label_lines.update(ln.number for ln in one.series.lines)

    def levels_named(self, text: str) -> Owner | None:
        """The classes a level sub-heading names ('Trainee/I', 'Levels II and III'), or None."""
        levels = {c.level.lower(): i for i, c in enumerate(self.classes) if c.level}
        words = [w for w in _LEVEL_JOINERS.split(text.strip().rstrip(":").lower()) if w]
        if not levels or not words or any(w not in levels for w in words):
            return None
        return tuple(sorted({levels[w] for w in words}))

    def owner_of(self, line: Line) -> Owner | None:
        return self.owner.get(line.number)

    def targets(self, source: Source = None, owner: Owner | None = None) -> list[RecordBuilder]:
        owner = self.current if owner is None else owner
        if owner is None and source is not None:
            owners = {self.owner.get(ln.number) for ln in source_lines(source)}
            owner = owners.pop() if len(owners) == 1 else None
        return [self.builders[i] for i in owner] if owner is not None else self.builders


def owned_runs(section: Section, records: Records) -> list[tuple[Owner | None, list[Line]]]:
    """A section's lines cut into runs by owning class (class title lines left out)."""
    runs: list[tuple[Owner | None, list[Line]]] = []
    for line in section.lines:
        if line.number in records.label_lines:
            records.use(line)
            continue
        owner = None if line.blank and runs else records.owner_of(line)
        if line.blank and runs:
            owner = runs[-1][0]
        if runs and runs[-1][0] == owner:
            runs[-1][1].append(line)
        else:
            runs.append((owner, [line]))
    return runs or [(None, [])]
