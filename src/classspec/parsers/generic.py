"""Any other template: headings found by the shared lexicon of section names
(parsers/lexicon.py), title and code from labels, footers or the first title-like
line, and a spec that describes several levels (Trainee / I / II / III) read as a
series: one record per level, shared text in each.

Detection scores structure only (recognised section headings and a title), so a
document with no class-spec structure scores 0 and is refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.builder import RecordBuilder, Source, share_used, source_lines
from classspec.document import Document, Line, Piece, collapse
from classspec.jurisdiction import jurisdiction_from_text
from classspec.normalize import (
    NUMBER_WORDS,
    education_level,
    experience_months,
    flsa_status,
    iso_date,
    strength,
    title_case,
)
from classspec.parsers.base import Detection, TemplateParser
from classspec.parsers.levels import Level, find_levels
from classspec.parsers.lexicon import (
    DEGREE_WORDS,
    HEADINGS,
    LIST_KEYS,
    STRUCTURAL_KEYS,
    TOP_LEVEL_KEYS,
    UNKNOWN_HEADING,
)
from classspec.sections import (
    Section,
    is_upper_heading,
    items,
    match_heading,
    split_sections,
    strip_marker,
    text_block,
)

# "Assistant Sheriff (Class No. 000265)   Union Code: NE" - the footer hosted platforms print.
_FOOTER = re.compile(
    r"(?P<title>[A-Z][^()]{2,80}?)\s*\(\s*(?:Class|Job|Classification)\s*(?:No\.?|Number|Code|#)\s*:?\s*"
    r"(?P<code>[A-Z0-9][A-Z0-9.\-]*)\s*\)(?:\s+(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:\s*(?P<value>\S.*))?",
)
# "END OF JOB CLASS SPECIFICATION - 1A11"
_END_FOOTER = re.compile(
    r"end\s+of\s+(?:job\s+)?class(?:ification)?\s+spec(?:ification)?\.?\s*[-\u2013\u2014:]?\s*"
    r"(?P<code>[A-Z0-9][A-Z0-9.\-]{1,11})",
    re.I,
)
# "1A11 CLERK TYPIST I" / "Clerk Typist 1 (B) - 1A11": a title line carrying its code.
_CODE_FIRST = re.compile(
    r"(?-i:(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,7}))\s+(?:[-\u2013\u2014:]\s*)?(?P<title>[A-Za-z].+)"
)
_CODE_LAST = re.compile(
    r"(?P<title>[A-Za-z].+?)\s+[-\u2013\u2014]\s+(?-i:(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,7}))"
)
_NOTED_HEADING = re.compile(r"(?P<name>[A-Z][A-Za-z ,/&'\-]{3,80}?)\s*:?\s*(?P<note>\(.*\)[.:]?)")
_PARENTHETICAL = re.compile(r"\(.*\)[.:]?")
# A code on a line of its own above the title ("1A11").
_BARE_CODE = re.compile(r"(?-i:(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{2,9})")
# Lines that name the publisher or the kind of document, not the class.
_NOT_A_TITLE = re.compile(
    r"^(?:city|county|state|town|village|borough|department|personnel|human resources|civil service"
    r"|(?:personnel |job )?class(?:ification)? spec|job description|position description|page \d)"
    r"|\b(?:specification|equal opportunity|www\.|https?:)",
    re.I,
)
# Lines in a duty list that introduce it rather than being a duty.
_INTRO = re.compile(
    r"\b(?:include|includes|including|following|as follows|not limited|illustrative|examples?|typical(?:ly)?"
    r"|these are|may be assigned|all-inclusive)\b",
    re.I,
)
_REQUIREMENT_START = re.compile(
    rf"^(?:(?P<degree>{'|'.join(sorted(DEGREE_WORDS, key=len, reverse=True))})\s+)?"
    r"(?P<kind>knowledge|skills?|abilit(?:y|ies))\s+(?:of|in|to)\b",
    re.I,
)
_LABELLED_REQUIREMENT = re.compile(
    rf"(?P<label>(?:(?:{'|'.join(sorted(DEGREE_WORDS, key=len, reverse=True))})\s+)?"
    r"(?:knowledge\s+of|skills?\s+(?:in|to)|abilit(?:y|ies)\s+to))\s*:\s*(?P<rest>\S.*)",
    re.I,
)
_LICENSE_WORDS = re.compile(r"licen[sc]|certif|registration|permit|credential", re.I)
_OPTIONAL = re.compile(r"[^.]*\b(?:desirable|preferred|a plus)\b[^.]*\.?", re.I)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?P<n>\d+|{_NUMBER_WORD})\s*(?:\(\s*(?P<digits>\d+)\s*\)\s*)?"
    r"[- ]?(?P<unit>months?|years?)\b",
    re.I,
)
_POUNDS = re.compile(r"(?:up to|to|of|maximum of|over)\s+(?P<n>\d{1,3})\s*(?:pounds|lbs?\.?)", re.I)
_DOT_ONLY = re.compile(r"[.:;\-\u2013\u2014_*]+")
_KIND_FIELD = {"knowledge": "knowledge", "skill": "skills", "skills": "skills"}
MAX_CATEGORY_WORDS = 10
# A parenthetical after a heading this long is a note worth keeping as text.
NOTE_WORDS = 4


class GenericParser(TemplateParser):
    id = "generic"
    description = "Any template, by a lexicon of common section names"

    # -- detection ---------------------------------------------------------
    def detect(self, doc: Document, text: str | None = None) -> Detection:
        lines = doc.lines if text is None else [Line(t, n) for n, t in enumerate(text.split("\n"), 1)]
        families: dict[str, str] = {}
        for line in lines:
            found = match_heading(line, HEADINGS)
            if found and found[0].key not in families:
                families[found[0].key] = line.stripped[:40]
        structural = sorted(k for k in families if k in STRUCTURAL_KEYS)
        titled = "title" in families or "code" in families or any(_FOOTER.search(ln.text) for ln in lines)
        # Two kinds of spec section, or one and a labelled title, before anything counts:
        # a letter or a recipe may happen to have one line that reads "Summary".
        if len(structural) + titled < 2:
            return Detection(self.id, 0.0, [])
        score = 0.2 * len(structural) + 0.05 * (len(families) - len(structural)) + 0.15 * titled
        found_markers = [f"heading {families[k]!r} ({k})" for k in structural]
        if titled:
            found_markers.insert(0, "class title or code label")
        return Detection(self.id, round(min(1.0, score), 3), found_markers)

    # -- parsing -------------------------------------------------------------
    def parse(self, doc: Document) -> list[RecordBuilder]:
        base = self.new_record(doc)
        named = jurisdiction_from_text(doc.lines)
        if named:
            base.set("jurisdiction", named[0].model_dump(), named[1])
        levels = find_levels(doc.lines, HEADINGS, TOP_LEVEL_KEYS)
        sections = _sections(doc.lines, {level.title.lines[0].number for level in levels})
        records = Records(base, levels)
        # Footers may sit anywhere (the end of a page, the end of the document).
        footers = {line.number for line in doc.lines if _footer(records, line)}
        for section in sections:
            section.lines = [ln for ln in section.lines if ln.number not in footers]
            self._section(records, section)
        finished = records.finish()
        for record in finished:
            if not record.has("title"):
                record.warn("no class title found in the text")
        return finished

    def _section(self, records: Records, section: Section) -> None:
        key = section.key
        records.use(section.heading)
        lines = [ln for ln in section.lines if not _DOT_ONLY.fullmatch(ln.stripped)]
        records.use([ln for ln in section.lines if ln not in lines])
        if section.inline and _PARENTHETICAL.fullmatch(section.inline.text):
            # "ALLOCATING FACTORS: (The following conditions must be met ...)" is a note.
            records.other(_heading_text(section), section.inline)
            section.inline = None
        handler = _HANDLERS.get(key or "")
        records.started |= key in STRUCTURAL_KEYS
        if handler is None:
            _preamble(records, section, lines) if key is None else _other(records, section, lines)
            return
        handler(records, section, lines)


def _sections(lines: Sequence[Line], level_lines: set[int]) -> list[Section]:
    """Sections by the lexicon; a heading in capitals that it does not know starts a
    section of its own, except inside a list, where it is a sub-heading. A series
    level's title line ("Accountant II") starts a section too."""
    merged: list[Section] = []
    notes: dict[int, Piece] = {}
    shadowed: list[Line] = []
    for line in lines:
        # A heading with a long note after it ("MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE
        # (The following statement ...)") is too long for the engine to read as a heading:
        # the heading is matched without its note, and the note is kept as inline text.
        noted = _NOTED_HEADING.fullmatch(line.stripped)
        if noted and len(noted.group("note").split()) < NOTE_WORDS:
            noted = None  # "(ILLUSTRATIVE ONLY)" is part of the heading
        if noted and match_heading(Line(noted.group("name"), line.number), HEADINGS):
            notes[line.number] = Piece(collapse(noted.group("note")), (line,))
            shadowed.append(Line(noted.group("name"), line.number, line.page))
        else:
            shadowed.append(line)
    for section in split_sections(shadowed, (*HEADINGS, UNKNOWN_HEADING)):
        if section.heading and section.heading.lines[0].number in notes:
            note = notes[section.heading.lines[0].number]
            section = Section(section.key, Piece.of(note.lines), note, section.lines)
        # Before the first known heading, capitals are the letterhead and the title;
        # inside a list they are its sub-headings.
        if (
            section.key == "unknown"
            and section.heading
            and (
                not merged
                or merged[-1].key in LIST_KEYS | {None}
                or not any(m.key in STRUCTURAL_KEYS for m in merged)
            )
        ):
            if not merged:
                merged.append(Section(None, None))
            merged[-1].lines.extend([*section.heading.lines, *section.lines])
            continue
        merged.append(Section(section.key, section.heading, section.inline))
        for line in section.lines:
            if line.number in level_lines:
                merged.append(Section("level", Piece.of([line])))
            else:
                merged[-1].lines.append(line)
    return merged


