"""PDF: pages to lines with provenance, on pdfplumber.

What the parsers need from a PDF is what they get from a text file: one line per
paragraph or list item, table rows as tab-separated cells, blank lines between
blocks, headings on lines of their own. A PDF has none of that; it has words at
positions. This module rebuilds it:

- words are grouped into visual lines by position; a wide gap inside a line (a tab
  stop, a column) becomes a TAB, as in the text seeds;
- tables found by pdfplumber's table finder become one line per row;
- page headers, footers and page numbers are found by repetition across pages (same
  text, digits aside, at the same height) and removed;
- a visual line joins the next one when it was wrapped, i.e. when the next line's
  first word would not have fitted at its end; a heading (set larger than the body,
  or in bold and in capitals or ending with a colon) stays a line of its own;
- each page is made, read and dropped in turn, so memory does not grow with the page
  count (only the text is kept);
- what pdfminer would choke on is refused first with a reason: truncated files and
  decompression bombs; encrypted files open when the user password is empty.

pdfplumber and pdfminer are imported inside `read_pdf` only: they are slow to import
and most runs never read a PDF.
"""

from __future__ import annotations

import io
import itertools
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from classspec.document import Document, Line
from classspec.errors import InputError
from classspec.model import SourceFormat

DEFAULT_MAX_PAGES = 500
# Decoded-size caps for compressed streams, checked before pdfminer inflates them
# (pdfminer inflates without a limit). A class spec's content stream is kilobytes.
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_DECODED_BYTES = 256 * 1024 * 1024
MAX_TEXT_CHARS = 20_000_000

_FURNITURE_BAND = 3  # lines at the top and bottom of a page that may be header/footer
_BULLETS = "-\u2013\u2014\u2022\u00b7\u25aa\u25e6\u25cf\uf0b7\uf0a7\uf076\uf0d8\u27a2o§*>"
_LIST_START = re.compile(
    rf"^(?:[{re.escape(_BULLETS)}](?:\s|$)|\(?\d{{1,3}}[.)](?:\s|$)|\(\d{{1,3}}\)|\([a-z]\)\s|[A-Za-z][.)]\s)"
)
_MARKER_TAB = re.compile(rf"^([{re.escape(_BULLETS)}]|\(?\d{{1,3}}[.)]|\([a-zA-Z]\)|[a-zA-Z][.)])\t")
_ENDINGS = (".", ";", ":", "!", "?", ")")
_PRIVATE_BULLET = re.compile(r"^[\ue000-\uf8ff](?=\s|$)")
_HYPHEN_END = re.compile(r"([A-Za-z]+|[A-Z0-9]+)[-\u00ad\u2010\u2011]$")
_DIGITS = re.compile(r"\d+")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][A-Z'’&/-]+\s+){2}[A-Z][A-Z'’&/-]+\b")  # three words in capitals
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


# ---------------------------------------------------------------- layout records


