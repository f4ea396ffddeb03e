"""Philadelphia MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE: requirements grouped by
specialty or option, general / specific experience joined by AND / OR, and the
experience months of each way to qualify (AND-blocks add up, OR-alternatives take the
smaller, a specialty inherits what was said for all before it)."""

from __future__ import annotations

import re

from classspec.builder import RecordBuilder
from classspec.document import Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import strip_marker
from classspec.normalize import iso_date, title_case
from classspec.normalize.path_parts import opens_class_list
from classspec.parsers.philadelphia.common import (
    OPTION,
    QUAL_HEAD,
    QUAL_KIND,
    is_group_head,
    plain,
    specialty_of_heading,
)
from classspec.parsers.requirement_kinds import qualification_kind, qualification_kind_of_label
from classspec.sections import Section

_CONNECTOR = lazy_compile(r"(?P<word>and|or|and/or)\s*:?", re.I)
_APPROVED_ON = lazy_compile(r"approved\s+(?:on|in)\s+(?P<date>\d{1,2}\s*/\s*\d{2,4})", re.I)
_EQUIVALENT = lazy_compile(r"^(?:or\s+)?any\s+(?:other\s+)?equivalent\s+combination", re.I)


def read_qualifications(record: RecordBuilder, section: Section) -> None:
    """Minimum acceptable training and experience: the whole text, each requirement
    under its kind (education / experience / licences) with its group and kind labels.
    The ways to qualify, and the least education and experience over them, are the
    requirements algebra's (facts.py)."""
    note = section.note or section.inline
    if note:
        record.other("Minimum acceptable training and experience", note)
        approved = _APPROVED_ON.search(note.text)
        if approved and not record.has("dates.effective"):
            record.set("dates.effective", iso_date(approved.group("date")), note)
    whole = plain(section.lines)
    record.set("minimum_qualifications.text", whole.text, whole)
    group: Piece | None = None  # specialty or option heading
    kind_label: Piece | None = None  # "General experience", "Education"
    kind: str | None = None
    after_or = False  # the line before was "OR": an alternative within the same group
    in_note = False  # inside a "NOTE:" paragraph (kept in the text, not an item)
    for line in section.lines:
        text = line.stripped
        if not text:
            continue
        marker_text, body = strip_marker(text)
        connector = _CONNECTOR.fullmatch(body)
        if connector:
            in_note = False
            if connector.group("word").lower() == "or":
                after_or = True
            continue
        if _EQUIVALENT.search(body):
            in_note = False
            continue  # "Any equivalent combination ...": kept in the text, not a requirement
        if body.startswith("(") and body.endswith(")"):
            continue  # "(The following statement represents ...)": a remark, kept in the text
        if _NOTE.match(body) or opens_class_list(body):
            # Substitutions, remarks and the list of classes that typically meet the
            # requirements (the paths' prior_classes): in minimum_qualifications.text only.
            in_note = True
            continue
        glued = _GLUED_HEADINGS.fullmatch(body)
        if glued:  # "EDUCATIONBOTH SPECIALTIES": two headings run together
            kind, kind_label, in_note, after_or = glued.group("kind").lower(), None, False, False
            group = Piece(title_case(glued.group("group").rstrip(":")) or "", (line,))
            continue
        qual_head = _qual_heading(body) if not marker_text else None
        if qual_head:
            head, for_all = qual_head
            if for_all:  # "GENERAL EXPERIENCE (for all positions):" after the options
                group = None
            kind = _qual_kind(head)
            kind_label = Piece(head.lower().capitalize(), (line,))
            in_note, after_or = False, False
            continue
        if not marker_text and (OPTION.fullmatch(body) or is_group_head(text)) and len(body) < 80:
            name = specialty_of_heading(body)
            if name:
                record.add("specialties", name, line)
            group, kind_label, kind = Piece(title_case(body.rstrip(": ")) or "", (line,)), None, None
            in_note, after_or = False, False
            continue
        if in_note:
            continue
        by_content = qualification_kind(body)
        if after_or and by_content and by_content != kind:
            kind, kind_label = None, None  # "EXPERIENCE: ... OR Completion of a bachelor's degree"
        after_or = False
        target = kind or by_content
        labels = [p for p in (group, kind_label) if p is not None]
        value = ": ".join([*(p.text for p in labels), body])
        source = [ln for p in labels for ln in p.lines] + [line]
        if target == "education":
            record.add("minimum_qualifications.education", value, source)
        elif target == "experience":
            record.add("minimum_qualifications.experience", value, source)
        elif target == "licenses":
            record.add("minimum_qualifications.licenses", value, source)


_NOTE = lazy_compile(r"notes?\b[^:]{0,40}:", re.I)
# "EDUCATIONBOTH SPECIALTIES": two headings run together.
_GLUED_HEADINGS = lazy_compile(r"(?P<kind>education|experience)(?P<group>(?:both|all)\s+specialt\w+:?)", re.I)
_JOINED = r"(?:(?P<joined>and/or|and|or)\s+)?"
_QUAL_HEADING = lazy_compile(rf"{_JOINED}(?P<head>.+?)\s*(?P<scope>\([^()]*\))?\s*:?", re.I)
# What such a heading starts with: the lazy head above makes the full match dear on the
# long lines of requirements that are no heading.
_QUAL_HEADING_START = lazy_compile(rf"{_JOINED}{QUAL_KIND}", re.I)
_ALL_OR_BOTH = lazy_compile(r"\b(?:all|both)\b", re.I)


def _qual_heading(body: str) -> tuple[str, bool] | None:
    """'EXPERIENCE:', 'AND SPECIFIC EXPERIENCE', 'EXPERIENCE (REQUIRED FOR ... OPTION 2):'
    -> (the kind words, whether it applies to all paths); None for an item."""
    if not _QUAL_HEADING_START.match(body):
        return None
    found = _QUAL_HEADING.fullmatch(body)
    if not found or len(found.group("head")) >= 60:
        return None
    head = QUAL_HEAD.fullmatch(found.group("head"))
    if not head or head.group("rest"):
        return None
    for_all = bool(_ALL_OR_BOTH.search(found.group("scope") or ""))
    return head.group("kind"), for_all


def _qual_kind(text: str) -> str:
    """A QUAL_HEAD names education, training, experience or a licence."""
    return qualification_kind_of_label(text) or "education"
