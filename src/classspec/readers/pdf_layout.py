"""Words at positions to visual lines: the part of PDF reading every engine shares.

An engine (pdfplumber or PDFium) hands over, per page, its words as tuples (`Word`:
box in points from the top left, text, size, font name, bold) and the ruled tables it
found. From here on the engines are one code path:

- words are grouped into visual lines by position; a wide gap inside a line (a tab
  stop, a column) becomes a TAB, as in the text seeds;
- ruled tables become one line per row, cells separated by TABs.

Which gaps are TABs (`set_tabs`) is `pdf_tabs`'s business, once the whole document's
font statistics are known.
"""

from __future__ import annotations

import operator
import re
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

# A word: (x0, x1, top, bottom, text, size, fontname, bold). A tuple, not a dict: a page
# holds hundreds of words and each one passes through here, so building and reading
# them is the hot path (a dict per word cost a tenth of the engine's time).
Word = tuple[float, float, float, float, str, float, str, bool]
X0, X1, TOP, BOTTOM, TEXT, SIZE, FONTNAME, IS_BOLD = range(8)
Box = tuple[float, float, float, float]  # x0, top, x1, bottom

BULLETS = "-\u2013\u2014\u2022\u00b7\u25aa\u25e6\u25cf\uf0b7\uf0a7\uf076\uf0d8\u27a2o§*>"
ENDINGS = (".", ";", ":", "!", "?", ")")
_HYPHENS = "-\u00ad\u2010\u2011"
_HYPHEN_END = re.compile(rf"([A-Za-z]+|[A-Z0-9]+)[{_HYPHENS}]$")
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass(slots=True)
class VisualLine:
    """One line as printed: its text (TABs at wide gaps) and where it sits."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    first_word_width: float = 0.0
    space_width: float = 0.0
    table_row: bool = False
    # The gaps between the line's words, for set_tabs (which drops them: every line of a
    # document is kept until its end, so what it holds is kept small).
    gaps: array[float] = field(default_factory=lambda: NO_GAPS)
    font: str = ""
    first_on_page: bool = False
    last_on_page: bool = False
    last_word_width: float = 0.0
    monospaced: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


NO_GAPS: array[float] = array("f")  # shared by every line without gaps (never written)


@dataclass(slots=True)
class TableRows:
    """A ruled table an engine found: its box and, per row, the row's box and cell texts."""

    bbox: Box
    rows: list[tuple[Box, list[str]]]


@dataclass(slots=True)
class PageContent:
    """What an engine reads from one page: its words (see `Word`), ruled tables, and
    whether anything else is drawn on it."""

    words: list[Word]
    tables: list[TableRows]
    drawn: bool  # anything else on the page: images, vector graphics


class FontStats:
    """What the whole document says about each font, gathered page by page so that
    no per-word data has to be kept: the commonest gap between words (the width of a
    space) and whether every word has the same width per character (monospaced)."""

    def __init__(self) -> None:
        self.gaps: dict[str, Counter[float]] = {}
        self.char_widths: dict[str, list[float]] = {}  # font: [min, max, sum, count]
        self.sizes: dict[float, tuple[float, float]] = {}  # a word's size: a line's size, space

    def add(self, font: str, widths: list[float]) -> None:
        """A line's words' widths per character."""
        seen = self.char_widths.get(font)
        if seen is None:
            seen = self.char_widths[font] = [float("inf"), 0.0, 0.0, 0.0]
        seen[0], seen[1] = min(seen[0], *widths), max(seen[1], *widths)
        seen[2] += sum(widths)
        seen[3] += len(widths)

    def count_gaps(self, font: str, gaps: list[float]) -> None:
        """Gaps between words in the font, a page's at a time (counting line by line
        cost a third of the time spent making the lines)."""
        counted = self.gaps.get(font)
        if counted is None:
            counted = self.gaps[font] = Counter()
        counted.update(gaps)

    def space_widths(self) -> dict[str, float]:
        return {font: max(counted.most_common(1)[0][0], 0.5) for font, counted in self.gaps.items()}

    def monospaced(self) -> dict[str, float]:
        """Monospaced fonts (typewriter-style specs, text files printed to PDF) and
        their character width."""
        return {
            font: round(total / count, 2)
            for font, (low, high, total, count) in self.char_widths.items()
            if count >= 20 and high - low < 0.02 * high
        }


