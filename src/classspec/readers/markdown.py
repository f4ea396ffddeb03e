"""Markdown (.md, .markdown): bytes to lines with provenance, read by markdown-it-py.

The document keeps one line per line of the source file, so provenance cites the
file's own line numbers. Markup is dropped from the text and kept as structure:
headings (ATX `#` and setext) carry their level on the `Line`, list items start with
"- " or "1. " as in the text seeds (nested items indented two spaces a level), a table
row is one line with tab-separated cells, code blocks keep their lines verbatim, a
line whose text is all `**bold**` is marked bold, and YAML front matter stays as its
"key: value" lines (quotes dropped) between its "---" fences. Link targets, image URLs, HTML tags
and fence markers are not document text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from classspec.document import Document, SourceFormat, styled_lines
from classspec.errors import InputError
from classspec.lazyre import lazy_compile
from classspec.readers.text import check_text, decode, normalize_newlines

_TAG = lazy_compile(r"<[^>]*>")


def _parser() -> MarkdownIt:
    # CommonMark plus GitHub tables and strikethrough; raw HTML is allowed (and stripped).
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@dataclass(slots=True)
class _Out:
    """One slot per source line: its text, heading level and boldness."""

    texts: list[str]
    headings: list[int | None]
    bolds: list[bool]

    def put(self, index: int, text: str, heading: int | None = None, bold: bool = False) -> None:
        if 0 <= index < len(self.texts):
            joined = f"{self.texts[index]} {text}".strip() if self.texts[index] else text
            self.texts[index] = joined
            self.headings[index] = heading if heading is not None else self.headings[index]
            self.bolds[index] = bold and bool(joined)


def _inline_lines(token: Token) -> list[tuple[str, bool]]:
    """An inline token's text split at its line breaks, each with whether it is all bold."""
    lines: list[tuple[str, bool]] = []
    parts: list[str] = []
    strong = 0
    seen_bold = seen_plain = False

    def text(value: str) -> None:
        nonlocal seen_bold, seen_plain
        if value.strip():
            if strong:
                seen_bold = True
            else:
                seen_plain = True
        parts.append(value)

    def cut() -> None:
        nonlocal seen_bold, seen_plain
        lines.append(("".join(parts).strip(), seen_bold and not seen_plain))
        parts.clear()
        seen_bold = seen_plain = False

    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            text(child.content)
        elif kind in ("softbreak", "hardbreak"):
            cut()
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "image":
            text(child.content)  # the alt text
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            cut()
        # links, emphasis and strikethrough keep their text and lose their markup
    cut()
    return lines


def _place(out: _Out, first: int, last: int, lines: list[tuple[str, bool]], prefix: str = "", **kw) -> None:
    """Put a block's lines on its source lines (first..last); extra lines join the last."""
    indent = " " * len(prefix)
    for i, (text, bold) in enumerate(lines):
        index = min(first + i, last)
        lead = prefix if i == 0 else indent if text else ""
        out.put(index, f"{lead}{text}" if text else text, bold=bold, **kw)


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line closing a YAML front matter block ("---" first and last), or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index, line in enumerate(lines[1:50], start=1):
        if line.strip() in ("---", "..."):
            return index
    return 0


# 'title: "Librarian II"': a YAML scalar's quotes are markup, not the title's.
_QUOTED = lazy_compile(r"(?P<key>[\w][\w \-]*:\s+)(?P<q>[\"'])(?P<value>.*)(?P=q)\s*")


def _unquoted(line: str) -> str:
    found = _QUOTED.fullmatch(line)
    return f"{found.group('key')}{found.group('value')}" if found else line


def markdown_lines(source: str) -> _Out:
    source_lines = source.split("\n")
    out = _Out([""] * len(source_lines), [None] * len(source_lines), [False] * len(source_lines))
    # Front matter ("title: ...", "class_code: ...") is labelled text, not a setext heading.
    front = _front_matter_end(source_lines)
    for index in range(1, front):
        out.put(index, _unquoted(source_lines[index].strip()))
    if front:
        # The fences stay, so that a parser knows the block for metadata, not text.
        out.put(0, "---")
        out.put(front, "---")
        source = "\n" * (front + 1) + "\n".join(source_lines[front + 1 :])
    tokens = _parser().parse(source)
    lists: list[tuple[str, int]] = []  # (marker kind, next number) per open list
    pending_marker: str | None = None
    row: list[str] | None = None
    heading: int | None = None
    block_map: list[int] | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "bullet_list_open":
            lists.append(("-", 0))
        elif kind == "ordered_list_open":
            lists.append((".", int(token.attrGet("start") or 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            marker, number = lists[-1]
            depth = "  " * (len(lists) - 1)
            if marker == "-":
                pending_marker = f"{depth}- "
            else:
                pending_marker = f"{depth}{token.info or number}. "
                lists[-1] = (marker, int(token.info or number) + 1)
        elif kind == "heading_open":
            heading = int(token.tag[1])
            block_map = token.map
        elif kind == "heading_close":
            heading = None
        elif kind == "paragraph_open":
            block_map = token.map
        elif kind == "tr_open":
            row = []
            block_map = token.map
        elif kind == "tr_close" and row is not None and block_map:
            out.put(block_map[0], "\t".join(row))
            row = None
        elif kind == "inline":
            lines = _inline_lines(token)
            if row is not None and index and tokens[index - 1].type in ("th_open", "td_open"):
                row.append(" ".join(text for text, _ in lines if text))
                continue
            span = token.map or block_map or [0, 1]
            _place(out, span[0], span[1] - 1, lines, pending_marker or "", heading=heading)
            pending_marker = None
        elif kind in ("fence", "code_block") and token.map:
            first = token.map[0] + (1 if kind == "fence" else 0)
            for i, text in enumerate(token.content.rstrip("\n").split("\n")):
                out.put(first + i, text)
        elif kind == "html_block" and token.map:
            for i, text in enumerate(token.content.rstrip("\n").split("\n")):
                out.put(token.map[0] + i, html.unescape(_TAG.sub(" ", text)).strip())
    return out


def read_markdown(data: bytes, path: str | None, sha256: str) -> Document:
    text = normalize_newlines(decode(data, path))
    check_text(text, path)
    out = markdown_lines(text)
    if not any(t.strip() for t in out.texts):
        raise InputError("Markdown file with no text", path)
    return Document(
        lines=styled_lines(out.texts, out.headings, out.bolds),
        format=SourceFormat.markdown,
        sha256=sha256,
        path=path,
    )