class Records:
    """The records of one document: one, or one per level of a series. A value goes
    to the level its lines belong to, or to the shared record (copied into every level)."""

    def __init__(self, base: RecordBuilder, levels: list[Level]) -> None:
        self.base = base
        self.levels = levels
        self.line_level = {number: level.key for level in levels for number in level.line_numbers}
        self.started = False  # has a spec section (definition, duties ...) been read yet?
        self.level_records = {level.key: RecordBuilder(base.doc, base.parser_id) for level in levels}

    def all(self) -> list[RecordBuilder]:
        return [self.base, *self.level_records.values()]

    def targets(self, source: Source) -> list[RecordBuilder]:
        keys = {self.line_level.get(line.number) for line in source_lines(source)} - {None}
        return [self.level_records[keys.pop()]] if len(keys) == 1 else [self.base]

    def set(self, path: str, value: object, source: Source = None) -> None:
        for record in self.targets(source):
            record.set(path, value, source)

    def append_text(self, path: str, body: Piece) -> None:
        """Set a text field, or add a paragraph to it when a second section of the
        same family appears ('Definition' and 'Nature of Work')."""
        for record in self.targets(body):
            record.extend(path, body, sep="\n\n")

    def has(self, path: str, source: Source = None) -> bool:
        return any(record.has(path) for record in self.targets(source))

    def add(self, path: str, value: object, source: Source = None, **parts: Source) -> None:
        for record in self.targets(source):
            record.add(path, value, source, **parts)

    def other(self, heading: str | None, body: Piece) -> None:
        for record in self.targets(body):
            record.other(heading, body)

    def use(self, source: Source) -> None:
        self.base.use(source)

    def finish(self) -> list[RecordBuilder]:
        if not self.levels:
            return [self.base]
        result = []
        for key, own in self.level_records.items():
            level = next(lv for lv in self.levels if lv.key == key)
            record = self.base.copy()
            record.merge(own, _TEXT_FIELDS)
            record.set("title", level.title.text, level.title)
            record.set("level", level.name, level.title)
            if level.series:
                record.set("series", level.series.text, level.series)
            if level.code:
                record.set("class_code", level.code.text, level.code)
            result.append(record)
        # A line one level used is not left over for the others to file again.
        share_used(result)
        return result


