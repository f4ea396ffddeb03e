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
from classspec.document import Line, Piece
from classspec.jurisdiction import jurisdiction_from_line
from classspec.lazyre import lazy_compile
from classspec.linetext import prose_items
from classspec.normalize import (
    strength,
    title_case,
)
from classspec.parsers import fields
from classspec.parsers.base import TemplateParser, marker, template_heading
from classspec.parsers.fields import heading_piece
from classspec.parsers.requirement_kinds import qualification_kind
from classspec.sections import HeadingRule, Section, heading, match_heading

# One-line fields: found anywhere (a PDF repeats its page header), taken out of the flow.
LINE_FIELDS = (
    template_heading("aptitudes", "template"),
    HeadingRule(
        "code",
        lazy_compile(
            r"(?:Class(?:ification)?|Job)\s+(?:Code|Number|No\.?)\s*[:#.]?\s*(?P<rest>[A-Z0-9][A-Z0-9.-]*)",
            re.I,
        ),
    ),
    template_heading("aptitudes", "flsa", inline=True),
    template_heading("aptitudes", "title", inline=True),
    template_heading("aptitudes", "edited", inline=True),
    template_heading("aptitudes", "revised", inline=True),
    template_heading("aptitudes", "effective", inline=True),
    template_heading("aptitudes", "established", inline=True),
    template_heading("aptitudes", "pay_grade", inline=True),
    heading("page", r"Page \d+(?: of \d+)?", case_sensitive=False),
)
HEADINGS = (
    template_heading("aptitudes", "summary", inline=True),
    template_heading("aptitudes", "essential", inline=True),
    template_heading("aptitudes", "additional", inline=True),
    template_heading("aptitudes", "qualifications", inline=True),
    template_heading("aptitudes", "licenses", inline=True),
    template_heading("aptitudes", "ksa", inline=True),
    template_heading("aptitudes", "aptitudes", inline=True),
    template_heading("aptitudes", "ada", inline=True),
    # Any other line in capitals is a heading this parser does not know: its text is
    # filed under it in other_sections instead of leaking into the section above.
    HeadingRule(
        "other", lazy_compile(r"(?=(?:[^a-z]*[A-Z]){4})[A-Z][A-Z0-9,/&()'-]*(?: [A-Z0-9,/&()'-]+)*:?")
    ),
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
_LABELLED = lazy_compile(r"(?P<name>[A-Z][A-Za-z0-9 ,/&'()-]{1,80}?)\s*:\s+(?P<text>\S.*)", re.S)
_BOILERPLATE = lazy_compile(
    r"following duties are normal|not to be construed as exclusive|other duties may be required", re.I
)
_EQUIVALENCY = lazy_compile(r"^(?:or\s+)?(?:any|an)\s+equivalent\s+combination", re.I)
_CONNECTOR = lazy_compile(r"^(?:supplemented\s+by|and|plus|with)\s+", re.I)
_SENTENCE_END = lazy_compile(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z])")


def _labelled(piece: Piece) -> tuple[str, str] | None:
    found = _LABELLED.fullmatch(piece.text)
    if not found or len(found.group("name").split()) > 8:
        return None
    return found.group("name").strip(), found.group("text").strip()


def _summary(record: RecordBuilder, section: Section) -> None:
    summary = Piece.join(prose_items(fields.body_lines(section)), sep="\n\n")
    record.set("summary", summary.text, summary)


def _aptitudes(record: RecordBuilder, section: Section) -> None:
    """PERFORMANCE APTITUDES: one named ability per 'Name: text' item."""
    lines = fields.body_lines(section)
    for item in prose_items(lines):
        labelled = _labelled(item)
        if labelled is None:
            record.other(heading_piece(section), item)
            continue
        name, text = labelled
        value = {"name": title_case(name), "text": text, "level": None, "required_at_entry": None}
        record.add("abilities", value, item, name=item)


def _ada(record: RecordBuilder, section: Section) -> None:
    """ADA COMPLIANCE: physical ability, sensory requirements, environmental factors."""
    lines = fields.body_lines(section)
    for item in prose_items(lines):
        labelled = _labelled(item)
        target = ADA_LABELS.get(labelled[0].lower()) if labelled else None
        if labelled is None or target is None:
            record.other(heading_piece(section), item)
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
            record.add("physical_demands.items", {"name": title_case(name), "note": text}, item, note=item)
        else:
            record.add("working_conditions", text, item)


