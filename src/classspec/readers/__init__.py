"""Readers turn bytes into a `Document` (lines with provenance), one module per format.

The format is taken from the content where it can be sniffed (a PDF header, HTML
tags) and from the file extension otherwise, so a misnamed file still reads right
or fails with a reason that says what it really is.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from classspec.document import Document
from classspec.errors import InputError
from classspec.model import SourceFormat

SUPPORTED_EXTENSIONS = (".txt", ".text", ".htm", ".html", ".pdf")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_HTML_SNIFF = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|meta|p|div|table)\b", re.I)


def sniff_format(data: bytes, path: str | None) -> SourceFormat:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    ext = Path(path).suffix.lower() if path else ""
    if head.startswith(b"%PDF-"):
        return SourceFormat.pdf
    if ext == ".pdf":
        raise InputError("not a PDF (no %PDF- header) although named .pdf", path)
    if ext in (".htm", ".html") or _HTML_SNIFF.search(head):
        return SourceFormat.html
    return SourceFormat.text


def read_bytes(data: bytes, path: str | None = None, *, max_pages: int | None = None) -> Document:
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty file", path)
    fmt = sniff_format(data, path)
    if fmt is SourceFormat.pdf:
        from classspec.readers.pdf import read_pdf  # pdfplumber is heavy: import on demand

        return read_pdf(data, path, sha256, max_pages=max_pages)
    if fmt is SourceFormat.html:
        from classspec.readers.html import read_html

        return read_html(data, path, sha256)
    from classspec.readers.text import read_text

    return read_text(data, path, sha256)


def read_path(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int | None = None,
) -> Document:
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise InputError(f"file too large ({size} bytes; limit {max_bytes}, see --max-bytes)", name)
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > max_bytes:
        raise InputError(f"file too large (over {max_bytes} bytes, see --max-bytes)", name)
    return read_bytes(data, name, max_pages=max_pages)
