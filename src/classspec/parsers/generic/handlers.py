"""What each kind of section fills: one handler per lexicon family."""

from __future__ import annotations

import re

from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import items, prose_items, text_block
from classspec.normalize import flsa_status, iso_date, strength, title_case
from classspec.normalize.experience import duration_months
from classspec.normalize.pay import document_currency, pay_period, salary_ranges
from classspec.parsers.fields import Reader
from classspec.parsers.generic.classes import Records
from classspec.parsers.generic.duties import BOILERPLATE, PARENTHETICAL, duties
from classspec.parsers.generic.requirements import continued_inline, licenses, qualifications, requirements
from classspec.parsers.generic.sectiontext import body_of, first_value, heading_text
from classspec.parsers.generic.titles import title_and_code, title_like
from classspec.sections import Section

# A section reader (`parsers.fields.Reader`) writing to the document's `Records`.
Handler = Reader[Records]

_POUNDS = lazy_compile(r"(?:up to|to|of|maximum of|over)\s+(?P<n>\d{1,3})\s*(?:pounds|lbs?\.?)", re.I)
# A labelled line this long whose value was normalized ("Probationary Period: Twelve
# (12) months" -> 12) is kept as written too: its words are content.
LONG_LABELLED_LINE_WORDS = 5
_GRADE_BEFORE_AMOUNTS = lazy_compile(r"\b(?P<grade>(?:Range|Grade|Band|Level)\s+[A-Z]?\d{1,3}[A-Z]?)\b")


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


def other(records: Records, section: Section) -> None:
    records.other(heading_text(section), body_of(section, section.lines))


def _title_section(records: Records, section: Section) -> None:
    value, rest = first_value(section, section.lines)
    if value:
        records.set("title", title_case(value.text), value, keep=True)
    leftover(records, section, rest)


def _code_section(records: Records, section: Section) -> None:
    value, rest = first_value(section, section.lines)
    if value and re.fullmatch(r"[A-Za-z0-9][\w.\-]{0,15}", value.text):
        records.set("class_code", value.text, value, keep=True)
    elif value:
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def _summary(records: Records, section: Section) -> None:
    body = body_of(section, section.lines)
    if body:
        records.append_text("summary", body)


def _pieces(section: Section, lines: list[Line]) -> list[Piece]:
    joined = continued_inline(section, lines)
    if joined:
        return prose_items(joined)
    found = items(lines)
    return [section.inline, *found] if section.inline else found


def _distinguishing(records: Records, section: Section) -> None:
    _list_field("distinguishing_features")(records, section)


def _licenses(records: Records, section: Section) -> None:
    licenses(records, section, section.lines, heading_text(section))


def _physical(records: Records, section: Section) -> None:
    body = body_of(section, section.lines)
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
    def handler(records: Records, section: Section) -> None:
        for item in _pieces(section, section.lines):
            if BOILERPLATE.search(item.text):
                records.other(heading_text(section), item)  # a notice, not a feature of the work
            else:
                records.add(field, item.text, item)

    return handler


def _pay(records: Records, section: Section) -> None:
    value, rest = first_value(section, section.lines)
    # A grade is a short code ("97B", "EP17"); a dollar range is not a grade.
    if value and "$" not in value.text and len(value.text.split()) <= 3 and re.search(r"\d", value.text):
        records.set("pay_grade", value.text, value)
    elif value:
        # "Classified Salary Schedule, Range 34 ($4,826 - $6,158 per month)": the range
        # named before the amounts is the grade; the amounts are read as salary.
        named = _GRADE_BEFORE_AMOUNTS.search(value.text.split("$", 1)[0])
        if named:
            records.set("pay_grade", named.group("grade"), value, keep=True)
        if section.inline is value and _from_header_table(records, value):
            _table_salary(records, value)
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def _from_header_table(records: Records, value: Piece) -> bool:
    """Was the 'Salary Range: $...' line made from a header table's column (its label
    over its value)? The document's own line there reads otherwise."""
    line = value.lines[0]
    lines = records.builders[0].doc.lines
    return 0 < line.number <= len(lines) and lines[line.number - 1].text != line.text


def _table_salary(records: Records, value: Piece) -> None:
    """The ranges of a header table's salary column: the facts step reads the document's
    lines, where the amounts stand in a row without the label that says they are pay."""
    doc = records.builders[0].doc
    dollar = document_currency("\n".join(line.text for line in doc.lines))
    ranges = salary_ranges(value.text, pay_period(value.text), dollar)
    if ranges:
        records.set("salary", ranges, value, keep=True)


def _flsa(records: Records, section: Section) -> None:
    value, rest = first_value(section, section.lines)
    status = flsa_status(value.text) if value else None
    if status:
        records.set("flsa_status", status.value, value)
    elif value:
        rest = list(value.lines) + rest
    leftover(records, section, rest)


def _probation(records: Records, section: Section) -> None:
    body = body_of(section, section.lines)
    # A probation section's first duration is its length (normalize.bulletin's
    # probation_months finds a probation sentence in any text: not needed here).
    months = duration_months(body.text)
    if months:
        records.set("probation_months", months, body)
        words = len((heading_text(section) or "").split()) + len(body.text.split())
        if len(body.text.split()) > 8 or words >= LONG_LABELLED_LINE_WORDS:
            records.other(heading_text(section), body)
    else:
        records.other(heading_text(section), body)


def _representation(records: Records, section: Section) -> None:
    """Bargaining/representation units are the jurisdiction's grouping, not FLSA status
    ('Representation Unit: Exempt' means exempt from a union, not from overtime)."""
    value, rest = first_value(section, section.lines)
    label = re.sub(r"\W+", "_", (heading_text(section) or "unit").lower())
    if value:
        records.set(f"taxonomy.{label}", value.text, value)
    leftover(records, section, rest)


def _date(kind: str) -> Handler:
    def handler(records: Records, section: Section) -> None:
        value, rest = first_value(section, section.lines)
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
        words = len((heading_text(section) or "").split()) + len(value.text.split()) if value else 0
        # "CSC - 6/10; Ad. Board - 7/10", "Job description last reviewed: September 2024": a
        # date among other words is kept as written too.
        if date and (len(value.text.split()) > 3 or words >= LONG_LABELLED_LINE_WORDS):
            records.other(heading_text(section), value)
        elif value and not date:
            rest = list(value.lines) + rest
        if section.inline is not None and section.heading is not None and ":" not in section.heading.text:
            # "Revised 08-17-17" is a dated line, not a heading: what follows is not under it.
            section = Section(section.key, None, None, section.lines)
        leftover(records, section, rest)

    return handler


HANDLERS: dict[str, Handler] = {
    "level": _summary,  # a level's own opening text (after its title and code)
    "title": _title_section,
    "code": _code_section,
    "summary": _summary,
    "distinguishing": _distinguishing,
    "duties": duties,
    "additional_duties": duties,
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


def handle(records: Records, section: Section) -> None:
    """File one section (or one class's run of it)."""
    if section.inline and PARENTHETICAL.fullmatch(section.inline.text):
        # "ALLOCATING FACTORS: (The following conditions must be met ...)" is a note.
        records.other(heading_text(section), section.inline)
        section = Section(section.key, section.heading, None, section.lines)
    HANDLERS.get(section.key or "", other)(records, section)
