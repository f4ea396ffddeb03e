"""What each kind of section fills: one handler per lexicon family."""

from __future__ import annotations

import re
from collections.abc import Callable

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.normalize import NUMBER_WORDS, flsa_status, iso_date, strength, title_case
from classspec.parsers.generic.classes import Records
from classspec.parsers.generic.requirements import continued_inline, licenses, qualifications, requirements
from classspec.parsers.labels import title_and_code, title_like
from classspec.sections import (
    Section,
    is_upper_heading,
    items,
    join_wrapped,
    prose_items,
    strip_marker,
    text_block,
)

Handler = Callable[[Records, Section, list[Line]], None]

# Lines in a duty list that introduce it rather than being a duty.
_INTRO = lazy_compile(
    r"\b(?:include|includes|including|following|as follows|not limited|illustrative|examples?|typical(?:ly)?"
    r"|these are|may be assigned|all-inclusive)\b",
    re.I,
)
# Notices a duty list carries that are not duties: kept in other_sections.
_BOILERPLATE = lazy_compile(
    r"\b(?:duties|functions|examples|tasks|statements)\b[^.]{0,80}\b(?:are|is)\s+(?:intended\s+to\s+be\s+|only\s+)?"
    r"(?:representative|illustrative)|representative,?\s+(?:and|but)\s+not"
    r"|not\s+(?:necessarily\s+)?(?:all[- ])?(?:inclusive|exhaustive)|may\s+not\s+(?:perform|include)\s+all"
    r"|\b(?:do(?:es)?|may)\s+not\s+(?:include|list|cover|describe)\s+all\b"
    r"|not\s+intended\s+to\s+(?:be|reflect|describe)\s+(?:all|an?\s+(?:exhaustive|complete))"
    r"|(?:reasonable\s+accommodations?|americans\s+with\s+disabilities)[^.]{0,200}\b(?:may|will|can)\s+be\s+(?:made|provided)"
    r"|equal\s+(?:employment\s+)?opportunity\s+employer",
    re.I,
)
_POUNDS = lazy_compile(r"(?:up to|to|of|maximum of|over)\s+(?P<n>\d{1,3})\s*(?:pounds|lbs?\.?)", re.I)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_DURATION = lazy_compile(
    rf"\b(?P<n>\d+|{_NUMBER_WORD})\s*(?:\(\s*(?P<digits>\d+)\s*\)\s*)?[- ]?(?P<unit>months?|years?)\b", re.I
)
_SENTENCE_END = (".", ";", ":", "!", "?")
_PARENTHETICAL = lazy_compile(r"\(.*\)[.:]?")
MAX_CATEGORY_WORDS = 10
MAX_AREA_WORDS = 6
_GRADE_BEFORE_AMOUNTS = lazy_compile(r"\b(?P<grade>(?:Range|Grade|Band|Level)\s+[A-Z]?\d{1,3}[A-Z]?)\b")
# The share of time a position description gives a major duty: "Budget Execution (40%)".
_WEIGHT = lazy_compile(r"\(\s*\d{1,3}\s*%\s*\)$")
# A line this close to the widest line of its paragraph ends where the text was wrapped.
WRAP_WIDTH_SHARE = 0.8


def heading_text(section: Section) -> str | None:
    if section.heading is None:
        return None
    text = section.heading.text
    if section.inline and text.endswith(section.inline.text):
        text = text[: len(text) - len(section.inline.text)]
    return collapse(text.rstrip(" :.-\u2013\u2014")) or None


def body_of(section: Section, lines: list[Line]) -> Piece:
    return Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")


def first_value(section: Section, lines: list[Line]) -> tuple[Piece | None, list[Line]]:
    """The value of a labelled field: on the label's line, or the next line when short."""
    content = [ln for ln in lines if not ln.blank]
    if section.inline:
        return section.inline, content
    if content and len(content[0].stripped.split()) <= 8:
        return Piece.of([content[0]]), content[1:]
    return None, content


def set_title(records: Records, lines: Line | list[Line]) -> None:
    """The title from its line(s); a code written on the title line is the class code."""
    source = Piece.of(lines if isinstance(lines, list) else [lines])
    title, code = title_and_code(source.text)
    if code:
        records.set("class_code", code, source, keep=True)
    records.set("title", title_case(title), source, keep=True)


def leftover(records: Records, section: Section, lines: list[Line]) -> None:
    content = [ln for ln in lines if not ln.blank]
    # Above the first spec section a title may follow a labelled value ("PAY RANGE: 8" / "SECRETARY").
    if (
        content
        and not records.started
        and not records.has("title", content[0])
        and title_like(content[0].stripped)
    ):
        set_title(records, content[0])
        content = content[1:]
    if content:
        records.other(heading_text(section), text_block(content))


def other(records: Records, section: Section, lines: list[Line]) -> None:
    records.other(heading_text(section), body_of(section, lines))


