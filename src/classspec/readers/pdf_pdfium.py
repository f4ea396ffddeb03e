"""The PDFium engine (the default): words, their boxes and fonts from PDFium's text
page; ruling lines from its page objects (read in pdf_tables).

Asking PDFium for every character's box costs more than all the layout work after it,
so a word is read from its ends: the page's text comes in one call, words are the
runs between spaces and line breaks (PDFium writes a space where the gap is wide, as
pdfminer does), and only a word's first and last characters are asked for their box,
baseline and text object; a line whose ends lie in one text object is in one font on
one baseline, so its words are asked for their boxes only. A word whose ends lie in
different text objects (a change of font or size inside it: "21st" with a superscript)
is read character by character and split where the font, the baseline or a gap
changes, as pdfplumber splits words.

pypdfium2 is imported inside these functions only: most runs never read a PDF.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Iterator
from typing import Any

from classspec.errors import InputError
from classspec.readers.pdf_layout import BOLD, PageContent, Word
from classspec.readers.pdf_tables import drawing, find_tables, redeclare

_TOKEN = re.compile(r"[^\s\x00-\x20\uffff]+")
_LINE = re.compile(r"[^\r\n]+")  # PDFium ends each line it finds with CR LF
X_TOLERANCE = 1.5  # as the pdfplumber engine: a tab stop can fall 2pt after a word
REOPEN_PAGES = 50  # pages read from one PDFium document handle


def read_pages(data: bytes, path: str | None, limit: int) -> Iterator[PageContent]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise InputError("password-protected PDF (a password is needed to open it)", path) from None
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError(
                "encrypted PDF this reader cannot decrypt (unsupported security handler)", path
            ) from None
        reason = str(exc).split("(PDFium: ", 1)[-1].rstrip(").").lower()
        raise InputError(f"corrupt PDF (PDFium: {reason})", path) from None
    try:
        count = len(pdf)
        if count > limit:
            raise InputError(f"PDF has {count} pages; the limit is {limit} (see --max-pages)", path)
        for index in range(count):
            if index and index % REOPEN_PAGES == 0:
                # PDFium keeps every font and image it has parsed until the document is
                # closed: a fresh handle now and then keeps memory flat on long files.
                pdf.close()
                pdf = pdfium.PdfDocument(data, password="")
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                top = page.get_mediabox()[3]
                words = _words(textpage, top)
                edges, drawn = drawing(page, top)
                tables = find_tables(edges, words) if edges else []
            finally:
                textpage.close()
                page.close()
            yield PageContent(words, tables, drawn)
    finally:
        pdf.close()


class _Reader:
    """Calls into one text page, with the buffers they fill made once. The calls made
    per word are redeclared to take and return plain addresses (ints): ctypes then
    converts nothing, which halves their cost."""

    def __init__(self, textpage: Any, top: float) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.page = textpage.raw
        self.top = top
        self.rect = raw.FS_RECTF()
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.fonts: dict[int | None, tuple[str, float, bool]] = {}
        self.by_font: dict[int, tuple[str, bool]] = {}  # font handle: name, bold
        self.name_address, self.flags_address = ctypes.addressof(self.name), ctypes.addressof(self.flags)
        self.handle = ctypes.cast(self.page, ctypes.c_void_p).value
        self.rect_address = ctypes.addressof(self.rect)
        self.get_object, self.get_box, self.get_origin = _text_calls()

    def font(self, index: int, obj: int | None) -> tuple[str, float, bool]:
        """(font name, size, bold) of the character, the same for its whole text object."""
        found = self.fonts.get(obj)
        if found is None or obj is None:
            get_info, get_size, get_weight, get_font = _font_calls()
            handle = self.handle
            # Name and weight belong to the font, which text objects share (a browser's
            # print makes a text object of every character): asked once per font.
            font = get_font(obj) if obj is not None else None
            named = self.by_font.get(font) if font is not None else None
            if named is None:
                get_info(handle, index, self.name_address, 256, self.flags_address)
                name = self.name.value.decode("utf-8", "replace")
                named = (name, bool(BOLD.search(name)) or get_weight(handle, index) >= 700)
                if font is not None:
                    self.by_font[font] = named
            found = self.fonts[obj] = (named[0], round(get_size(handle, index), 2), named[1])
        return found


def _words(textpage: Any, top: float) -> list[Word]:
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP or undecodable: one by one
        text = "".join(_char(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    # PDFium writes a hyphen it takes for a line-end hyphenation as U+FFFE (or U+0002).
    # (replace, not translate: a translation table walks the page's text in Python terms)
    if "\ufffe" in text or "\x02" in text:
        text = text.replace("\ufffe", "-").replace("\x02", "-")
    reader = _Reader(textpage, top)
    # The loop below is the engine's hot path (once per word): calls and lookups are
    # bound to locals, and a word's font comes from a cache by text object.
    get_object, get_box, handle, rect, address = (
        reader.get_object,
        reader.get_box,
        reader.handle,
        reader.rect,
        reader.rect_address,
    )
    fonts, font = reader.fonts, reader.font
    get_origin, y = reader.get_origin, reader.y
    x_address, y_address = ctypes.addressof(reader.x), ctypes.addressof(reader.y)
    words: list[Word] = []
    append = words.append
    for line in _LINE.finditer(text):
        spans = [token.span() for token in _TOKEN.finditer(text, *line.span())]
        if not spans:
            continue
        # A line whose first and last words lie in one text object is set in one font on
        # one baseline: its words need not be asked for their text objects, fonts and
        # baselines one by one, only for their ends' boxes.
        start = spans[0][0]
        shared = get_object(handle, start)
        if shared is not None and get_object(handle, spans[-1][1] - 1) == shared:
            name, size, bold = fonts.get(shared) or font(start, shared)
            get_origin(handle, start, x_address, y_address)
            bottom = top - y.value
            upper = bottom - size
            for first, end in spans:
                # A word's box: from its first character's left to its last one's right,
                # from the baseline up by the font size (pdfminer's, for fonts without descent).
                get_box(handle, first, address)
                x0, x1 = rect.left, rect.right
                if end - first > 1:
                    get_box(handle, end - 1, address)
                    x1 = rect.right
                append((x0, x1 if x1 > x0 else x0, upper, bottom, text[first:end], size, name, bold))
            continue
        for first, end in spans:
            last = end - 1
            obj = get_object(handle, first)
            if last != first and get_object(handle, last) != obj:
                words.extend(_split_word(reader, text, first, last))
                continue
            name, size, bold = fonts.get(obj) or font(first, obj)
            get_origin(handle, first, x_address, y_address)
            bottom = top - y.value
            get_box(handle, first, address)
            x0, x1 = rect.left, rect.right
            if last != first:
                get_box(handle, last, address)
                x1 = rect.right
            append((x0, x1 if x1 > x0 else x0, bottom - size, bottom, text[first:end], size, name, bold))
    return words


def _char(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else " "


def _split_word(reader: _Reader, text: str, first: int, last: int) -> list[Word]:
    """A run of characters from several text objects, cut where the font or size
    changes, the baseline moves or a gap opens (pdfplumber's word rules). Each
    character is asked once for its text object, font, box and baseline, and a word is
    built from what its characters said: a browser's print sets every character in a
    text object of its own, so most words of such a PDF come through here."""
    words: list[Word] = []
    handle, rect, address, top = reader.handle, reader.rect, reader.rect_address, reader.top
    get_object, get_box, get_origin = reader.get_object, reader.get_box, reader.get_origin
    fonts, font, y = reader.fonts, reader.font, reader.y
    x_address, y_address = ctypes.addressof(reader.x), ctypes.addressof(reader.y)
    start = first
    key = opening = (("", 0.0, False), 0.0, 0.0)  # a word's first character: font, left, baseline
    right = base = 0.0
    for index in range(first, last + 1):
        obj = get_object(handle, index)
        previous_key, previous_right, previous_base = key, right, base
        key = (obj is not None and fonts.get(obj)) or font(index, obj)
        get_box(handle, index, address)
        left, right = rect.left, rect.right
        get_origin(handle, index, x_address, y_address)
        base = top - y.value
        if index > start and (
            key != previous_key
            or abs(base - previous_base) > 0.5 * key[1]
            or left - previous_right > X_TOLERANCE
        ):
            words.append(_word(text[start:index], opening, previous_right))
            start = index
        if index == start:
            opening = (key, left, base)
    words.append(_word(text[start : last + 1], opening, right))
    return words


def _word(text: str, opening: tuple[tuple[str, float, bool], float, float], right: float) -> Word:
    """A word from its first character's font, left and baseline and its last one's right."""
    (name, size, bold), x0, bottom = opening
    return (x0, max(right, x0), bottom - size, bottom, text, size, name, bold)


@functools.cache
def _text_calls() -> tuple[Any, Any, Any]:
    """FPDFText_GetTextObject, FPDFText_GetLooseCharBox and FPDFText_GetCharOrigin on
    plain addresses."""
    import pypdfium2.raw as raw

    address, integer = ctypes.c_void_p, ctypes.c_int
    return (
        redeclare(raw.FPDFText_GetTextObject, address, address, integer),
        redeclare(raw.FPDFText_GetLooseCharBox, integer, address, integer, address),
        redeclare(raw.FPDFText_GetCharOrigin, integer, address, integer, address, address),
    )


@functools.cache
def _font_calls() -> tuple[Any, Any, Any, Any]:
    """FPDFText_GetFontInfo, FPDFText_GetFontSize, FPDFText_GetFontWeight and
    FPDFTextObj_GetFont on plain addresses: asked once per text object, and a page can
    hold thousands."""
    import pypdfium2.raw as raw

    address, integer, length = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong
    return (
        redeclare(raw.FPDFText_GetFontInfo, length, address, integer, address, length, address),
        redeclare(raw.FPDFText_GetFontSize, ctypes.c_double, address, integer),
        redeclare(raw.FPDFText_GetFontWeight, integer, address, integer),
        redeclare(raw.FPDFTextObj_GetFont, address, address),
    )
