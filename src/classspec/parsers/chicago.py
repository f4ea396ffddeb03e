"""City of Chicago DHR template: a Code/Family/Service/Group/Series header, CLASS TITLE,
duties grouped by department, and KSAs where '*' marks what is required at entry."""

from __future__ import annotations

import re

from classspec.builder import RecordBuilder
from classspec.document import Document, Line, Piece
from classspec.model import Jurisdiction
from classspec.normalize import education_level, experience_months, iso_date, title_case
from classspec.parsers.base import TemplateParser, marker
from classspec.sections import Section, heading, items, split_at, split_sections, strip_marker, text_block

HEADINGS = (
    heading("code", "Code", "Class Code", inline=True),
    heading("family", "Family", "Job Family", inline=True),
    heading("service", "Service", inline=True),
    heading("group", "Group", inline=True),
    heading("series", "Series", inline=True),
    heading("title", "CLASS TITLE", inline=True),
    heading("summary", "CHARACTERISTICS OF THE CLASS"),
    heading("duties", "ESSENTIAL DUTIES", "ESSENTIAL FUNCTIONS"),
    heading("qualifications", "MINIMUM QUALIFICATIONS?"),
    heading("working_conditions", "WORKING CONDITIONS"),
    heading("equipment", "EQUIPMENT"),
    heading("physical", "PHYSICAL REQUIREMENTS"),
    heading("ksa", r"KNOWLEDGE,? SKILLS,? ABILITIES,?(?: AND OTHER WORK REQUIREMENTS)?"),
    heading("footer", "City of Chicago", case_sensitive=True),
)
KSA_KINDS = {
    "knowledge": "knowledge",
    "skills": "skills",
    "abilities": "abilities",
    "other work requirements": "other_requirements",
}
_LEVEL_HEADING = re.compile(r"(?:(?P<level>[A-Za-z]+(?: [A-Za-z]+)?) )?knowledge of\s*:", re.I)
_NAMED = re.compile(r"(?P<name>[A-Z][A-Z0-9 ,/&'()]+?)\s+[-\u2013\u2014]\s+(?P<text>.+)")
_ENTRY_LEGEND = re.compile(r"\*\s*May be required at entry\.?", re.I)
_QUALIFICATION_HEADS = re.compile(r"(?P<edu>Education|Training)|(?P<lic>Licen[sc]|Certif)", re.I)


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


