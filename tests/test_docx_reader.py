"""Word .docx reader: styles, numbering and tables kept as structure; bad packages
refused with one clean error line."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classspec.api import parse_file
from classspec.errors import InputError
from classspec.readers import read_bytes, read_path
from cli_helpers import error_lines, run

FIXTURE = Path(__file__).parent / "readers" / "ventura-09111.docx"


def _saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _lines(data: bytes) -> list[tuple[int, str, int | None, bool]]:
    doc = read_bytes(data, "spec.docx")
    assert doc.format.value == "docx"
    return [(ln.number, ln.text, ln.heading, ln.bold) for ln in doc.lines]


def test_styles_become_heading_levels_list_markers_and_bold() -> None:
    document = docx.Document()
    document.add_paragraph("Clerk Typist", style="Title")
    document.add_paragraph("Typical Work", style="Heading 1")
    document.add_paragraph("Types letters.", style="List Bullet")
    document.add_paragraph("Files records.", style="List Number")
    document.add_paragraph("Answers phones.", style="List Number")
    document.add_paragraph("")
    document.add_paragraph().add_run("MINIMUM QUALIFICATIONS:").bold = True
    document.add_paragraph("First line")
    document.paragraphs[-1].add_run().add_break()
    document.paragraphs[-1].add_run("second line")
    assert _lines(_saved(document)) == [
        (1, "Clerk Typist", 1, False),
        (2, "Typical Work", 1, True),  # the built-in Heading 1 style is bold
        (3, "- Types letters.", None, False),
        (4, "1. Files records.", None, False),
        (5, "2. Answers phones.", None, False),
        (6, "", None, False),
        (7, "MINIMUM QUALIFICATIONS:", None, True),
        (8, "First line", None, False),
        (9, "second line", None, False),
    ]


def test_table_rows_are_tab_separated_lines_and_one_cell_rows_are_flow() -> None:
    document = docx.Document()
    document.add_paragraph("Pay")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Step", "Hourly", "Annual"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "$20.00", "$41,600"], strict=True):
        cell.text = text
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[2])
    merged.text = "Steps are yearly."
    assert [text for _, text, _, _ in _lines(_saved(document))] == [
        "Pay",
        "Step\tHourly\tAnnual",
        "1\t$20.00\t$41,600",
        "Steps are yearly.",
    ]


def test_line_numbers_are_paragraph_numbers() -> None:
    document = docx.Document(FIXTURE)
    doc = read_path(FIXTURE)
    assert [ln.text.removeprefix("- ") for ln in doc.lines] == [p.text for p in document.paragraphs]
    assert [ln.number for ln in doc.lines] == list(range(1, len(document.paragraphs) + 1))


def test_real_spec_in_word_parses_like_its_text_original() -> None:
    (record,) = parse_file(FIXTURE)
    assert record.source.format == "docx"
    assert record.title == "APCD Public Information Specialist"
    assert record.class_code == "09111"
    assert record.summary and record.summary.startswith("Under direction of the Public Information Manager")
    assert len(record.duties) == 9
    assert record.duties[0].text.startswith("Responds to public and media inquiries")
    assert record.minimum_qualifications and "bachelor's degree" in record.minimum_qualifications.text
    heading_lines = [ln.text for ln in read_path(FIXTURE).lines if ln.heading]
    assert heading_lines[:3] == [
        "APCD Public Information Specialist",
        "Definition",
        "Distinguishing Characteristics:",
    ]


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out.getvalue()


def _bomb() -> bytes:
    return _zip({"word/document.xml": b"<w:document/>", "word/pad.xml": b" " * (20 * 1024 * 1024)})


def _broken_xml() -> bytes:
    whole = FIXTURE.read_bytes()
    with zipfile.ZipFile(io.BytesIO(whole)) as package:
        entries = {name: package.read(name) for name in package.namelist() if "document.xml" not in name}
    entries["word/document.xml"] = b"<not xml"
    return _zip(entries)


BAD_DOCX = [
    ("truncated.docx", lambda: FIXTURE.read_bytes()[:2000], ("zip", "docx")),
    ("text-named.docx", lambda: b"Just some text, not a Word file.\n", ("not a word",)),
    ("other.docx", lambda: _zip({"hello.txt": b"hi"}), ("not a word",)),
    ("encrypted.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), ("encrypted",)),
    ("bomb.docx", _bomb, ("bomb",)),
    ("broken-xml.docx", _broken_xml, ("corrupt", "unreadable")),
    ("archive.zip.docx", lambda: _zip({"a/b.txt": b"x"}), ("not a word",)),
]


@pytest.mark.parametrize(("name", "content", "reasons"), BAD_DOCX, ids=[b[0] for b in BAD_DOCX])
def test_bad_docx_one_error_line_exit_1(classspec_bin, tmp_path, name, content, reasons) -> None:
    bad = tmp_path / name
    bad.write_bytes(content())
    result = run(classspec_bin, "parse", bad, "-f", "jsonl", cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(bad)
    assert any(word in match["reason"].lower() for word in reasons), match["reason"]


def test_folder_walk_reads_markdown_and_word(classspec_bin, tmp_path) -> None:
    for fixture in (FIXTURE, FIXTURE.with_suffix(".md")):
        (tmp_path / fixture.name).write_bytes(fixture.read_bytes())
    result = run(classspec_bin, "parse", tmp_path, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"09111"') == 2
    assert '"format": "docx"' in result.stdout and '"format": "markdown"' in result.stdout


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=64), st.integers(min_value=0, max_value=40_000))
def test_damaged_docx_is_an_input_error_never_a_crash(noise: bytes, where: int) -> None:
    data = bytearray(FIXTURE.read_bytes())
    where %= len(data)
    data[where : where + len(noise)] = noise
    with contextlib.suppress(InputError):
        assert read_bytes(bytes(data), "damaged.docx").lines


def _numbered(paragraph, num_id: int, level: int) -> None:
    """Give a paragraph Word list numbering of its own (w:numPr), as Word does."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def test_paragraph_numbering_gives_numbers_nesting_and_bullets() -> None:
    document = docx.Document()
    styles = document.styles
    number_id = styles["List Number"].element.pPr.numPr.numId.val
    bullet_id = styles["List Bullet"].element.pPr.numPr.numId.val
    for text, num_id, level in [
        ("Plans work.", number_id, 0),
        ("Assigns tasks.", number_id, 1),
        ("Reviews results.", number_id, 1),
        ("Trains staff.", number_id, 0),
        ("Drives a vehicle.", bullet_id, 0),
    ]:
        _numbered(document.add_paragraph(text), num_id, level)
    got = [text for _, text, _, _ in _lines(_saved(document))]
    assert got[0] == "1. Plans work."
    # python-docx's template defines level 0 of this list only: deeper items are bullets.
    assert got[1:3] == ["  - Assigns tasks.", "  - Reviews results."]
    assert got[3] == "2. Trains staff."
    assert got[4] == "- Drives a vehicle."


def test_page_header_and_footer_follow_the_body() -> None:
    document = docx.Document()
    document.add_paragraph("Definition")
    document.sections[0].header.paragraphs[0].text = "Class Code: 4512"
    document.sections[0].footer.paragraphs[0].text = "Senior Widget Inspector (Class No. 4512)"
    assert [text for _, text, _, _ in _lines(_saved(document))] == [
        "Definition",
        "",
        "Class Code: 4512",
        "",
        "Senior Widget Inspector (Class No. 4512)",
    ]


@pytest.mark.corpus("other")
def test_reads_exactly_like_the_plain_text_spec_it_was_made_from() -> None:
    from conftest import OTHER_CORPUS

    original = OTHER_CORPUS / "ventura-county-ca-09111-apcd-public-information-specialist.txt"
    if not original.is_file():
        pytest.skip("county corpus not present")

    def content(path: Path) -> dict:
        (record,) = parse_file(path)
        # the text export has no title or code (they are only in its file name)
        return record.model_dump(mode="json", exclude={"source", "title", "class_code", "warnings"})

    assert content(FIXTURE) == content(original)
