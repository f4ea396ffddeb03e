"""The "Personnel Class Specification" template, used by many cities and counties
(Chattanooga among them): Class Code, FLSA, CLASSIFICATION TITLE, PURPOSE OF
CLASSIFICATION, ESSENTIAL / ADDITIONAL FUNCTIONS, MINIMUM QUALIFICATIONS, PERFORMANCE
APTITUDES and ADA COMPLIANCE.

Where things go:
- the jurisdiction comes from a "City of X, ST" / "X County, State" line, never a default;
- ESSENTIAL FUNCTIONS -> duties (essential), ADDITIONAL FUNCTIONS -> duties (not essential);
  the "The following duties are normal for this position ..." boilerplate -> other_sections;
- PERFORMANCE APTITUDES -> `abilities`, one named requirement per aptitude;
- ADA COMPLIANCE: "Physical Ability" -> physical_demands.text and .strength; "Sensory
  Requirements" -> a physical_demands item named "Sensory Requirements" with the text as
  its note (the template states no frequency); "Environmental Factors" -> working_conditions;
  the Equal Opportunity paragraph and any other label -> other_sections;
- MINIMUM QUALIFICATIONS: the whole text, plus its clauses sorted into education,
  experience and licenses ("X; supplemented by Y; or any equivalent combination ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.builder import RecordBuilder
from classspec.document import Document, Line, Piece
from classspec.jurisdiction import jurisdiction_from_line
from classspec.normalize import (
    education_level,
    experience_months,
    flsa_status,
    iso_date,
    strength,
    title_case,
)
from classspec.parsers.base import TemplateParser, marker
from classspec.sections import HeadingRule, Section, heading, items, match_heading, split_sections

# One-line fields: found anywhere (a PDF repeats its page header), taken out of the flow.
FIELDS = (
    heading("template", "Personnel Class Specification", "Class Specification"),
    HeadingRule(
        "code",
        re.compile(
            r"Class(?:ification)?\s+(?:Code|Number|No\.?)\s*[:#.]?\s*(?P<rest>[A-Z0-9][A-Z0-9.-]*)", re.I
        ),
    ),
    heading("flsa", "FLSA(?: Status)?", "FLSA Classification", inline=True),
    heading("title", "CLASSIFICATION TITLE", "CLASS TITLE", inline=True),
    heading("edited", "Last Edited", "Date Edited", inline=True),
    heading("revised", "(?:Last )?Revised(?: Date)?", "Date Revised", "Revision Date", inline=True),
    heading("effective", "Effective(?: Date)?", inline=True),
    heading("established", "Established(?: Date)?", "Date Established", "Adopted", "Created", inline=True),
    heading("page", r"Page \d+(?: of \d+)?", case_sensitive=False),
)
HEADINGS = (
    heading("summary", "PURPOSE OF (?:THE )?CLASSIFICATION", "PURPOSE", inline=True),
    heading("essential", "ESSENTIAL FUNCTIONS", "ESSENTIAL DUTIES", inline=True),
    heading("additional", "ADDITIONAL FUNCTIONS", "ADDITIONAL DUTIES", "MARGINAL FUNCTIONS", inline=True),
    heading("qualifications", "MINIMUM QUALIFICATIONS", "MINIMUM REQUIREMENTS", inline=True),
    heading("licenses", "LICENSES?(?:,| AND| OR| /)? CERTIFICATIONS?", "SPECIAL REQUIREMENTS", inline=True),
    heading("ksa", r"KNOWLEDGE,? SKILLS,? (?:AND )?ABILITIES", inline=True),
    heading("aptitudes", "PERFORMANCE APTITUDES", inline=True),
    heading("ada", "ADA COMPLIANCE", "ADA REQUIREMENTS", inline=True),
    # Any other line in capitals is a heading this parser does not know: its text is
    # filed under it in other_sections instead of leaking into the section above.
    HeadingRule("other", re.compile(r"(?=(?:[^a-z]*[A-Z]){4})[A-Z][A-Z0-9,/&()'-]*(?: [A-Z0-9,/&()'-]+)*:?")),
)
ADA_LABELS = {
    "physical ability": "physical",
    "physical abilities": "physical",
    "physical requirements": "physical",
    "sensory requirements": "sensory",
    "sensory abilities": "sensory",
    "environmental factors": "environment",
    "environmental conditions": "environment",
    "working conditions": "environment",
}
_LABELLED = re.compile(r"(?P<name>[A-Z][A-Za-z0-9 ,/&'()-]{1,80}?)\s*:\s+(?P<text>\S.*)", re.S)
_BOILERPLATE = re.compile(
    r"following duties are normal|not to be construed as exclusive|other duties may be required", re.I
)
_EQUIVALENCY = re.compile(r"^(?:or\s+)?(?:any|an)\s+equivalent\s+combination", re.I)
_CONNECTOR = re.compile(r"^(?:supplemented\s+by|and|plus|with)\s+", re.I)
_LICENSE = re.compile(r"licen[cs]e|certifi|registration|permit\b", re.I)
_EXPERIENCE = re.compile(r"\bexperience\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z])")
_TERMINAL = (".", ";", ":", "!", "?")
_KSA_KINDS = (
    ("knowledge", re.compile(r"^(?:\w+\s+)?knowledge\b", re.I)),
    ("skills", re.compile(r"^(?:\w+\s+)?skill", re.I)),
    ("abilities", re.compile(r"^(?:\w+\s+)?abilit", re.I)),
)


def prose_items(lines: Sequence[Line]) -> list[Piece]:
    """List items of a prose section, with the wraps `items` cannot see mended: a line
    that does not end a sentence and is directly followed by another line (as PDF text
    wraps, whatever the case of the next word) is one item with it."""
    merged: list[Piece] = []
    for item in items(lines):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.text.endswith(_TERMINAL)
            and item.lines[0].number == previous.lines[-1].number + 1
        ):
            merged[-1] = Piece(f"{previous.text} {item.text}", previous.lines + item.lines)
        else:
            merged.append(item)
    return merged


def _inline_line(section: Section) -> list[Line]:
    """Content written on the heading's own line, as a line of the section body."""
    if not section.inline:
        return []
    source = section.inline.lines[0]
    return [Line(section.inline.text, source.number, source.page)]