def _qualifications(record: RecordBuilder, section: Section) -> None:
    """The whole text, and its clauses sorted into education, experience and licenses
    ('X; supplemented by Y; or any equivalent combination ...')."""
    lines = fields.body_lines(section)
    paragraphs = prose_items(lines)
    whole = Piece.join(paragraphs, sep="\n\n")
    record.set("minimum_qualifications.text", whole.text, whole)
    education: list[Piece] = []
    experience: list[Piece] = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE_END.split(paragraph.text):
            if qualification_kind(sentence) == "licenses":
                record.add("minimum_qualifications.licenses", sentence.strip(), paragraph)
                continue
            for clause in _clauses(sentence):
                kind = qualification_kind(clause)
                if kind == "education":
                    education.append(paragraph.with_text(clause))
                elif kind == "experience":
                    experience.append(paragraph.with_text(clause))
                elif kind == "licenses":
                    record.add("minimum_qualifications.licenses", clause, paragraph)
    for kind, found in (("education", education), ("experience", experience)):
        for clause in found:
            record.add(f"minimum_qualifications.{kind}", clause.text, clause)


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


LINE_READERS = {
    "code": fields.code,
    "flsa": fields.flsa,
    "title": fields.title,
    "pay_grade": fields.label("pay_grade"),
    "edited": fields.date("edited"),
    "revised": fields.date("revised"),
    "effective": fields.date("effective"),
    "established": fields.date("established"),
}
FIELDS = {
    "summary": _summary,
    "essential": fields.duty_list(essential=True, boilerplate=_BOILERPLATE, itemize=prose_items),
    "additional": fields.duty_list(essential=False, boilerplate=_BOILERPLATE, itemize=prose_items),
    "qualifications": _qualifications,
    "licenses": fields.item_list("minimum_qualifications.licenses", itemize=prose_items),
    "ksa": fields.ksa_list(itemize=prose_items),
    "aptitudes": _aptitudes,
    "ada": _ada,
}


class AptitudesParser(TemplateParser):
    id = "aptitudes"
    markers = (
        marker("Personnel Class Specification", r"^\s*Personnel Class Specification\s*$", 0.3),
        marker("PERFORMANCE APTITUDES", r"^\s*PERFORMANCE APTITUDES\s*:?\s*$", 0.3),
        marker("PURPOSE OF CLASSIFICATION", r"^\s*PURPOSE OF (?:THE )?CLASSIFICATION\b", 0.2),
        marker("CLASSIFICATION TITLE:", r"^\s*CLASSIFICATION TITLE\s*:", 0.15),
        marker("ADA COMPLIANCE", r"^\s*ADA COMPLIANCE\s*:?\s*$", 0.15),
        marker("Data Utilization:", r"^\s*Data Utilization\s*:", 0.15),
        marker("ADDITIONAL FUNCTIONS", r"^\s*ADDITIONAL FUNCTIONS\s*:?\s*$", 0.1),
    )

    LINE_FIELDS = LINE_FIELDS
    LINE_READERS = LINE_READERS
    HEADINGS = HEADINGS
    FIELDS = FIELDS
    OTHER = staticmethod(fields.other_paragraphs(prose_items))

    def take_line_fields(self, record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
        """The one-line fields, plus what only this template does: the jurisdiction from a
        "City of X, ST" line, and a title on the line under a bare CLASSIFICATION TITLE."""
        rest: list[Line] = []
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
            found = match_heading(line, LINE_FIELDS)
            if found is not None and found[0].key == "title" and found[1] is None:
                awaiting_title = line
            else:
                rest.append(line)
        return super().take_line_fields(record, rest)

    def finish(self, record: RecordBuilder) -> None:
        if not record.has("jurisdiction"):
            record.warn("the document does not name its city or county (no 'City of X, ST' line)")
        if not record.has("title"):
            record.warn("no CLASSIFICATION TITLE line found")
