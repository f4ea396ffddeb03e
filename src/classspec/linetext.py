"""What lines say as text: list markers and items (wrapped lines mended, words
hyphenated across a line end joined), paragraphs and text blocks, a table row's cells,
the line that writes a label, and the shape tests of a heading line written in
capitals or ending in a colon.

The section engine (`sections`), the template readers, the builder (the text of lines
nobody used) and the facts stage all read text through these; none of them needs the
section engine's heading rules to do it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile

# A list marker at the start of a line: bullets, "1.", "1)", "(1)", "(a)", "a.", "iv)".
_MARKER = lazy_compile(
    r"^\s*(?:[-\u2013\u2014\u2022\u00b7\u25aa\u25e6\u25cf\uf0b7\uf0a7o§*]\s+"
    r"|\(?\d{1,3}[.)](?=\s|$)\s*"
    r"|\(\d{1,3}\)\s*"
    r"|\(?[a-zA-Z][.)](?=\s)\s*"
    r"|\((?:i{1,3}|iv|v|vi{1,3}|ix|x)\)\s*)"
)
_TERMINAL = (".", ";", ":", "!", "?", ")")
# A word hyphenated across a line end ends in one of these before its '-'.
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SENTENCE_TERMINAL = (".", ";", ":", "!", "?")


@functools.lru_cache(maxsize=4096)
def strip_marker(text: str) -> tuple[str, str]:
    """Split leading list markers (repeated, as in '- 1. text') from the text. Cached:
    the readers, the qualification sorter and the facts stage ask it of the same lines
    (about three times a line)."""
    markers: list[str] = []
    rest = text
    while (found := _MARKER.match(rest)) and found.end():
        markers.append(rest[: found.end()].strip())
        rest = rest[found.end() :]
    return " ".join(markers), rest.strip()


def _continues(previous: str, following: str) -> bool:
    """Is `following` the wrapped rest of `previous` rather than a new item?"""
    if not previous or not following:
        return False
    if previous.endswith("-") and not previous.endswith(" -"):
        return True
    return not previous.endswith(_TERMINAL) and following[0].islower()


def items(lines: Iterable[Line], *, keep_markers: bool = False) -> list[Piece]:
    """List items: a marker starts an item, a wrapped line continues it, and an
    unmarked line that does not read as a continuation is an item of its own."""
    result: list[tuple[list[str], list[Line]]] = []
    for line in lines:
        if line.blank:
            continue
        marker, body = strip_marker(line.stripped)
        if not body:
            if result and marker:
                result[-1][1].append(line)
            elif marker:
                result.append(([], [line]))
            continue
        if not marker and result and result[-1][0] and _continues(result[-1][0][-1], body):
            result[-1][0].append(body)
            result[-1][1].append(line)
            continue
        if keep_markers and marker:
            # Numbering ("1.", "(a)") carries meaning in running text; bullet symbols do not.
            numbering = " ".join(m for m in marker.split() if any(ch.isalnum() for ch in m))
            body = f"{numbering} {body}" if numbering else body
        result.append(([body], [line]))
    pieces = []
    for texts, source in result:
        if texts:
            pieces.append(Piece(join_wrapped(texts), tuple(source)))
    return pieces


def prose_items(lines: Sequence[Line]) -> list[Piece]:
    """List items of a prose section, with the wraps `items` cannot see mended: a line
    that does not end a sentence and is directly followed by another line (as PDF text
    wraps, whatever the case of the next word) is one item with it."""
    merged: list[Piece] = []
    for item in items(lines):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.text.endswith(_SENTENCE_TERMINAL)
            and item.lines[0].number == previous.lines[-1].number + 1
        ):
            merged[-1] = Piece(f"{previous.text} {item.text}", previous.lines + item.lines)
        else:
            merged.append(item)
    return merged


def join_wrapped(parts: Sequence[str]) -> str:
    """Join the lines of one paragraph, mending words hyphenated across a line end."""
    text = ""
    for part in parts:
        part = part.strip()
        if not text:
            text = part
        elif text.endswith("-") and text[-2:-1] in _ASCII_LETTERS and part[:1].islower():
            text = text[:-1] + part
        else:
            text += " " + part
    return collapse(text)


def paragraphs(lines: Iterable[Line]) -> list[Piece]:
    """Paragraphs: items that keep their list markers, so nothing written is lost."""
    return items(lines, keep_markers=True)


def text_block(lines: Iterable[Line]) -> Piece:
    """All content of the lines as one string, paragraphs separated by a blank line."""
    return Piece.join(paragraphs(lines), sep="\n\n")


def cells(line: Line) -> list[str]:
    """Table cells of a tab-separated row, empty cells kept, whitespace collapsed."""
    return [collapse(cell) for cell in line.text.split("\t")]


def has_letters(text: str, count: int = 3) -> bool:
    """Does the text hold at least `count` letters? Counted only as far as needed: the
    tests for heading-like lines ask this of every short line of a document."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= count:
                return True
    return count <= 0


def is_block_heading(text: str) -> bool:
    """The heading of a block of text: a short line (under 80 characters) in capitals or
    ending in a colon ('SALARY', 'Selection process:'), three letters at least. The
    builder files the lines nobody used under the block heading above them; the facts
    stage ends a pay section at the next one. Not is_upper_heading: a colon will do and
    a closing stop is allowed ('SALARY.'), but the line must be short."""
    # The cheap tests first: counting the letters of every long line was a real cost.
    if len(text) >= 80 or not (text.isupper() or text.endswith(":")):
        return False
    return has_letters(text)


def is_upper_heading(text: str, *, min_letters: int = 3) -> bool:
    """A line written in capitals that reads as a heading, not a sentence."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) >= min_letters
        and all(ch.isupper() for ch in letters)
        and len(text) <= 120
        and not text.rstrip().endswith((".", ";", ","))
    )


def label_line(lines: Sequence[Line], label: str, cited: Iterable[Line], labels: list[str]) -> Line | None:
    """The line that writes `label` ('OPTION 1:', 'Or II', '1.') for the item citing `cited`:
    the one whose block (up to the next line writing one of `labels`) holds most of them."""
    starts = [line for line in lines if any(_writes(line, other) for other in (label, *labels))]
    numbers = [line.number for line in cited]
    blocks = zip(starts, [*(line.number for line in starts[1:]), float("inf")][: len(starts)], strict=True)
    held = [(sum(s.number <= n < end for n in numbers), s) for s, end in blocks if _writes(s, label)]
    most, best = max(held, key=lambda pair: pair[0], default=(0, None))  # the first of equals
    return best if most else None


def _writes(line: Line, label: str) -> bool:
    return _label_pattern(label).match(line.stripped) is not None


@functools.lru_cache(maxsize=256)
def _label_pattern(label: str) -> re.Pattern[str]:
    # The label (after 'Or'), then a mark ('1.', '(a)', 'OPTION 1 (Police only)'), an
    # upper-case heading ('Option 2 FOR AIRPORT') or the end of the line. Compiled once
    # a label: asked of every qualification line for every label of a spec.
    words = r"\s*".join(map(re.escape, label.split()))
    written = rf"\W*(?:(?:or|and|either)\s+)?{words}(?:\s*[.:()\-\u2013]|(?-i:\s+[A-Z]{{2}})|\s*$)"
    return re.compile(written, re.I)
