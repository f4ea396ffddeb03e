"""Which line of a document is its class title: a title-like line, the document's own
top heading, a title with its code ('Fire Apparatus Engineer (1077)'), a banner title set
over two lines; and which lines only look like one (the publisher, the kind of document,
a series' list of its classes)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.document import Line, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import strip_marker
from classspec.parsers.generic.labels import CODE

# "Fire Apparatus Engineer (1077)", "1A11 CLERK TYPIST I", "Clerk Typist 1 (B) - 1A11".
_TITLE_THEN_CODE = lazy_compile(
    rf"(?P<title>[A-Za-z].+?)\s*(?:\(\s*(?P<code>{CODE})\s*\)|[-\u2013\u2014]\s+(?P<code2>{CODE}))"
)
_CODE_THEN_TITLE = lazy_compile(
    r"(?P<code>(?-i:(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,7}))\s+(?:[-\u2013\u2014:]\s*)?(?P<title>[A-Za-z].+)"
)
# What a title set over two lines puts on its second: a level ("1-2", "3", "II").
_LEVEL_LINE = lazy_compile(r"(?:\d{1,2}(?:\s*-\s*\d{1,2})?|[IVX]{1,4})")
# Lines that name the publisher or the kind of document, not the class.
_NOT_A_TITLE = lazy_compile(
    r"^(?:(?:city|county|state|town|village|borough|commonwealth|department|office|division|bureau)\s+of\b"
    r"|(?:city|county|state)$|(?:personnel|human resources|civil service)"
    r"(?:\s+(?:department|office|division|services|commission|board))?$"
    r"|(?:personnel |job )?class(?:ification)? (?:spec|description)|job description|position description"
    r"|page \d|(?:class |job )?series:?$|classes in (?:the|this) series"
    r"|.*\bclassification plan$"
    r"|skip |navigation|main content|search|home$|menu|top of page|link back)"
    r"|\b(?:specification|equal (?:employment )?opportunity|www\.|https?:|toggle|anchor|ribbon)\b"
    r"|\b(?:department|commission|board)$",
    re.I,
)


def title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or text.endswith((".", ";", ",")) or _NOT_A_TITLE.search(text):
        return False
    if "\t" in text or ":" in text or text.startswith("(") or strip_marker(text)[0]:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= 0.6 * len(words)


TOP_TITLE_WORDS = 14


def top_heading_title(line: Line) -> bool:
    """The document's own top heading (Markdown '#', HTML h1, Word "Title") names the job
    even with a colon or commas in it ("Design, Technology, and Innovation Fellow: UI
    Designer"), so long as it reads as a name, not a sentence."""
    text = line.stripped
    if line.heading != 1 or not text or text.endswith((".", ";", ",", "?")) or _NOT_A_TITLE.search(text):
        return False
    words = text.split()
    if len(words) > TOP_TITLE_WORDS or "\t" in text or strip_marker(text)[0]:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= 0.5 * len(words)


def title_and_code(text: str) -> tuple[str, str | None]:
    """Split a title line that carries its code ('Fire Apparatus Engineer (1077)')."""
    text = collapse(text)
    found = _TITLE_THEN_CODE.fullmatch(text)
    if found:
        return found.group("title").strip(), found.group("code") or found.group("code2")
    found = _CODE_THEN_TITLE.fullmatch(text)
    if found and not re.fullmatch(r"\d{1,2}", found.group("code")):
        return found.group("title").strip(), found.group("code")
    return text, None


_LIST_JOINERS = lazy_compile(r"\s*(?:,|;|\band\b|&)\s*(?:and\s+)?")


def class_list(text: str) -> bool:
    """'Library Assistant I, Library Assistant II and Library Assistant III': the classes of
    a series listed on one line, which names no one of them as the document's."""
    parts = [p for p in _LIST_JOINERS.split(text) if p]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return False
    return len({p.split()[0].lower() for p in parts}) == 1


def choose_title(lines: Sequence[Line], code: str | None, code_line: int | None) -> list[Line]:
    """The title among the lines before the first section: a line naming the code
    ('Fire Apparatus Engineer (1077)'), else the title-like line nearest above the code
    label, else the first title-like line (navigation and letterhead are not titles).
    A title in capitals broken over two lines is joined ('BUILDING ... AND MAINTENANCE' /
    'SUPERINTENDENT')."""
    content = [ln for ln in lines if not ln.blank]
    candidates = [
        ln
        for ln in content
        if (title_like(ln.stripped) or top_heading_title(ln)) and not class_list(ln.stripped)
    ]
    if not candidates:
        return []
    if code:
        for line in candidates:
            if title_and_code(line.stripped)[1] == code:
                return [line]
    # The document's own top heading (Markdown '#', HTML h1, Word "Title").
    top = [ln for ln in candidates if top_heading_title(ln)]
    if top:
        return [top[0]]
    if code_line is not None:
        above = [ln for ln in candidates if code_line - 12 <= ln.number < code_line]
        if above:
            return _with_first_half(content, above[-1])
        below = [ln for ln in candidates if code_line < ln.number <= code_line + 4]
        if below:
            return [below[0]]
    return _with_level(content, candidates[0])


_CONNECTOR = lazy_compile(r"(?:\b(?:and|of|for|the|in|to)|[&/,\-])\s*$", re.I)


def _with_level(content: list[Line], title: Line) -> list[Line]:
    """A banner title whose level sits on the next line ('Program Administration Officer' /
    '1-2') is joined with it."""
    index = content.index(title)
    following = content[index + 1] if index + 1 < len(content) else None
    if following is not None and _LEVEL_LINE.fullmatch(following.stripped):
        return [title, following]
    return [title]


def _with_first_half(content: list[Line], title: Line) -> list[Line]:
    index = content.index(title)
    if index == 0:
        return [title]
    previous = content[index - 1]
    text, before = title.stripped, previous.stripped
    same_style = text.isupper() == before.isupper()
    if same_style and title_like(before) and (_CONNECTOR.search(before) or len(text.split()) == 1):
        return [previous, title]
    return [title]
