"""Rich Text Format: the control words stripped by striprtf, then read as plain text.

RTF is 7-bit text that escapes everything else (`\\'e9`, `\\u233?`) and declares its
code page; striprtf undoes the escapes and drops the control words and groups
(font tables, styles, pictures), leaving one line per paragraph (`\\par`). A file that
is RTF only in name (no `{\\rtf` header) is read as what it is.
"""

from __future__ import annotations

from classspec.document import Document
from classspec.errors import InputError
from classspec.lazyre import lazy_compile
from classspec.model import SourceFormat

RTF_MAGIC = b"{\\rtf"
_CODEPAGE = lazy_compile(rb"\\ansicpg(\d+)")


def read_rtf(data: bytes, path: str | None, sha256: str) -> Document:
    from striprtf.striprtf import rtf_to_text

    from classspec.document import lines_from_text
    from classspec.readers.text import _CONTROL_CHARS, check_text, normalize_newlines

    declared = _CODEPAGE.search(data[:4096])
    encoding = f"cp{int(declared.group(1))}" if declared else "cp1252"
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except LookupError:  # a code page Python does not know
        text = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    text = normalize_newlines(text)
    if not text.strip():
        raise InputError("RTF with no text", path)
    check_text(text, path)
    text = _CONTROL_CHARS.sub("", text)
    return Document(lines=lines_from_text(text), format=SourceFormat.rtf, sha256=sha256, path=path)
