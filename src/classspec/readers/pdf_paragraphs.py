"""Visual lines to the lines parsers read: page furniture out, paragraphs rebuilt.

- page headers, footers and page numbers are found by repetition across pages (same
  text, digits aside, at the same height) and removed;
- a visual line joins the next one when it was wrapped, i.e. when the next line's
  first word would not have fitted at its end; a heading (set larger than the body,
  or in bold and in capitals or ending with a colon) stays a line of its own;
- a paragraph or list item goes on across a page break (furniture removed first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from classspec.document import Line
from classspec.readers.pdf_layout import BULLETS, ENDINGS, VisualLine, join_parts

_FURNITURE_BAND = 3  # lines at the top and bottom of a page that may be header/footer
_LIST_START = re.compile(
    rf"^(?:[{re.escape(BULLETS)}](?:\s|$)|\(?\d{{1,3}}[.)](?:\s|$)|\(\d{{1,3}}\)|\([a-z]\)\s|[A-Za-z][.)]\s)"
)
_DIGITS = re.compile(r"\d+")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][A-Z'’&/-]+\s+){2}[A-Z][A-Z'’&/-]+\b")  # three words in capitals


@dataclass(slots=True)
class Block:
    """A paragraph being rebuilt from visual lines."""

    parts: list[str]
    page: int
    last: VisualLine
    heading: bool
    table_row: bool
    blank_before: bool = False
    members: list[VisualLine] = field(default_factory=list)


# ---------------------------------------------------------------- page furniture


def _furniture_key(line: VisualLine) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def remove_furniture(pages: list[list[VisualLine]]) -> list[list[VisualLine]]:
    """Drop lines repeated at the same height in the top or bottom band of several
    pages (running headers, footers, page numbers: digits are ignored when comparing)."""
    if len(pages) < 2:
        return pages
    furniture = furniture_ids(pages)
    return [[ln for ln in page if id(ln) not in furniture] for page in pages]


def band(flags: list[bool]) -> list[int]:
    """Which of a page's lines (given whether each is a table row) are in its top and
    bottom bands, where furniture is looked for."""
    flowing = [index for index, table_row in enumerate(flags) if not table_row]
    return list(dict.fromkeys(flowing[:_FURNITURE_BAND] + flowing[-_FURNITURE_BAND:]))


def furniture_ids(pages: list[list[VisualLine]]) -> set[int]:
    """The ids of the furniture lines of the pages (any lines outside the bands are
    never furniture, so pages of band lines only give the same answer)."""
    seen: dict[str, list[VisualLine]] = {}
    for page in pages:
        for index in band([ln.table_row for ln in page]):
            line = page[index]
            seen.setdefault(_furniture_key(line), []).append(line)
    needed = max(2, (len(pages) + 1) // 2)
    furniture: set[int] = set()
    for places in seen.values():
        heights = Counter(round(ln.top / 4) for ln in places)  # same height within a few points
        height, _ = heights.most_common(1)[0]
        at_height = [ln for ln in places if abs(round(ln.top / 4) - height) <= 1]
        if len({ln.page for ln in at_height}) >= needed:
            furniture.update(id(ln) for ln in at_height)
    return furniture


# ---------------------------------------------------------------- paragraphs


def attach_lone_bullets(lines: Iterable[VisualLine]) -> Iterator[VisualLine]:
    """A bullet set on a line of its own belongs to the text right after it; a bullet
    with no text after it (an empty list item) carries nothing and is left out."""
    pending: VisualLine | None = None
    for line in lines:
        if not line.table_row and len(line.text.strip()) == 1 and line.text.strip() in BULLETS:
            pending = line
            continue
        if pending is not None and not _has_gap(pending, line) and not _LIST_START.match(line.text):
            line.text = pending.text.strip() + " " + line.text
        pending = None
        yield line


class Measures:
    """What joining paragraphs needs to know of the whole document, gathered line by
    line: the body text size, the right margin (the widest line) and how often each
    word is written (to mend words broken at a line end)."""

    def __init__(self) -> None:
        self.sizes: Counter[float] = Counter()  # characters per size
        self.widest: float | None = None
        self.counts: Counter[str] = Counter()
        self.vocabulary: set[str] = set()

    def margins(self, lines: Iterable[VisualLine]) -> Iterator[VisualLine]:
        """The lines (before lone bullets are attached), the widest untabbed one noted.
        (Attaching a bullet adds no tab: the test is the same before and after.)"""
        for line in lines:
            if (
                not line.table_row
                and "\t" not in line.text
                and (self.widest is None or line.x1 > self.widest)
            ):
                self.widest = line.x1
            yield line

    def add(self, lines: list[VisualLine]) -> None:
        """Lines as they flow (bullets attached), some at a time. Their words are
        listed together, lines joined by newlines (no word runs across two), and
        lowered word by word, as a lowered text could gain ASCII letters (the Kelvin
        sign lowers to "k")."""
        sizes = self.sizes
        for line in lines:
            if not line.table_row:
                sizes[line.size] += len(line.text)
        self.counts.update(map(str.lower, _WORD.findall("\n".join([ln.text for ln in lines]))))

    def close(self) -> None:
        self.vocabulary = set(self.counts)

    @property
    def body_size(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 10.0

    @property
    def right(self) -> float:
        """The right edge of the text block: the widest line of the document."""
        return 0.0 if self.widest is None else self.widest


def rebuild_paragraphs(pages: list[list[VisualLine]], *, release: bool = False) -> list[Line]:
    """The paragraphs of the pages' lines. With `release` the page lists are emptied
    and each visual line is let go once it is joined: a long document's visual lines
    and its paragraphs are not all held at once (the reader's peak memory)."""
    measures = Measures()
    flowing = list(attach_lone_bullets(measures.margins(ln for page in pages for ln in page)))
    if not flowing:
        return []
    for start in range(0, len(flowing), _COUNTED_LINES):
        measures.add(flowing[start : start + _COUNTED_LINES])
    measures.close()
    if release:
        for page in pages:
            page.clear()
    flowing.reverse()  # taken from the end: each line leaves the list as it is read
    return join_paragraphs(_drain(flowing), measures)


def _drain(lines: list[VisualLine]) -> Iterator[VisualLine]:
    while lines:
        yield lines.pop()


def join_paragraphs(flowing: Iterable[VisualLine], measures: Measures) -> list[Line]:
    """Lines as they flow (furniture out, bullets attached), joined into paragraphs."""
    body_size, right, counts, vocabulary = (
        measures.body_size,
        measures.right,
        measures.counts,
        measures.vocabulary,
    )
    blocks: list[Block] = []
    lines: list[Line] = []
    previous: VisualLine | None = None
    for line in flowing:
        heading = not line.table_row and _is_heading(line, body_size)
        # More space than line spacing ends a paragraph, unless the text plainly goes on:
        # an unfinished sentence continued in lower case.
        gap_before = _has_gap(previous, line) and not (
            previous is not None
            and line.text[:1].islower()
            and not previous.table_row
            and not previous.text.rstrip().endswith(ENDINGS)
        )
        last = blocks[-1] if blocks else None
        if last is not None and previous is not None and _row_continues(previous, line, last):
            last.parts[0] = _merge_rows(last.parts[0], line.text, vocabulary)
            last.last = line
            last.members.append(line)
            previous = line
            continue
        if (
            last is not None
            and previous is not None
            and not gap_before
            and not _next_item(blocks, line)
            and _wrapped_into(previous, line, right, last, heading)
        ):
            head, _, rest = line.text.partition(" ")
            if _broken_word(last.parts[-1], head, counts):
                last.parts[-1] += head  # "ENGINEERIN" + "G PROJECTS": a word cut to fit its column
                if rest:
                    last.parts.append(rest)
            else:
                last.parts.append(line.text)
            last.last = line
            last.members.append(line)
        else:
            blocks.append(
                Block(
                    [line.text], line.page, line, heading, line.table_row, gap_before and bool(blocks), [line]
                )
            )
            # Only the last blocks are read again (by _next_item) or added to: the ones
            # before them are written out now, not kept to the end.
            if len(blocks) > _OPEN_BLOCKS:
                _write(blocks.pop(0), lines, vocabulary)
        previous = line
    for block in blocks:
        _write(block, lines, vocabulary)
    return lines


_OPEN_BLOCKS = 3


def _write(block: Block, lines: list[Line], vocabulary: set[str]) -> None:
    if block.blank_before:
        lines.append(Line("", len(lines) + 1, block.page))
    text = "\t".join(block.parts) if block.table_row else join_parts(block.parts, vocabulary)
    lines.append(Line(text, len(lines) + 1, block.page))


_WORD = re.compile(r"[A-Za-z]+")
_COUNTED_LINES = 2000  # lines whose words are listed at once (a list of all would be the peak)


# A line ending in one of these words goes on: it cannot end an item. (One string: as
# a list the formatter sets each word on a line of its own.)
_JOINING_WORDS = frozenset(
    "a an the of and or to in for with by on at from as into than that which who nor".split()  # noqa: SIM905
)


def _broken_word(before: str, head: str, counts: Counter[str]) -> bool:
    """Was a word too wide for its column cut where the line ran out ("ENGINEERIN" /
    "G")? The line before is that one word alone, and the two pieces make a word the
    document writes elsewhere, while the first piece is found nowhere else."""
    before = before.strip()
    if len(before) < 4 or not before.isalpha() or not head.isalpha():
        return False
    return counts[(before + head).lower()] >= 1 and counts[before.lower()] <= 1


def _next_item(blocks: list[Block], line: VisualLine) -> bool:
    """In a run of items set without bullets or spacing (duties, knowledge, one per
    paragraph), an item whose last line happens to fill the width is not wrapped into
    the next one. `line`, starting with a capital at the items' indent, starts a new
    item when
    - the block so far ends a sentence, and so did the two items before it (with the
      same punctuation mark); or
    - the block so far is one line ending in a word that can end a phrase, after a
      one-line item without closing punctuation or a lead-in ending with a colon (and
      one more item before that)."""
    if len(blocks) < 3 or not line.text[:1].isupper():
        return False
    current, before = blocks[-1], blocks[-3:-1]
    if not all(_item(block, line) for block in (current, *before)):
        return False
    end = current.parts[-1].rstrip()
    if end.endswith(ENDINGS):  # items ending alike
        return all(block.parts[-1].rstrip()[-1:] == end[-1] for block in before)
    last_word = end.rsplit(None, 1)[-1].lower() if end else ""
    lead = blocks[-2].parts[-1].rstrip()
    return (
        len(current.members) == 1
        and end[-1:].isalnum()
        and last_word not in _JOINING_WORDS
        and len(blocks[-2].members) == 1
        and (lead.endswith(":") or lead[-1:].isalnum())
    )


def _item(block: Block, line: VisualLine) -> bool:
    return (
        not block.heading
        and not _capitals(block.parts[0])
        and not block.table_row
        and block.parts[0][:1].isupper()
        and abs(block.members[0].x0 - line.x0) < 1.0
    )


def _title_line(line: VisualLine, right: float) -> bool:
    """A short line in title case with no closing punctuation but a colon ("Examples Of
    Duties", "Working Conditions"): a heading, whatever ran to the margin before it."""
    words = line.text.split()
    if not 1 <= len(words) <= 8 or line.text.rstrip().endswith((".", ",", ";")) or "\t" in line.text:
        return False
    if right - line.x1 < 0.25 * (right - line.x0):
        return False  # it runs on to the margin: the first line of a paragraph
    significant = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return line.text[:1].isupper() and all(w[:1].isupper() for w in significant)


def _is_heading(line: VisualLine, body_size: float) -> bool:
    """Set larger than the body, or in bold and reading as a heading (capitals or a
    closing colon). A bold phrase inside a wrapped paragraph is not a heading."""
    if line.size >= 1.15 * body_size:
        return True
    text = line.text.strip()
    return line.bold and (text.endswith(":") or text.upper() == text)


def _row_continues(previous: VisualLine, line: VisualLine, block: Block) -> bool:
    """Is `line` the rest of a table row that a page break cut in two? Both are rows
    with as many cells, at the foot of one page and the head of the next, and in some
    column the earlier part stops mid-sentence where the later part goes on in lower case."""
    if not (previous.table_row and line.table_row and block.table_row and line.page == previous.page + 1):
        return False
    if not (previous.last_on_page and line.first_on_page):
        return False
    before, after = block.parts[0].split("\t"), line.text.split("\t")
    return len(before) == len(after) and any(
        a and b and not a.endswith(ENDINGS) and b[:1].islower() for a, b in zip(before, after, strict=True)
    )


def _merge_rows(before: str, after: str, vocabulary: set[str]) -> str:
    pairs = zip(before.split("\t"), after.split("\t"), strict=True)
    return "\t".join(join_parts([p for p in pair if p], vocabulary) for pair in pairs)


def _has_gap(previous: VisualLine | None, line: VisualLine) -> bool:
    """Is there more vertical space than line spacing between the two lines?"""
    if previous is None or previous.page != line.page:
        return False
    spacing = line.top - previous.bottom
    return spacing > 0.6 * min(previous.height, line.height)


def _wrapped_into(previous: VisualLine, line: VisualLine, right: float, block: Block, heading: bool) -> bool:
    """Does `line` continue the paragraph `previous` ends? Yes when `previous` ran to
    the right edge (the next word did not fit) and `line` starts no new item."""
    if previous.table_row or line.table_row or block.heading != heading:
        return False
    if "\t" in line.text or _LIST_START.match(line.text):
        return False
    # Set in from the lines before it (not just from a hanging first line): the first
    # line of a new paragraph with a first-line indent.
    if len(block.members) >= 2 and line.x0 > previous.x0 + 0.8 * max(line.size, 1.0):
        return False
    if previous.page != line.page and line.page != previous.page + 1:
        return False
    # A sentence that ends at a line end, then a line in capitals: a new heading. Across
    # a page break the same holds for any sentence end: paragraphs mostly end with a page.
    ends_sentence = previous.text.rstrip().endswith(ENDINGS)
    if ends_sentence and (previous.page != line.page or _capitals(line.text) or _title_line(line, right)):
        return False
    if previous.page != line.page and _capitals(line.text):
        return False
    # Capitals after a line in mixed case ("ABILITY TO:", "MINIMUM ACCEPTABLE TRAINING
    # AND EXPERIENCE (The following..."): a heading, not the rest of the paragraph.
    if not _capitals(" ".join(block.parts)) and (
        (_capitals(line.text) and " " in line.text.strip()) or _CAPITAL_RUN.match(line.text)
    ):
        return False
    room = right - previous.x1
    # In a monospaced font the fit is exact: one space and the word; elsewhere justified
    # and kerned lines need some slack.
    slack = 1.0 * previous.space_width + 0.5 if previous.monospaced else 2 * previous.space_width
    return room < line.first_word_width + slack


def _capitals(text: str) -> bool:
    """Three letters or more, all capitals (asked of whole paragraphs: isupper first)."""
    return text.isupper() and sum(ch.isalpha() for ch in text) >= 3


def mark_page_ends(pages: list[list[VisualLine]]) -> None:
    for page in pages:
        if page:
            page[0].first_on_page = True
            page[-1].last_on_page = True