@dataclass(slots=True)
class VisualLine:
    """One line as printed: its text (TABs at wide gaps) and where it sits."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    first_word_width: float = 0.0
    space_width: float = 0.0
    table_row: bool = False
    words: str = ""  # the line's words separated by newlines (compact: kept for every line)
    gaps: array[float] = field(default_factory=lambda: array("f"))
    font: str = ""
    first_on_page: bool = False
    last_on_page: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


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


class FontStats:
    """What the whole document says about each font, gathered page by page so that
    no per-word data has to be kept: the commonest gap between words (the width of a
    space) and whether every word has the same width per character (monospaced)."""

    def __init__(self) -> None:
        self.gaps: dict[str, Counter[float]] = {}
        self.char_widths: dict[str, list[float]] = {}  # font: [min, max, sum, count]

    def add(self, font: str, gaps: list[float], words: list[dict[str, Any]]) -> None:
        if gaps:
            self.gaps.setdefault(font, Counter()).update(gaps)
        seen = self.char_widths.setdefault(font, [float("inf"), 0.0, 0.0, 0.0])
        for word in words:
            width = (word["x1"] - word["x0"]) / max(len(word["text"]), 1)
            seen[0], seen[1] = min(seen[0], width), max(seen[1], width)
            seen[2] += width
            seen[3] += 1

    def space_widths(self) -> dict[str, float]:
        return {font: max(counted.most_common(1)[0][0], 0.5) for font, counted in self.gaps.items()}

    def monospaced(self) -> dict[str, float]:
        """Monospaced fonts (typewriter-style specs, text files printed to PDF) and
        their character width."""
        return {
            font: round(total / count, 2)
            for font, (low, high, total, count) in self.char_widths.items()
            if count >= 20 and high - low < 0.02 * high
        }


# ---------------------------------------------------------------- entry point


def read_pdf(data: bytes, path: str | None, sha256: str, *, max_pages: int | None = None) -> Document:
    limit = max_pages or DEFAULT_MAX_PAGES
    damaged = check_container(data, path)
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
        raise InputError(f"corrupt PDF ({_describe(cause)})", path) from None
    try:
        with pdf:
            count = _page_count(pdf)
            if count > limit:
                raise InputError(f"PDF has {count} pages; the limit is {limit} (see --max-pages)", path)
            pages = []
            stats = FontStats()
            drawn = False  # anything at all on any page: images, vector graphics
            chars = 0
            for number, page in _iter_pages(pdf):
                if number > limit:  # the page tree's count can lie
                    raise InputError(f"PDF has more than {limit} pages (see --max-pages)", path)
                pages.append(_page_lines(page, number, stats))
                drawn = drawn or bool(page.images or page.rects or page.curves or page.lines)
                chars += sum(len(line.text) for line in pages[-1])
                if chars > MAX_TEXT_CHARS:
                    raise InputError(f"PDF holds more than {MAX_TEXT_CHARS} characters of text", path)
    except InputError:
        raise
    except MemoryError:
        raise InputError("PDF too large to read in memory", path) from None
    except RecursionError:
        raise InputError("corrupt PDF (object structure nests without end)", path) from None
    except Exception as exc:
        raise InputError(f"corrupt PDF ({_describe(exc)})", path) from None
    if not pages:
        raise InputError("PDF has no pages", path)
    if not any(line.text.strip() for page in pages for line in page):
        if damaged:
            raise InputError(f"corrupt PDF ({damaged} damaged compressed streams, no readable text)", path)
        if not drawn:
            raise InputError("corrupt or blank PDF (no page has any readable content)", path)
        raise InputError("no text layer (scanned PDF?): nothing to read without OCR", path)
    set_tabs(pages, stats)
    body = remove_furniture(pages)
    _mark_page_ends(body)
    lines = rebuild_paragraphs(body)
    warnings = [f"PDF is damaged: {damaged} compressed streams could not be read; text may be missing"]
    return Document(
        lines=lines,
        format=SourceFormat.pdf,
        sha256=sha256,
        path=path,
        pages=len(pages),
        warnings=warnings if damaged else [],
    )


def _describe(exc: Any) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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


# ---------------------------------------------------------------- container checks


_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")
_STREAM = re.compile(rb">>\s*stream\r?\n")  # a stream keyword right after its dictionary


def check_container(data: bytes, path: str | None) -> int:
    """Refuse truncated files and decompression bombs before pdfminer sees them.

    Returns how many compressed streams are damaged (cannot be inflated), which tells
    a corrupt file from a scan when no text comes out."""
    if b"%%EOF" not in data[-2048:]:
        raise InputError("truncated PDF (no end-of-file marker)", path)
    encrypted = b"/Encrypt" in data
    total = damaged = 0
    for found in _STREAM.finditer(data):
        start = found.end()
        head = data[max(0, found.start() - 1024) : found.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        filters = _FILTER.search(head)
        first = re.match(rb"\[?\s*/(\w+)", filters.group(1)) if filters else None
        if b"/Image" in head or not first or first.group(1) not in (b"FlateDecode", b"Fl"):
            continue  # images are never inflated for text; only Flate applied first is checked
        end = data.find(b"endstream", start)
        raw = data[start : end if end > 0 else len(data)]
        decoded = _inflated_size(raw, MAX_STREAM_BYTES + 1)
        damaged += decoded < 0 and not encrypted
        decoded = max(decoded, 0)
        if decoded > MAX_STREAM_BYTES:
            raise InputError(
                f"decompression bomb: a {len(raw)}-byte stream inflates beyond {MAX_STREAM_BYTES >> 20} MB",
                path,
            )
        total += decoded
        if total > MAX_DECODED_BYTES:
            raise InputError(
                f"decompression bomb: compressed streams inflate beyond {MAX_DECODED_BYTES >> 20} MB", path
            )
    return damaged


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes that `raw` inflates to, counting no further than `cap` (chunk by chunk);
    -1 when the data is not a valid deflate stream."""
    inflater = zlib.decompressobj()
    size = 0
    pending = raw
    try:
        while pending and size < cap:
            size += len(inflater.decompress(pending, 1 << 20))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return -1
    return size


