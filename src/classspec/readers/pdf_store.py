"""Long PDFs read without keeping their visual lines as objects.

Every visual line of a document is needed until its end: tab stops come from the
whole document's fonts, page furniture from repetition across pages, and joining
paragraphs from the body size, the right margin and the words the document writes.
As objects (a VisualLine and its floats, about 500 bytes) they made the reader's
memory grow with the page count. From PACK_FROM pages on, each page's lines are packed
into a string and a few arrays (about 150 bytes a line, and no small objects that
fragment the heap), and the document-wide steps read them back page by page:

1. the lines in each page's top and bottom bands, tabbed: the furniture;
2. every page, tabbed, furniture out, lone bullets attached: the measures;
3. the same lines once more, joined into paragraphs as they come.

These are the steps a shorter document goes through at once (pdf_layout,
pdf_paragraphs), so the lines read are the same; reading a page back costs a little
CPU, which only long documents pay.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from classspec.document import Line
from classspec.readers.pdf_layout import FontStats, VisualLine
from classspec.readers.pdf_paragraphs import (
    Measures,
    attach_lone_bullets,
    band,
    furniture_ids,
    join_paragraphs,
)
from classspec.readers.pdf_tabs import set_page_tabs

PACK_FROM = 40  # pages: a shorter document keeps its visual lines as objects
_MEASURED_LINES = 2000  # lines whose words are counted at once
# VisualLine's numbers, in this order, per line.
_FIGURES = ("top", "bottom", "x0", "x1", "size", "first_word_width", "space_width", "last_word_width")
_BOLD, _TABLE_ROW, _MONOSPACED, _FIRST, _LAST = 1, 2, 4, 8, 16


@dataclass(slots=True)
class PackedPage:
    """A page's visual lines, packed. Numbers are kept as doubles and gaps as the
    floats they were: a line read back is the line packed."""

    number: int
    text: str  # the lines' texts one after another
    lengths: array[int]
    figures: array[float]  # len(_FIGURES) per line
    flags: bytes  # per line: _BOLD | _TABLE_ROW | ...
    fonts: list[str]  # per line (interned: one string per font)
    gaps: array[float]  # all lines' gaps between words, in order
    gap_counts: array[int]

    def table_rows(self) -> list[bool]:
        return [bool(flag & _TABLE_ROW) for flag in self.flags]


def pack(number: int, lines: list[VisualLine]) -> PackedPage:
    figures: array[float] = array("d")
    gaps: array[float] = array("f")
    for line in lines:
        figures.extend((line.top, line.bottom, line.x0, line.x1, line.size, line.first_word_width))
        figures.extend((line.space_width, line.last_word_width))
        gaps.extend(line.gaps)
    flags = bytes(
        _BOLD * line.bold
        | _TABLE_ROW * line.table_row
        | _MONOSPACED * line.monospaced
        | _FIRST * line.first_on_page
        | _LAST * line.last_on_page
        for line in lines
    )
    return PackedPage(
        number,
        "".join([line.text for line in lines]),
        array("I", [len(line.text) for line in lines]),
        figures,
        flags,
        [line.font for line in lines],
        gaps,
        array("I", [len(line.gaps) for line in lines]),
    )


def unpack(page: PackedPage, indices: list[int] | None = None) -> list[VisualLine]:
    """The page's lines (or those at `indices`) as objects again."""
    starts = [0, *accumulate(page.lengths)]
    gap_starts = [0, *accumulate(page.gap_counts)]
    figures, flags, width = page.figures, page.flags, len(_FIGURES)
    lines = []
    for index in range(len(page.lengths)) if indices is None else indices:
        top, bottom, x0, x1, size, first_width, space, last_width = figures[
            index * width : (index + 1) * width
        ]
        flag = flags[index]
        lines.append(
            VisualLine(
                page.text[starts[index] : starts[index + 1]],
                page.number,
                top,
                bottom,
                x0,
                x1,
                size,
                bool(flag & _BOLD),
                first_word_width=first_width,
                space_width=space,
                table_row=bool(flag & _TABLE_ROW),
                gaps=page.gaps[gap_starts[index] : gap_starts[index + 1]],
                font=page.fonts[index],
                first_on_page=bool(flag & _FIRST),
                last_on_page=bool(flag & _LAST),
                last_word_width=last_width,
                monospaced=bool(flag & _MONOSPACED),
            )
        )
    return lines


def rebuild_packed(pages: list[PackedPage], stats: FontStats) -> list[Line]:
    """What set_tabs, remove_furniture, mark_page_ends and rebuild_paragraphs make of
    the pages, read back page by page (see the module's note). The list is emptied as
    the paragraphs are made: each page goes once it is joined."""
    widths, pitches = stats.space_widths(), stats.monospaced()
    bands = []
    for page in pages:
        lines = unpack(page, band(page.table_rows()))
        set_page_tabs(lines, widths, pitches)
        bands.append(lines)
    found = furniture_ids(bands) if len(pages) >= 2 else set()
    furniture = {
        page.number: {i for i, line in zip(band(page.table_rows()), lines, strict=True) if id(line) in found}
        for page, lines in zip(pages, bands, strict=True)
    }
    del bands, found

    def flowing(release: bool) -> Iterator[VisualLine]:
        ahead = pages[::-1]
        if release:
            pages.clear()  # `ahead` holds the pages now, each one until it is read
        while ahead:
            page = ahead.pop()
            dropped = furniture[page.number]
            lines = unpack(page)
            set_page_tabs(lines, widths, pitches)
            body = [line for index, line in enumerate(lines) if index not in dropped]
            if body:  # as mark_page_ends
                body[0].first_on_page = True
                body[-1].last_on_page = True
            yield from body

    measures = Measures()
    batch: list[VisualLine] = []
    seen = 0
    for line in attach_lone_bullets(measures.margins(flowing(release=False))):
        batch.append(line)
        if len(batch) == _MEASURED_LINES:
            measures.add(batch)
            seen += len(batch)
            batch = []
    measures.add(batch)
    if not seen + len(batch):
        return []
    measures.close()
    return join_paragraphs(attach_lone_bullets(flowing(release=True)), measures)
