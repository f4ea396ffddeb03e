"""Duty lists of any template: intro lines and notices set aside, sub-headings as
categories (a department, a specialty, a weighted major duty), a two-column table of
accountabilities, and prose hard-wrapped at a fixed width read paragraph by paragraph."""

from __future__ import annotations

import re

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import is_upper_heading, items, join_wrapped, strip_marker
from classspec.parsers.generic.classes import Records
from classspec.parsers.generic.sectiontext import heading_text
from classspec.parsers.generic.titles import title_like
from classspec.sections import Section

# Lines in a duty list that introduce it rather than being a duty.
_INTRO = lazy_compile(
    r"\b(?:include|includes|including|following|as follows|not limited|illustrative|examples?|typical(?:ly)?"
    r"|these are|may be assigned|all-inclusive)\b",
    re.I,
)
# Notices a duty list carries that are not duties: kept in other_sections.
BOILERPLATE = lazy_compile(
    r"\b(?:duties|functions|examples|tasks|statements)\b[^.]{0,80}\b(?:are|is)\s+(?:intended\s+to\s+be\s+|only\s+)?"
    r"(?:representative|illustrative|typical\s+examples)|representative,?\s+(?:and|but)\s+not"
    r"|not\s+(?:necessarily\s+)?(?:all[- ])?(?:inclusive|exhaustive)|may\s+not\s+(?:perform|include)\s+all"
    r"|\b(?:do(?:es)?|may)\s+not\s+(?:include|list|cover|describe)\s+all\b"
    r"|not\s+intended\s+to\s+(?:be|reflect|describe)\s+(?:all|an?\s+(?:exhaustive|complete))"
    r"|(?:reasonable\s+accommodations?|americans\s+with\s+disabilities)[^.]{0,200}\b(?:may|will|can)\s+be\s+(?:made|provided)"
    r"|equal\s+(?:employment\s+)?opportunity\s+employer",
    re.I,
)
_SENTENCE_END = (".", ";", ":", "!", "?")
# A note in parentheses: "(These examples do not include all possible tasks.)"
PARENTHETICAL = lazy_compile(r"\(.*\)[.:]?")
MAX_CATEGORY_WORDS = 10
MAX_AREA_WORDS = 6
# The share of time a position description gives a major duty: "Budget Execution (40%)".
_WEIGHT = lazy_compile(r"\(\s*\d{1,3}\s*%\s*\)$")
# A line this close to the widest line of its paragraph ends where the text was wrapped.
WRAP_WIDTH_SHARE = 0.8


def _essential(section: Section) -> bool | None:
    """True when the heading says the duties are essential, False for additional or
    marginal ones; otherwise the document does not say (null)."""
    heading = (section.heading.text if section.heading else "").lower()
    if section.key == "additional_duties" or re.search(
        r"marginal|additional|other (?:duties|functions)", heading
    ):
        return False
    return True if "essential" in heading else None


def duties(records: Records, section: Section) -> None:
    content = [ln for ln in section.lines if not ln.blank]
    marked = any(strip_marker(ln.stripped)[0] for ln in content)
    essential = _essential(section)
    heading = heading_text(section)
    category: Piece | None = None
    group: list[Line] = []

    def add(item: Piece) -> None:
        if BOILERPLATE.search(item.text) or PARENTHETICAL.fullmatch(item.text):
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
