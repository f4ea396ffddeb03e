"""City of Chicago DHR template: a Code/Family/Service/Group/Series header, CLASS TITLE,
duties grouped by department, and KSAs where '*' marks what is required at entry."""

from __future__ import annotations

import re

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import items, strip_marker, text_block
from classspec.model import Jurisdiction
from classspec.normalize import all_dates, title_case
from classspec.parsers import fields
from classspec.parsers.base import TemplateParser, marker, template_heading
from classspec.sections import Section, heading, split_at

HEADINGS = (
    template_heading("chicago", "code", inline=True),
    template_heading("chicago", "family", inline=True),
    template_heading("chicago", "service", inline=True),
    template_heading("chicago", "group", inline=True),
    template_heading("chicago", "series", inline=True),
    template_heading("chicago", "title", inline=True),
    template_heading("chicago", "summary"),
    template_heading("chicago", "duties"),
    template_heading("chicago", "qualifications"),
    template_heading("chicago", "working_conditions"),
    template_heading("chicago", "equipment"),
    template_heading("chicago", "physical"),
    template_heading("chicago", "ksa"),
    heading("footer", "City of Chicago", case_sensitive=True),
)
_LEVEL_HEADING = lazy_compile(r"(?:(?P<level>[A-Za-z]+(?: [A-Za-z]+)?) )?knowledge of\s*:", re.I)
_NAMED = lazy_compile(r"(?P<name>[A-Z][A-Z0-9 ,/&'()]+?)\s+[-\u2013\u2014]\s+(?P<text>.+)")
_ENTRY_LEGEND = lazy_compile(r"\*\s*May be required at entry\.?", re.I)
_QUALIFICATION_HEADS = lazy_compile(r"(?P<edu>Education|Training)|(?P<lic>Licen[sc]|Certif)", re.I)


def _is_qualification_heading(line: Line) -> bool:
    """'Education, Training, and Experience' style sub-heads: unmarked, capitalised,
    short, no closing period (a wrapped item line starts lower case)."""
    text = line.stripped
    return (
        not strip_marker(text)[0]
        and text[:1].isupper()
        and len(text.split()) <= 8
        and not text.endswith((".", ";", ","))
    )


def _duties(record: RecordBuilder, section: Section) -> None:
    """Duties grouped under department lines (unmarked); NOTE lines go to other_sections."""

    def is_department(line: Line) -> bool:
        marker_text, _ = strip_marker(line.stripped)
        return not marker_text and not line.stripped.upper().startswith("NOTE")

    for department, body in split_at(section.lines, is_department):
        category = Piece.of([department]) if department else None
        notes = [ln for ln in body if ln.stripped.upper().startswith("NOTE")]
        for item in items(ln for ln in body if ln not in notes):
            fields.add_duty(record, item, essential=True, category=category)
        if notes:
            record.other("Note on essential duties", text_block(notes))


def _qualifications(record: RecordBuilder, section: Section) -> None:
    """Items under 'Education, Training, and Experience' / 'Licensure, Certification, or
    Other Qualifications' sub-heads."""
    whole = text_block(section.lines)
    record.set("minimum_qualifications.text", whole.text, whole)
    target = "minimum_qualifications.experience"
    for head, body in split_at(section.lines, _is_qualification_heading):
        if head is not None:
            kind = _QUALIFICATION_HEADS.search(head.stripped)
            licenses = kind is not None and kind.group("lic") is not None
            target = f"minimum_qualifications.{'licenses' if licenses else 'experience'}"
            record.use(head)
        for item in items(body):
            record.add(target, item.text, item)


class _Ksa(fields.SubheadedKsa):
    """KNOWLEDGE / SKILLS / ABILITIES / OTHER WORK REQUIREMENTS sub-heads, knowledge by
    level ('Considerable knowledge of:'); '*' marks what is required at entry when the
    document's legend says so; 'NAME - text' items are named."""

    def special(self, record: RecordBuilder, line: Line, state: dict[str, object]) -> bool:
        found = _LEVEL_HEADING.fullmatch(line.stripped)
        if found and state["kind"] == "knowledge" and found.group("level"):
            state["level"] = Piece(found.group("level").lower(), (line,))
            record.use(line)
            return True
        if _ENTRY_LEGEND.fullmatch(line.stripped):
            record.other("Legend", Piece.of([line]))
            return True
        return False

    def unmarked_item(self, kind: str, body: str) -> bool:
        return kind == "knowledge" and body.lower().startswith("knowledge of")

    def add(
        self, record: RecordBuilder, kind: str, item: Piece, state: dict[str, object], *, marked: bool
    ) -> None:
        text = item.text
        required = text.startswith("*")
        text = text.lstrip("* ").strip()
        name = None
        named = _NAMED.fullmatch(text)
        if named and kind != "knowledge":
            name, text = title_case(named.group("name").strip()), named.group("text").strip()
        level = state.get("level") if marked else None
        level = level if isinstance(level, Piece) else None  # a level sub-head applies to list items
        marks_entry = any(_ENTRY_LEGEND.fullmatch(ln.stripped) for ln in record.doc.lines)
        entry = required if marks_entry else None
        fields.add_requirement(
            record,
            kind,
            item,
            name=name,
            text=text,
            level=level,
            required_at_entry=entry,
        )


def _footer(record: RecordBuilder, section: Section) -> None:
    """'City of Chicago / Department of Human Resources / March, 2022': the latest of the
    dates written there is the revision; earlier ones stay in the footer text."""
    dated = {line.number: max(found) for line in section.lines if (found := all_dates(line.stripped))}
    latest = max(dated, key=dated.__getitem__) if dated else None
    for line in section.lines:
        if line.number == latest:
            record.set("dates.revised", dated[latest], line)
        elif line.stripped == "Department of Human Resources":
            record.use(line)
        elif not line.blank:
            record.other("Footer", Piece.of([line]))


FIELDS = {
    "code": fields.inline_field(fields.code),
    "title": fields.inline_field(fields.title),
    "series": fields.inline_field(fields.label("series")),
    "family": fields.inline_field(fields.label("taxonomy.family")),
    "service": fields.inline_field(fields.label("taxonomy.service")),
    "group": fields.inline_field(fields.label("taxonomy.group")),
    "summary": fields.summary,
    "duties": _duties,
    "qualifications": _qualifications,
    "working_conditions": fields.item_list("working_conditions"),
    "equipment": fields.item_list("equipment"),
    "physical": fields.text_field("physical_demands.text"),
    "ksa": _Ksa("Other work requirements", marked_only=True),
    "footer": _footer,
}


class ChicagoParser(TemplateParser):
    id = "chicago"
    jurisdiction = Jurisdiction(id="chicago-il", name="City of Chicago", state="IL")
    markers = (
        marker("Family: header", r"^\s*Family:\s*\S", 0.2),
        marker("Service: header", r"^\s*Service:\s*\S", 0.1),
        marker("CLASS TITLE:", r"^\s*CLASS TITLE:", 0.15),
        marker("CHARACTERISTICS OF THE CLASS", r"^\s*CHARACTERISTICS OF THE CLASS\s*$", 0.25),
        marker("'* May be required at entry'", r"May be required at entry", 0.2),
        marker("City of Chicago", r"City of Chicago", 0.2),
        marker("Department of Human Resources", r"^\s*Department of Human Resources\s*$", 0.1),
    )
    HEADINGS = HEADINGS
    FIELDS = FIELDS
    OTHER = staticmethod(fields.other_block)

    def finish(self, record: RecordBuilder) -> None:
        if not record.has("title"):
            record.warn("no CLASS TITLE line found")
