"""City of Philadelphia (Office of Human Resources / Personnel Department).

A header (class code, PAY RANGE, title over one or two lines, specialties in
parentheses), then GENERAL DEFINITION, ALLOCATING FACTORS, TYPICAL EXAMPLES OF WORK
(grouped by specialty), REQUIRED KNOWLEDGE, SKILLS AND ABILITIES (KNOWLEDGE OF: /
SKILL IN: / ABILITY TO:), MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE (education and
general/specific experience, per specialty, joined by AND / OR), LICENSES, PHYSICAL
AND MEDICAL REQUIREMENTS, and a history footer ("Class Established", "Latest Spec.
Revision: CSC: 3/04, Ad Board: 5/04") ending in "END OF JOB CLASS SPECIFICATION - 6J27".

Dates: a Philadelphia spec is adopted by the Civil Service Commission (CSC) and then
approved by the Administrative Board, whose approval puts it into effect. So
`dates.revised` is the CSC date of the latest revision, `dates.effective` the Ad Board
date of that revision (or the "approved on" date of the training and experience
statement), and `dates.established` the (CSC) date the class was established. The
whole history (consolidations, pay-rate changes, abolitions) is kept as the
"Class history" section.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import items, strip_marker
from classspec.model import Jurisdiction
from classspec.normalize import title_case
from classspec.parsers import fields
from classspec.parsers.base import Reading, TemplateParser, marker, template_heading
from classspec.parsers.philadelphia.common import (
    CODE,
    is_group_head,
    plain,
    specialty_of_heading,
)
from classspec.parsers.philadelphia.header import read_header, take_header_fields
from classspec.parsers.philadelphia.history import HISTORY_RULE, History
from classspec.parsers.philadelphia.quals import read_qualifications
from classspec.sections import NOTE, HeadingRule, Section, heading, split_at
from classspec.vocabulary import template_names

_LEAD_IN = lazy_compile(r"\(?\s*the\s+following\b", re.I)

HEADINGS = (
    template_heading("philadelphia", "summary", inline=True, note=True),
    template_heading("philadelphia", "allocating", inline=True, long=True, note=True),
    HeadingRule(
        "duties",
        lazy_compile(
            r"(?:(?:typical\s+)?examples\s+of\s+work\s*:?\s*(?:\(illustrative\s+only\)\s*:?)?\s*"
            rf"|core\s+standards\s+of\s+performance\s*:?){NOTE}",
            re.I,
        ),
        long=True,
    ),
    heading(
        "ksa",
        *template_names("philadelphia", "ksa"),
    ),
    template_heading("philadelphia", "abilities"),
    heading(
        "qualifications",
        *template_names("philadelphia", "qualifications"),
        note=True,
    ),
    template_heading("philadelphia", "physical"),
    heading(
        "licenses",
        *template_names("philadelphia", "licenses"),
    ),
    HeadingRule(
        "end",
        lazy_compile(
            rf"end\s+of\s+(?:job\s+class\s+specification|page)\s*[-\u2013:]?\s*(?P<rest>{CODE})?", re.I
        ),
    ),
    HISTORY_RULE,
)


class _Reading(Reading):
    """One spec's readers: the header, the END OF JOB CLASS footer and the class history
    (read in parts, filed as one section) carry what they read to `finish`."""

    def __init__(self, fields_: Mapping[str, fields.SectionReader]) -> None:
        super().__init__(fields_)
        self.footer_code: Piece | None = None
        self.history = History([])
        self.has_header = False
        self.update(header=self.header, end=self.end, history=self.history.read)

    def header(self, record: RecordBuilder, section: Section) -> None:
        self.has_header, summary = read_header(record, section.lines)
        if summary:
            _summary(record, summary)

    def end(self, record: RecordBuilder, section: Section) -> None:
        self.footer_code = self.footer_code or section.inline
        for paragraph in items(section.lines):
            record.other("End of specification", paragraph)

    def finish(self, record: RecordBuilder, sections: Sequence[Section]) -> list[RecordBuilder]:
        if self.footer_code and not record.has("class_code"):
            record.set("class_code", self.footer_code.text.upper(), self.footer_code)
        elif self.footer_code:
            record.use(self.footer_code)
        self.history.finish(record)
        record.dedupe("specialties")
        starts_with_heading = bool(sections) and sections[0].key != "header"
        if not record.has("title"):
            if not self.has_header and not starts_with_heading:
                record.warn("document starts mid-specification: no title found")
            else:
                record.warn("no class title found")
        if not record.has("class_code"):
            record.warn("no class code found (neither in the header nor in an END OF JOB CLASS line)")
        if "summary" not in {s.key for s in sections} and not record.has("summary"):
            record.warn("no GENERAL DEFINITION found")
        return [record]


def _definition(record: RecordBuilder, section: Section) -> None:
    inline = list(section.inline.lines) if section.inline else []
    _summary(record, _note_line(section) + inline + section.lines)


def _allocating(record: RecordBuilder, section: Section) -> None:
    for remark in (section.note, section.inline):
        # "ALLOCATING FACTORS: The following conditions must be met ...)": the
        # lead-in of the list, not a factor.
        if remark and _LEAD_IN.match(remark.text):
            record.other("Allocating factors", remark)
        elif remark:
            record.add("distinguishing_features", remark.text, remark)
    for item in items(section.lines):
        record.add("distinguishing_features", item.text, item)


def _examples_of_work(record: RecordBuilder, section: Section) -> None:
    _duties(record, _note_line(section) + section.lines)


def _licenses(record: RecordBuilder, section: Section) -> None:
    for item in items(section.lines):
        record.add("minimum_qualifications.licenses", item.text, item)


def _physical(record: RecordBuilder, section: Section) -> None:
    body = plain(section.lines)
    record.set("physical_demands.text", body.text, body)


def _summary(record: RecordBuilder, lines: list[Line]) -> None:
    """The definition; in a spec that starts mid-way (or has no TYPICAL EXAMPLES
    heading) duties grouped under a specialty heading may follow it directly."""
    groups = split_at(lines, lambda ln: is_group_head(ln.stripped))
    prose = [ln for head, body in groups if head is None for ln in body]
    if not groups or groups[0][0] is not None:
        prose = []
    body = plain(prose if prose else ([] if groups and groups[0][0] is not None else lines))
    if body and not record.has("summary"):
        record.set("summary", body.text, body)
    elif body:
        record.other("General definition", body)
    rest = [ln for head, part in groups if head is not None for ln in (head, *part)]
    if rest:
        _duties(record, rest)


def _duties(record: RecordBuilder, lines: list[Line]) -> None:
    for head, body in split_at(lines, lambda ln: is_group_head(ln.stripped)):
        category = None
        if head is not None:
            record.use(head)
            category = Piece(title_case(head.stripped.rstrip(": ")) or "", (head,))
            name = specialty_of_heading(head.stripped)
            if name:
                record.add("specialties", name, head)
        for item in items(body):
            category_text = category.text if category else None
            value = {"text": item.text, "category": category_text, "essential": None}
            record.add("duties", value, item, category=category)


class _Ksa(fields.SubheadedKsa):
    """KNOWLEDGE OF: / SKILL IN: / ABILITY TO: lists; a specialty heading among them
    is kept in other_sections."""

    def special(self, record: RecordBuilder, line: Line, state: dict[str, object]) -> bool:
        if state["kind"] is None or strip_marker(line.stripped)[0] or not is_group_head(line.stripped):
            return False
        record.other(self.leftover_heading, Piece.of([line]))
        return True


_KSA_HEADING = "Knowledge, skills and abilities"
_KSA = _Ksa(_KSA_HEADING)
_ABILITIES = _Ksa(_KSA_HEADING, default="abilities")

# The header, the footer and the history are read by `_Reading`.
FIELDS: dict[str, fields.SectionReader] = {
    "summary": _definition,
    "allocating": _allocating,
    "duties": _examples_of_work,
    "ksa": _KSA,
    "abilities": _ABILITIES,
    "qualifications": read_qualifications,
    "licenses": _licenses,
    "physical": _physical,
}


def _note_line(section: Section) -> list[Line]:
    """The heading's parenthesised note as a line of the section body (it cites the
    heading's line)."""
    if section.note is None:
        return []
    source = section.note.lines[0]
    return [Line(section.note.text, source.number, source.page)]