def page_lines(words: list[Word], tables: list[TableRows], number: int, stats: FontStats) -> list[VisualLine]:
    """A page's visual lines, top to bottom: words outside tables grouped into lines,
    and one line per table row."""
    boxes = [t.bbox for t in tables]
    flowing = [w for w in words if not any(inside(w, box) for box in boxes)] if boxes else words
    gaps: dict[str, list[float]] = {}  # per font, in the order the lines give them
    lines = [_visual_line(group, number, stats, gaps) for group in group_lines(flowing)]
    for font, font_gaps in gaps.items():
        stats.count_gaps(font, font_gaps)
    for table in tables:
        lines.extend(_table_rows(table, number))
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def inside(word: Word, box: Sequence[float]) -> bool:
    cx = (word[0] + word[1]) / 2
    cy = (word[2] + word[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


Centred = list[tuple[float, float, Word]]


def centred(words: list[Word]) -> Centred:
    """Words with their centres (what `inside` tests), for tests of many words against
    many cells: each centre is computed once and tested inline."""
    return [((w[0] + w[1]) / 2, (w[2] + w[3]) / 2, w) for w in words]


def words_inside(words: Centred, box: Sequence[float]) -> Centred:
    """The words `inside` the box."""
    x0, top, x1, bottom = box[0], box[1], box[2], box[3]
    return [c for c in words if x0 <= c[0] <= x1 and top <= c[1] <= bottom]


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words whose vertical extents overlap by half their height share a line."""
    # Once per word on every page: min and max are written out as comparisons (the
    # same results, NaN included) and the keys are item getters.
    groups: list[list[Word]] = []
    group: list[Word] = []
    top = bottom = 0.0  # the extent of the last group
    for word in sorted(words, key=_TOP_X0):
        word_top, word_bottom = word[2], word[3]
        if word_top == top and word_bottom == bottom and bottom - top >= 0 and groups:
            # The group's very extent (most words: a line in one font): it overlaps in
            # full, as the test below finds (which a NaN or a negative height fails).
            group.append(word)
            continue
        if groups:
            lower = word_bottom if word_bottom < bottom else bottom
            overlap = lower - (word_top if word_top > top else top)
            height, word_height = bottom - top, word_bottom - word_top
            if overlap >= 0.5 * (word_height if word_height < height else height):
                group.append(word)
                if word_top < top:
                    top = word_top
                if word_bottom > bottom:
                    bottom = word_bottom
                continue
        group = [word]
        groups.append(group)
        top, bottom = word_top, word_bottom
    return [sorted(g, key=_X0) if len(g) > 1 else g for g in groups]


_TOP_X0 = operator.itemgetter(TOP, X0)
_X0 = operator.itemgetter(X0)


def _visual_line(
    words: list[Word], page: int, stats: FontStats, page_gaps: dict[str, list[float]]
) -> VisualLine:
    # Once per line of every page: one pass over the words instead of a list per
    # attribute (comparisons written as min, max and all compute them; lines are short,
    # so a loop beats builtins over columns).
    first_x0, first_x1, top, bottom, first_text, first_size, fontname, bold = words[0]
    # A document sets its text in a few sizes: each line shares its size's figures
    # (floats are objects; one per line would be kept to the document's end).
    sized = stats.sizes.get(first_size)
    if sized is None:
        rounded = round(float(first_size), 1)
        sized = stats.sizes[first_size] = (rounded, 0.3 * rounded)
    size, space = sized
    bold = bool(bold)
    texts = [first_text]
    widths = [(first_x1 - first_x0) / (len(first_text) or 1)]
    gaps: list[float] = []
    mixed = False
    x1 = right = first_x1
    for word_x0, word_x1, word_top, word_bottom, text, word_size, _, word_bold in words[1:]:
        texts.append(text)
        gaps.append(round(word_x0 - right, 1))
        widths.append((word_x1 - word_x0) / (len(text) or 1))
        right = word_x1
        if word_top < top:
            top = word_top
        if word_bottom > bottom:
            bottom = word_bottom
        if word_x1 > x1:
            x1 = word_x1
        if bold and not word_bold:
            bold = False
        if word_size != first_size:
            mixed = True
    if mixed:
        size = Counter(round(float(w[SIZE]), 1) for w in words).most_common(1)[0][0]
        space = 0.3 * size
    font = sys.intern(f"{fontname}@{size}")  # one string per font, kept per line
    stats.add(font, widths)
    if gaps:
        counted = page_gaps.get(font)
        if counted is None:
            page_gaps[font] = gaps[:]
        else:
            counted.extend(gaps)
    last = words[-1]
    return VisualLine(
        " ".join(texts),
        page,
        top,
        bottom,
        first_x0,
        x1,
        size,
        bold,
        first_x1 - first_x0,
        space,
        gaps=array("f", gaps) if gaps else NO_GAPS,
        font=font,
        last_word_width=last[X1] - last[X0],
    )


def _table_rows(table: TableRows, page: int) -> list[VisualLine]:
    return [
        VisualLine("\t".join(texts), page, top, bottom, x0, x1, 0.0, False, table_row=True)
        for (x0, top, x1, bottom), texts in table.rows
    ]


def join_parts(parts: Sequence[str], vocabulary: set[str]) -> str:
    """Join wrapped lines; a word hyphenated at a line end is mended when the document
    writes the mended word elsewhere, else the hyphen is kept (e-mail, long-term)."""
    text = ""
    for part in parts:
        if not text:
            text = part
            continue
        # The end only (paragraphs run long), and only when a hyphen is there: the search
        # tries every start of a letter run, which costs more than all the rest here.
        ends = text[-1:] in _HYPHENS or text[-2:-1] in _HYPHENS  # `$` also matches before a last \n
        found = _HYPHEN_END.search(text[-80:]) if ends else None
        if found and not part[:1].islower() and (part[:1].isalpha() or part[:1].isdigit()):
            text += part  # "non-" + "English", "II-" + "114": a compound broken at its hyphen
        elif found and part[:1].islower():
            head = found.group(1)
            tail = re.match(r"[A-Za-z]+", part)
            mended = (head + tail.group(0)).lower() if tail else ""
            if text.endswith("\u00ad") or (mended and mended in vocabulary):
                text = text[:-1] + part
            else:
                text += part
        else:
            text += " " + part
    return text
