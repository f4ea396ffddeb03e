"""Philadelphia MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE: requirements grouped by
specialty or option, general / specific experience joined by AND / OR, and the
experience months of each way to qualify (AND-blocks add up, OR-alternatives take the
smaller, a specialty inherits what was said for all before it)."""

from __future__ import annotations

import re

from classspec.builder import RecordBuilder
from classspec.document import Piece
from classspec.lazyre import lazy_compile
from classspec.model import EducationLevel
from classspec.normalize import education_level, experience_months, iso_date, title_case
from classspec.parsers.kinds import qualification_kind, qualification_kind_of_label
from classspec.parsers.philadelphia.common import (
    NOT_A_SPECIALTY,
    OPTION,
    QUAL_HEAD,
    QUAL_KIND,
    is_group_head,
    plain,
    specialty_of_heading,
)
from classspec.sections import Section, strip_marker

_CONNECTOR = lazy_compile(r"(?P<word>and|or|and/or)\s*:?", re.I)
_APPROVED_ON = lazy_compile(r"approved\s+(?:on|in)\s+(?P<date>\d{1,2}\s*/\s*\d{2,4})", re.I)
_EDUCATION_ORDER = list(EducationLevel)
_EQUIVALENT = lazy_compile(r"^(?:or\s+)?any\s+(?:other\s+)?equivalent\s+combination", re.I)


def read_qualifications(record: RecordBuilder, section: Section) -> None:
    """Minimum acceptable training and experience: the whole text, each requirement
    under its kind (education / experience / licences) with its group and kind labels,
    the lowest education and the least experience over the ways to qualify."""
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
    paths = _Paths()
    education: list[EducationLevel] = []
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
        if _NOTE.match(body):
            in_note = True  # substitutions and remarks: in minimum_qualifications.text only
            continue
        glued = _GLUED_HEADINGS.fullmatch(body)
        if glued:  # "EDUCATIONBOTH SPECIALTIES": two headings run together
            kind, kind_label, in_note, after_or = glued.group("kind").lower(), None, False, False
            group = Piece(title_case(glued.group("group").rstrip(":")) or "", (line,))
            paths.enter(alternative=None, after_or=after_or)
            continue
        qual_head = _qual_heading(body) if not marker_text else None
        if qual_head:
            joined_by, head, for_all = qual_head
            if for_all:  # "GENERAL EXPERIENCE (for all positions):" after the options
                group = None
                paths.to_all()
            if after_or or joined_by == "or":  # "OR EXPERIENCE:": another way to qualify
                paths.split()
            else:
                paths.block()
            kind = _qual_kind(head)
            kind_label = Piece(head.lower().capitalize(), (line,))
            in_note, after_or = False, False
            continue
        if not marker_text and (OPTION.fullmatch(body) or is_group_head(text)) and len(body) < 80:
            name = specialty_of_heading(body)
            if name:
                record.add("specialties", name, line)
            group, kind_label, kind = Piece(title_case(body.rstrip(": ")) or "", (line,)), None, None
            alternative = name or (group.text if _is_alternative_head(body) else None)
            paths.enter(alternative=alternative, after_or=after_or)
            in_note, after_or = False, False
            continue
        if in_note:
            continue
        by_content = qualification_kind(body)
        if after_or and by_content and by_content != kind:
            kind, kind_label = None, None  # "EXPERIENCE: ... OR Completion of a bachelor's degree"
        if after_or:
            paths.alternative()
        after_or = False
        target = kind or by_content
        labels = [p for p in (group, kind_label) if p is not None]
        value = ": ".join([*(p.text for p in labels), body])
        source = [ln for p in labels for ln in p.lines] + [line]
        if target == "education":
            record.add("minimum_qualifications.education", value, source)
            paths.add_education()
            level = education_level(body)
            if level:
                education.append(level)
        elif target == "experience":
            record.add("minimum_qualifications.experience", value, source)
            paths.add_experience(experience_months(body))
        elif target == "licenses":
            record.add("minimum_qualifications.licenses", value, source)
    if education:
        lowest = min(education, key=_EDUCATION_ORDER.index)
        record.set("minimum_qualifications.min_education", lowest, whole)
    least = paths.least_months()
    if least is not None:
        record.set("minimum_qualifications.min_experience_months", least, whole)


_NOTE = lazy_compile(r"notes?\b[^:]{0,40}:", re.I)
# "EDUCATIONBOTH SPECIALTIES": two headings run together.
_GLUED_HEADINGS = lazy_compile(r"(?P<kind>education|experience)(?P<group>(?:both|all)\s+specialt\w+:?)", re.I)
_JOINED = r"(?:(?P<joined>and/or|and|or)\s+)?"
_QUAL_HEADING = lazy_compile(rf"{_JOINED}(?P<head>.+?)\s*(?P<scope>\([^()]*\))?\s*:?", re.I)
# What such a heading starts with: the lazy head above makes the full match dear on the
# long lines of requirements that are no heading.
_QUAL_HEADING_START = lazy_compile(rf"{_JOINED}{QUAL_KIND}", re.I)
_ALL_OR_BOTH = lazy_compile(r"\b(?:all|both)\b", re.I)
_NAMED_SPECIALTY = lazy_compile(r".+\bspecialt(?:y|ies)(?:\s+only)?\s*:?", re.I)