class PhiladelphiaParser(TemplateParser):
    id = "philadelphia"
    jurisdiction = Jurisdiction(id="philadelphia-pa", name="City of Philadelphia", state="PA")
    markers = (
        marker("END OF JOB CLASS SPECIFICATION", r"END\s+OF\s+(?:JOB\s+CLASS\s+SPECIFICATION|PAGE)\b", 0.45),
        marker("GENERAL DEFINITION", r"^\s*GENERAL\s+DEFINITION\b", 0.2),
        marker("ALLOCATING FACTORS", r"^\s*ALLOCATING\s+FACTORS\b", 0.15),
        marker("TYPICAL EXAMPLES OF WORK", r"^\s*TYPICAL\s+EXAMPLES\s+OF\s+WORK\b", 0.2),
        marker(
            "MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE",
            r"^\s*MINIMUM\s+ACCEPTABLE\s+TRAINING\s+AND\s+EXPERIENCE\b",
            0.3,
        ),
        marker("PHYSICAL AND MEDICAL REQUIREMENTS", r"^\s*PHYSICAL\s+AND\s+MEDICAL\s+REQUIREMENTS\b", 0.15),
        marker("PAY RANGE:", r"^\s*(?:\w{4,5}\s+)?PAY\s+RANGE\s*:", 0.15),
        marker("Class Established", r"^\s*Class(?:es)?\s+Established\b", 0.15),
        marker("Ad Board date", r"\bAd\.?\s*Board\b", 0.15),
        marker("City of Philadelphia", r"City\s+of\s+Philadelphia", 0.2),
    )

    HEADINGS = HEADINGS
    FIRST_KEY = "header"
    FIELDS = FIELDS

    def take_line_fields(self, record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
        return take_header_fields(record, lines)

    def reading(self) -> _Reading:
        return _Reading(self.FIELDS)

    def sections(self, lines: Sequence[Line]) -> list[Section]:
        return _kind_headings_in_qualifications(super().sections(lines))


# 'CERTIFICATION:' alone (no LICENSES, REGISTRATIONS ... around it) right after the
# minimum training and experience is one more kind of requirement of it, AND-ed to the
# EDUCATION and EXPERIENCE before it (2D18, 4A29, 5F21, 6H47, 6K02 ...); the licences
# section is headed 'LICENSES, REGISTRATIONS AND/OR CERTIFICATES' after PHYSICAL.
_KIND_ONLY = lazy_compile(r"certifications?\s*[:.]?", re.I)


def _kind_headings_in_qualifications(sections: list[Section]) -> list[Section]:
    result: list[Section] = []
    for section in sections:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.key == "qualifications"
            and section.key == "licenses"
            and section.heading is not None
            and section.inline is None
            and _KIND_ONLY.fullmatch(section.heading.text.strip())
        ):
            previous.lines += [*section.heading.lines, *section.lines]
            continue
        result.append(section)
    return result
