"""The pdfplumber engine (`--pdf-engine pdfplumber`): pdfminer's words and pdfplumber's
table finder. Slower than PDFium, kept as the reference the PDFium engine is held to.

pdfplumber and pdfminer are imported inside these functions only: they are slow to
import and most runs never read a PDF with them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from classspec.errors import InputError
from classspec.readers.pdf_container import describe
from classspec.readers.pdf_layout import BOLD, PageContent, Word
from classspec.readers.pdf_tables import is_real_table, table_grid


def read_pages(data: bytes, path: str | None, limit: int) -> Iterator[PageContent]:
    import pdfplumber  # heavy: imported only when a PDF is read
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; classify by cause
        cause = getattr(exc, "args", [None])[0] if type(exc).__name__ == "PdfminerException" else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError("password-protected PDF (a password is needed to open it)", path) from None
        if isinstance(cause, PDFEncryptionError):
            raise InputError(f"encrypted PDF this reader cannot decrypt ({cause})", path) from None
        raise InputError(f"corrupt PDF ({describe(cause)})", path) from None
    with pdf:
        count = _page_count(pdf)
        if count > limit:
            raise InputError(f"PDF has {count} pages; the limit is {limit} (see --max-pages)", path)
        for number, page in _iter_pages(pdf):
            if number > limit:  # the page tree's count can lie
                raise InputError(f"PDF has more than {limit} pages (see --max-pages)", path)
            yield _page_content(page)


def _page_count(pdf: Any) -> int:
    """The page count from the page tree, without building page objects."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int):
            return count
    except Exception:  # a damaged page tree: count the pages instead
        pass
    return sum(1 for _ in _page_objects(pdf))


def _page_objects(pdf: Any) -> Iterable[Any]:
    from pdfminer.pdfpage import PDFPage

    return PDFPage.create_pages(pdf.doc)


def _iter_pages(pdf: Any) -> Iterable[tuple[int, Any]]:
    """Pages one at a time, each dropped after use.

    `pdf.pages` would keep every page (and through it every decoded content stream)
    alive to the end, and pdfminer caches every object it resolves: memory would grow
    with the page count. Pages are made here one by one instead, closed after use, and
    pdfminer's object cache is emptied (objects are parsed again if needed; fonts stay
    cached in the resource manager)."""
    from pdfplumber.page import Page

    doctop = 0.0
    for number, page_obj in enumerate(_page_objects(pdf), start=1):
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        try:
            yield number, page
        finally:
            doctop += float(page.height)
            page.close()
            cache = getattr(pdf.doc, "_cached_objs", None)
            if isinstance(cache, dict):
                cache.clear()


def _page_content(page: Any) -> PageContent:
    # x_tolerance 1.5, not 3: a tab stop can fall 2pt after a word in monospaced text.
    found = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, x_tolerance=1.5)
    words: list[Word] = [
        (w["x0"], w["x1"], w["top"], w["bottom"], w["text"], w["size"], font, bool(BOLD.search(font)))
        for w in found
        for font in (w["fontname"],)
    ]
    tables = [table_grid(t, t.extract()) for t in page.find_tables() if is_real_table(t, words, page.edges)]
    drawn = bool(page.images or page.rects or page.curves or page.lines)
    return PageContent(words, tables, drawn)