def _heading(section: Section) -> Piece | None:
    """The section's heading as other_sections shows it: without its colon, with its line."""
    return section.heading.with_text(section.heading.text.rstrip(":").strip()) if section.heading else None


def _labelled(piece: Piece) -> tuple[str, str] | None:
    found = _LABELLED.fullmatch(piece.text)
    if not found or len(found.group("name").split()) > 8:
        return None
    return found.group("name").strip(), found.group("text").strip()


class AptitudesParser(TemplateParser):
    id = "aptitudes"
    description = "Personnel Class Specification template (Chattanooga and others)"
    markers = (
        marker("Personnel Class Specification", r"^\s*Personnel Class Specification\s*$", 0.3),
        marker("PERFORMANCE APTITUDES", r"^\s*PERFORMANCE APTITUDES\s*:?\s*$", 0.3),
        marker("PURPOSE OF CLASSIFICATION", r"^\s*PURPOSE OF (?:THE )?CLASSIFICATION\b", 0.2),
        marker("CLASSIFICATION TITLE:", r"^\s*CLASSIFICATION TITLE\s*:", 0.15),
        marker("ADA COMPLIANCE", r"^\s*ADA COMPLIANCE\s*:?\s*$", 0.15),
        marker("Data Utilization:", r"^\s*Data Utilization\s*:", 0.15),
        marker("ADDITIONAL FUNCTIONS", r"^\s*ADDITIONAL FUNCTIONS\s*:?\s*$", 0.1),
    )

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        body = self._fields(record, doc.lines)
        for section in split_sections(body, HEADINGS):
            self._section(record, section)
        if not record.has("jurisdiction"):
            record.warn("the document does not name its city or county (no 'City of X, ST' line)")
        if not record.has("title"):
            record.warn("no CLASSIFICATION TITLE line found")
        return [record]

    # -- one-line fields ----------------------------------------------------
    def _fields(self, record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
        """Take the one-line fields out of the flow; return the lines left for sections."""
        body: list[Line] = []
        awaiting_title: Line | None = None
        for line in lines:
            if awaiting_title is not None and not line.blank:
                record.set("title", title_case(line.stripped), [line])
                record.use(awaiting_title)
                awaiting_title = None
                continue
            place = jurisdiction_from_line(line.stripped) if not line.blank else None
            if place is not None:
                if not record.has("jurisdiction"):
                    record.set("jurisdiction", place.model_dump(), line)
                record.use(line)
                continue
            found = match_heading(line, FIELDS)
            if found is None:
                body.append(line)
                continue
            rule, inline = found
            if rule.key == "title" and inline is None:
                awaiting_title = line
            elif not self._field(record, rule.key, inline, line):
                body.append(line)
        return body

    @staticmethod
    def _field(record: RecordBuilder, key: str, inline: Piece | None, line: Line) -> bool:
        """File one field line; False when it turns out not to be one."""
        if key in ("template", "page"):
            record.use(line)
            return True
        if inline is None:
            return False
        if key == "code":
            record.set("class_code", inline.text, line)
        elif key == "flsa":
            status = flsa_status(inline.text)
            if status is None:
                return False
            record.set("flsa_status", status.value, line)
        elif key == "title":
            record.set("title", title_case(inline.text), line)
        else:
            date = iso_date(inline.text)
            if date is None:
                return False
            record.set(f"dates.{key}", date, line)
        record.use(line)
        return True

    # -- sections -------------------------------------------------------------
    def _section(self, record: RecordBuilder, section: Section) -> None:
        record.use(section.heading)
        lines = _inline_line(section) + section.lines
        if section.key == "summary":
            paragraphs = prose_items(lines)
            summary = Piece.join(paragraphs, sep="\n\n")
            record.set("summary", summary.text, summary)
        elif section.key in ("essential", "additional"):
            self._duties(record, section, lines, essential=section.key == "essential")
        elif section.key == "qualifications":
            self._qualifications(record, lines)
        elif section.key == "licenses":
            for item in prose_items(lines):
                record.add("minimum_qualifications.licenses", item.text, item)
        elif section.key == "ksa":
            self._ksa(record, lines)
        elif section.key == "aptitudes":
            self._aptitudes(record, section, lines)
        elif section.key == "ada":
            self._ada(record, section, lines)
        else:
            for paragraph in prose_items(lines):
                record.other(_heading(section), paragraph)

    @staticmethod
    def _duties(record: RecordBuilder, section: Section, lines: list[Line], *, essential: bool) -> None:
        for item in prose_items(lines):
            if _BOILERPLATE.search(item.text):
                record.other(_heading(section), item)
            else:
                record.add("duties", {"text": item.text, "category": None, "essential": essential}, item)

    @staticmethod
    def _aptitudes(record: RecordBuilder, section: Section, lines: list[Line]) -> None:
        for item in prose_items(lines):
            labelled = _labelled(item)
            if labelled is None:
                record.other(_heading(section), item)
                continue
            name, text = labelled
            value = {"name": title_case(name), "text": text, "level": None, "required_at_entry": None}
            record.add("abilities", value, item, name=item)

    @staticmethod
    def _ksa(record: RecordBuilder, lines: list[Line]) -> None:
        for item in prose_items(lines):
            kind = next((k for k, pattern in _KSA_KINDS if pattern.match(item.text)), "other_requirements")
            value = {"name": None, "text": item.text, "level": None, "required_at_entry": None}
            record.add(kind, value, item)

    @staticmethod
    def _ada(record: RecordBuilder, section: Section, lines: list[Line]) -> None:
        for item in prose_items(lines):
            labelled = _labelled(item)
            target = ADA_LABELS.get(labelled[0].lower()) if labelled else None
            if labelled is None or target is None:
                record.other(_heading(section), item)
                continue
            name, text = labelled
            if target == "physical":
                if record.has("physical_demands.text"):
                    record.add(
                        "physical_demands.items", {"name": title_case(name), "note": text}, item, note=item
                    )
                else:
                    record.set("physical_demands.text", text, item)
                level = strength(text)
                if level and not record.has("physical_demands.strength"):
                    record.set("physical_demands.strength", level.value, item)
            elif target == "sensory":
                record.add(
                    "physical_demands.items", {"name": title_case(name), "note": text}, item, note=item
                )
            else:
                record.add("working_conditions", text, item)

    # -- minimum qualifications ---------------------------------------------------
    def _qualifications(self, record: RecordBuilder, lines: list[Line]) -> None:
        paragraphs = prose_items(lines)
        whole = Piece.join(paragraphs, sep="\n\n")
        record.set("minimum_qualifications.text", whole.text, whole)
        education: list[Piece] = []
        experience: list[Piece] = []
        for paragraph in paragraphs:
            for sentence in _SENTENCE_END.split(paragraph.text):
                if _LICENSE.search(sentence):
                    record.add("minimum_qualifications.licenses", sentence.strip(), paragraph)
                    continue
                for clause in self._clauses(sentence):
                    is_education = education_level(clause) is not None
                    is_experience = bool(_EXPERIENCE.search(clause)) or (
                        not is_education and experience_months(clause) is not None
                    )
                    if is_education:
                        education.append(paragraph.with_text(clause))
                    if is_experience:
                        experience.append(paragraph.with_text(clause))
        for kind, found in (("education", education), ("experience", experience)):
            for clause in found:
                record.add(f"minimum_qualifications.{kind}", clause.text, clause)
        if education:
            joined = Piece.join(education)
            level = education_level(joined.text)
            record.set("minimum_qualifications.min_education", level.value if level else None, joined)
        if experience:
            joined = Piece.join(experience)
            record.set("minimum_qualifications.min_experience_months", experience_months(joined.text), joined)

    @staticmethod
    def _clauses(sentence: str) -> list[str]:
        """'X; supplemented by Y; or any equivalent combination ...' -> ['X', 'Y'].
        The equivalency clause stays in the text only: it names no requirement."""
        clauses = []
        for part in sentence.split(";"):
            part = part.strip().rstrip(".").strip()
            if not part or _EQUIVALENCY.match(part):
                continue
            part = _CONNECTOR.sub("", part)
            clauses.append(part[:1].upper() + part[1:])
        return clauses
