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
from collections.abc import Sequence

from classspec.builder import RecordBuilder
from classspec.document import Document, Line, Piece, collapse
from classspec.model import EducationLevel, Jurisdiction
from classspec.normalize import education_level, experience_months, iso_date, title_case
from classspec.parsers.base import TemplateParser, marker
from classspec.sections import (
    HeadingRule,
    Section,
    heading,
    is_upper_heading,
    items,
    split_at,
    split_sections,
    strip_marker,
)

# A class code: four or five characters, digits and capitals, at least one digit ("6J27", "R301").
CODE = r"(?=[0-9A-Z]*\d)[0-9A-Z]{4,5}"
_CODE_LINE = re.compile(rf"(?:class\s+code\s*[:#-]?\s*)?(?P<code>{CODE})\.?", re.I)
_CODE_AND_TITLE = re.compile(rf"(?P<code>{CODE})\s*[-\u2013:]?\s+(?P<title>[A-Z][A-Z0-9 ,.&'/()-]+)")
_TITLE_AND_CODE = re.compile(rf"(?P<title>[A-Z][A-Z0-9 ,.&'/()-]+?)\s*[-\u2013(]\s*(?P<code>{CODE})\)?")
_PAY_RANGE = re.compile(r"pay\s+range\s*[:.\-\u2013]?\s*(?P<rest>.*)", re.I)
_PAY_VALUE = re.compile(r"[A-Z]{0,4}\s?\d[0-9A-Z \-\u2013]*\**", re.I)
_PARENTHESISED = re.compile(r"\(\s*([^()]+?)\s*\)")
_BANNER = re.compile(r"city\s+of\s+philadelphia\b.*", re.I)
_SPECIALTY_WORD = re.compile(r"\bspecialt(?:y|ies)\b", re.I)
_GROUP_HEAD = re.compile(
    r"(?:(?:both|all|each|general|additional(?:\s+\w+)*|.*\bspecialt(?:y|ies)|.*\bassignments?"
    r"|option\s+\w+)\b.*)",
    re.I,
)
_NOT_A_SPECIALTY = re.compile(r"^(?:both|all|each|additional|the)\b", re.I)
_SENTENCE_START = re.compile(r"^(?:this|an?|the|employees?|work|positions?)\b", re.I)

