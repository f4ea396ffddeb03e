"""Shared field readers: what a section or a labelled line of a spec means for the
record, written once for every template.

A template parser is mostly a table: `HEADINGS` (heading rules, see `sections`) and
`FIELDS` (heading key -> one of the readers below). `TemplateParser.parse` cuts the
document at the headings and hands each section to its reader; a section with no
reader goes to `other_sections`. Readers only call the builder's public methods.

- section readers, `(record, section) -> None`: `summary`, `text_field`, `item_list`,
  `duty_list`, `ksa_list`, `SubheadedKsa`, `inline_field`, `other`, `other_block`;
- line readers for one-line fields found anywhere (`take_line_fields`),
  `(record, value, line) -> bool`: `code`, `title`, `flsa`, `date`, `dates_line`, `label`;
- the vocabularies they sort by (which KSA kind, which kind of qualification) are in
  `parsers.requirement_kinds`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import items, paragraphs, strip_marker, text_block
from classspec.normalize import all_dates, flsa_status, iso_date, title_case
from classspec.parsers.requirement_kinds import ksa_kind_of_heading, ksa_kind_of_item
from classspec.sections import HeadingRule, Section, match_heading

# A section reader: what it writes to, and the section (its heading, its inline value
# and its own lines). A template writes to its RecordBuilder; the generic engine to its
# `Records` (a `levels.Series`, a builder per class it defines), with the same signature.
Writer = TypeVar("Writer")
Reader = Callable[[Writer, Section], None]
SectionReader = Reader[RecordBuilder]
LineReader = Callable[[RecordBuilder, Piece, Line], bool]
# How a section's lines become items: `linetext.items` (markers and lower-case wraps),
# `linetext.prose_items` (PDF wraps too), `linetext.paragraphs` (markers kept).
Itemize = Callable[[Sequence[Line]], list[Piece]]


# -- section readers ---------------------------------------------------------------------
def heading_piece(section: Section) -> Piece | None:
    """The section's heading as other_sections shows it: without its colon, with its line."""
    return section.heading.with_text(section.heading.text.rstrip(":").strip()) if section.heading else None


def body_lines(section: Section) -> list[Line]:
    """The section's lines, with content written on the heading's own line first."""
    if not section.inline:
        return list(section.lines)
    source = section.inline.lines[0]
    return [Line(section.inline.text, source.number, source.page), *section.lines]


