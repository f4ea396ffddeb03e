"""Plain text: bytes to lines, with the encodings real spec files arrive in."""

from __future__ import annotations

import codecs

from classspec.document import Document, Line, SourceFormat, lines_from_text
from classspec.errors import InputError
from classspec.lazyre import lazy_compile

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in a text document; many of them mean binary data.
_BINARY_CONTROLS = set(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
}
# The same characters as a regex class: found and dropped in C, not one Python step a character.
_CONTROL_CHARS = lazy_compile("[" + "".join(f"\\x{code:02x}" for code in sorted(_BINARY_CONTROLS)) + "]")


def decode(data: bytes, path: str | None = None) -> str:
    """Decode by BOM, else UTF-8, else UTF-8 with the bytes that are not UTF-8 read as
    cp1252 (what Word and old Windows tools write; files edited by both hold both),
    else whatever charset-normalizer finds. Text that was decoded wrongly once before
    it was saved ("CityÂ’s") is repaired by ftfy."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable text ({encoding} with BOM): {exc.reason}", path) from None
    sample = data[:4096]
    utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    # NUL padding at the end (old systems) and a stray NUL or two are dropped; NULs
    # anywhere else mean binary data.
    data = data.rstrip(b"\x00")
    if data.count(b"\x00") > 2:
        raise InputError("binary file (NUL bytes), not text", path)
    try:
        return repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Some UTF-8 among the cp1252 (a multi-byte character makes the decoded text shorter
    # than its bytes; each stray byte stays one escape): read each as what it is.
    if len(data.decode("utf-8", errors="surrogateescape")) < len(data):
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
    else:
        text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100) or not _western(text):
        guessed = _guess_charset(data)
        if guessed is not None:
            return guessed
        if text.count("\ufffd") > max(8, len(text) // 100):
            raise InputError("undecodable text (neither UTF-8 nor cp1252)", path)
    return repair_mojibake(text)


def _western(text: str) -> bool:
    """Whether text read as cp1252 looks like it: Western text is mostly ASCII letters
    with an accent here and there; Cyrillic or Greek bytes read as cp1252 are all accents."""
    sample = text[:20000]
    if len(sample) - len(sample.encode("ascii", errors="ignore")) < 20:
        return True
    accented = sum(map(str.isalpha, _ASCII_RUNS.sub("", sample)))
    if accented < 20:
        return True
    # The ASCII letters counted in C: a findall would build a string for each of them.
    ascii_letters = len(sample.encode("ascii", errors="ignore").translate(None, _NOT_ASCII_LETTERS))
    return accented < 0.3 * (accented + ascii_letters)


_ASCII_RUNS = lazy_compile(r"[\x00-\x7f]+")
_NOT_ASCII_LETTERS = bytes(byte for byte in range(128) if not chr(byte).isalpha())


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (U+FFFD for the
    five bytes cp1252 leaves undefined), and decoding goes on as UTF-8 after it."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start : error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


_CP1252_FALLBACK = "classspec-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)

# UTF-8 read as cp1252/latin-1 leaves these pairs: "Ã©" for é, "Â " for a no-break
# space, "â€™" for ’. Only text that has one is handed to ftfy (it is slow on clean text).
_MOJIBAKE_MARKERS = lazy_compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152-\u0178]|\u00e2\u20ac")


def repair_mojibake(text: str) -> str:
    suspect = "\u00c2" in text or "\u00c3" in text or "\u00e2\u20ac" in text  # str.find is fast
    if not suspect or not _MOJIBAKE_MARKERS.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def _guess_charset(data: bytes) -> str | None:
    """Neither UTF-8 nor cp1252: let charset-normalizer find the encoding (Latin-2,
    Shift-JIS, KOI8-R ...). None when it finds no plausible one."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "cp1252"):
        return None
    return str(best)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 that Windows tools wrote without a BOM: ASCII text with a NUL in every
    other byte (odd positions for little-endian, even for big-endian)."""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    odd_nuls = sample[1 : 2 * pairs : 2].count(0)
    even_nuls = sample[0 : 2 * pairs : 2].count(0)
    if odd_nuls > 0.9 * pairs and even_nuls < 0.1 * pairs:
        return "utf-16-le"
    if even_nuls > 0.9 * pairs and odd_nuls < 0.1 * pairs:
        return "utf-16-be"
    return None


def normalize_newlines(text: str) -> str:
    """CRLF/CR to LF; form feeds become line breaks so page debris splits cleanly."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def check_text(text: str, path: str | None) -> None:
    if not text.strip():
        raise InputError("empty file (no text)", path)
    sample = text[:8192]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(4, len(sample) // 200):
        raise InputError("binary file, not text", path)


# "## Duties": a plain-text file written with Markdown's heading marks (an export, a
# note saved as .txt) says which lines are headings and at what level.
_HEADING_MARK = lazy_compile(r"[ ]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>\S.*?)(?:[ \t]+#+)?[ \t]*")
MARKED_HEADINGS = 2  # one '# ' line may be a comment or a number; two are a convention


def marked_headings(lines: list[Line]) -> list[Line]:
    """The lines with Markdown heading marks read as heading levels, when the text uses them."""
    found = {
        i: m
        for i, ln in enumerate(lines)
        if ln.text[:4].lstrip().startswith("#") and (m := _HEADING_MARK.fullmatch(ln.text))
    }
    if len(found) < MARKED_HEADINGS:
        return lines
    return [
        Line(m.group("text"), ln.number, ln.page, heading=len(m.group("marks")))
        if (m := found.get(i))
        else ln
        for i, ln in enumerate(lines)
    ]


def read_text(data: bytes, path: str | None, sha256: str) -> Document:
    text = normalize_newlines(decode(data, path))
    check_text(text, path)
    text = _CONTROL_CHARS.sub("", text)
    lines = marked_headings(lines_from_text(text)) if "#" in text else lines_from_text(text)
    return Document(lines=lines, format=SourceFormat.text, sha256=sha256, path=path)
