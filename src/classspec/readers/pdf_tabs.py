"""Gaps to TABs: which gaps between a PDF line's words are tab stops or columns.

`pdf_layout` groups words into lines and keeps the gaps between them; once the whole
document's font statistics are known (the width of a space per font, monospaced fonts),
`set_tabs` writes each line's text with a TAB at every wide gap and a space at the
others, and drops the gaps.
"""

from __future__ import annotations

import re
from array import array

from classspec.readers.pdf_layout import BULLETS, ENDINGS, NO_GAPS, FontStats, VisualLine

_MARKER_TAB = re.compile(rf"^([{re.escape(BULLETS)}]|\(?\d{{1,3}}[.)]|\([a-zA-Z]\)|[a-zA-Z][.)])\t")
_PRIVATE_BULLET = re.compile(r"^[\ue000-\uf8ff](?=\s|$)")
_C1 = re.compile("[\x80-\x9f]")
_SENTENCE_ENDS = (*ENDINGS, ",")


def _monospace_tab(gap: float, pitch: float, after_sentence: bool) -> bool:
    """In monospaced text a space is one character wide and words sit on a character
    grid; a tab stop moves the next word off the grid or several characters on."""
    cells = gap / pitch
    if abs(cells - round(cells)) > 0.1:
        return True
    return round(cells) > (2 if after_sentence else 1)


def set_tabs(pages: list[list[VisualLine]], stats: FontStats) -> None:
    """Write a TAB where a gap is wider than a word space can be: a tab stop or a column.

    A gap counts as a tab when it is well over the font's space width and over the
    line's own typical gap (justified lines stretch every space alike)."""
    widths = stats.space_widths()
    pitches = stats.monospaced()
    for page in pages:
        set_page_tabs(page, widths, pitches)


def set_page_tabs(lines: list[VisualLine], widths: dict[str, float], pitches: dict[str, float]) -> None:
    """`set_tabs` for some lines, given the document's space widths and monospaced
    pitches (FontStats): each line is set on its own."""
    for line in lines:
        line.monospaced = line.font in pitches
        if not line.gaps:
            line.text = _private_bullet(line.text)
            continue
        space = widths.get(line.font, 0.25 * line.size)
        line.space_width = space
        # Gaps all alike on a line of three or more words: justification, not tab stops.
        justified = len(line.gaps) >= 2 and max(line.gaps) - min(line.gaps) < 1.0
        pitch = pitches.get(line.font)
        if _all_spaces(line.gaps, space, line.size, justified, pitch is None):
            text = c1_to_cp1252(line.text)  # most lines: what `_tabbed` would write
        else:
            usual = sorted(line.gaps)[len(line.gaps) // 2]
            text = _tabbed(line, space, usual, justified, pitch)
        # A bullet set off by a tab is a list marker, not a table cell; a bullet drawn
        # from a symbol font's private-use area is written as the bullet it shows.
        text = _private_bullet(text)
        line.text = _MARKER_TAB.sub(r"\1 ", text) if "\t" in text else text
        line.gaps = NO_GAPS  # read once: not kept to the document's end


def _private_bullet(text: str) -> str:
    # The test first: a regex call per line costs more than the rest of set_tabs.
    return _PRIVATE_BULLET.sub("\u2022", text) if "\ue000" <= text[:1] <= "\uf8ff" else text


def _all_spaces(gaps: array[float], space: float, size: float, justified: bool, proportional: bool) -> bool:
    """Is every gap of the line a plain word space, so that `_tabbed` would write the
    words joined by single spaces? Each gap is compared as `_tabbed` compares it (a NaN
    gap fails every comparison there and here)."""
    floor = 0.15 * space
    if not all(map(floor.__lt__, gaps)):
        return False  # words that touch
    if justified:
        return True
    if not proportional or not space >= 0:
        return False
    # `_tabbed`'s tab test needs a gap over 2.5 spaces (more after a sentence) or over
    # 1.4 times the font size.
    wide, big = 2.5 * space, 1.4 * size
    return not any(map(wide.__lt__, gaps)) and not any(map(big.__lt__, gaps))


# A gap no wider than this many spaces is a space, whatever the font size says: a
# producer that reports a tiny size (a "Pages" export) would make every word a cell.
TAB_MIN_SPACES = 1.5


def _tabbed(line: VisualLine, space: float, usual: float, justified: bool, pitch: float | None) -> str:
    """The line's words joined by a TAB at each wide gap, a space at the others."""
    # Word texts hold no spaces: the line's text, spaces and all, gives them back.
    tokens = c1_to_cp1252(line.text).split(" ")
    text = tokens[0]
    for gap, before, token in zip(line.gaps, tokens, tokens[1:], strict=False):
        after_sentence = before.endswith(_SENTENCE_ENDS)
        if justified:
            tab = False
        elif pitch is not None:
            tab = _monospace_tab(gap, pitch, after_sentence)
        else:
            # Two spaces (after a sentence, or by accident) are common in Word
            # documents: a tab stop or a column leaves more room than that.
            enough = 2.6 * max(space, usual) if after_sentence else 2.5 * space
            tab = (gap > enough and (len(line.gaps) < 3 or gap > 1.8 * usual)) or (
                gap > 1.4 * line.size and gap > TAB_MIN_SPACES * space
            )
        # Words that touch were split by a change of font or size (a superscript
        # "st" after "21", a bold letter): no space between them.
        text += ("\t" if tab else " " if gap > 0.15 * space else "") + token
    return text


def c1_to_cp1252(text: str) -> str:
    """C1 control characters in extracted text are Windows-1252 punctuation that a
    producer copied through undecoded (\x92 for a right quote): decode them as such."""
    if text.isascii() or not _C1.search(text):  # isascii: a flag of the string, no scan
        return text
    return "".join(_cp1252(ch) if "\x80" <= ch <= "\x9f" else ch for ch in text)


def _cp1252(ch: str) -> str:
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:
        return ch
