"""Markdown reader: markdown-it-py structure, source line numbers as provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classspec.api import parse_file
from classspec.errors import InputError
from classspec.readers import read_bytes, read_path

FIXTURE = Path(__file__).parent / "readers" / "ventura-09111.md"


def lines(source: str) -> list[tuple[int, str, int | None, bool]]:
    doc = read_bytes(source.encode(), "spec.md")
    assert doc.format.value == "markdown"
    return [(ln.number, ln.text, ln.heading, ln.bold) for ln in doc.lines]


def test_headings_lose_their_marks_and_keep_their_level() -> None:
    assert lines("# Clerk\n\n## Typical Work\nSetext\n------\n") == [
        (1, "Clerk", 1, False),
        (2, "", None, False),
        (3, "Typical Work", 2, False),
        (4, "Setext", 2, False),
        (5, "", None, False),
        (6, "", None, False),
    ]


def test_list_items_keep_markers_numbers_and_nesting() -> None:
    got = [text for _, text, _, _ in lines("- one\n- two\n  wrapped\n  3. sub\n  4. sub\n* three\n")]
    assert got == ["- one", "- two", "  wrapped", "  3. sub", "  4. sub", "- three", ""]


def test_inline_markup_links_and_html_are_dropped_bold_lines_marked() -> None:
    got = lines("**DUTIES:**\n\nSee [class 1A02](http://x/1a02) and `code` <b>now</b>.\n")
    assert got[0] == (1, "DUTIES:", None, True)
    assert got[2] == (3, "See class 1A02 and code now.", None, False)


def test_tables_and_code_blocks() -> None:
    source = "| Step | Rate |\n|---|---|\n| 1 | $20 |\n\n```\nkeep  this\n```\n"
    got = [text for _, text, _, _ in lines(source)]
    assert got == ["Step\tRate", "", "1\t$20", "", "", "keep  this", "", ""]


def test_line_numbers_are_the_source_file_lines() -> None:
    source = FIXTURE.read_text(encoding="utf-8").split("\n")
    doc = read_path(FIXTURE)
    assert len(doc.lines) == len(source)
    for line in doc.lines:
        if line.text:
            # what is left of the source line once its Markdown marks are removed
            assert line.text.lstrip("- ") in source[line.number - 1]


def test_real_spec_in_markdown_parses_like_its_text_original() -> None:
    (record,) = parse_file(FIXTURE)
    assert record.source.format == "markdown"
    assert record.title == "APCD Public Information Specialist"
    assert record.class_code == "09111"
    assert record.summary and record.summary.startswith("Under direction of the Public Information Manager")
    assert len(record.duties) == 9
    assert record.minimum_qualifications and "bachelor's degree" in record.minimum_qualifications.text


def test_markdown_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        read_bytes(b"<!-- nothing -->\n\n---\n", "empty.md")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#-*_`|>[]()!1. \nabcDEF:")), max_size=300))
def test_any_markdown_reads_or_is_refused_cleanly(source: str) -> None:
    try:
        doc = read_bytes(source.encode(), "x.md")
    except InputError:
        return
    assert [ln.number for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert all("\n" not in ln.text for ln in doc.lines)


def test_markdown_extensions_and_an_html_page_saved_as_md() -> None:
    assert read_bytes(b"# Clerk\n\nText.\n", "spec.markdown").format.value == "markdown"
    page = read_bytes(b"<!DOCTYPE html><html><body><h1>Clerk</h1></body></html>", "spec.md")
    assert page.format.value == "html"
    assert [line.text for line in page.lines] == ["Clerk"]


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


def test_front_matter_is_labelled_text_not_a_heading() -> None:
    got = lines('---\ntitle: "Clerk"\nclass_code: 1A02\n---\n# Clerk\n')
    assert got[:5] == [
        (1, "---", None, False),
        (2, "title: Clerk", None, False),
        (3, "class_code: 1A02", None, False),
        (4, "---", None, False),
        (5, "Clerk", 1, False),
    ]
