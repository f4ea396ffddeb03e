"""Long PDFs keep their visual lines packed (pdf_store): what is read back must be what
was packed, and the page-by-page path must give the lines the all-at-once path gives."""

from __future__ import annotations

import pytest

from classspec.readers import pdf, pdf_pdfium, pdf_plumber
from classspec.readers.pdf_container import DEFAULT_MAX_PAGES
from classspec.readers.pdf_layout import FontStats, page_lines
from classspec.readers.pdf_store import pack, unpack
from classspec.readers.pdf_tabs import set_tabs
from conftest import REPO

PDF = REPO / "tests" / "pdf"
# Running headers and footers; many pages; ruled tables; renderings with lists, lone
# bullets, headings and page breaks inside paragraphs.
LONG = [
    PDF / "paged" / "philadelphia-6j27-paged.pdf",
    PDF / "philadelphia" / "3b83.pdf",
    PDF / "tables" / "norfolk-customer-service-supervisor.pdf",
    PDF / "losangeles" / "geographic-information-systems-7214-serif.pdf",
    PDF / "other" / "sandiego-county-ca-0265.pdf",
]
ENGINES = {"pdfium": pdf_pdfium.read_pages, "pdfplumber": pdf_plumber.read_pages}


def _visual_pages(path, read_pages=pdf_pdfium.read_pages):
    stats = FontStats()
    contents = read_pages(path.read_bytes(), str(path), DEFAULT_MAX_PAGES)
    return [page_lines(c.words, c.tables, n, stats) for n, c in enumerate(contents, start=1)], stats


@pytest.mark.parametrize("path", LONG, ids=lambda p: p.name)
def test_a_packed_page_reads_back_as_it_was_packed(path) -> None:
    pages, stats = _visual_pages(path)
    for number, lines in enumerate(pages, start=1):
        assert unpack(pack(number, lines)) == lines  # every field, gaps included
    set_tabs(pages, stats)  # tabs set: other texts, widths and flags
    for number, lines in enumerate(pages, start=1):
        if not lines:
            continue  # a blank page
        lines[0].first_on_page = lines[-1].last_on_page = True
        packed = pack(number, lines)
        assert unpack(packed) == lines
        assert unpack(packed, [len(lines) - 1, 0]) == [lines[-1], lines[0]]


# The slow engine on one file: the packed path is the same for both.
@pytest.mark.parametrize(
    ("path", "engine"),
    [(path, "pdfium") for path in LONG] + [(LONG[0], "pdfplumber")],
    ids=lambda value: getattr(value, "name", value),
)
def test_page_by_page_reading_gives_the_same_lines(path, engine, monkeypatch) -> None:
    data, read_pages = path.read_bytes(), ENGINES[engine]
    whole = pdf._lines(read_pages, data, str(path), DEFAULT_MAX_PAGES, 0)
    monkeypatch.setattr(pdf, "PACK_FROM", 2)  # every page from the second on is packed
    packed = pdf._lines(read_pages, data, str(path), DEFAULT_MAX_PAGES, 0)
    assert packed == whole
    assert whole[-1] >= 3 and len(whole[1]) > 40  # pages, lines: a real document was read
