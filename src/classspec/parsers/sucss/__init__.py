"""Illinois State Universities Civil Service System (SUCSS) series specifications.

One file defines a whole series: a code table (one row per class), a Promotional Line,
a Series Narrative, then per-level blocks under DESCRIPTIONS OF LEVELS OF WORK and
MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY INTO. The parser reads the
series text once, and `levels.Series` gives each class a record of its own that
starts from it; a level's own text goes to its record, text every level shares
reaches them all (each keeps the provenance of the shared lines).

Decisions (documented in the tests):
- summary is the level's own description ("Employees in this class are ..."); the
  Series Narrative goes to each record's other_sections under its own heading, and
  becomes the summary only of a level that has no description of its own;
- the code table is kept verbatim in other_sections ("Code table"): its Last Action
  ("Rev.") and a placeholder effective date ("00/00/00") are facts about the
  document's history, not groupings, so they are not put in taxonomy;
- the numbered entry credentials are all required, so their months add up;
- personal attributes are listed under "required for entry into", hence
  required_at_entry is true.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import items, strip_marker, text_block
from classspec.model import Jurisdiction
from classspec.normalize import title_case
from classspec.parsers.base import Reading, TemplateParser, marker, template_heading
from classspec.parsers.fields import SectionReader
from classspec.parsers.levels import Series
from classspec.parsers.sucss.entry import read_entry, unmarked_piece
from classspec.parsers.sucss.table import CODE, Level, read_code_table, read_identity, titled
from classspec.sections import Section, split_at

HEADINGS = (
    template_heading("sucss", "promotional_line", inline=True),
    template_heading("sucss", "narrative"),
    template_heading("sucss", "levels"),
    template_heading("sucss", "qualifications"),
)
CODE_LINE = lazy_compile(rf"(?:Code(?:\s+No\.?)?:?\s*)?(?P<code>{CODE})")
LEVEL_HEADING = lazy_compile(
    r"Level\s+(?P<level>[IVX]+|\d+|Trainee|[A-Z][a-z]+)\s*[:.\u2013\u2014-]\s*(?P<title>.+)", re.I
)
# "A Customer Service Representative I typically –", "Typical duties include:": the
# lead-in of the duty list.
DUTY_INTRO = lazy_compile(r".*\btypically\b\s*(?:[-:\u2013\u2014]\s*)?|.{3,100}(?::|\s[-\u2013\u2014])", re.I)


class SucssParser(TemplateParser):
    id = "sucss"
    jurisdiction = Jurisdiction(id="sucss-il", name="State Universities Civil Service System", state="IL")
    markers = (
        marker("Series Narrative", r"^\s*Series Narrative\s*$", 0.25),
        marker("DESCRIPTIONS OF LEVELS OF WORK", r"^\s*DESCRIPTIONS? OF LEVELS? OF WORK\s*$", 0.25),
        marker(
            "MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY",
            r"^\s*MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY",
            0.25,
        ),
        marker("Promotional Line:", r"^\s*Promotional Lines?:\s*\d", 0.2),
        marker("code table header", r"Code No\.\s+Class Title\s+Area\s+Area", 0.15),
        marker("CREDENTIALS TO BE VERIFIED", r"^\s*CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER", 0.15),
        marker("PERSONAL ATTRIBUTES NEEDED", r"^\s*PERSONAL ATTRIBUTES NEEDED TO UNDERTAKE", 0.1),
        marker("State Universities Civil Service", r"State Universities Civil Service", 0.2),
    )

    HEADINGS = HEADINGS
    FIRST_KEY = "header"

    def reading(self) -> _Reading:
        return _Reading(self.FIELDS)


class _Reading(Reading):
    """One series document. The header's code table names the classes; the
    promotional line and the Series Narrative are text every class shares; the level
    blocks are read per class once every class is known (without a code table, the
    level headings of the body name them), and `levels.Series` gives one record per
    class."""

    def __init__(self, fields_: Mapping[str, SectionReader]) -> None:
        super().__init__(fields_)
        self.levels: list[Level] = []
        self.narrative: Piece | None = None
        self.blocks: list[Section] = []  # the level blocks, read in `finish`
        self.update(
            header=self.header,
            promotional_line=_promotional_line,
            narrative=self.read_narrative,
            levels=self.blocks_later,
            qualifications=self.blocks_later,
        )

    def header(self, record: RecordBuilder, section: Section) -> None:
        self.levels = read_code_table(record, section.lines)

    def read_narrative(self, record: RecordBuilder, section: Section) -> None:
        self.narrative = unmarked_piece(section.text()) if section.content_lines else None
        if self.narrative:
            record.other("Series Narrative", self.narrative)

    def blocks_later(self, record: RecordBuilder, section: Section) -> None:
        self.blocks.append(section)

    def finish(self, record: RecordBuilder, sections: Sequence[Section]) -> list[RecordBuilder]:
        levels = self.levels
        if not levels:
            # The code table is authoritative; without one (lost in extraction) the
            # level headings of the body name the classes.
            _add_heading_levels(levels, self.blocks)
        if not levels:
            record.warn("no class found in the code table or the level headings")
            levels = [Level(None, None)]
        series = Series(record, [str(index) for index in range(len(levels))])
        for index, level in enumerate(levels):
            level.record = series.level(str(index))
            read_identity(level)
        for section in self.blocks:
            _per_level(section, levels, series)
        records = series.records()
        for level, each in zip(levels, records, strict=True):
            if not each.has("summary") and self.narrative:
                each.set("summary", self.narrative.text, self.narrative)
            if not each.has("duties"):
                each.warn(f"no duties found for {level.title or 'this class'}")
            if not each.has("minimum_qualifications.text"):
                each.warn(f"no entry qualifications found for {level.title or 'this class'}")
        return records


def _promotional_line(record: RecordBuilder, section: Section) -> None:
    """Text every level shares."""
    if section.inline:
        record.set("taxonomy.promotional_line", section.inline.text, section.inline)
    if section.content_lines:
        record.other(None, text_block(section.lines))


# -- series header ---------------------------------------------------
def _add_heading_levels(levels: list[Level], blocks: list[Section]) -> None:
    for section in blocks:
        for head, body in split_at(section.lines, lambda ln: _is_level_heading(ln, levels)):
            if head is None or _find_level(levels, head, body) is not None:
                continue
            found = LEVEL_HEADING.fullmatch(head.stripped)
            title = found.group("title") if found else head.stripped
            code = _code_in(body)
            levels.append(Level(code.group("code") if code else None, title_case(collapse(title))))


# -- per-level blocks ------------------------------------------------
def _per_level(section: Section, levels: list[Level], shared: Series) -> None:
    for head, body in split_at(section.lines, lambda ln: _is_level_heading(ln, levels)):
        level = _find_level(levels, head, body) if head is not None else None
        if level is None and len(levels) == 1:
            level = levels[0]
        if level is None:
            # Text before the first level heading, or a level no table row names:
            # shared by every class of the series.
            if head is not None:
                shared.warn(f"level heading {head.stripped!r} names no class of the code table")
                shared.use(head)
            shared.other(head.stripped if head else section.heading, text_block(body))
            continue
        record = level.record
        category = Piece.of([head]) if head is not None else None
        if category is not None:
            record.use(head)
            # A title without a numeral ('Level I: Accountant') takes the heading's.
            numbered = LEVEL_HEADING.fullmatch(category.text)
            if numbered and not record.has("level"):
                record.set("level", numbered.group("level"), head)
        code = _code_in(body)
        if code is not None:
            line = next(ln for ln in body if not ln.blank)
            record.use(line)
            body = body[body.index(line) + 1 :]
        if section.key == "levels":
            _description(record, category, body)
        else:
            read_entry(record, body)


def _description(record: RecordBuilder, category: Piece | None, lines: list[Line]) -> None:
    start = next((i for i, ln in enumerate(lines) if _starts_duties(ln)), len(lines))
    summary = unmarked_piece(text_block(lines[:start]))
    record.set("summary", summary.text, summary)
    duty_lines = lines[start:]
    if duty_lines and DUTY_INTRO.fullmatch(duty_lines[0].stripped):
        record.use(duty_lines[0])
        duty_lines = duty_lines[1:]
    for item in items(duty_lines):
        item = unmarked_piece(item)
        value = {"text": item.text, "category": category.text if category else None, "essential": None}
        record.add("duties", value, item, category=category)


def _starts_duties(line: Line) -> bool:
    """The duty list begins at its lead-in line or, lacking one, at the first list item."""
    return bool(DUTY_INTRO.fullmatch(line.stripped) or strip_marker(line.stripped)[0])


def _is_level_heading(line: Line, levels: list[Level]) -> bool:
    text = collapse(line.stripped)
    if LEVEL_HEADING.fullmatch(text):
        return True
    return titled(levels, text) is not None


def _code_in(body: Sequence[Line]) -> re.Match[str] | None:
    """The class code written on the first line under a level heading."""
    first = next((ln for ln in body if not ln.blank), None)
    return CODE_LINE.fullmatch(first.stripped) if first is not None else None


def _find_level(levels: list[Level], head: Line, body: Sequence[Line]) -> Level | None:
    """The class a level heading belongs to: by the code under it, else its title,
    else its level numeral."""
    code = _code_in(body)
    if code:
        for level in levels:
            if level.code == code.group("code"):
                return level
    text = collapse(head.stripped)
    found = LEVEL_HEADING.fullmatch(text)
    named = titled(levels, found.group("title") if found else text)
    if named is not None:
        return named
    if found:
        for level in levels:
            if level.level and level.level.lower() == found.group("level").lower():
                return level
    return None