def _qual_heading(body: str) -> tuple[str | None, str, bool] | None:
    """'EXPERIENCE:', 'AND SPECIFIC EXPERIENCE', 'EXPERIENCE (REQUIRED FOR ... OPTION 2):'
    -> (connector word or None, the kind words, whether it applies to all paths); None for an item."""
    if not _QUAL_HEADING_START.match(body):
        return None
    found = _QUAL_HEADING.fullmatch(body)
    if not found or len(found.group("head")) >= 60:
        return None
    head = QUAL_HEAD.fullmatch(found.group("head"))
    if not head or head.group("rest"):
        return None
    joined = found.group("joined")
    for_all = bool(_ALL_OR_BOTH.search(found.group("scope") or ""))
    return (joined.lower() if joined else None), head.group("kind"), for_all


class _Path:
    """One way to qualify: blocks of experience joined by AND, each block a list of
    alternatives (months) joined by OR."""

    def __init__(self, *, alternative: bool, blocks: list[list[int]] | None = None) -> None:
        self.alternative = alternative  # an option or a named specialty
        self.blocks = [list(b) for b in blocks or []]
        self.education = False
        self.experience = False
        self.inherited = False  # an alternative path copied these blocks
        self.repeats: int | None = None  # months copied from a path the alternatives inherited

    def months(self) -> int:
        return sum(min((m for m in block if m), default=0) for block in self.blocks)


class _Paths:
    """The experience each path asks for. A specialty or option inherits what was said for
    all before it; a path needing education only ('Option 1: a master's degree') makes the
    least experience 0."""

    def __init__(self) -> None:
        self.shared = _Path(alternative=False)
        self.paths = [self.shared]
        self.current = self.shared
        self.named: dict[str, _Path] = {}  # a specialty named again under EXPERIENCE: the same path
        self.all_paths = False  # a heading '(for all positions)': what follows applies to every path

    @property
    def targets(self) -> list[_Path]:
        if self.all_paths:
            return [p for p in self.paths if p.alternative or p is self.shared]
        return [self.current]

    def to_all(self) -> None:
        self.all_paths = True

    def _start(self, path: _Path) -> None:
        self.paths.append(path)
        self.current = path

    def enter(self, *, alternative: str | None, after_or: bool) -> None:
        """A group heading: an option or specialty (alternative, by name), or one for all."""
        self.all_paths = False
        if alternative is None:
            origin = self.shared
            self.shared = _Path(alternative=False, blocks=origin.blocks)
            # a heading after the specialties ("Classes which typically meet ...") adds nothing of its own
            self.shared.repeats = origin.months() if origin.inherited else None
            self._start(self.shared)
            return
        key = alternative.lower()
        if key in self.named:
            self.current = self.named[key]
            return
        inherit = not after_or  # "... OR ELECTRICIAN SPECIALTY ONLY": instead of, not on top of
        self.shared.inherited |= inherit  # counted within the alternatives, not on its own
        self._start(_Path(alternative=True, blocks=self.shared.blocks if inherit else None))
        self.named[key] = self.current

    def split(self) -> None:
        """'OR' followed by a new heading: another way to qualify in the same context."""
        self.all_paths = False
        base = self.shared.blocks if self.current.alternative else None
        self._start(_Path(alternative=self.current.alternative, blocks=base))
        if not self.current.alternative:
            self.shared = self.current

    def block(self) -> None:
        for path in self.targets:
            path.blocks.append([0])

    def alternative(self) -> None:
        for path in self.targets:
            if not path.blocks:
                path.blocks.append([0])
            path.blocks[-1].append(0)

    def add_education(self) -> None:
        for path in self.targets:
            path.education = True

    def add_experience(self, months: int | None) -> None:
        for path in self.targets:
            path.experience = True
            if not path.blocks:
                path.blocks.append([0])
            path.blocks[-1][-1] += months or 0

    def least_months(self) -> int | None:
        alternatives = [p for p in self.paths if p.alternative]
        candidates = [p for p in self.paths if not p.inherited and p.repeats != p.months()]
        months = [p.months() for p in candidates if p.months()]
        if not months:
            return None
        education_only = any(p.education and not p.experience and not p.months() for p in alternatives)
        if len(alternatives) >= 2 and education_only and any(p.experience for p in alternatives):
            return 0
        return min(months)


def _is_alternative_head(text: str) -> bool:
    """'Option 2:', 'CIVIL, ELECTRICAL AND MECHANICAL SPECIALTIES': one way to qualify among
    others; not 'ALL SPECIALTIES' / 'Both specialties' (said for every way)."""
    if OPTION.fullmatch(text):
        return True
    named = _NAMED_SPECIALTY.fullmatch(text)
    return named is not None and not NOT_A_SPECIALTY.match(text)


def _qual_kind(text: str) -> str:
    """A QUAL_HEAD names education, training, experience or a licence."""
    return qualification_kind_of_label(text) or "education"