_TEXT_FIELDS = {"summary", "minimum_qualifications.text", "physical_demands.text"}


# -- section handlers ---------------------------------------------------------
def _inline_and_lines(section: Section, lines: list[Line]) -> tuple[Piece | None, list[Line]]:
    return section.inline, [ln for ln in lines if not ln.blank]


def _first_value(section: Section, lines: list[Line]) -> tuple[Piece | None, list[Line]]:
    """The value of a labelled field: on the label's line, or the next line when short."""
    content = [ln for ln in lines if not ln.blank]
    if section.inline:
        return section.inline, content
    if content and len(content[0].stripped.split()) <= 8:
        return Piece.of([content[0]]), content[1:]
    return None, content


def _leftover(records: Records, section: Section, lines: list[Line]) -> None:
    content = [ln for ln in lines if not ln.blank]
    # Above the first spec section a title may follow a labelled value
    # ("PAY RANGE: 8" / "SECRETARY").
    if (
        content
        and not records.started
        and not records.has("title", content[0])
        and _title_like(content[0].stripped)
    ):
        _set_title(records, content[0])
        lines = content[1:]
    if lines:
        records.other(_heading_text(section), text_block(lines))


def _heading_text(section: Section) -> str | None:
    if section.heading is None:
        return None
    text = section.heading.text
    if section.inline:
        text = text[: max(0, len(text) - len(section.inline.text))]
    return collapse(text.rstrip(" :.-\u2013\u2014")) or None


