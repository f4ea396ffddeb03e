"""The PDF reader on PDFs LibreOffice rendered from the seeds and corpus files
(tests/pdf/, made by scripts/make_pdf_fixtures.py), and on broken PDFs."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from classspec.errors import InputError
from classspec.linetext import items
from classspec.readers import read_path
from classspec.readers.pdf import ENGINES
from conftest import REPO, SEEDS

PDF = REPO / "tests" / "pdf"
GOOD_PDFS = sorted(p for p in PDF.rglob("*.pdf") if "bad" not in p.parts)
PAGED = PDF / "paged" / "philadelphia-6j27-paged.pdf"
TABLES = PDF / "tables" / "norfolk-customer-service-supervisor.pdf"
# Each broken PDF and the words its one error line must contain.
BAD_PDFS = {
    "encrypted-password.pdf": "password-protected",
    "corrupt.pdf": "corrupt",
    "truncated.pdf": "truncated PDF",
    "decompression-bomb.pdf": "decompression bomb",
    "no-text-layer.pdf": "no text layer (scanned PDF?)",
}


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Every reading test runs with each PDF engine: they must read alike."""
    return request.param


@pytest.mark.parametrize("path", GOOD_PDFS, ids=lambda p: str(p.relative_to(PDF)))
def test_every_line_has_a_page_and_pages_are_counted(path: Path, engine: str) -> None:
    doc = read_path(path, pdf_engine=engine)
    assert doc.format.value == "pdf"
    assert doc.pages and doc.pages >= 1
    assert [ln.number for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert all(ln.page is not None and 1 <= ln.page <= doc.pages for ln in doc.lines)
    assert [ln.page for ln in doc.lines] == sorted(ln.page for ln in doc.lines)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_pdf_has_the_seed_paragraphs_as_lines(seed: Path, engine: str) -> None:
    """Wrapped lines are joined back: every paragraph (and table row) of the seed is
    one line of the PDF's text, word for word."""
    pdf_lines = {
        " ".join(ln.text.split())
        for ln in read_path(PDF / "seeds" / f"{seed.stem}.pdf", pdf_engine=engine).lines
    }
    raw = [t for t in seed.read_text(encoding="utf-8").splitlines() if t.strip()]
    found = [t for t in raw if " ".join(t.split()) in pdf_lines]
    print(f"{seed.stem}: {len(found)}/{len(raw)} seed lines found whole in the PDF text")
    # Every paragraph comes back whole. Of the tab rows, those whose cells wrap past the
    # next tab stop in the text rendering (Norfolk's legends) cannot: no layout is left.
    paragraphs = [" ".join(t.split()) for t in raw if "\t" not in t]
    assert [t for t in paragraphs if t not in pdf_lines] == []
    rows = [" ".join(t.split()) for t in raw if "\t" in t]
    assert sum(t in pdf_lines for t in rows) >= 0.9 * len(rows), [t for t in rows if t not in pdf_lines]


def test_tab_stops_come_back_as_tabs(engine: str) -> None:
    doc = read_path(PDF / "seeds" / "norfolk-customer-service-supervisor.pdf", pdf_engine=engine)
    rows = {ln.text.split("\t")[0]: ln.text.split("\t") for ln in doc.lines if "\t" in ln.text}
    standing = ["Standing", "F", "Copier, fax machine, presentations, managing customer service center"]
    assert rows["Standing"] == standing
    assert rows["1"][:2] == ["1", "L"]


def test_ruled_tables_become_tab_separated_rows(engine: str) -> None:
    doc = read_path(TABLES, pdf_engine=engine)
    seed_rows = [
        t.rstrip("\t")
        for t in (SEEDS / "norfolk-customer-service-supervisor.txt").read_text(encoding="utf-8").splitlines()
        # Not compared: legend cells that wrap into the next cell, and rules of dashes
        # longer than their cell (the layout breaks them, and no reader can tell).
        if "\t" in t and not t.startswith(("S = ", "C = ")) and "----" not in t
    ]
    pdf_rows = {ln.text.rstrip("\t") for ln in doc.lines}
    missing = [row for row in seed_rows if row not in pdf_rows]
    assert not missing, missing[:5]


def test_a_table_row_cut_by_a_page_break_is_one_row(engine: str) -> None:
    doc = read_path(TABLES, pdf_engine=engine)
    budget = [ln for ln in doc.lines if ln.text.startswith("Budget")]
    assert len(budget) == 1
    assert budget[0].text.startswith("Budget Responsibility\tResponsible for the final approval")
    assert "presents the budget to the Budget Office" in budget[0].text


def test_running_header_footer_and_page_numbers_are_removed(engine: str) -> None:
    doc = read_path(PAGED, pdf_engine=engine)
    assert doc.pages >= 2
    texts = [ln.text for ln in doc.lines]
    assert not [t for t in texts if "Customer Services Manager - 6J27" in t]
    assert not [t for t in texts if t.strip().startswith("Page ")]


def test_a_list_cut_by_a_page_break_keeps_every_item(engine: str) -> None:
    doc = read_path(PAGED, pdf_engine=engine)
    seed = (SEEDS / "philadelphia-6j27-customer-services-manager-truncated.txt").read_text(encoding="utf-8")
    seed_items = [" ".join(t[2:].split()) for t in seed.splitlines() if t.startswith("- ")]
    pdf_items = [" ".join(p.text.split()) for p in items(ln for ln in doc.lines if ln.text.startswith("•"))]
    assert pdf_items == seed_items
    # The fixture is only a test of page breaks if a list really runs across one.
    listed = [ln for ln in doc.lines if ln.text.startswith("•")]
    assert any(a.page != b.page and a.number + 1 == b.number for a, b in itertools.pairwise(listed))


def test_headings_set_in_bold_or_larger_type_are_lines_of_their_own(engine: str) -> None:
    doc = read_path(PDF / "philadelphia" / "1a11.pdf", pdf_engine=engine)
    texts = [ln.text for ln in doc.lines]
    for heading in ("GENERAL DEFINITION", "TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY)", "KNOWLEDGE OF:"):
        assert heading in texts


def test_hyphen_at_line_end() -> None:
    from classspec.readers.pdf_layout import join_parts

    vocabulary = {"classification"}
    assert join_parts(["the classifi-", "cation of"], vocabulary) == "the classification of"
    assert join_parts(["by e-", "mail"], vocabulary) == "by e-mail"
    assert join_parts(["non-", "English speaking"], vocabulary) == "non-English speaking"
    assert join_parts(["ends.", "Starts"], vocabulary) == "ends. Starts"
    assert (
        join_parts(["Training Act II-", "114 certification"], vocabulary)
        == "Training Act II-114 certification"
    )


def test_windows_1252_punctuation_left_undecoded_is_decoded() -> None:
    from classspec.readers.pdf_tabs import c1_to_cp1252 as _c1_to_cp1252

    assert _c1_to_cp1252("Master\x92s degree") == "Master\u2019s degree"
    assert _c1_to_cp1252("plain") == "plain"


def test_empty_user_password_opens(engine: str) -> None:
    plain = read_path(PDF / "seeds" / "chicago-7401-customer-services-supervisor.pdf", pdf_engine=engine)
    encrypted = read_path(
        PDF / "encrypted" / "chicago-7401-customer-services-supervisor.pdf", pdf_engine=engine
    )
    assert [ln.text for ln in encrypted.lines] == [ln.text for ln in plain.lines]


@pytest.mark.parametrize("name", sorted(BAD_PDFS))
def test_bad_pdf_gives_one_input_error(name: str, engine: str) -> None:
    with pytest.raises(InputError) as caught:
        read_path(PDF / "bad" / name, pdf_engine=engine)
    assert BAD_PDFS[name] in caught.value.reason
    assert caught.value.path == str(PDF / "bad" / name)


def test_max_pages_guard(engine: str) -> None:
    with pytest.raises(InputError, match="limit is 1"):
        read_path(PAGED, max_pages=1, pdf_engine=engine)
    assert read_path(PAGED, max_pages=10, pdf_engine=engine).pages >= 2


def test_cli_bad_pdfs_fail_one_line_each_and_the_batch_goes_on(
    classspec_bin: str, tmp_path: Path, engine: str
) -> None:
    good = PDF / "seeds" / "chicago-7401-customer-services-supervisor.pdf"
    bad = [PDF / "bad" / name for name in sorted(BAD_PDFS)]
    result = subprocess.run(
        [classspec_bin, "parse", *map(str, bad), str(good), "-f", "jsonl", "--pdf-engine", engine],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("classspec: error:")]
    assert len(errors) == len(bad), result.stderr
    for path, line in zip(bad, errors, strict=True):
        assert line == f"classspec: error: {path}: " + line.split(f"{path}: ", 1)[1]
        assert BAD_PDFS[path.name] in line
    assert "Traceback" not in result.stderr
    assert '"class_code":"7401"' in result.stdout.replace(" ", "")


def test_cli_max_pages(classspec_bin: str) -> None:
    result = subprocess.run(
        [classspec_bin, "parse", "--max-pages", "1", str(PAGED)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert f"classspec: error: {PAGED}: PDF has" in result.stderr


def test_pdf_libraries_are_not_imported_until_a_pdf_is_read() -> None:
    code = (
        "import sys, classspec.cli, classspec.api\n"
        "from classspec.readers import read_path\n"
        f"read_path({str(SEEDS / 'chicago-7401-customer-services-supervisor.txt')!r})\n"
        "print(any(m.split('.')[0] in ('pdfplumber', 'pdfminer', 'pypdfium2') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_furniture_is_found_by_repetition_at_the_same_height() -> None:
    from classspec.readers.pdf_layout import VisualLine
    from classspec.readers.pdf_paragraphs import remove_furniture

    def line(text: str, page: int, top: float) -> VisualLine:
        return VisualLine(text, page, top, top + 10, 50, 300, 10, False)

    def page(n: int) -> list[VisualLine]:
        verbs = ("Reviews", "Prepares", "Checks", "Files", "Answers", "Plans", "Trains", "Orders")
        body = [line(f"{verbs[(k + n) % 8]} report number {k}", n, 100 + 30 * k) for k in range(8)]
        body.insert(n, line("Performs related work as required.", n, 95 + 30 * n))
        return [line("City of Testville Class Specification", n, 30), *body, line(f"Page {n} of 3", n, 770)]

    pages = [page(n) for n in (1, 2, 3)]
    kept = [[ln.text for ln in page] for page in remove_furniture(pages)]
    # The header and the numbered footer go; a sentence repeated at other heights stays,
    # and so does body text.
    assert kept == [[ln.text for ln in page[1:-1]] for page in pages]


def test_cli_text_reads_alike_with_either_engine_and_refuses_an_unknown_one(classspec_bin: str) -> None:
    good = str(PDF / "seeds" / "chicago-7401-customer-services-supervisor.pdf")
    outputs = [
        subprocess.run(
            [classspec_bin, "text", "--pdf-engine", engine, good], capture_output=True, text=True, timeout=120
        )
        for engine in ENGINES
    ]
    assert all(o.returncode == 0 for o in outputs)
    assert outputs[0].stdout == outputs[1].stdout
    assert "7401" in outputs[0].stdout
    wrong = subprocess.run(
        [classspec_bin, "parse", "--pdf-engine", "mupdf", good], capture_output=True, text=True, timeout=120
    )
    assert wrong.returncode == 2
    assert "mupdf" in wrong.stderr
