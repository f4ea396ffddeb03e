"""PDF: pages to lines with provenance.

What the parsers need from a PDF is what they get from a text file: one line per
paragraph or list item, table rows as tab-separated cells, blank lines between
blocks, headings on lines of their own. A PDF has none of that; it has characters at
positions. Reading one takes four steps, one module each:

- `pdf_container`: what a PDF library would choke on is refused first, with a reason
  (truncated files, decompression bombs);
- an engine reads each page's words (text, box, font size and weight) and ruled tables:
  `pdf_pdfium` (PDFium, the default: fast) or `pdf_plumber` (pdfminer + pdfplumber:
  the slower reference), chosen with `--pdf-engine`; `pdf_tables` finds ruled tables
  for both;
- `pdf_layout`: words to visual lines (tabs at wide gaps), table rows to tab-separated
  lines, the same for both engines;
- `pdf_paragraphs`: page furniture removed, wrapped lines joined into paragraphs.

Each page is made, read and dropped in turn; what the document-wide steps need of a
page's lines (tab stops, furniture, paragraphs) is kept, packed into a few arrays once
a document is long (`pdf_store`), so that memory hardly grows with the page count.
PDFium runs in a forked child (`pdf_isolation`): a file that crashes it fails alone.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

from classspec.document import Document, Line, SourceFormat
from classspec.errors import InputError
from classspec.readers.pdf_container import DEFAULT_MAX_PAGES, MAX_TEXT_CHARS, check_container, describe
from classspec.readers.pdf_layout import (
    FontStats,
    PageContent,
    VisualLine,
    join_parts,
    page_lines,
)
from classspec.readers.pdf_paragraphs import mark_page_ends, rebuild_paragraphs, remove_furniture
from classspec.readers.pdf_store import PACK_FROM, PackedPage, pack, rebuild_packed
from classspec.readers.pdf_tabs import c1_to_cp1252, set_tabs

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "VisualLine",
    "c1_to_cp1252",
    "join_parts",
    "preload",
    "read_pdf",
    "remove_furniture",
]

ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"

PageReader = Callable[[bytes, "str | None", int], Iterator[PageContent]]


def read_pdf(
    data: bytes,
    path: str | None,
    sha256: str,
    *,
    max_pages: int | None = None,
    engine: str | None = None,
) -> Document:
    engine = engine or DEFAULT_ENGINE
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    limit = max_pages or DEFAULT_MAX_PAGES
    damaged = check_container(data, path)
    if engine == "pdfium":
        preload(engine)
        from classspec.readers import pdf_pdfium
        from classspec.readers.pdf_isolation import call_isolated

        read = call_isolated(
            _lines, pdf_pdfium.read_pages, data, path, limit, damaged, path=path, engine=engine
        )
    else:
        from classspec.readers import pdf_plumber

        read = _lines(pdf_plumber.read_pages, data, path, limit, damaged)
    text, lengths, on_page, pages = read
    lines, end = [], 0
    for number, (length, page) in enumerate(zip(lengths, on_page, strict=True), start=1):
        lines.append(Line(text[end : end + length], number, page or None))
        end += length
    warnings = [f"PDF is damaged: {damaged} compressed streams could not be read; text may be missing"]
    return Document(
        lines=lines,
        format=SourceFormat.pdf,
        sha256=sha256,
        path=path,
        pages=pages,
        warnings=warnings if damaged else [],
    )


def preload(engine: str | None = None) -> None:
    """Import an engine's libraries now, before processes are forked (the helper
    process, --jobs workers), so that the children share them instead of each
    importing them again (about 0.3 s of CPU each)."""
    if (engine or DEFAULT_ENGINE) == "pdfium":
        # pdfplumber's table finder serves pages with rulings
        import pdfplumber.table
        import pypdfium2  # noqa: F401
    else:
        import pdfplumber  # noqa: F401


# The lines as read: all their texts in one string, each one's length and page (the
# lines are numbered from 1 in order), and the document's page count. Compact, as the
# helper process sends it back through a pipe: three objects, not three per line.
ReadLines = tuple[str, "array[int]", "array[int]", int]


def _lines(read_pages: PageReader, data: bytes, path: str | None, limit: int, damaged: int) -> ReadLines:
    """The document's lines, read by `read_pages`."""
    pages: list[list[VisualLine]] = []
    packed: list[PackedPage] = []  # from PACK_FROM pages on, all pages are packed
    stats = FontStats()
    drawn = False  # anything at all on any page: images, vector graphics
    written = False  # any text at all
    chars = 0
    try:
        for number, content in enumerate(read_pages(data, path, limit), start=1):
            lines = page_lines(content.words, content.tables, number, stats)
            drawn = drawn or content.drawn
            written = written or any(line.text.strip() for line in lines)
            chars += sum(len(line.text) for line in lines)
            if chars > MAX_TEXT_CHARS:
                raise InputError(f"PDF holds more than {MAX_TEXT_CHARS} characters of text", path)
            if number == PACK_FROM:
                packed = [pack(page, kept) for page, kept in enumerate(pages, start=1)]
                pages = []
            if number >= PACK_FROM:
                packed.append(pack(number, lines))
            else:
                pages.append(lines)
    except InputError:
        raise
    except MemoryError:
        raise InputError("PDF too large to read in memory", path) from None
    except RecursionError:
        raise InputError("corrupt PDF (object structure nests without end)", path) from None
    except Exception as exc:
        raise InputError(f"corrupt PDF ({describe(exc)})", path) from None
    count = len(pages) + len(packed)
    if not count:
        raise InputError("PDF has no pages", path)
    if not written:
        if damaged:
            raise InputError(f"corrupt PDF ({damaged} damaged compressed streams, no readable text)", path)
        if not drawn:
            raise InputError("corrupt or blank PDF (no page has any readable content)", path)
        raise InputError("no text layer (scanned PDF?): nothing to read without OCR", path)
    if packed:
        paragraphs = rebuild_packed(packed, stats)
    else:
        set_tabs(pages, stats)
        body = remove_furniture(pages)
        mark_page_ends(body)
        del pages  # `body` holds the lines now: they go as they are joined into paragraphs
        paragraphs = rebuild_paragraphs(body, release=True)
    # Numbered 1, 2, ... in order: only texts and pages need to go back.
    return (
        "".join([line.text for line in paragraphs]),
        array("I", [len(line.text) for line in paragraphs]),
        array("I", [line.page or 0 for line in paragraphs]),
        count,
    )