def _other(records: Records, section: Section, lines: list[Line]) -> None:
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    records.other(_heading_text(section), body)


def _preamble(records: Records, section: Section, lines: list[Line]) -> None:
    """Text before the first heading: letterhead, the title, maybe a code."""
    for line in lines:
        if line.blank:
            continue
        text = line.stripped
        if not records.has("title", line) and _BARE_CODE.fullmatch(text):
            if records.has("class_code", line):
                records.other("Class code", Piece.of([line]))
            else:
                records.set("class_code", text, line)
            continue
        if not records.has("title", line) and _title_like(text):
            _set_title(records, line)
            continue
        if records.base.has("jurisdiction") and line.number in {
            ln.number for ln in records.base.lines("jurisdiction")
        }:
            continue
        records.other(None, Piece.of([line]))


def _footer(records: Records, line: Line) -> bool:
    ending = _END_FOOTER.fullmatch(line.stripped)
    if ending:
        if not records.has("class_code", line):
            records.set("class_code", ending.group("code"), line)
        records.use(line)
        return True
    found = _FOOTER.fullmatch(line.stripped)
    if not found:
        return False
    title = Piece(title_case(collapse(found.group("title"))), (line,))
    if not records.has("title", line):
        records.set("title", title.text, title)
    if not records.has("class_code", line):
        records.set("class_code", found.group("code"), line)
    if found.group("label"):
        label = re.sub(r"\W+", "_", found.group("label").strip().lower())
        records.set(f"taxonomy.{label}", collapse(found.group("value")), line)
    records.use(line)
    return True


def _title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or text.endswith((".", ";", ",")) or _NOT_A_TITLE.search(text):
        return False
    if "\t" in text or ":" in text or strip_marker(text)[0]:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= 0.6 * len(words)


def _set_title(records: Records, line: Line) -> None:
    text = collapse(line.stripped)
    for pattern in (_CODE_LAST, _CODE_FIRST):
        found = pattern.fullmatch(text)
        if found and not records.has("class_code", line):
            records.set("class_code", found.group("code"), line)
            text = found.group("title").strip()
            break
    records.set("title", title_case(text), line)