_MIN_QUALS_RULE = HeadingRule(
    "qualifications",
    re.compile(
        r"minimum\s+(?:acceptable\s+)?(?:training\s+and\s+experience|qualifications?)"
        r"\s*[:.]?\s*(?P<rest>\(.*)?",
        re.I,
    ),
)
_HISTORY_LABEL = (
    rf"(?:(?:{CODE}(?:\s*,\s*{CODE})*(?:\s*(?:and|&)\s*{CODE})?)\s*[-\u2013:]?\s*)?"
    r"(?:latest\s+|title\s+change\s+and\s+|class(?:es)?\s+|spec\.?\s+revision\s+and\s+)?"
    r"(?:spec\.?\s*rev(?:ision|ised)?s?\.?|(?:re-?\s?)?established|abolished|change\s+in\s+pay\s+rate"
    r"|consolidation|revised|revision)"
)
_HISTORY_RULE = HeadingRule(
    "history",
    re.compile(
        rf"(?P<label>{_HISTORY_LABEL}[^:\d\u2013]{{0,80}}?)\s*[:\-\u2013]?\s*"
        r"(?P<rest>(?:CSC|Ad\.?\s*Board|\(|\d{1,2}\s*/).*)?",
        re.I,
    ),
)
HEADINGS = (
    heading("summary", "GENERAL DEFINITION", "DEFINITION", inline=True),
    HeadingRule(
        "allocating",
        re.compile(r"allocating\s+factors?\s*:?\s*(?P<rest>\(.*)?", re.I),
    ),
    HeadingRule(
        "duties",
        re.compile(
            r"(?:typical\s+)?examples\s+of\s+work\s*:?\s*(?:\(illustrative\s+only\)\s*:?)?\s*"
            r"|core\s+standards\s+of\s+performance\s*:?",
            re.I,
        ),
    ),
    heading(
        "ksa",
        r"REQUIRED KNOWLEDGES?,? (?:SKILLS?,? )?(?:AND )?ABILITIES",
        r"REQUIRED KNOWLEDGES?",
        r"KNOWLEDGES?,? SKILLS?,? AND ABILITIES",
    ),
    heading("abilities", "REQUIRED ABILITIES", "REQUIRED SKILLS"),
    _MIN_QUALS_RULE,
    heading("physical", r"PHYSICAL AND MEDICAL REQUIREMENTS?", r"PHYSICAL REQUIREMENTS"),
    heading(
        "licenses",
        r"LICENSES?,? REGISTRATIONS?,? (?:AND/OR |AND |OR )?CERTIFICAT(?:ES|IONS?)",
        r"LICENSES?(?: AND CERTIFICAT(?:ES|IONS?))?",
        r"CERTIFICATIONS?",
    ),
    HeadingRule(
        "end",
        re.compile(
            rf"end\s+of\s+(?:job\s+class\s+specification|page)\s*[-\u2013:]?\s*(?P<rest>{CODE})?", re.I
        ),
    ),
    _HISTORY_RULE,
)
KSA_HEADS = (
    (re.compile(r"knowledges?\s+(?:of|in)\s*:?", re.I), "knowledge"),
    (re.compile(r"skills?\s+(?:in|to|of)\s*:?", re.I), "skills"),
    (re.compile(r"abilit(?:y|ies)\s+(?:to|in)\s*:?", re.I), "abilities"),
)
_QUAL_HEAD = re.compile(
    r"(?P<kind>(?:general\s+|specific\s+|specialized\s+|required\s+)?(?:education|experience|training"
    r"|certifications?|licen[sc]es?)(?:\s+and\s+experience)?)\s*:?\s*(?P<rest>.*)",
    re.I,
)
_CONNECTOR = re.compile(r"(?P<word>and|or|and/or)\s*:?", re.I)
_OPTION = re.compile(r"option\s+\w+\s*:?.*", re.I)
_CSC = re.compile(r"\bCSC\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)
_AD_BOARD = re.compile(r"\bAd\.?,?\s*Board\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)
_APPROVED_ON = re.compile(r"approved\s+(?:on|in)\s+(?P<date>\d{1,2}\s*/\s*\d{2,4})", re.I)
_EDUCATION_ORDER = list(EducationLevel)
_EQUIVALENT = re.compile(r"^(?:or\s+)?any\s+(?:other\s+)?equivalent\s+combination", re.I)


class PhiladelphiaParser(TemplateParser):
    id = "philadelphia"
    description = "City of Philadelphia (Office of Human Resources)"
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
        marker("PAY RANGE:", r"^\s*PAY\s+RANGE\s*:", 0.15),
        marker("Class Established", r"^\s*Class(?:es)?\s+Established\b", 0.15),
        marker("Ad Board date", r"\bAd\.?\s*Board\b", 0.15),
        marker("City of Philadelphia", r"City\s+of\s+Philadelphia", 0.2),
    )

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        lines = self._take_pay_range(record, _split_long_headings(doc.lines))
        sections = split_sections(lines, HEADINGS, first_key="header")
        footer_code: Piece | None = None
        history_lines: list[Line] = []
        for section in sections:
            if section.key == "end":
                footer_code = footer_code or section.inline
                record.use(section.heading)
                self._leftover(record, "End of specification", section.lines)
            elif section.key == "history":
                history_lines.extend(self._history(record, section))
            else:
                self._section(record, section)
        if footer_code and not record.has("class_code"):
            record.set("class_code", footer_code.text.upper(), footer_code)
        elif footer_code:
            record.use(footer_code)
        if history_lines:
            # One section for the whole history (consolidations, pay-rate changes, abolitions).
            text = "\n".join(ln.stripped for ln in history_lines if not ln.blank)
            history = Piece(text, tuple(history_lines))
            record.add(
                "other_sections",
                {"heading": "Class history", "text": history.text},
                history,
            )
        self._finish(record, sections)
        return [record]

    # -- dispatch ---------------------------------------------------------
    def _section(self, record: RecordBuilder, section: Section) -> None:
        key = section.key
        record.use(section.heading)
        if key == "header":
            self._header(record, section.lines, has_heading=section.heading is not None)
        elif key == "summary":
            lines = list(section.inline.lines) + section.lines if section.inline else section.lines
            self._summary(record, lines)
        elif key == "allocating":
            note = _note(section)
            if note:
                record.other("Allocating factors", note)
            for item in items(section.lines):
                record.add("distinguishing_features", item.text, item)
        elif key == "duties":
            self._duties(record, section.lines)
        elif key == "ksa":
            self._ksa(record, section.lines, default=None)
        elif key == "abilities":
            self._ksa(record, section.lines, default="abilities")
        elif key == "qualifications":
            self._qualifications(record, section)
        elif key == "licenses":
            for item in items(section.lines):
                record.add("minimum_qualifications.licenses", item.text, item)
        elif key == "physical":
            body = _plain(section.lines)
            record.set("physical_demands.text", body.text, body)

    # -- header -------------------------------------------------------------
    @staticmethod
    def _take_pay_range(record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
        """Take 'PAY RANGE' lines (value inline or on the next line) out of the flow:
        they sit in the header or the footer and must not cut a section in two."""
        remaining: list[Line] = []
        pending: Line | None = None
        for line in lines:
            text = line.stripped
            if pending is not None and text:
                value = strip_marker(text)[1]
                if _PAY_VALUE.fullmatch(value):
                    _set_pay(record, value, (pending, line))
                    pending = None
                    continue
                pending = None
            found = _PAY_RANGE.fullmatch(text) if len(text) < 60 else None
            if found and not record.has("pay_grade"):
                record.use(line)
                if found.group("rest").strip():
                    _set_pay(record, found.group("rest"), (line,))
                else:
                    pending = line
                continue
            remaining.append(line)
        return remaining

    def _header(self, record: RecordBuilder, lines: list[Line], *, has_heading: bool) -> None:
        title_lines: list[Line] = []
        summary_from: int | None = None
        specialty_list = False
        content = [ln for ln in lines if not ln.blank]
        for index, line in enumerate(content):
            text = line.stripped
            marker_text, body = strip_marker(text)
            if _BANNER.fullmatch(text) and not title_lines:
                record.values["_has_header"] = True
                record.use(line)
                department = re.sub(r"(?i)^city\s+of\s+philadelphia\s*", "", text).strip()
                record.set("taxonomy.department", title_case(department) or None, line)
                continue
            if text.startswith("<") and text.endswith(">"):  # markup pasted into the page as text
                record.other("Pasted markup", Piece.of([line]))
                continue
            code = _CODE_LINE.fullmatch(text)
            if code and not record.has("class_code"):
                record.set("class_code", code.group("code").upper(), line)
                record.values["_has_header"] = True
                continue
            both = _CODE_AND_TITLE.fullmatch(text) or _TITLE_AND_CODE.fullmatch(text)
            if both and not record.has("class_code") and not title_lines:
                record.set("class_code", both.group("code").upper(), line)
                title_lines.append(Line(both.group("title"), line.number, line.page))
                continue
            if text.lower().rstrip(":") == "specialties":
                specialty_list = True
                record.use(line)
                continue
            if specialty_list and marker_text:
                record.add("specialties", _specialty_name(body), line)
                continue
            if _PARENTHESISED.search(text) and not _PARENTHESISED.sub("", text).strip(" ,"):
                for found in _PARENTHESISED.finditer(text):
                    record.add("specialties", _specialty_name(found.group(1)), line)
                continue
            title_open = not title_lines or not record.has("specialties")
            if title_open and (_is_title_line(text) or (not title_lines and _reads_as_title(text))):
                title_lines.append(line)
                continue
            if _reads_as_prose(body):
                summary_from = index
                break
            record.other(None, Piece.of([line]))
        if title_lines:
            title = title_case(collapse(" ".join(ln.stripped for ln in title_lines)))
            record.set(
                "title", title, [next(ln for ln in lines if ln.number == t.number) for t in title_lines]
            )
        if summary_from is not None:
            self._summary(record, content[summary_from:])

    def _summary(self, record: RecordBuilder, lines: list[Line]) -> None:
        """The definition; in a spec that starts mid-way (or has no TYPICAL EXAMPLES
        heading) duties grouped under a specialty heading may follow it directly."""
        groups = split_at(lines, lambda ln: _is_group_head(ln.stripped))
        prose = [ln for head, body in groups if head is None for ln in body]
        if not groups or groups[0][0] is not None:
            prose = []
        body = _plain(prose if prose else ([] if groups and groups[0][0] is not None else lines))
        if body and not record.has("summary"):
            record.set("summary", body.text, body)
        elif body:
            record.other("General definition", body)
        rest = [ln for head, part in groups if head is not None for ln in (head, *part)]
        if rest:
            self._duties(record, rest)

    # -- duties -------------------------------------------------------------
    def _duties(self, record: RecordBuilder, lines: list[Line]) -> None:
        for head, body in split_at(lines, lambda ln: _is_group_head(ln.stripped)):
            category = None
            if head is not None:
                record.use(head)
                category = Piece(title_case(head.stripped.rstrip(": ")) or "", (head,))
                name = _specialty_of_heading(head.stripped)
                if name:
                    record.add("specialties", name, head)
            for item in items(body):
                value = {
                    "text": item.text,
                    "category": category.text if category else None,
                    "essential": None,
                }
                record.add("duties", value, item, category=category)

    # -- knowledge, skills, abilities --------------------------------------
    def _ksa(self, record: RecordBuilder, lines: list[Line], default: str | None) -> None:
        kind = default
        leftovers: list[Line] = []
        for line in lines:
            text = line.stripped
            if not text:
                continue
            marker_text, body = strip_marker(text)
            head = next((k for pattern, k in KSA_HEADS if pattern.fullmatch(body)), None)
            if head:
                kind = head
                record.use(line)
                continue
            if kind is None:
                leftovers.append(line)
                continue
            if not marker_text and _is_group_head(text):
                record.other("Knowledge, skills and abilities", Piece.of([line]))
                continue
            if not marker_text and leftovers_continue(record, kind, body):
                previous = record.values[kind][-1]
                previous["text"] = f"{previous['text']} {body}"
                record.use(line)
                continue
            record.add(kind, {"name": None, "text": body, "level": None, "required_at_entry": None}, line)
        for paragraph in items(leftovers):
            record.other("Knowledge, skills and abilities", paragraph)

    # -- minimum qualifications -------------------------------------------
    def _qualifications(self, record: RecordBuilder, section: Section) -> None:
        note = _note(section)
        if note:
            record.other("Minimum acceptable training and experience", note)
            approved = _APPROVED_ON.search(note.text)
            if approved and not record.has("dates.effective"):
                record.set("dates.effective", iso_date(approved.group("date")), note)
        whole = _plain(section.lines)
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
            glued = re.fullmatch(
                r"(?P<kind>education|experience)(?P<group>(?:both|all)\s+specialt\w+:?)", body, re.I
            )
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
            if not marker_text and (_OPTION.fullmatch(body) or _is_group_head(text)) and len(body) < 80:
                name = _specialty_of_heading(body)
                if name:
                    record.add("specialties", name, line)
                group, kind_label, kind = Piece(title_case(body.rstrip(": ")) or "", (line,)), None, None
                alternative = name or (group.text if _is_alternative_head(body) else None)
                paths.enter(alternative=alternative, after_or=after_or)
                in_note, after_or = False, False
                continue
            if in_note:
                continue
            by_content = _kind_by_content(body)
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

    # -- history footer ----------------------------------------------------
    def _history(self, record: RecordBuilder, section: Section) -> list[Line]:
        label = section.heading.text if section.heading else ""
        label_match = _HISTORY_RULE.match(label)
        label_text = (label_match.group("label") if label_match else label).lower()
        lines = [*(section.heading.lines if section.heading else ()), *section.lines]
        text = " ".join(ln.stripped for ln in lines if not ln.blank)
        date_lines = [ln for ln in lines if not ln.blank and iso_date(ln.stripped)]
        csc = _CSC.search(text)
        board = _AD_BOARD.search(text)
        plain = iso_date(section.inline.text) if section.inline else None
        if plain is None and date_lines:
            plain = iso_date(date_lines[0].stripped)
        first = iso_date(csc.group("date")) if csc else plain
        if "abolish" in label_text:
            record.values.setdefault("_abolished", True)
        elif "established" in label_text and "re-" not in label_text and "re " not in label_text:
            if not record.has("dates.established"):
                record.set("dates.established", first, date_lines or lines)
        elif "rev" in label_text:
            latest = "latest" in label_text
            if first and (latest or not record.values.get("_latest")):
                record.set("dates.revised", first, date_lines or lines)
                if board:
                    record.set("dates.effective", iso_date(board.group("date")), date_lines or lines)
                if latest:
                    record.values["_latest"] = True
        if "re-" in label_text or "re " in label_text:
            record.values.pop("_abolished", None)
        record.use(lines)
        return lines

    # -- finishing -----------------------------------------------------------
    @staticmethod
    def _leftover(record: RecordBuilder, heading_text: str, lines: list[Line]) -> None:
        for paragraph in items(lines):
            record.other(heading_text, paragraph)

    @staticmethod
    def _finish(record: RecordBuilder, sections: list[Section]) -> None:
        if record.values.pop("_abolished", None):
            record.warn("the class has been abolished (see the class history)")
        record.values.pop("_latest", None)
        specialties = record.values["specialties"]
        record.values["specialties"] = list(dict.fromkeys(specialties))
        has_header = record.values.pop("_has_header", False)
        starts_with_heading = bool(sections) and sections[0].key != "header"
        if not record.has("title"):
            if not has_header and not starts_with_heading:
                record.warn("document starts mid-specification: no title found")
            else:
                record.warn("no class title found")
        if not record.has("class_code"):
            record.warn("no class code found (neither in the header nor in an END OF JOB CLASS line)")
        keys = {s.key for s in sections}
        if "summary" not in keys and not record.has("summary"):
            record.warn("no GENERAL DEFINITION found")


def leftovers_continue(record: RecordBuilder, kind: str, body: str) -> bool:
    """An unmarked line under a KSA sub-head that starts lower-case continues the item
    above it (Word wrapped a bullet into two paragraphs)."""
    items_so_far = record.values.get(kind) or []
    return bool(items_so_far) and body[:1].islower() and not items_so_far[-1]["text"].endswith((".", ";"))


# Headings that may carry a long parenthetical on their own line, past the section
# engine's heading length limit: "MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE (The following ...)".
_LONG_HEADING = re.compile(
    r"(?P<head>minimum\s+acceptable\s+training\s+and\s+experience|allocating\s+factors?"
    r"|general\s+definition|typical\s+examples\s+of\s+work(?:\s*\(illustrative\s+only\))?)"
    r"\s*:?\s*(?P<rest>\(.*)",
    re.I,
)


def _split_long_headings(lines: Sequence[Line]) -> list[Line]:
    """Cut 'HEADING (long note)' lines in two, both citing the same line number."""
    result: list[Line] = []
    for line in lines:
        found = _LONG_HEADING.fullmatch(line.stripped) if len(line.stripped) > 150 else None
        if found:
            result.append(Line(found.group("head"), line.number, line.page))
            result.append(Line(found.group("rest"), line.number, line.page))
        else:
            result.append(line)
    return result


def _note(section: Section) -> Piece | None:
    """The parenthetical note after a heading: inline, or cut from it by _split_long_headings."""
    if section.inline:
        return section.inline
    first = next((ln for ln in section.lines if not ln.blank), None)
    if first and section.heading and first.number == section.heading.lines[0].number:
        section.lines.remove(first)
        return Piece.of([first])
    return None


def _set_pay(record: RecordBuilder, value: str, lines: Sequence[Line]) -> None:
    grade = collapse(value).rstrip("*").strip()
    grade = re.sub(r"^([A-Z]{1,4})\s+(?=\d)", r"\1", grade, flags=re.I)  # "EP 17" -> "EP17"
    grade = re.sub(r"\s*[-\u2013]\s*", "-", grade)
    record.set("pay_grade", grade.upper() or None, lines)


def _plain(lines: Sequence[Line]) -> Piece:
    """Paragraphs without their list markers, separated by blank lines."""
    return Piece.join(items(lines), sep="\n\n")


def _is_title_line(text: str) -> bool:
    return is_upper_heading(text) and len(text) <= 90 and not _PAY_RANGE.match(text)


def _reads_as_title(text: str) -> bool:
    """A short mixed-case title line: 'ADMINISTRATIVE SPECIALIST 1 – Non-Confidential'."""
    return (
        len(text.split()) <= 10
        and text[:1].isupper()
        and not text.endswith((".", ";", ":"))
        and not _reads_as_prose(text)
        and sum(ch.isupper() for ch in text) * 2 >= sum(ch.isalpha() for ch in text)
    )


def _reads_as_prose(text: str) -> bool:
    return len(text.split()) >= 8 or bool(_SENTENCE_START.match(text) and len(text.split()) >= 4)


def _is_group_head(text: str) -> bool:
    """A specialty / assignment / option heading inside a section, not an item."""
    marker_text, body = strip_marker(text)
    if marker_text or not body or len(body) > 80 or body.endswith((".", ";", ",")):
        return False
    if _QUAL_HEAD.fullmatch(body) and not _QUAL_HEAD.fullmatch(body).group("rest"):
        return False
    if any(pattern.fullmatch(body) for pattern, _ in KSA_HEADS):
        return False
    return bool(_GROUP_HEAD.fullmatch(body)) and (
        is_upper_heading(body) or _SPECIALTY_WORD.search(body) is not None or body.endswith(":")
    )


def _specialty_of_heading(text: str) -> str | None:
    """'REVENUE COLLECTIONS SPECIALTY:' -> 'Revenue Collections'; 'Both Specialties' -> None."""
    found = re.fullmatch(r"(?P<name>.+?)\s+specialty\s*:?", text.strip(), re.I)
    if not found or _NOT_A_SPECIALTY.match(found.group("name")):
        return None
    return _specialty_name(found.group("name"))


def _specialty_name(text: str) -> str:
    name = re.sub(r"(?i)\s+specialty$", "", collapse(text).strip(" :"))
    return title_case(name) or name


_NOTE = re.compile(r"notes?\b[^:]{0,40}:", re.I)


def _qual_heading(body: str) -> tuple[str | None, str, bool] | None:
    """'EXPERIENCE:', 'AND SPECIFIC EXPERIENCE', 'EXPERIENCE (REQUIRED FOR ... OPTION 2):'
    -> (connector word or None, the kind words, whether it applies to all paths); None for an item."""
    found = re.fullmatch(
        r"(?:(?P<joined>and/or|and|or)\s+)?(?P<head>.+?)\s*(?P<scope>\([^()]*\))?\s*:?", body, re.I
    )
    if not found or len(found.group("head")) >= 60:
        return None
    head = _QUAL_HEAD.fullmatch(found.group("head"))
    if not head or head.group("rest"):
        return None
    joined = found.group("joined")
    for_all = bool(re.search(r"\b(?:all|both)\b", found.group("scope") or "", re.I))
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
    if _OPTION.fullmatch(text):
        return True
    named = re.fullmatch(r".+\bspecialt(?:y|ies)(?:\s+only)?\s*:?", text, re.I)
    return named is not None and not _NOT_A_SPECIALTY.match(text)


def _qual_kind(text: str) -> str:
    lowered = text.lower()
    if "experience" in lowered:
        return "experience"
    if "licen" in lowered or "certif" in lowered:
        return "licenses"
    return "education"


def _kind_by_content(text: str) -> str | None:
    if re.search(r"\bexperience\b|\bemployment\b", text, re.I):
        return "experience"
    if education_level(text):
        return "education"
    if re.search(r"\blicen[sc]e|\bcertificat", text, re.I):
        return "licenses"
    return None
