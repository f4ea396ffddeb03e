"""Header tables of labels and values, written without the colon a labelled line has.

Job descriptions kept in Word or on web pages put their identity in a small table:
- label and value side by side ("Post title | Housing Officer", "Grade | Grade 6"), one
  or two pairs a row;
- a row of column labels over a row of values ("Class Code | Pay Grade | FLSA |
  Effective Date" / "061512 | 24 | Non-Exempt | 07/01/2019"), in a table or lined up
  with spaces in plain text ("CLASS TITLE   CLASS NUMBER   PAY RANGE   EFFECTIVE").

Each pair becomes a line "Label: value" with the row's line number, so the label
readers and the lexicon's dated headings read it like any labelled line; a row of
column labels is structure, not text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from classspec.document import Line, collapse
from classspec.parsers.generic.labels import TAXONOMY_LABELS, label_field
from classspec.parsers.generic.lexicon import HEADINGS
from classspec.sections import match_heading

# Lexicon families a header-table label may name (a section name such as "Duties" may not).
_LABEL_FAMILIES = frozenset(
    {
        "title",
        "code",
        "pay",
        "flsa",
        "probation",
        "representation",
        "established",
        "revised",
        "effective",
        "edited",
    }
)
# Cells of a row: a tab, a run of three spaces or more in plain text, or a bar set
# between labelled values ("Board Approved: May 9, 2018 | Revised: January 12, 2022").
_CELL_GAP = re.compile(r"\t|\s{3,}|\s+\|\s+")
# After a label's colon two spaces part cells too ("Effective Date:  April 1, 2021").
_LABELLED_GAP = re.compile(r"\t|\s{2,}|\s+\|\s+")
_COLON = re.compile(r":\s")
MAX_LABEL_WORDS = 4


def _cells(line: Line, gap: re.Pattern[str] = _CELL_GAP) -> list[str]:
    """The cells of a row; a label cell ending in ':' and the value after it are one
    'Label: value' cell ("Effective Date:  April 1, 2021" lined up with spaces)."""
    cells: list[str] = []
    for cell in (collapse(part) for part in gap.split(line.stripped)):
        if cells and cells[-1].endswith(":") and cell and not is_label(cell):
            cells[-1] += " " + cell
        else:
            cells.append(cell)
    return cells


def is_label(cell: str) -> bool:
    """A header-table label: a field or taxonomy label, or a dated/identity heading name."""
    name = cell.strip().rstrip(":").strip()
    if not name or len(name.split()) > MAX_LABEL_WORDS or ":" in name or any(ch.isdigit() for ch in name):
        return False
    return _known_label(name)


# The same few cells ("Class Code", "Salary Range") come back in every document.
@functools.lru_cache(maxsize=4096)
def _known_label(name: str) -> bool:
    if label_field(name) or name.lower() in TAXONOMY_LABELS:
        return True
    # The lexicon's own wording only: a misspelt or merely capitalised cell is no label.
    found = match_heading(Line(name, 0), HEADINGS)
    return found is not None and found[0].key in _LABEL_FAMILIES and found[1] is None


def _labelled(cell: str) -> bool:
    label, colon, value = cell.partition(":")
    return bool(colon) and bool(value.strip()) and is_label(label)


def _labelled_cells(row: list[str]) -> list[str] | None:
    """The 'Label: value' parts of a row of them, each label known, or None: cells, or
    labels run together on one line."""
    if len(row) >= 2 and all(_labelled(cell) for cell in row):
        return row
    if len(row) == 1 and _labelled(row[0]):
        parts = _run_together(row[0])
        if len(parts) >= 2 and all(_labelled(part) for part in parts):
            return parts
    return None


def _run_together(text: str) -> list[str]:
    """'Date Established: 10/01/2008 Last Revised: 02/14/2023' cut before each later
    label: the longest run of up to four words before a colon that is a known label."""
    starts = [0]
    value_start: int | None = None  # where the value of the last label begins
    for colon in _COLON.finditer(text):
        if value_start is None:
            value_start = colon.end()
            continue
        words = list(re.finditer(r"\S+", text[value_start : colon.start()]))
        for count in range(min(MAX_LABEL_WORDS, len(words) - 1), 0, -1):
            start = value_start + words[-count].start()
            if is_label(text[start : colon.start()]):
                starts.append(start)
                value_start = colon.end()
                break
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _label_run(cell: str) -> list[str] | None:
    """'Class Title Class Code' -> ['Class Title', 'Class Code']: column labels whose gap
    a PDF's text lost, read longest label first; None when a word is no label's."""
    words = cell.split()
    names: list[str] = []
    start = 0
    while start < len(words):
        for size in range(min(MAX_LABEL_WORDS, len(words) - start), 0, -1):
            name = " ".join(words[start : start + size])
            if is_label(name):
                names.append(name)
                start += size
                break
        else:
            return None
    return names


def _column_labels(row: list[str]) -> list[str] | None:
    """The column labels of a header row, or None when it is not one."""
    if any(cell.endswith(":") for cell in row):
        return None
    if all(is_label(cell) for cell in row):
        return row
    runs = [_label_run(cell) for cell in row]
    if any(run is None for run in runs):
        return None
    return [name for run in runs for name in run or ()]


def _pairs(labels: Sequence[str], values: Sequence[str], line: Line) -> list[Line]:
    return [
        Line(f"{label.rstrip(':').strip()}: {value}", line.number, line.page)
        for label, value in zip(labels, values, strict=True)
        if value
    ]


def _may_be_row(text: str) -> bool:
    """Can the line be a table row (a gap between cells) or labels run together (two
    'Label: ' with a short first label)? Settled by substring tests, without a regex."""
    if "\t" in text or "   " in text or " | " in text:
        return True
    if ":" not in text:
        return False
    return "  " in text or (text.count(": ") >= 2 and len(text.partition(":")[0].split()) <= MAX_LABEL_WORDS)


def _may_start_labelled(text: str) -> bool:
    """Can the line be a row of 'Label: value' cells? Its first cell is one, so at most
    MAX_LABEL_WORDS words stand before its first colon: a sentence with a colon late in
    it (most lines that get here) is not cut into cells to find that out."""
    label, colon, _ = text.partition(":")
    return bool(colon) and len(label.split()) <= MAX_LABEL_WORDS


def label_rows(lines: Sequence[Line]) -> tuple[list[Line], set[int]]:
    """The lines with header-table rows written as labelled lines, and the numbers of
    the rows of column labels that had a row of values under them (structure, not text)."""
    out: list[Line] = []
    headers: set[int] = set()
    columns: tuple[Line, list[str]] | None = None  # the row of column labels just above
    for line in lines:
        if line.blank:
            out.append(line)
            continue
        above, columns = columns, None
        if not _may_be_row(line.stripped):
            out.append(line)  # most lines: prose, with no gap between cells
            continue
        labelled = _may_start_labelled(line.stripped)
        separate = _labelled_cells(_cells(line, _LABELLED_GAP)) if labelled else None
        if separate:
            out.extend(Line(cell, line.number, line.page) for cell in separate)
            continue
        # A line without a gap is one cell, and no row: it is not collapsed to say so.
        row = _cells(line) if _CELL_GAP.search(line.stripped) else []
        if len(row) < 2 or not all(row):
            out.append(line)
        elif (names := _column_labels(row)) is not None:
            columns = (line, names)
            out.append(line)
        elif above is not None and len(above[1]) == len(row) and not any(is_label(cell) for cell in row):
            headers.add(above[0].number)
            out.extend(_pairs(above[1], row, line))
        elif (
            len(row) % 2 == 0
            and all(is_label(cell) for cell in row[0::2])
            and not any(is_label(cell) for cell in row[1::2])
        ):
            out.extend(_pairs(row[0::2], row[1::2], line))
        else:
            out.append(line)
    return out, headers