def _title_section(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = first_value(section, lines)
    if value:
        records.set("title", title_case(value.text), value, keep=True)
    leftover(records, section, rest)


def _code_section(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = first_value(section, lines)
    if value and re.fullmatch(r"[A-Za-z0-9][\w.\-]{0,15}", value.text):
        records.set("class_code", value.text, value, keep=True)
    elif value:
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def _summary(records: Records, section: Section, lines: list[Line]) -> None:
    body = body_of(section, lines)
    if body:
        records.append_text("summary", body)


def _pieces(section: Section, lines: list[Line]) -> list[Piece]:
    joined = continued_inline(section, lines)
    if joined:
        return prose_items(joined)
    found = items(lines)
    return [section.inline, *found] if section.inline else found


def _distinguishing(records: Records, section: Section, lines: list[Line]) -> None:
    _list_field("distinguishing_features")(records, section, lines)


def _essential(section: Section) -> bool | None:
    """True when the heading says the duties are essential, False for additional or
    marginal ones; otherwise the document does not say (null)."""
    heading = (section.heading.text if section.heading else "").lower()
    if section.key == "additional_duties" or re.search(
        r"marginal|additional|other (?:duties|functions)", heading
    ):
        return False
    return True if "essential" in heading else None


def _duties(records: Records, section: Section, lines: list[Line]) -> None:
    content = [ln for ln in lines if not ln.blank]
    marked = any(strip_marker(ln.stripped)[0] for ln in content)
    essential = _essential(section)
    heading = heading_text(section)
    category: Piece | None = None
    group: list[Line] = []

    def add(item: Piece) -> None:
        if _BOILERPLATE.search(item.text) or _PARENTHETICAL.fullmatch(item.text):
            # A notice about the list, or a note in parentheses: not a duty.
            records.other(heading, item)
            return
        value = {"text": item.text, "category": category.text if category else None, "essential": essential}
        records.add("duties", value, item, category=category)

    levels: tuple[int, ...] | None = None  # the levels a sub-heading ("Trainee/I") names
    outer = records.current

    def flush() -> None:
        records.current = levels if levels is not None else outer
        for item in wrapped_paragraphs(group) or items(group):
            add(item)
        records.current = outer
        group.clear()

    if section.inline:
        add(section.inline)
    for line in content:
        text = line.stripped
        row = duty_row(line)
        if row is not None:
            # "Network maintenance | Manages the road maintenance contract ...": the area
            # of a table of accountabilities is the duty's category; its header row is structure.
            flush()
            if row:
                category = Piece(row[0], (line,))
                add(Piece(row[1], (line,)))
                category = None
            else:
                records.use(line)
            continue
        if _is_intro(text):
            flush()
            category = None
            records.other(heading, Piece.of([line]))
        elif records.levels_named(text) is not None:
            flush()
            levels, category = records.levels_named(text), None
            records.use(line)
        elif _is_category(text, marked):
            flush()
            category = Piece(collapse(text.rstrip(":").strip()), (line,))
        else:
            group.append(line)
    flush()


def wrapped_paragraphs(lines: list[Line]) -> list[Piece] | None:
    """The paragraphs of unmarked prose hard-wrapped at a fixed width (a federal position
    description's duty under its weighted sub-heading), one piece each; None when the
    lines are not such prose. A wrap that happens to fall after a full stop is still a
    wrap: every line but a paragraph's last runs to about the wrap width, where a list
    with one duty a line has lines of any length."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.blank:
            blocks.append([])
        elif strip_marker(line.stripped)[0]:
            return None
        else:
            blocks[-1].append(line)
    blocks = [block for block in blocks if block]
    width = max((len(line.stripped) for block in blocks for line in block), default=0)
    wrapped = False
    for block in blocks:
        inner = block[:-1]
        if any(len(line.stripped) < WRAP_WIDTH_SHARE * width for line in inner):
            return None
        wrapped = wrapped or any(not line.stripped.endswith(_SENTENCE_END) for line in inner)
    if not wrapped:
        return None
    return [Piece(join_wrapped([line.stripped for line in block]), tuple(block)) for block in blocks]


def duty_row(line: Line) -> tuple[str, str] | tuple[()] | None:
    """A row of a two-column duty table: (area, duty); () for its header row
    ('Accountability | Expected outcomes'); None for any other line."""
    if "\t" not in line.text:
        return None
    row = [cell for cell in (collapse(c) for c in line.text.split("\t")) if cell]
    if len(row) != 2:
        return None
    area, duty = row
    short = [len(cell.split()) <= MAX_AREA_WORDS and not cell.endswith(_SENTENCE_END) for cell in row]
    if all(short) and all(cell[:1].isupper() for cell in row):
        return ()
    sentence = duty.endswith(_SENTENCE_END) and len(duty.split()) > 4
    if short[0] and re.search(r"[A-Za-z]{3}", area) and sentence:
        return area, duty
    return None


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
    if text.endswith(":") or _WEIGHT.search(text):
        return True
    if text.endswith((".", ";", ",", ")")):
        return False
    titled = title_like(text) or is_upper_heading(text)
    return titled and (
        marked_list or is_upper_heading(text) or bool(re.search(r"\b(?:special|specialt)", text, re.I))
    )


def _licenses(records: Records, section: Section, lines: list[Line]) -> None:
    licenses(records, section, lines, heading_text(section))


def _physical(records: Records, section: Section, lines: list[Line]) -> None:
    body = body_of(section, lines)
    if not body:
        return
    records.append_text("physical_demands.text", body)
    records.set(
        "physical_demands.strength", strength(body.text) or strength_from_lifting(body.text), body, keep=True
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


def _list_field(field: str) -> Handler:
    def handler(records: Records, section: Section, lines: list[Line]) -> None:
        for item in _pieces(section, lines):
            if _BOILERPLATE.search(item.text):
                records.other(heading_text(section), item)  # a notice, not a feature of the work
            else:
                records.add(field, item.text, item)

    return handler


def _pay(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = first_value(section, lines)
    # A grade is a short code ("97B", "EP17"); a dollar range is not a grade.
    if value and "$" not in value.text and len(value.text.split()) <= 3 and re.search(r"\d", value.text):
        records.set("pay_grade", value.text, value)
    elif value:
        # "Classified Salary Schedule, Range 34 ($4,826 - $6,158 per month)": the range
        # named before the amounts is the grade; the amounts are read as salary.
        named = _GRADE_BEFORE_AMOUNTS.search(value.text.split("$", 1)[0])
        if named:
            records.set("pay_grade", named.group("grade"), value, keep=True)
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def _flsa(records: Records, section: Section, lines: list[Line]) -> None:
    value, rest = first_value(section, lines)
    status = flsa_status(value.text) if value else None
    if status:
        records.set("flsa_status", status.value, value)
    elif value:
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def probation_months(text: str) -> int | None:
    found = _DURATION.search(text or "")
    if not found:
        return None
    word = found.group("digits") or found.group("n")
    number = int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]
    return number * 12 if found.group("unit").lower().startswith("year") else number


def _probation(records: Records, section: Section, lines: list[Line]) -> None:
    body = body_of(section, lines)
    months = probation_months(body.text)
    if months:
        records.set("probation_months", months, body)
        if len(body.text.split()) > 8:
            records.other(heading_text(section), body)
    else:
        records.other(heading_text(section), body)


def _representation(records: Records, section: Section, lines: list[Line]) -> None:
    """Bargaining/representation units are the jurisdiction's grouping, not FLSA status
    ('Representation Unit: Exempt' means exempt from a union, not from overtime)."""
    value, rest = first_value(section, lines)
    label = re.sub(r"\W+", "_", (heading_text(section) or "unit").lower())
    if value:
        records.set(f"taxonomy.{label}", value.text, value)
    leftover(records, section, rest)


def _date(kind: str) -> Handler:
    def handler(records: Records, section: Section, lines: list[Line]) -> None:
        value, rest = first_value(section, lines)
        date = iso_date(value.text) if value else None
        if date:
            for builder in records.targets(value):
                # A spec revised more than once lists each revision: the latest one counts.
                key = (records.builders.index(builder), kind)
                if kind != "revised" or date > records.dates.get(key, ""):
                    builder.set(f"dates.{kind}", date, value)
                    records.dates[key] = date
                else:
                    builder.use(value)
        if date and len(value.text.split()) > 3:  # "CSC - 6/10; Ad. Board - 7/10": keep it all
            records.other(heading_text(section), value)
        elif value and not date:
            rest = list(value.lines) + rest
        leftover(records, section, rest)

    return handler


HANDLERS: dict[str, Handler] = {
    "level": _summary,  # a level's own opening text (after its title and code)
    "title": _title_section,
    "code": _code_section,
    "summary": _summary,
    "distinguishing": _distinguishing,
    "duties": _duties,
    "additional_duties": _duties,
    "ksa": requirements,
    "knowledge": requirements,
    "skills": requirements,
    "abilities": requirements,
    "other_requirements": requirements,
    "qualifications": qualifications,
    "education": qualifications,
    "experience": qualifications,
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


def handle(records: Records, section: Section, lines: list[Line]) -> None:
    """File one section (or one class's run of it)."""
    if section.inline and _PARENTHETICAL.fullmatch(section.inline.text):
        # "ALLOCATING FACTORS: (The following conditions must be met ...)" is a note.
        records.other(heading_text(section), section.inline)
        section = Section(section.key, section.heading, None, section.lines)
    HANDLERS.get(section.key or "", other)(records, section, lines)
