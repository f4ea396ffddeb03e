"""OpenDocument text (.odt, LibreOffice's own format), read by odfpy.

As for Word: each paragraph of the body is one line; headings (`text:h`) carry their
outline level; list items start with "- " (nested levels indented two spaces); a table
row is one line of tab-separated cells; a paragraph whose text is all in a bold style
is marked bold.
"""

from __future__ import annotations

import io
import zipfile

from classspec.document import Document, styled_lines
from classspec.errors import InputError
from classspec.model import SourceFormat

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


def is_odt(data: bytes) -> bool:
    """The ODF package's first entry, stored uncompressed, names its type."""
    return ODT_MIMETYPE in data[:200]


def read_odt(data: bytes, path: str | None, sha256: str) -> Document:
    from odf.opendocument import load

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(entry.file_size for entry in package.infolist()) > MAX_UNPACKED_BYTES:
                raise InputError("OpenDocument package unpacks too large (a decompression bomb?)", path)
    except zipfile.BadZipFile:
        raise InputError("not an OpenDocument .odt file (a damaged ZIP package)", path) from None
    document = load(io.BytesIO(data))
    bold_styles = _bold_styles(document)
    texts: list[str] = []
    headings: list[int | None] = []
    bolds: list[bool] = []

    def add(text: str, heading: int | None = None, bold: bool = False) -> None:
        for part in text.split("\n"):
            texts.append(part)
            headings.append(heading)
            bolds.append(bold and bool(part.strip()))

    def walk(node, depth: int) -> None:
        for child in node.childNodes:
            name = getattr(child, "qname", (None, None))[1]
            if name == "h":
                level = child.getAttribute("outlinelevel")
                add(_text(child), int(level) if level and level.isdigit() else 1)
            elif name == "p":
                style = child.getAttribute("stylename") or ""
                add(_text(child), None, style in bold_styles)
            elif name == "list":
                walk_list(child, depth)
            elif name == "table":
                for row in child.getElementsByType(_table_row()):
                    cells = [_text(cell).replace("\n", " ") for cell in row.childNodes]
                    filled = [c for c in cells if c.strip()]
                    add("\t".join(cells) if len(filled) > 1 else (filled[0] if filled else ""))
            elif name in ("section", "span", "soft-page-break"):
                walk(child, depth)

    def walk_list(node, depth: int) -> None:
        for item in node.childNodes:
            for index, part in enumerate(item.childNodes):
                part_name = getattr(part, "qname", (None, None))[1]
                if part_name == "list":
                    walk_list(part, depth + 1)
                elif part_name in ("p", "h"):
                    add(("  " * depth) + ("- " if index == 0 else "  ") + _text(part))

    walk(document.text, 0)
    if not any(t.strip() for t in texts):
        raise InputError("OpenDocument file with no text", path)
    return Document(
        lines=styled_lines(texts, headings, bolds), format=SourceFormat.odt, sha256=sha256, path=path
    )


def _table_row():
    from odf.table import TableRow

    return TableRow


def _text(node) -> str:
    from odf import teletype

    return teletype.extractText(node)


def _bold_styles(document) -> set[str]:
    """Names of the automatic and named paragraph styles that set bold type."""
    from odf.style import Style, TextProperties

    names = set()
    for styles in (document.automaticstyles, document.styles):
        for style in styles.getElementsByType(Style):
            for props in style.getElementsByType(TextProperties):
                if props.getAttribute("fontweight") == "bold":
                    names.add(style.getAttribute("name"))
    return names
