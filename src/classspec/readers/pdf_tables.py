"""Ruled tables, for both engines: ruling lines read from PDFium's page objects, grids
found by pdfplumber's table finder, and the test that tells a real table from
underlines, highlight boxes and frames around a paragraph.

pdfplumber's table finder is pure Python and imported only for a page ruled both ways;
pypdfium2 is imported inside the functions that read a page.
"""

from __future__ import annotations

import ctypes
import functools
from typing import Any

from classspec.readers.pdf_layout import (
    TEXT,
    Centred,
    TableRows,
    Word,
    centred,
    group_lines,
    join_parts,
    words_inside,
)
from classspec.readers.pdf_tabs import c1_to_cp1252

MIN_EDGE = 3.0  # shorter ruling lines are no table borders (pdfplumber's edge_min_length)


def is_real_table(table: Any, words: list[Word], edges: list[dict[str, Any]]) -> bool:
    """A grid the table finder built from ruling lines is a table when it has two rows
    and two columns, is ruled down its left side and between columns, and every word inside it falls in one
    of its cells. Underlines, highlight boxes and frames around a paragraph make grids
    that cut through text; a one-row "table" reads as well as a line with tab gaps."""
    # pdfplumber computes a Table's rows and bbox anew on every access: read once.
    rows = table.rows
    if len(rows) < 2 or max(sum(c is not None for c in row.cells) for row in rows) < 2:
        return False
    box = table.bbox
    x0, top, x1, bottom = box
    inner = {round(e["x0"]) for e in edges if e["orientation"] == "v" and x0 + 3 < e["x0"] < x1 - 3}
    if not _ruled_down(edges, x0, top, bottom, 0.9):
        return False
    if not any(_ruled_down(edges, x, top, bottom, 0.6) for x in inner):
        return False  # no column rule: stacked highlight boxes or frames, not a table
    cells = [cell for row in rows for cell in row.cells if cell is not None]
    within = words_inside(centred(words), box)
    return all(any(c[0] <= cx <= c[2] and c[1] <= cy <= c[3] for c in cells) for cx, cy, _ in within)


def _ruled_down(edges: list[dict[str, Any]], x: float, top: float, bottom: float, share: float) -> bool:
    """Do vertical rules at `x` (drawn in one piece or cell by cell) cover `share` of
    the height from `top` to `bottom`?"""
    spans = sorted(
        (max(e["top"], top), min(e["bottom"], bottom))
        for e in edges
        if e["orientation"] == "v" and abs(e["x0"] - x) <= 3 and e["bottom"] > top and e["top"] < bottom
    )
    covered, reach = 0.0, top
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered >= share * (bottom - top)


def table_grid(table: Any, extracted: list[list[str | None]]) -> TableRows:
    """A table finder's table (pdfplumber's Table) and its cell texts, row by row, as
    rows of cells; None marks a grid cell covered by a merged neighbour: not a cell."""
    rows = []
    for row, cells in zip(table.rows, extracted, strict=False):  # rows: computed once here
        texts = [_clean_cell(text) for text in cells if text is not None]
        if any(texts):
            rows.append((tuple(row.bbox), texts))
    return TableRows(tuple(table.bbox), rows)


def _clean_cell(cell: str | None) -> str:
    if not cell:
        return ""
    return join_parts([c1_to_cp1252(part.strip()) for part in cell.split("\n") if part.strip()], set())


# ---------------------------------------------------------------- PDFium's ruling lines


def drawing(page: Any, top: float) -> tuple[list[dict[str, Any]], bool]:
    """The page's ruling lines as pdfplumber-style edges, and whether anything but text
    is on it. A path thin in one direction is a line; a small closed path (a rectangle)
    gives its four sides; curves and shapes give none."""
    import pypdfium2.raw as raw

    edges: list[dict[str, Any]] = []
    drawn = False
    left, bottom, right, upper = (ctypes.c_float() for _ in range(4))
    get_object, get_type = _page_object_calls()
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    text = raw.FPDF_PAGEOBJ_TEXT
    for index in range(raw.FPDFPage_CountObjects(page)):
        address = get_object(handle, index)
        kind = get_type(address)
        if kind == text:
            continue
        obj = raw.FPDFPage_GetObject(page, index)
        drawn = True
        if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, upper):
            continue
        x0, x1, y0, y1 = left.value, right.value, top - upper.value, top - bottom.value
        width, height = x1 - x0, y1 - y0
        if height <= MIN_EDGE and width > MIN_EDGE:
            edges.append(_edge("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2))
        elif width <= MIN_EDGE and height > MIN_EDGE:
            edges.append(_edge("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1))
        elif width > MIN_EDGE and height > MIN_EDGE and raw.FPDFPath_CountSegments(obj) <= 6:
            edges += [
                _edge("h", x0, x1, y0, y0),
                _edge("h", x0, x1, y1, y1),
                _edge("v", x0, x0, y0, y1),
                _edge("v", x1, x1, y0, y1),
            ]
    return edges, drawn


def redeclare(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function with plain (address and int) argument and result types: ctypes
    then converts nothing, which halves the cost of a call made per word or object.
    (Here as the first module of the engine's to need it.)"""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


@functools.cache
def _page_object_calls() -> tuple[Any, Any]:
    """FPDFPage_GetObject and FPDFPageObj_GetType on plain addresses: a page of text
    holds hundreds of text objects, each looked at to find the few drawings."""
    import pypdfium2.raw as raw

    address, integer = ctypes.c_void_p, ctypes.c_int
    return (
        redeclare(raw.FPDFPage_GetObject, address, address, integer),
        redeclare(raw.FPDFPageObj_GetType, integer, address),
    )


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "orientation": orientation,
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


class _EdgesOnly:
    """What pdfplumber's table finder reads of a page with the `lines` strategy."""

    def __init__(self, edges: list[dict[str, Any]]) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, 1e6, 1e6)


def find_tables(edges: list[dict[str, Any]], words: list[Word]) -> list[TableRows]:
    """Ruled tables, found by pdfplumber's table finder (pure Python; imported only for
    a page ruled both ways) on PDFium's lines, cell texts from PDFium's words."""
    if sum(e["orientation"] == "v" for e in edges) < 2 or sum(e["orientation"] == "h" for e in edges) < 2:
        return []
    from pdfplumber.table import TableFinder

    found = TableFinder(_EdgesOnly(edges)).tables  # type: ignore[arg-type]
    grids = []
    for table in found:
        if is_real_table(table, words, edges):
            # A table's cells lie within its box: only its words are looked at per cell
            # (pdfplumber computes the box and the rows anew on each access: once here).
            box = table.bbox
            within = words_inside(centred(words), box)
            texts = [[_cell_text(cell, within) for cell in row.cells] for row in table.rows]
            grids.append(table_grid(table, texts))
    return grids


def _cell_text(cell: Any, words: Centred) -> str | None:
    if cell is None:
        return None
    within = [w for _, _, w in words_inside(words, cell)]
    return "\n".join(" ".join(w[TEXT] for w in line) for line in group_lines(within))
