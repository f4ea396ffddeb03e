"""The text of a section as handlers read it: its heading's words, its body, the value
of a labelled field."""

from __future__ import annotations

from classspec.document import Line, Piece, collapse
from classspec.linetext import text_block
from classspec.sections import Section


def heading_text(section: Section) -> str | None:
    if section.heading is None:
        return None
    text = section.heading.text
    if section.inline and text.endswith(section.inline.text):
        text = text[: len(text) - len(section.inline.text)]
    elif section.inline and section.inline.text in text:
        # The rule dropped a closing full stop from the text on the heading's line.
        text = text[: text.rindex(section.inline.text)]
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
