"""HTML reader: Word-generated and hand-written pages to lines with provenance."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classspec.errors import InputError
from classspec.readers import read_bytes
from classspec.readers.html import decode_html, detect_charset
from conftest import PHILADELPHIA


def texts(html: bytes | str, path: str = "spec.htm") -> list[str]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return [line.text for line in read_bytes(data, path).lines if line.text]


def test_blocks_breaks_and_entities_become_lines() -> None:
    lines = texts(
        "<html><body><center><h2>6J27<br>CUSTOMER&nbsp;SERVICES   MANAGER</h2></center>"
        "<p>This is   management-level\nwork &amp; more.</p><div>PAY RANGE: EP17</div></body></html>"
    )
    assert lines == [
        "6J27",
        "CUSTOMER SERVICES MANAGER",
        "This is management-level work & more.",
        "PAY RANGE: EP17",
    ]


def test_lists_get_markers_and_ordered_lists_numbers() -> None:
    lines = texts("<ul><li>one</li><li>two</li></ul><ol start=3><li>three</li><li>four</li></ol>")
    assert lines == ["- one", "- two", "3. three", "4. four"]


def test_table_row_is_one_line_with_tab_separated_cells() -> None:
    lines = texts(
        "<table><tr><td>Pay Step</td><td><p>Duties</p></td></tr>"
        "<tr><td>Step 5</td><td></td><td>Full</td></tr></table>"
    )
    assert lines == ["Pay Step\tDuties", "Step 5\t\tFull"]


def test_single_cell_layout_row_is_ordinary_flow() -> None:
    assert texts("<table><tr><td><p>GENERAL DEFINITION</p><p>Text here.</p></td></tr></table>") == [
        "GENERAL DEFINITION",
        "Text here.",
    ]


def test_style_script_comments_and_word_conditionals_are_ignored() -> None:
    lines = texts(
        "<html><head><style>p{color:red}</style><script>var x = 'no';</script></head><body>"
        "<!--[if gte mso 9]><xml><w:WordDocument>hidden</w:WordDocument></xml><![endif]-->"
        "<p>kept<!-- a comment --> text</p><script>alert('no')</script></body></html>"
    )
    assert lines == ["kept text"]


def test_hidden_elements_and_word_review_comments_are_not_text() -> None:
    lines = texts(
        "<html><body><p>5F23</p>"
        "<p>Work <a class=msocomanchor href='#_msocom_1'>[JL1]</a>is done.</p>"
        "<p style='display:none'>secret</p>"
        "<div class=msocomtxt><p>Reviewer: reword this.</p></div></body></html>"
    )
    assert lines == ["5F23", "Work is done."]


def test_preformatted_text_keeps_its_lines() -> None:
    assert texts("<pre>A   B\n  C</pre>") == ["A   B", "  C"]


def test_soft_hyphens_vanish() -> None:
    assert texts("<p>record-kee\u00adping</p>") == ["record-keeping"]


def test_charset_from_meta_tag_and_fallbacks() -> None:
    page = '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'
    data = (page + "<body><p>City\u2019s caf\u00e9</p></body></html>").encode("cp1252")
    assert detect_charset(data) == "cp1252"
    assert texts(data) == ["City\u2019s caf\u00e9"]
    # Declared latin-1 is read as windows-1252, as browsers do (0x92 is a curly quote).
    latin = b'<meta charset="ISO-8859-1"><p>City\x92s</p>'
    assert texts(latin) == ["City\u2019s"]
    # A page that claims UTF-8 but is cp1252 still decodes.
    wrong = b'<meta charset="utf-8"><p>caf\xe9</p>'
    assert decode_html(wrong, None).endswith("caf\u00e9</p>")
    # No declaration: UTF-8 first.
    assert texts("<p>caf\u00e9</p>".encode()) == ["caf\u00e9"]


def test_lines_are_numbered_consecutively_from_one() -> None:
    doc = read_bytes(b"<p>a</p><p>b</p><p>c</p>", "x.html")
    assert [line.number for line in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert doc.format.value == "html"


@pytest.mark.parametrize(
    "html",
    [b"<html><head><title>Only a title</title></head><body></body></html>", b"<p>&nbsp;</p>", b"<html>"],
)
def test_html_without_text_is_an_input_error(html: bytes) -> None:
    with pytest.raises(InputError):
        read_bytes(html, "empty.htm")


@pytest.mark.corpus("philadelphia")
def test_real_word_page_reads_as_its_visible_text() -> None:
    doc = read_bytes((PHILADELPHIA / "1a18.htm").read_bytes(), "1a18.htm")
    lines = [line.text for line in doc.lines if line.text]
    assert lines[:4] == ["1A18", "PAY RANGE: 8", "SECRETARY", "GENERAL DEFINITION"]
    assert "• keyboard proficiency" in lines
    assert not any("{" in line or "font-family" in line for line in lines)


CALIFORNIA = PHILADELPHIA.parent / "california"

_NAV = "".join(f"<li><a href='/p{i}'>Menu item number {i}</a></li>" for i in range(60))


def test_navigation_menus_and_footer_never_reach_the_lines() -> None:
    lines = texts(
        "<html><body><div class=top><a href='#c'>Skip to main content</a>"
        f"<ul class=nav>{_NAV}</ul></div>"
        "<div class=x><div><h1>Fire Captain</h1><p>Class Code: 1095</p>"
        "<h2>Definition</h2><p>Under direction, to supervise a fire crew of several people.</p></div></div>"
        "<footer><a href='/c'>Conditions of Use</a> <a href='/p'>Privacy Policy</a> Copyright</footer>"
        "</body></html>"
    )
    assert lines == [
        "Fire Captain",
        "Class Code: 1095",
        "Definition",
        "Under direction, to supervise a fire crew of several people.",
    ]


def test_a_page_of_content_with_a_few_links_keeps_all_its_text() -> None:
    lines = texts(
        "<body><p>CLERK</p><p>See <a href='/x'>class 1A02</a> for the series.</p>"
        "<div><p>Contact <a href='mailto:hr@example.org'>HR</a></p></div></body>"
    )
    assert lines == ["CLERK", "See class 1A02 for the series.", "Contact HR"]


def test_heading_levels_and_bold_lines_are_marked() -> None:
    doc = read_bytes(
        b"<h1>Title</h1><p><b>DUTIES:</b></p><p><b>Mixed</b> text</p><h3><span>Sub</span></h3><p>x</p>",
        "t.html",
    )
    marked = [(ln.text, ln.heading, ln.bold) for ln in doc.lines if ln.text]
    assert marked == [
        ("Title", 1, False),
        ("DUTIES:", None, True),
        ("Mixed text", None, False),
        ("Sub", 3, False),
        ("x", None, False),
    ]


@pytest.mark.corpus("california")
@pytest.mark.parametrize("code", ["1077", "8353"])
def test_calhr_sharepoint_page_reads_as_its_specification(code: str) -> None:
    doc = read_bytes((CALIFORNIA / f"{code}.html").read_bytes(), f"{code}.html")
    lines = [line for line in doc.lines if line.text]
    text = "\n".join(line.text for line in lines)
    for furniture in ("Skip Ribbon Commands", "Navigation Toggle", "Privacy Policy", "Copyright"):
        assert furniture not in text
    assert lines[0].heading == 1  # the specification's own title
    assert "Minimum Qualifications" in text
    assert len(text) < 30_000  # a few KB of spec, not the 380 KB page
    assert any(line.heading == 2 for line in lines)


@pytest.mark.corpus("california")
def test_calhr_title_is_the_specification_title() -> None:
    doc = read_bytes((CALIFORNIA / "1077.html").read_bytes(), "1077.html")
    lines = [line.text for line in doc.lines if line.text]
    assert lines[:2] == ["Fire Apparatus Engineer", "California State Personnel Board Specification"]
    assert "Class Code: 1077" in lines


_TAGS = ["p", "div", "span", "b", "br", "ul", "ol", "li", "table", "tr", "td", "pre", "h2", "script", "a"]
_ATTRS = ["", " style='display:none'", " class=msocomtxt", " href='/x'", " start=3"]
_TEXTS = ["", " ", "Duties", "  two  words ", "\n x\n", "\u00a0", "\u200b", "caf\u00e9", "A\tB", "&amp;", "<"]


@st.composite
def _pages(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth > 3 or draw(st.booleans()):
            parts.append(draw(st.sampled_from(_TEXTS)))
        else:
            tag, attrs = draw(st.sampled_from(_TAGS)), draw(st.sampled_from(_ATTRS))
            parts.append(f"<{tag}{attrs}>{draw(_pages(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_any_page_reads_or_is_refused_cleanly(body: str) -> None:
    try:
        doc = read_bytes(f"<html><body>{body}</body></html>".encode(), "x.html")
    except InputError:
        return
    assert [line.number for line in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert all("\n" not in line.text and "\0" not in line.text for line in doc.lines)


def test_page_title_heading_outside_the_main_content_is_kept_first() -> None:
    doc = read_bytes(
        (
            "<html><body><header><h1>Senior Clerk</h1>"
            f"<nav><ul>{_NAV}</ul></nav></header>"
            "<div><h2>Definition</h2>"
            "<p>Under supervision, performs varied clerical work of some difficulty.</p>"
            "<h2>Class Code</h2><p>1234</p></div></body></html>"
        ).encode(),
        "page.html",
    )
    lines = [(ln.text, ln.heading) for ln in doc.lines if ln.text]
    assert lines[0] == ("Senior Clerk", 1)
    assert ("Definition", 2) in lines
    assert not any("Menu item" in text for text, _ in lines)