def _title_section(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = _first_value(section, lines)
    if value:
        records.set("title", title_case(value.text), value)
    _leftover(records, section, rest)


def _code_section(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = _first_value(section, lines)
    if value and re.fullmatch(r"[A-Za-z0-9][\w.\-]{0,15}", value.text):
        records.set("class_code", value.text, value)
    elif value:
        rest = list(value.lines) + rest
    _leftover(records, section, rest)


def _summary(records: Records, section: Section, lines: list[Line]) -> None:
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    if body:
        records.append_text("summary", body)


def _distinguishing(records: Records, section: Section, lines: list[Line]) -> None:
    for item in _pieces(section, lines):
        records.add("distinguishing_features", item.text, item)


def _pieces(section: Section, lines: list[Line]) -> list[Piece]:
    found = items(lines)
    return [section.inline, *found] if section.inline else found


def _duties(records: Records, section: Section, lines: list[Line], *, essential: bool = True) -> None:
    content = [ln for ln in lines if not ln.blank]
    marked = any(strip_marker(ln.stripped)[0] for ln in content)
    category: Piece | None = None
    group: list[Line] = []
    heading = _heading_text(section)

    def flush() -> None:
        for item in items(group):
            value = {
                "text": item.text,
                "category": category.text if category else None,
                "essential": essential,
            }
            records.add("duties", value, item, category=category)
        group.clear()

    if section.inline:
        records.add(
            "duties", {"text": section.inline.text, "category": None, "essential": essential}, section.inline
        )
    for line in content:
        text = line.stripped
        if _is_intro(text):
            flush()
            category = None
            records.other(heading, Piece.of([line]))
        elif _is_category(text, marked):
            flush()
            category = Piece(collapse(text.rstrip(":").strip()), (line,))
        else:
            group.append(line)
    flush()


def _additional_duties(records: Records, section: Section, lines: list[Line]) -> None:
    _duties(records, section, lines, essential=False)


def _is_intro(text: str) -> bool:
    """'Duties may include, but are not limited to, the following:'"""
    if strip_marker(text)[0]:
        return False
    ends_open = text.endswith((":", "\u2013", "-", "\u2014"))
    return ends_open and (len(text.split()) > MAX_CATEGORY_WORDS or bool(_INTRO.search(text)))


def _is_category(text: str, marked_list: bool) -> bool:
    """A sub-heading that groups the duties below it ('Law Enforcement Services:')."""
    if strip_marker(text)[0] or len(text.split()) > MAX_CATEGORY_WORDS:
        return False
    if text.endswith(":"):
        return True
    if text.endswith((".", ";", ",", ")")):
        return False
    title_like = _title_like(text) or is_upper_heading(text)
    return title_like and (
        marked_list or is_upper_heading(text) or re.search(r"\b(?:special|specialt)", text, re.I)
    )


def _requirements(records: Records, section: Section, lines: list[Line]) -> None:
    """A KSA block, or one 'Knowledge of:' / 'Ability to:' list (items may be inline, ';'-separated)."""
    key = section.key
    heading_text = section.heading.text if section.heading else ""
    degree_match = _REQUIREMENT_START.match(heading_text.lower() + " of") if section.heading else None
    degree = degree_match.group("degree").lower() if degree_match and degree_match.group("degree") else None
    field = {
        "knowledge": "knowledge",
        "skills": "skills",
        "abilities": "abilities",
        "other_requirements": "other_requirements",
    }.get(key or "")
    pieces: list[Piece] = []
    if section.inline:
        pieces.extend(_split_semicolons(section.inline))
    for item in items(lines):
        labelled = _LABELLED_REQUIREMENT.match(item.text)
        if labelled:  # a label line too long to be read as a heading ("Working ability to: a; b; ...")
            _requirements(
                records,
                Section(
                    _label_key(labelled),
                    item.with_text(labelled.group("label")),
                    item.with_text(labelled.group("rest")),
                ),
                [],
            )
            continue
        pieces.extend(_split_semicolons(item) if section.inline else [item])
    for piece in pieces:
        target, level = field, degree
        started = _REQUIREMENT_START.match(piece.text)
        if started:
            kind = started.group("kind").lower()
            target = _KIND_FIELD.get(kind, "abilities")
            level = started.group("degree").lower() if started.group("degree") else level
        if target is None:
            records.add("other_requirements", _requirement(piece.text, None), piece)
            continue
        records.add(target, _requirement(piece.text, level), piece, level=section.heading if level else None)


def _label_key(found: re.Match[str]) -> str:
    label = found.group("label").lower()
    return "knowledge" if "knowledge" in label else "skills" if "skill" in label else "abilities"


def _requirement(text: str, level: str | None) -> dict:
    return {"name": None, "text": text, "level": level, "required_at_entry": None}


def _split_semicolons(piece: Piece) -> list[Piece]:
    parts = [re.sub(r"^(?:and|or)\s+", "", p.strip().rstrip(".;,").strip()) for p in piece.text.split(";")]
    return [piece.with_text(p) for p in parts if p]


def _qualifications(records: Records, section: Section, lines: list[Line]) -> None:
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    if not body:
        return
    records.append_text("minimum_qualifications.text", body)
    for item in _pieces(section, lines):
        if section.key in ("education", "experience"):
            records.add(f"minimum_qualifications.{section.key}", item.text, item)
        elif _LICENSE_WORDS.search(item.text) and not re.search(r"experience|degree", item.text, re.I):
            records.add("minimum_qualifications.licenses", item.text, item)
        elif re.search(r"experience|employment", item.text, re.I):
            records.add("minimum_qualifications.experience", item.text, item)
        elif education_level(item.text):
            records.add("minimum_qualifications.education", item.text, item)
    required = _OPTIONAL.sub(" ", body.text)
    for record in records.targets(body):
        if not record.has("minimum_qualifications.min_education"):
            record.set("minimum_qualifications.min_education", education_level(required), body)
        if not record.has("minimum_qualifications.min_experience_months"):
            record.set("minimum_qualifications.min_experience_months", experience_months(required), body)


def _licenses(records: Records, section: Section, lines: list[Line]) -> None:
    heading = _heading_text(section)
    for item in _pieces(section, lines):
        if _LICENSE_WORDS.search(item.text):
            records.add("minimum_qualifications.licenses", item.text, item)
        else:
            records.other(heading, item)


def _physical(records: Records, section: Section, lines: list[Line]) -> None:
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    if not body:
        return
    records.append_text("physical_demands.text", body)
    if not records.has("physical_demands.strength", body):
        records.set(
            "physical_demands.strength", strength(body.text) or strength_from_lifting(body.text), body
        )


def strength_from_lifting(text: str) -> str | None:
    """The US Department of Labor strength category of the heaviest weight the text says
    is lifted (up to 10 lb sedentary, 20 light, 50 medium, 100 heavy, over that very heavy)."""
    weights = [int(m.group("n")) for m in _POUNDS.finditer(text) if re.search(r"lift|carr", text, re.I)]
    if not weights:
        return None
    heaviest = max(weights)
    for limit, category in ((10, "sedentary"), (20, "light"), (50, "medium"), (100, "heavy")):
        if heaviest <= limit:
            return category
    return "very_heavy"


def _list_field(field: str):
    def handler(records: Records, section: Section, lines: list[Line]) -> None:
        for item in _pieces(section, lines):
            records.add(field, item.text, item)

    return handler


def _pay(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = _first_value(section, lines)
    # A grade is a short code ("97B", "EP17"); a dollar range is not a grade.
    if value and "$" not in value.text and len(value.text.split()) <= 3:
        records.set("pay_grade", value.text, value)
    elif value:
        rest = list(value.lines) + rest
    _leftover(records, section, rest)


def _flsa(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = _first_value(section, lines)
    status = flsa_status(value.text) if value else None
    if status:
        records.set("flsa_status", status.value, value)
    elif value:
        rest = list(value.lines) + rest
    _leftover(records, section, rest)


def _probation(records: Records, section: Section, lines: list[Line]) -> None:
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    months = probation_months(body.text)
    if months:
        records.set("probation_months", months, body)
        if len(body.text.split()) > 8:
            records.other(_heading_text(section), body)
    else:
        records.other(_heading_text(section), body)


def probation_months(text: str) -> int | None:
    found = _DURATION.search(text or "")
    if not found:
        return None
    word = found.group("digits") or found.group("n")
    number = int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]
    return number * 12 if found.group("unit").lower().startswith("year") else number


def _representation(records: Records, section: Section, lines: list[Line]) -> None:
    """Bargaining/representation units are the jurisdiction's grouping, not FLSA status
    ('Representation Unit: Exempt' means exempt from a union, not from overtime)."""
    value, rest = _first_value(section, lines)
    label = re.sub(r"\W+", "_", (_heading_text(section) or "unit").lower())
    if value:
        records.set(f"taxonomy.{label}", value.text, value)
    _leftover(records, section, rest)


def _date(kind: str):
    def handler(records: Records, section: Section, lines: list[Line]) -> None:
        value, rest = _first_value(section, lines)
        date = iso_date(value.text) if value else None
        current = records.base.get(f"dates.{kind}")
        # A spec revised more than once lists each revision: the latest one counts.
        if date and (kind != "revised" or current is None or date > current):
            records.set(f"dates.{kind}", date, value)
        elif date:
            records.use(value)
        if date and len(value.text.split()) > 3:  # "CSC - 6/10; Ad. Board - 7/10": keep it all
            records.other(_heading_text(section), value)
        elif value:
            rest = list(value.lines) + rest
        _leftover(records, section, rest)

    return handler


def _level(records: Records, section: Section, lines: list[Line]) -> None:
    """A level's own opening text (after its title and code) describes that level."""
    codes = {level.code.lines[0].number for level in records.levels if level.code}
    body = text_block([ln for ln in lines if ln.number not in codes])
    if body:
        records.append_text("summary", body)


_HANDLERS = {
    "level": _level,
    "title": _title_section,
    "code": _code_section,
    "summary": _summary,
    "distinguishing": _distinguishing,
    "duties": _duties,
    "additional_duties": _additional_duties,
    "ksa": _requirements,
    "knowledge": _requirements,
    "skills": _requirements,
    "abilities": _requirements,
    "other_requirements": _requirements,
    "qualifications": _qualifications,
    "education": _qualifications,
    "experience": _qualifications,
    "licenses": _licenses,
    "physical": _physical,
    "working_conditions": _list_field("working_conditions"),
    "equipment": _list_field("equipment"),
    "pay": _pay,
    "flsa": _flsa,
    "probation": _probation,
    "representation": _representation,
    "established": _date("established"),
    "revised": _date("revised"),
    "effective": _date("effective"),
    "edited": _date("edited"),
}
