"""Word .docx: paragraphs, lists and tables to lines with provenance, read by python-docx.

Each paragraph of the body, in reading order, is one line, so line N is the document's
Nth paragraph (a table row counts as one; a manual line break inside a paragraph starts
a further line). Page headers and footers follow the body. Structure is kept the way
the other readers keep it:
- "Title" and "Heading N" paragraphs (or styles based on them) carry their heading level;
- list paragraphs (Word numbering or a "List ..." style) start with "- " or "1. ",
  numbered as Word shows them, nested levels indented two spaces;
- a table row is one line with tab-separated cells; a row with one filled cell is flow;
- a paragraph whose text is all bold is marked bold.

A .docx is a ZIP package; damaged, encrypted or oversized packages are refused before
python-docx opens them, with a reason that says which.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from classspec.document import Document, Line, SourceFormat
from classspec.errors import InputError
from classspec.lazyre import lazy_compile

# A Word file is rarely more than a few MB unpacked; a bomb is gigabytes.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = lazy_compile(r"^heading\s*([1-9])$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_package(data: bytes, path: str | None) -> None:
    """Refuse what python-docx should not be handed: not a ZIP, an encrypted file
    (Word encrypts into an OLE2 container), no document part, or a decompression bomb."""
    if data.startswith(OLE2_MAGIC):
        raise InputError("encrypted (password-protected) Word file or old binary .doc, not .docx", path)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("not a Word .docx file (not a ZIP package, or a damaged one)", path) from None
    with package:
        entries = package.infolist()
        names = {entry.filename for entry in entries}
        if "word/document.xml" not in names:
            raise InputError("a ZIP archive but not a Word .docx document (no word/document.xml)", path)
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise InputError("encrypted ZIP package, cannot read the Word document", path)
        unpacked = sum(entry.file_size for entry in entries)
        packed = max(1, sum(entry.compress_size for entry in entries))
        if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
            raise InputError(f"Word package unpacks to {unpacked} bytes (a decompression bomb?)", path)


@dataclass(slots=True)
class _Para:
    text: str
    heading: int | None = None
    bold: bool = False


class _Numbering:
    """Word list numbering: which paragraphs are items, bullet or numbered, at what level."""

    def __init__(self, document) -> None:
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for node in numbering.iterchildren(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, int]] = {}
            for lvl in node.iterchildren(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
            for level, fmt in levels.items():
                self.formats[(num.get(f"{_W}numId", ""), level)] = fmt

    def marker(self, paragraph) -> str | None:
        ppr = paragraph._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is None or num_pr.numId is None:
            style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
            if style.startswith("list bullet"):
                return "- "
            if style.startswith("list number"):
                key = ("style:" + style, 0)
                self.counters[key] = self.counters.get(key, 0) + 1
                return f"{self.counters[key]}. "
            return None
        num_id = str(num_pr.numId.val)
        if num_id == "0":  # numbering switched off for this paragraph
            return None
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt, start = self.formats.get((num_id, level), ("bullet", 1))
        indent = "  " * level
        if fmt in ("bullet", "none"):
            return f"{indent}- "
        # A new item at a level restarts the deeper levels, as Word does.
        for key in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[key]
        count = self.counters.get((num_id, level), start - 1) + 1
        self.counters[(num_id, level)] = count
        return f"{indent}{_format_number(count, fmt)}. "


def _format_number(count: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (count - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(count)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(count)


def _roman(number: int) -> str:
    values = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
    values += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _heading_level(paragraph) -> int | None:
    style = paragraph.style
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 1
        found = _HEADING_STYLE.match(name)
        if found:
            return int(found.group(1))
        style = style.base_style
    return None


def _all_bold(paragraph) -> bool:
    style_bold = _style_bold(paragraph.style)
    seen = False
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        bold = run.bold
        if bold is None:
            bold = _style_bold(run.style) if run.style is not None and run.style.name else None
        if bold is None:
            bold = style_bold
        if not bold:
            return False
        seen = True
    return seen


def _style_bold(style) -> bool | None:
    while style is not None:
        bold = style.font.bold
        if bold is not None:
            return bold
        style = style.base_style
    return None


def _paragraph_lines(paragraph, numbering: _Numbering) -> list[_Para]:
    text = paragraph.text.replace("\r", "\n").replace("\v", "\n")
    parts = [part.strip() for part in text.split("\n")]
    if not any(parts):
        return [_Para("")]
    marker = numbering.marker(paragraph)
    heading = _heading_level(paragraph)
    bold = _all_bold(paragraph)
    parts = [p for p in parts if p] or [""]
    if marker:
        parts[0] = marker + parts[0]
    return [_Para(part, heading, bold) for part in parts]


def _row_lines(row, numbering: _Numbering) -> list[_Para]:
    cells = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
            continue
        seen.add(id(cell._tc))
        cells.append(cell)
    texts = [" ".join(" ".join(par.text.split()) for par in cell.paragraphs).strip() for cell in cells]
    if sum(1 for t in texts if t) > 1:
        return [_Para("\t".join(texts))]
    # A layout row with one filled cell is ordinary flow: its paragraphs, one a line.
    return [line for cell in cells for par in cell.paragraphs for line in _paragraph_lines(par, numbering)]


def _block_lines(container, numbering: _Numbering) -> Iterator[_Para]:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                yield from _row_lines(row, numbering)
        else:
            yield from _paragraph_lines(block, numbering)


def _body_lines(document) -> Iterator[_Para]:
    """The body, then the page headers and footers (where specs often keep the class
    code and title), each distinct one once, after a blank line."""
    numbering = _Numbering(document)
    yield from _block_lines(document, numbering)
    seen: set[str] = set()
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            lines = [p for p in _block_lines(part, numbering) if p.text]
            key = "\n".join(p.text for p in lines)
            if lines and key not in seen:
                seen.add(key)
                yield _Para("")
                yield from lines


def read_docx(data: bytes, path: str | None, sha256: str) -> Document:
    check_package(data, path)
    import docx  # python-docx: imported only when a .docx is read

    document = docx.Document(io.BytesIO(data))
    paras = list(_body_lines(document))
    if not any(p.text for p in paras):
        raise InputError("Word document with no text", path)
    return Document(
        lines=[Line(p.text, n, None, p.heading, p.bold) for n, p in enumerate(paras, start=1)],
        format=SourceFormat.docx,
        sha256=sha256,
        path=path,
    )
