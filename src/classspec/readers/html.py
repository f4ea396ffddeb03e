"""HTML (Word-generated, hand-written, exported): bytes to lines with provenance.

The page is parsed with lxml (libxml2, C) and walked once. Block elements (paragraphs,
headings, divs, list items) start new lines; `<br>` breaks a line; a table row becomes
one line with its cells separated by tabs, as in the text seeds; list items get a
marker ("- " or "1. ") so the section engine reads them as the items they are.
Whitespace inside a block is collapsed as a browser would, except in `<pre>`.
Scripts, styles, comments (Word's conditional blocks are comments too) and Word's
review-comment furniture are not document text and are skipped.

Only the page's main content is read: web pages wrap a few KB of specification in
navigation menus, ribbons and footers. The main content is found by text density, not
by any site's markup (see `htmlmain.main_content`). Heading elements and all-bold lines are
marked on their `Line` (heading level, bold) for the parsers that use typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from classspec.document import Document, SourceFormat, styled_lines
from classspec.errors import InputError
from classspec.lazyre import lazy_compile
from classspec.readers.htmllines import SEPARATORS, LineCollector
from classspec.readers.htmlmain import main_content, outside_heading
from classspec.readers.text import decode, repair_mojibake

# The HTML5 pre-scan looks for the charset in the first 1024 bytes; Word puts its
# meta tag after a long <style> block now and then, so look a little further.
_CHARSET_SCAN_BYTES = 8192
_META_CHARSET = lazy_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = lazy_compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main", "nav", "ol", "p", "pre"),
        *("section", "summary", "table", "tbody", "tfoot", "thead", "title", "ul"),
    )
)
SKIP_TAGS = frozenset(
    ("head", "script", "style", "noscript", "template", "object", "embed", "iframe", "select", "option")
)
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_TAGS = frozenset(("b", "strong"))
ROW_TAG = "tr"
CELL_TAGS = frozenset(("td", "th"))
# Word's review comments: the anchors ("[JL1]") in the text and the comment bodies at the end.
_WORD_COMMENT_CLASSES = frozenset(("msocomanchor", "msocomtxt", "msocomoff"))
# Inline `display:none` hides an element. Class rules in the page's stylesheet are not
# applied: Word's "HTML Markup" style is display:none, yet real specs put their PAY
# RANGE line in it, and showing a stray line beats losing a field.
_HIDDEN_STYLE = lazy_compile(r"display\s*:\s*none", re.I)


def detect_charset(data: bytes) -> str | None:
    """The charset the document declares (meta tag or XML declaration), if Python knows it."""
    head = data[:_CHARSET_SCAN_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    # Browsers read latin-1 declarations as windows-1252 (the WHATWG encoding standard).
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        name = "cp1252"
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str | None) -> str:
    """Decode with the declared charset unless the bytes say otherwise: a page that
    declares a single-byte charset (windows-1252 ...) but is valid UTF-8 with non-ASCII
    text is UTF-8 (cp1252 text is practically never valid UTF-8), and a declaration the
    bytes contradict falls back to the text reader's order."""
    charset = detect_charset(data)
    if charset is None or charset == "utf-8" or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, path)
    if not data.isascii():
        try:
            return repair_mojibake(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    if charset == "cp1252":
        return decode(data, path)  # cp1252 with some UTF-8 pasted in is read as both
    try:
        return repair_mojibake(data.decode(charset))
    except UnicodeDecodeError:
        return decode(data, path)


def _skipped(element: lxml.etree._Element, hidden_possible: bool = True) -> bool:
    """Not document text: comments and the like, scripts and styles, Word's review
    comments, and elements hidden by an inline `display:none` (looked for only on
    pages whose body mentions either: `hidden_possible`)."""
    tag = element.tag
    if tag.__class__ is not str or tag in SKIP_TAGS:
        return True
    return hidden_possible and _hidden(element)


def _hidden(element: lxml.etree._Element) -> bool:
    classes = element.get("class")
    if classes and "msocom" in classes.lower() and _WORD_COMMENT_CLASSES & set(classes.lower().split()):
        return True
    style = element.get("style")
    return bool(style and "none" in style.lower() and _HIDDEN_STYLE.search(style))


def _cell_text(cell: lxml.etree._Element, hidden_possible: bool, plain_spaces: bool) -> str:
    """A table cell's text on one line: its inner blocks joined by spaces."""
    inner = LineCollector(hidden_possible, plain_spaces)
    _walk(cell, inner)
    inner.newline()
    return " ".join(line for line in inner.lines if line)


def _row(row: lxml.etree._Element, out: LineCollector) -> None:
    texts = [_cell_text(cell, out.hidden_possible, out.plain_spaces) for cell in row if cell.tag in CELL_TAGS]
    filled = [t for t in texts if t]
    if len(filled) <= 1:
        # A layout row with one cell is ordinary flow, not a table row.
        for cell in row:
            if not _skipped(cell, out.hidden_possible):
                _walk(cell, out)
        out.block()
        return
    out.block()
    out.row("\t".join(texts))
    out.block()


# What the walk does at an element, by tag: 0 nothing (inline), else the bits below.
_BLOCK, _BOLD, _HEADING, _OTHER = 1, 2, 4, 8
_TAG_ROLE: dict[str, int] = {tag: _BLOCK for tag in BLOCK_TAGS}
_TAG_ROLE.update({tag: _BLOCK | _HEADING for tag in HEADING_LEVELS})
_TAG_ROLE.update({tag: _BOLD for tag in BOLD_TAGS})
_TAG_ROLE.update({tag: _BLOCK | _OTHER for tag in ("pre", "li", "ul", "ol")})
_TAG_ROLE.update({tag: _OTHER for tag in ("br", ROW_TAG, *SKIP_TAGS)})


def _walk(element: lxml.etree._Element, out: LineCollector, list_kind: str | None = None) -> None:
    """One pass over the element, in document order. Children that are plain inline
    elements without children of their own (most of Word's spans) are read in the
    loop instead of by a recursive call."""
    tag = element.tag
    if tag == "br":
        out.newline()
        return
    role = _TAG_ROLE.get(tag, 0)
    if role:
        if role & _BLOCK:
            out.block()
        if role & _HEADING:
            outer_heading = out.heading
            out.heading = HEADING_LEVELS[tag]
        if role & _BOLD:
            out.bold_depth += 1
        if tag == "pre":
            out.preformatted += 1
        elif tag == "li":
            out.current.append("- " if list_kind != "ol" else f"{_list_number(element)}. ")
    # Each read of .text or .tail builds a new string from the tree: read once.
    if text := element.text:
        out.text(text)
    child_list = tag if tag in ("ul", "ol") else list_kind
    hidden_possible = out.hidden_possible
    for child in element:
        child_tag = child.tag
        if child_tag.__class__ is not str or child_tag in SKIP_TAGS or (hidden_possible and _hidden(child)):
            pass
        elif not _TAG_ROLE.get(child_tag) and not len(child):
            if text := child.text:
                out.text(text)
        elif child_tag == ROW_TAG:
            _row(child, out)
        else:
            _walk(child, out, child_list)
        if tail := child.tail:
            out.text(tail)
    if role:
        if tag == "pre":
            out.newline()  # while still preformatted, so the last line keeps its indent
            out.preformatted -= 1
        if role & _BOLD:
            out.bold_depth -= 1
        if role & _BLOCK:
            out.block()
        if role & _HEADING:
            out.heading = outer_heading


def _list_number(item: lxml.etree._Element) -> int:
    parent = item.getparent()
    start = 1
    if parent is not None:
        try:
            start = int(parent.get("start") or 1)
        except ValueError:
            start = 1
    return start + sum(
        1
        for sibling in item.itersiblings(preceding=True)
        if isinstance(sibling.tag, str) and sibling.tag == "li"
    )


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The visible lines of a page (blank lines between blocks) and their typography."""

    lines: list[str]
    headings: list[int | None]
    bolds: list[bool]


def html_text(text: str) -> HtmlText:
    # lxml wants bytes when the text carries an encoding declaration; give it UTF-8.
    # The plain etree parser: lxml.html's element classes cost a Python lookup per node.
    parser = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    raw = text.encode("utf-8", "surrogatepass")
    try:
        root = lxml.etree.fromstring(raw, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return HtmlText([], [], [])
    if root is None:
        return HtmlText([], [], [])
    # Hidden elements and Word review comments are looked for only where the page's body
    # mentions them at all: str.find over the text beats two attribute reads a node.
    # The bytes lower-cased (ASCII only, several times faster than str.lower): the words
    # looked for are ASCII, and no other character lower-cases into one of their letters.
    lowered = raw.lower()
    body_at = max(lowered.find(b"<body"), 0)
    plain_spaces = not any(separator in text for separator in SEPARATORS)
    hidden_possible = lowered.find(b"display", body_at) >= 0 or lowered.find(b"msocom", body_at) >= 0
    out = LineCollector(hidden_possible, plain_spaces)
    body = root.find("body")
    if body is None:
        _walk(root, out)
    else:
        main = main_content(body, SKIP_TAGS)
        page_heading = outside_heading(body, main, _skipped)
        if page_heading is None:  # (an element with no children is falsy: no `or`)
            page_heading = _shared_title(root, body)
        if page_heading is not None:
            _walk(page_heading, out)
        _walk(main, out)
    out.block()
    while out.lines and out.lines[-1] == "":
        out.lines.pop()
    n = len(out.lines)
    return HtmlText(out.lines, out.headings[:n], out.bolds[:n])


def _shared_title(root: lxml.etree._Element, body: lxml.etree._Element) -> lxml.etree._Element | None:
    """A page with no <h1> at all that names itself for sharing (og:title, what a job
    board sets for each posting): that name is the page's top heading."""
    if next(body.iter("h1"), None) is not None:
        return None
    head = root.find("head")
    for meta in head.iter("meta") if head is not None else ():
        content = (meta.get("content") or "").strip()
        if meta.get("property") == "og:title" and content:
            heading = lxml.etree.Element("h1")
            heading.text = content
            return heading
    return None


def read_html(data: bytes, path: str | None, sha256: str) -> Document:
    page = html_text(decode_html(data, path))
    if not any(line.strip() for line in page.lines):
        raise InputError("HTML page with no text", path)
    return Document(
        lines=styled_lines(page.lines, page.headings, page.bolds),
        format=SourceFormat.html,
        sha256=sha256,
        path=path,
    )