# ---------------------------------------------------------------- one page


def _page_lines(page: Any, number: int, stats: FontStats) -> list[VisualLine]:
    # x_tolerance 1.5, not 3: a tab stop can fall 2pt after a word in monospaced text.
    all_words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, x_tolerance=1.5)
    tables = [t for t in page.find_tables() if _is_real_table(t, all_words, page.edges)]
    boxes = [t.bbox for t in tables]
    words = [w for w in all_words if not any(_inside(w, box) for box in boxes)]
    lines = [_visual_line(group, number, stats) for group in _group_lines(words)]
    for table in tables:
        lines.extend(_table_rows(table, number))
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def _is_real_table(table: Any, words: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bool:
    """A grid the table finder built from ruling lines is a table when it has two rows
    and two columns, is ruled down its left side and between columns, and every word inside it falls in one
    of its cells. Underlines, highlight boxes and frames around a paragraph make grids
    that cut through text; a one-row "table" reads as well as a line with tab gaps."""
    if len(table.rows) < 2 or max(sum(c is not None for c in row.cells) for row in table.rows) < 2:
        return False
    x0, top, x1, bottom = table.bbox
    inner = {round(e["x0"]) for e in edges if e["orientation"] == "v" and x0 + 3 < e["x0"] < x1 - 3}
    if not _ruled_down(edges, x0, top, bottom, 0.9):
        return False
    if not any(_ruled_down(edges, x, top, bottom, 0.6) for x in inner):
        return False  # no column rule: stacked highlight boxes or frames, not a table
    cells = [cell for row in table.rows for cell in row.cells if cell is not None]
    inside = [w for w in words if _inside(w, table.bbox)]
    return all(any(_inside(w, cell) for cell in cells) for w in inside)


def _ruled_down(edges: list[dict[str, Any]], x: float, top: float, bottom: float, share: float) -> bool:
    """Do vertical rules at `x` (drawn in one piece or cell by cell) cover `share` of
    the height from `top` to `bottom`?"""
    spans = sorted(
        (max(e["top"], top), min(e["bottom"], bottom))
        for e in edges
        if e["orientation"] == "v" and abs(e["x0"] - x) <= 3 and e["bottom"] > top and e["top"] < bottom
    )
    covered, reach = 0.0, top
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered >= share * (bottom - top)


def _mark_page_ends(pages: list[list[VisualLine]]) -> None:
    for page in pages:
        if page:
            page[0].first_on_page = True
            page[-1].last_on_page = True


def _inside(word: dict[str, Any], box: Sequence[float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words whose vertical extents overlap by half their height share a line."""
    groups: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if groups:
            line = groups[-1]
            top = min(w["top"] for w in line)
            bottom = max(w["bottom"] for w in line)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= 0.5 * min(bottom - top, word["bottom"] - word["top"]):
                line.append(word)
                continue
        groups.append([word])
    return [sorted(g, key=lambda w: w["x0"]) for g in groups]


def _visual_line(words: list[dict[str, Any]], page: int, stats: FontStats) -> VisualLine:
    sizes = Counter(round(float(w["size"]), 1) for w in words)
    size = sizes.most_common(1)[0][0]
    first = words[0]
    gaps = [round(b["x0"] - a["x1"], 1) for a, b in itertools.pairwise(words)]
    font = f"{first.get('fontname', '')}@{size}"
    stats.add(font, gaps, words)
    return VisualLine(
        text=" ".join(w["text"] for w in words),
        page=page,
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=first["x0"],
        x1=max(w["x1"] for w in words),
        size=size,
        bold=all(_BOLD.search(str(w.get("fontname", ""))) for w in words),
        first_word_width=first["x1"] - first["x0"],
        space_width=0.3 * size,
        words="\n".join(_c1_to_cp1252(w["text"]) for w in words),
        gaps=array("f", gaps),
        font=f"{first.get('fontname', '')}@{size}",
    )


def _monospace_tab(gap: float, pitch: float, after_sentence: bool) -> bool:
    """In monospaced text a space is one character wide and words sit on a character
    grid; a tab stop moves the next word off the grid or several characters on."""
    cells = gap / pitch
    if abs(cells - round(cells)) > 0.1:
        return True
    return round(cells) > (2 if after_sentence else 1)


def set_tabs(pages: list[list[VisualLine]], stats: FontStats) -> None:
    """Write a TAB where a gap is wider than a word space can be: a tab stop or a column.

    A gap counts as a tab when it is well over the font's space width and over the
    line's own typical gap (justified lines stretch every space alike)."""
    widths = stats.space_widths()
    pitches = stats.monospaced()
    for page in pages:
        for line in page:
            if not line.gaps:
                line.text = _PRIVATE_BULLET.sub("\u2022", line.text)
                continue
            space = widths.get(line.font, 0.25 * line.size)
            line.space_width = space
            usual = sorted(line.gaps)[len(line.gaps) // 2]
            # Gaps all alike on a line of three or more words: justification, not tab stops.
            justified = len(line.gaps) >= 2 and max(line.gaps) - min(line.gaps) < 1.0
            tokens = line.words.split("\n")
            text = tokens[0]
            for gap, before, token in zip(line.gaps, tokens, tokens[1:], strict=False):
                after_sentence = before.endswith((*_ENDINGS, ","))
                if justified:
                    tab = False
                elif line.font in pitches:
                    tab = _monospace_tab(gap, pitches[line.font], after_sentence)
                else:
                    # Two spaces (after a sentence, or by accident) are common in Word
                    # documents: a tab stop or a column leaves more room than that.
                    enough = 2.6 * max(space, usual) if after_sentence else 2.5 * space
                    tab = (
                        gap > enough and (len(line.gaps) < 3 or gap > 1.8 * usual)
                    ) or gap > 1.4 * line.size
                # Words that touch were split by a change of font or size (a superscript
                # "st" after "21", a bold letter): no space between them.
                text += ("\t" if tab else " " if gap > 0.15 * space else "") + token
            # A bullet set off by a tab is a list marker, not a table cell; a bullet drawn
            # from a symbol font's private-use area is written as the bullet it shows.
            text = _PRIVATE_BULLET.sub("\u2022", text)
            line.text = _MARKER_TAB.sub(r"\1 ", text)


def _c1_to_cp1252(text: str) -> str:
    """C1 control characters in extracted text are Windows-1252 punctuation that a
    producer copied through undecoded (\x92 for a right quote): decode them as such."""
    if not any("\x80" <= ch <= "\x9f" for ch in text):
        return text
    return "".join(_cp1252(ch) if "\x80" <= ch <= "\x9f" else ch for ch in text)


def _cp1252(ch: str) -> str:
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:
        return ch


def _table_rows(table: Any, page: int) -> list[VisualLine]:
    rows = []
    for row, cells in zip(table.rows, table.extract(), strict=False):
        # None marks a grid cell covered by a merged neighbour: not a cell of this row.
        texts = [_cell_text(cell) for cell in cells if cell is not None]
        if not any(texts):
            continue
        x0, top, x1, bottom = row.bbox
        rows.append(
            VisualLine(
                text="\t".join(texts),
                page=page,
                top=top,
                bottom=bottom,
                x0=x0,
                x1=x1,
                size=0.0,
                bold=False,
                table_row=True,
            )
        )
    return rows


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    return join_parts([_c1_to_cp1252(part.strip()) for part in cell.split("\n") if part.strip()], set())


# ---------------------------------------------------------------- page furniture


def _furniture_key(line: VisualLine) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).lower()


def remove_furniture(pages: list[list[VisualLine]]) -> list[list[VisualLine]]:
    """Drop lines repeated at the same height in the top or bottom band of several
    pages (running headers, footers, page numbers: digits are ignored when comparing)."""
    if len(pages) < 2:
        return pages
    seen: dict[str, list[VisualLine]] = {}
    for page in pages:
        flowing = [ln for ln in page if not ln.table_row]
        band = flowing[:_FURNITURE_BAND] + flowing[-_FURNITURE_BAND:]
        for line in {id(ln): ln for ln in band}.values():
            seen.setdefault(_furniture_key(line), []).append(line)
    needed = max(2, (len(pages) + 1) // 2)
    furniture: set[int] = set()
    for places in seen.values():
        heights = Counter(round(ln.top / 4) for ln in places)  # same height within a few points
        height, _ = heights.most_common(1)[0]
        at_height = [ln for ln in places if abs(round(ln.top / 4) - height) <= 1]
        if len({ln.page for ln in at_height}) >= needed:
            furniture.update(id(ln) for ln in at_height)
    return [[ln for ln in page if id(ln) not in furniture] for page in pages]


# ---------------------------------------------------------------- paragraphs


def _attach_lone_bullets(lines: list[VisualLine]) -> list[VisualLine]:
    """A bullet set on a line of its own belongs to the text right after it; a bullet
    with no text after it (an empty list item) carries nothing and is left out."""
    kept: list[VisualLine] = []
    pending: VisualLine | None = None
    for line in lines:
        if not line.table_row and len(line.text.strip()) == 1 and line.text.strip() in _BULLETS:
            pending = line
            continue
        if pending is not None and not _has_gap(pending, line) and not _LIST_START.match(line.text):
            line.text = pending.text.strip() + " " + line.text
        pending = None
        kept.append(line)
    return kept


def rebuild_paragraphs(pages: list[list[VisualLine]]) -> list[Line]:
    flowing = _attach_lone_bullets([ln for page in pages for ln in page])
    if not flowing:
        return []
    body_size = _body_size(flowing)
    right = _right_margins(pages)
    vocabulary = {w.lower() for ln in flowing for w in re.findall(r"[A-Za-z]+", ln.text)}
    blocks: list[Block] = []
    previous: VisualLine | None = None
    for line in flowing:
        heading = not line.table_row and _is_heading(line, body_size)
        # More space than line spacing ends a paragraph, unless the text plainly goes on:
        # an unfinished sentence continued in lower case.
        gap_before = _has_gap(previous, line) and not (
            previous is not None
            and line.text[:1].islower()
            and not previous.table_row
            and not previous.text.rstrip().endswith(_ENDINGS)
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
            and _wrapped_into(previous, line, right.get(previous.page, previous.x1), last, heading)
        ):
            last.parts.append(line.text)
            last.last = line
            last.members.append(line)
        else:
            blocks.append(
                Block(
                    [line.text], line.page, line, heading, line.table_row, gap_before and bool(blocks), [line]
                )
            )
        previous = line
    lines: list[Line] = []
    for block in blocks:
        if block.blank_before:
            lines.append(Line("", len(lines) + 1, block.page))
        text = "\t".join(block.parts) if block.table_row else join_parts(block.parts, vocabulary)
        lines.append(Line(text, len(lines) + 1, block.page))
    return lines


def _is_heading(line: VisualLine, body_size: float) -> bool:
    """Set larger than the body, or in bold and reading as a heading (capitals or a
    closing colon). A bold phrase inside a wrapped paragraph is not a heading."""
    if line.size >= 1.15 * body_size:
        return True
    text = line.text.strip()
    return line.bold and (text.endswith(":") or text.upper() == text)


def _body_size(lines: list[VisualLine]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        if not line.table_row:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _right_margins(pages: list[list[VisualLine]]) -> dict[int, float]:
    """The right edge of the text block: the widest line of the document (pages share it)."""
    edges = [ln.x1 for page in pages for ln in page if not ln.table_row and "\t" not in ln.text]
    widest = max(edges) if edges else 0.0
    return {ln.page: widest for page in pages for ln in page}


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
        a and b and not a.endswith(_ENDINGS) and b[:1].islower() for a, b in zip(before, after, strict=True)
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
    ends_sentence = previous.text.rstrip().endswith(_ENDINGS)
    if ends_sentence and (previous.page != line.page or _capitals(line.text)):
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
    return room < line.first_word_width + 2 * previous.space_width


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def join_parts(parts: Sequence[str], vocabulary: set[str]) -> str:
    """Join wrapped lines; a word hyphenated at a line end is mended when the document
    writes the mended word elsewhere, else the hyphen is kept (e-mail, long-term)."""
    text = ""
    for part in parts:
        if not text:
            text = part
            continue
        found = _HYPHEN_END.search(text)
        if found and not part[:1].islower() and (part[:1].isalpha() or part[:1].isdigit()):
            text += part  # "non-" + "English", "II-" + "114": a compound broken at its hyphen
        elif found and part[:1].islower():
            head = found.group(1)
            tail = re.match(r"[A-Za-z]+", part)
            mended = (head + tail.group(0)).lower() if tail else ""
            if text.endswith("\u00ad") or (mended and mended in vocabulary):
                text = text[:-1] + part
            else:
                text += part
        else:
            text += " " + part
    return text
