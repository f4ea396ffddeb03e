"""Lines of an HTML page as its walk finds them: inline text gathered, cut at block
boundaries and <br>, whitespace collapsed as a browser would, typography noted.

`LineCollector` is what `html._walk` fills; it is kept apart from the walk so that
each stays short.
"""

from __future__ import annotations

from classspec.lazyre import lazy_compile
from classspec.readers.text import normalize_newlines

_WHITESPACE = lazy_compile(r"[ \t\n\r\f\v\u00a0]+")
# ASCII characters str.split() takes for whitespace and the regex above does not.
SEPARATORS = "\x1c\x1d\x1e\x1f"
# All the characters str.split() takes for whitespace and the regex above does not.
OTHER_SPACE = lazy_compile("[\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# Characters that are not visible text: soft hyphen, zero-width space/joiners, BOM.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\ufeff"


def _visible(text: str) -> str:
    """Text without its invisible characters. str.translate is slow on non-ASCII text and
    these characters are rare: look for each, remove it where found."""
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text


class LineCollector:
    """Accumulates inline text and cuts it into lines at block boundaries.

    Whitespace is collapsed and invisible characters dropped when a line ends, not
    as each text node arrives (one regex call a line instead of one a node).
    """

    __slots__ = ("bold_depth", "bolds", "current", "heading", "headings", "hidden_possible", "lines")
    __slots__ += ("plain_spaces", "preformatted", "seen_bold", "seen_plain")

    def __init__(self, hidden_possible: bool = True, plain_spaces: bool = False) -> None:
        self.hidden_possible = hidden_possible
        # The page has none of the ASCII separators (\x1c-\x1f) that str.split() takes
        # for whitespace and the collapsing regex does not: split() may collapse ASCII.
        self.plain_spaces = plain_spaces
        self.lines: list[str] = []
        self.headings: list[int | None] = []
        self.bolds: list[bool] = []
        self.current: list[str] = []
        self.preformatted = 0
        self.heading: int | None = None
        self.bold_depth = 0
        self.seen_bold = False
        self.seen_plain = False

    def saw_text(self) -> None:
        """Visible text arrived: note whether it is bold (a line is bold when all is)."""
        if self.bold_depth:
            self.seen_bold = True
        else:
            self.seen_plain = True

    def text(self, value: str) -> None:
        if not value.isspace():
            self.saw_text()
        if self.preformatted:
            if not value.isascii():
                value = _visible(value)
            first, *rest = normalize_newlines(value).split("\n")
            self.current.append(first)
            for part in rest:
                self.newline()
                self.current.append(part)
        else:
            self.current.append(value)

    def newline(self) -> None:
        """End the current line (a <br>); an empty one is kept only inside <pre>."""
        current = self.current
        joined = "".join(current)
        if self.preformatted:
            text = joined.rstrip()
        elif joined.isspace():  # Word's newlines between tags: most lines cut
            text = ""
        elif self.plain_spaces and joined.isascii() and (len(current) == 1 or not _spaces_meet(current)):
            # What the regex below makes of it, at a fraction of the cost.
            text = " ".join(joined.split())
        else:
            # Nodes joined with NUL (never in parsed text) so that each node's whitespace is
            # collapsed on its own, as it always was: output stays byte-identical.
            text = "\0".join(current)
            if not text.isascii():
                text = _visible(text)
            # Where split() splits as the regex collapses (NUL is no space to either) it
            # does the work in C; the regex's sub builds its result one run at a time.
            plain = OTHER_SPACE.search(text) is None
            text = " ".join(text.split()) if plain else _WHITESPACE.sub(" ", text)
            text = text.replace("\0", "").strip()
        current.clear()  # emptied in place: the walk holds on to this list
        if text or self.preformatted:
            self.lines.append(text)
            self.headings.append(self.heading if text else None)
            self.bolds.append(self.seen_bold and not self.seen_plain and bool(text))
        self.seen_bold = self.seen_plain = False

    def row(self, text: str) -> None:
        """A table row: its cells' text, tab-separated, as one line."""
        text = text.strip()
        if text:
            self.lines.append(text)
            self.headings.append(self.heading)
            self.bolds.append(False)

    def block(self) -> None:
        """A block boundary: end the current line, and separate blocks by one blank line."""
        current = self.current
        if current and not (len(current) == 1 and current[0].isspace() and not self.preformatted):
            self.newline()
        else:  # nothing, or Word's newline between two tags: no line to end
            current.clear()
            self.seen_bold = self.seen_plain = False
        lines = self.lines
        if lines and lines[-1] != "":
            lines.append("")
            self.headings.append(None)
            self.bolds.append(False)


def _spaces_meet(parts: list[str]) -> bool:
    """Does whitespace end one text node and start the next (or is a node empty)? Each
    node's whitespace is collapsed on its own, so two spaces stay two there."""
    if not parts:
        return False
    previous = parts[0]
    if not previous:
        return True
    for part in parts[1:]:  # a plain loop: this runs for most lines of a page
        if not part or (previous[-1].isspace() and part[0].isspace()):
            return True
        previous = part
    return False
