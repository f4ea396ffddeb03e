"""Lines with provenance: what every reader produces and every parser consumes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from classspec.lazyre import lazy_compile

_SPACE = lazy_compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]+")
# How a frozen dataclass sets its own fields.
_set_frozen = object.__setattr__


@dataclass(frozen=True, slots=True)
class Line:
    """One line of extracted text. `number` is 1-based and is what provenance cites.

    Table rows keep their cells separated by tabs, as the text seeds do. Readers of
    formats that mark structure also say what the source marked: `heading` is the
    heading level (1-6: HTML h1-h6, Markdown #, Word "Title"/"Heading N"), `bold` that
    all the line's text is bold. Plain text and PDF leave both unset.
    """

    text: str
    number: int
    page: int | None = None
    heading: int | None = None
    bold: bool = False
    # The text without its surrounding whitespace: what parsers read, many times over
    # per line (heading rules, items, facts), so it is worked out once.
    stripped: str = field(init=False, repr=False, compare=False)
    # No text at all: asked of every line by every pass, so a field, not a property.
    blank: bool = field(init=False, repr=False, compare=False)

    # Written out instead of generated: the generated __init__ and a __post_init__ cost
    # 1.7 times as much, and every reader makes a Line for each line of every document.
    def __init__(
        self, text: str, number: int, page: int | None = None, heading: int | None = None, bold: bool = False
    ) -> None:
        _set_frozen(self, "text", text)
        _set_frozen(self, "number", number)
        _set_frozen(self, "page", page)
        _set_frozen(self, "heading", heading)
        _set_frozen(self, "bold", bold)
        stripped = text.strip()
        _set_frozen(self, "stripped", stripped)
        _set_frozen(self, "blank", not stripped)


def styled_lines(texts: Sequence[str], headings: Sequence[int | None], bolds: Sequence[bool]) -> list[Line]:
    """Numbered lines from a structured reader's parallel lists (HTML, Markdown):
    text, heading level and bold per line; no pages."""
    return [
        Line(text, number, None, heading, bold)
        for number, (text, heading, bold) in enumerate(zip(texts, headings, bolds, strict=True), start=1)
    ]


@dataclass(frozen=True, slots=True)
class Piece:
    """A string value together with the source lines it was taken from."""

    text: str
    lines: tuple[Line, ...]

    @classmethod
    def of(cls, lines: Sequence[Line], sep: str = " ") -> Piece:
        return cls(collapse(sep.join(line.stripped for line in lines)), tuple(lines))

    def with_text(self, text: str) -> Piece:
        return Piece(text, self.lines)

    @classmethod
    def join(cls, pieces: Iterable[Piece], sep: str = " ") -> Piece:
        parts = [p for p in pieces if p.text]
        return cls(sep.join(p.text for p in parts), tuple(ln for p in parts for ln in p.lines))

    def __bool__(self) -> bool:
        return bool(self.text)


def collapse(text: str) -> str:
    """Collapse runs of spaces (tabs included) inside each paragraph, keep paragraph breaks."""
    if text.isascii() and "  " not in text and "\t" not in text:
        # Nothing to collapse (the usual case): the regex would return each paragraph as is.
        paragraphs = [p.strip() for p in text.split("\n\n")]
        return "\n\n".join(p for p in paragraphs if p)
    paragraphs = [_SPACE.sub(" ", p.replace("\t", " ")).strip() for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


# The format a document was read from; the record's `source.format` takes it (no
# docstring: it would become the schema's description).
class SourceFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    pdf = "pdf"
    rtf = "rtf"
    odt = "odt"


@dataclass(slots=True)
class Document:
    """An input after reading: its lines plus what the record's `source` needs."""

    lines: list[Line]
    format: SourceFormat
    sha256: str
    path: str | None = None
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path or "<stdin>"

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def lines_from_text(text: str, page: int | None = None, first_number: int = 1) -> list[Line]:
    return [Line(t, n, page) for n, t in enumerate(text.split("\n"), start=first_number)]