def other_paragraphs(itemize: Itemize = paragraphs) -> SectionReader:
    """A section no field takes: its paragraphs under its heading."""

    def read(record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        for paragraph in itemize(body_lines(section)):
            record.other(heading_piece(section), paragraph)

    return read


other = other_paragraphs()


def other_block(record: RecordBuilder, section: Section) -> None:
    """A section no field takes, as one block under its heading line as written."""
    if section.lines:
        record.other(section.heading, text_block(section.lines))


def inline_field(reader: LineReader, rest: SectionReader = other_block) -> SectionReader:
    """A labelled value on the heading's own line ('Code: 7401'); the lines under it,
    if any, go to `rest`."""

    def read(record: RecordBuilder, section: Section) -> None:
        if section.inline is not None and not reader(record, section.inline, section.inline.lines[0]):
            record.other(heading_piece(section), section.inline)
        rest(record, section)

    return read


def summary(record: RecordBuilder, section: Section) -> None:
    """The definition of the class: the whole section, inline text first."""
    record.use(section.heading)
    parts = [section.inline, text_block(section.lines)] if section.inline else [section.text()]
    text = Piece.join(parts, sep="\n\n")
    record.set("summary", text.text, text)


def text_field(path: str) -> SectionReader:
    """The whole section as one text value ('physical_demands.text')."""

    def read(record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        text = text_block(body_lines(section))
        record.set(path, text.text, text)

    return read


def item_list(path: str, itemize: Itemize = items) -> SectionReader:
    """Each list item of the section as a string ('working_conditions', 'equipment')."""

    def read(record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        for item in itemize(body_lines(section)):
            record.add(path, item.text, item)

    return read


def add_duty(
    record: RecordBuilder,
    item: Piece,
    *,
    essential: bool | None = None,
    category: Piece | None = None,
    physical_strength: str | None = None,
    strength_source: Sequence[Line] | None = None,
) -> None:
    """One duty; `essential` only where the document says essential / additional."""
    value = {
        "text": item.text,
        "category": category.text if category else None,
        "essential": essential,
        "physical_strength": physical_strength,
    }
    record.add("duties", value, item, category=category, physical_strength=strength_source)


def duty_list(
    essential: bool | None = None, boilerplate: re.Pattern[str] | None = None, itemize: Itemize = items
) -> SectionReader:
    """Each list item a duty; items matching `boilerplate` ('The following duties are
    normal for this position') go to other_sections under the heading."""

    def read(record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        for item in itemize(body_lines(section)):
            if boilerplate is not None and boilerplate.search(item.text):
                record.other(heading_piece(section), item)
            else:
                add_duty(record, item, essential=essential)

    return read


def add_requirement(
    record: RecordBuilder,
    kind: str,
    item: Piece,
    *,
    name: str | None = None,
    text: str | None = None,
    level: Piece | None = None,
    required_at_entry: bool | None = None,
) -> None:
    """One knowledge / skill / ability / other requirement."""
    value = {
        "name": name,
        "text": item.text if text is None else text,
        "level": level.text if level else None,
        "required_at_entry": required_at_entry,
    }
    record.add(kind, value, item, level=level, name=item if name else None)


def ksa_list(itemize: Itemize = items) -> SectionReader:
    """Items sorted by how they open ('Knowledge of', 'Skill in', 'Ability to')."""

    def read(record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        for item in itemize(body_lines(section)):
            add_requirement(record, ksa_kind_of_item(item.text), item)

    return read


class SubheadedKsa:
    """Requirements listed one a line under 'KNOWLEDGE OF:' / 'SKILL IN:' / 'ABILITY TO:'
    sub-heads (`KSA_KINDS`); an unmarked line starting lower-case continues the item
    above and the item cites it too; lines under no sub-head go to other_sections under
    `leftover_heading`. A template refines it by overriding `special` (its own lines:
    level sub-heads, legends) and `add` (how an item is written)."""

    def __init__(self, leftover_heading: str, *, default: str | None = None, marked_only: bool = False):
        self.leftover_heading = leftover_heading
        self.default = default  # the kind before any sub-head ("REQUIRED ABILITIES")
        self.marked_only = marked_only  # only list-marked lines are items

    def __call__(self, record: RecordBuilder, section: Section) -> None:
        state: dict[str, object] = {"kind": self.default}
        leftovers: list[Line] = []
        for line in section.lines:
            text = line.stripped
            if not text or self.special(record, line, state):
                continue
            marker_text, body = strip_marker(text)
            head = ksa_kind_of_heading(body)
            if head is not None:
                state.update(kind=head, level=None)
                record.use(line)
                continue
            kind = state["kind"]
            # Only an unmarked line may continue the item above (its list is looked up then).
            so_far = record.get(kind) if isinstance(kind, str) and not marker_text else None
            if so_far and _continues(so_far[-1]["text"], body):
                record.extend(f"{kind}[{len(so_far) - 1}]", Piece(body, (line,)))
            elif isinstance(kind, str) and (
                marker_text or not self.marked_only or self.unmarked_item(kind, body)
            ):
                self.add(record, kind, Piece(body, (line,)), state, marked=bool(marker_text))
            else:
                leftovers.append(line)
        for paragraph in items(leftovers):
            record.other(self.leftover_heading, paragraph)

    def special(self, record: RecordBuilder, line: Line, state: dict[str, object]) -> bool:
        """A line this template reads itself (True: taken)."""
        return False

    def unmarked_item(self, kind: str, body: str) -> bool:
        """With `marked_only`: an unmarked line that is an item all the same."""
        return False

    def add(
        self, record: RecordBuilder, kind: str, item: Piece, state: dict[str, object], *, marked: bool
    ) -> None:
        add_requirement(record, kind, item)


def _continues(previous: str, body: str) -> bool:
    """A wrapped line: it starts lower-case and the item above did not end its sentence."""
    return body[:1].islower() and not previous.endswith((".", ";"))


# -- one-line fields ----------------------------------------------------------------------
def take_line_fields(
    record: RecordBuilder,
    lines: Sequence[Line],
    rules: Sequence[HeadingRule],
    readers: Mapping[str, LineReader],
) -> list[Line]:
    """Take labelled one-line fields ('Class Code: 2108', 'FLSA: Non-Exempt') out of the
    flow wherever they stand (a PDF repeats its page header); return the other lines.
    A rule's `rest` group is the value; a reader returning False leaves the line in."""
    remaining: list[Line] = []
    for line in lines:
        found = match_heading(line, rules) if not line.blank else None
        if found is None:
            remaining.append(line)
            continue
        rule, value = found
        reader = readers.get(rule.key)
        if reader is None:  # furniture: a template banner, a page number
            record.use(line)
        elif value is None or not reader(record, value, line):
            remaining.append(line)
        else:
            record.use(line)
    return remaining


def code(record: RecordBuilder, value: Piece, line: Line) -> bool:
    record.set("class_code", value.text, line)
    return True


def title(record: RecordBuilder, value: Piece, line: Line) -> bool:
    record.set("title", title_case(value.text), line)
    return True


def flsa(record: RecordBuilder, value: Piece, line: Line) -> bool:
    status = flsa_status(value.text)
    if status is None:
        return False
    record.set("flsa_status", status.value, line)
    return True


def date(kind: str) -> LineReader:
    """'Revised: 03/2019' -> dates.revised; not a date: the line stays in the flow."""

    def read(record: RecordBuilder, value: Piece, line: Line) -> bool:
        found = iso_date(value.text)
        if found is None:
            return False
        record.set(f"dates.{kind}", found, line)
        return True

    return read


def label(path: str) -> LineReader:
    """A labelled value kept as written ('Department: Utilities' -> taxonomy.department)."""

    def read(record: RecordBuilder, value: Piece, line: Line) -> bool:
        record.set(path, value.text, line)
        return True

    return read


_DATE_LABELS = (
    ("established", lazy_compile(r"(?:CSC\s+)?(?:adopted|established|created)", re.I)),
    ("revised", lazy_compile(r"(?:CSC\s+)?(?:last\s+)?(?:revised|revision|amended)", re.I)),
    ("effective", lazy_compile(r"effective", re.I)),
)
_DATE_LABEL = lazy_compile(
    r"(?P<label>(?:CSC\s+)?(?:adopted|established|created|(?:last\s+)?revised|revision|amended|effective))"
    r"\s*:",
    re.I,
)


def dates_line(record: RecordBuilder, value: Piece, line: Line) -> bool:
    """'Adopted: March 2004, CSC Revised: June 2012; August 2019' -> established and the
    latest revision; a blank ('Revised: ____') means none. False when no date is read."""
    labels = list(_DATE_LABEL.finditer(value.text))
    ends = [m.start() for m in labels[1:]] + [len(value.text)]
    found_any = False
    for label, end in zip(labels, ends, strict=True):
        kind = next((k for k, pattern in _DATE_LABELS if pattern.fullmatch(label["label"])), None)
        dates = all_dates(value.text[label.end() : end])
        if kind is None or not dates:
            continue
        record.set(f"dates.{kind}", max(dates) if kind == "revised" else min(dates), line)
        found_any = True
    return found_any