class ChicagoParser(TemplateParser):
    id = "chicago"
    description = "City of Chicago Department of Human Resources"
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

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        marks_entry = any(_ENTRY_LEGEND.fullmatch(ln.stripped) for ln in doc.lines)
        for section in split_sections(doc.lines, HEADINGS):
            self._section(record, section, marks_entry)
        if not record.has("title"):
            record.warn("no CLASS TITLE line found")
        return [record]

    def _section(self, record: RecordBuilder, section: Section, marks_entry: bool) -> None:
        key = section.key
        record.use(section.heading)
        if key in ("code", "title") and section.inline:
            value = section.inline.text if key == "code" else title_case(section.inline.text)
            record.set("class_code" if key == "code" else "title", value, section.inline)
        elif key == "series" and section.inline:
            record.set("series", section.inline.text, section.inline)
        elif key in ("family", "service", "group") and section.inline:
            record.set(f"taxonomy.{key}", section.inline.text, section.inline)
        elif key == "summary":
            record.set("summary", section.text().text, section.text())
            return
        elif key == "duties":
            self._duties(record, section.lines)
            return
        elif key == "qualifications":
            self._qualifications(record, section.lines)
            return
        elif key in ("working_conditions", "equipment"):
            for item in items(section.lines):
                record.add(key, item.text, item)
            return
        elif key == "physical":
            record.set("physical_demands.text", section.text().text, section.text())
            return
        elif key == "ksa":
            self._ksa(record, section.lines, marks_entry)
            return
        elif key == "footer":
            self._footer(record, section.lines)
            return
        if section.lines:
            record.other(section.heading, text_block(section.lines))

    def _duties(self, record: RecordBuilder, lines: list[Line]) -> None:
        def is_department(line: Line) -> bool:
            marker_text, _ = strip_marker(line.stripped)
            return not marker_text and not line.stripped.upper().startswith("NOTE")

        for department, body in split_at(lines, is_department):
            category = Piece.of([department]) if department else None
            notes = [ln for ln in body if ln.stripped.upper().startswith("NOTE")]
            for item in items(ln for ln in body if ln not in notes):
                record.add(
                    "duties",
                    {"text": item.text, "category": category.text if category else None, "essential": True},
                    item,
                    category=category,
                )
            if notes:
                record.other("Note on essential duties", text_block(notes))

    def _qualifications(self, record: RecordBuilder, lines: list[Line]) -> None:
        whole = text_block(lines)
        record.set("minimum_qualifications.text", whole.text, whole)
        target = "minimum_qualifications.experience"
        for head, body in split_at(lines, _is_qualification_heading):
            if head is not None:
                kind = _QUALIFICATION_HEADS.search(head.stripped)
                target = (
                    "minimum_qualifications.licenses"
                    if kind and kind.group("lic")
                    else "minimum_qualifications.experience"
                )
                record.use(head)
            for item in items(body):
                record.add(target, item.text, item)
                if target.endswith("experience"):
                    level = education_level(item.text)
                    if level and not record.has("minimum_qualifications.min_education"):
                        record.set("minimum_qualifications.min_education", level, item)
                    months = experience_months(item.text)
                    if months and not record.has("minimum_qualifications.min_experience_months"):
                        record.set("minimum_qualifications.min_experience_months", months, item)

    def _ksa(self, record: RecordBuilder, lines: list[Line], marks_entry: bool) -> None:
        kind: str | None = None
        level: Piece | None = None
        leftovers: list[Line] = []
        for line in lines:
            text = line.stripped
            if not text:
                continue
            if text.lower().rstrip(":") in KSA_KINDS:
                kind, level = KSA_KINDS[text.lower().rstrip(":")], None
                record.use(line)
                continue
            found = _LEVEL_HEADING.fullmatch(text)
            if found and kind == "knowledge":
                level = Piece((found.group("level") or "").lower(), (line,)) if found.group("level") else None
                record.use(line)
                continue
            if _ENTRY_LEGEND.fullmatch(text):
                record.other("Legend", Piece.of([line]))
                continue
            marker_text, body = strip_marker(text)
            if kind and (marker_text or (kind == "knowledge" and body.lower().startswith("knowledge of"))):
                self._requirement(
                    record, kind, Piece(body, (line,)), level if marker_text else None, marks_entry
                )
            else:
                leftovers.append(line)
        for paragraph in items(leftovers):
            record.other("Other work requirements", paragraph)

    @staticmethod
    def _requirement(
        record: RecordBuilder, kind: str, item: Piece, level: Piece | None, marks_entry: bool
    ) -> None:
        text = item.text
        required = text.startswith("*")
        text = text.lstrip("* ").strip()
        name = None
        named = _NAMED.fullmatch(text)
        if named and kind != "knowledge":
            name, text = title_case(named.group("name").strip()), named.group("text").strip()
        value = {
            "name": name,
            "text": text,
            "level": level.text if level else None,
            "required_at_entry": required if marks_entry else None,
        }
        record.add(kind, value, item, level=level, name=item if name else None)

    @staticmethod
    def _footer(record: RecordBuilder, lines: list[Line]) -> None:
        for line in lines:
            date = iso_date(line.stripped)
            if date and not record.has("dates.revised"):
                record.set("dates.revised", date, line)
            elif line.stripped == "Department of Human Resources":
                record.use(line)
            elif not line.blank:
                record.other("Footer", Piece.of([line]))
