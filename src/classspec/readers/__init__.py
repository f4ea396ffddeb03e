"""Readers turn bytes into a `Document` (lines with provenance), one module per format.

The format is taken from the content where it can be sniffed (a PDF header, HTML
tags) and from the file extension otherwise, so a misnamed file still reads right
or fails with a reason that says what it really is.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from classspec.document import Document, SourceFormat
from classspec.errors import ClassSpecError, InputError
from classspec.lazyre import lazy_compile

# What a folder walk reads (and --help lists); .text and .markdown are read too.
READ_EXTENSIONS = (".txt", ".md", ".htm", ".html", ".docx", ".rtf", ".odt", ".pdf")
SUPPORTED_EXTENSIONS = (*READ_EXTENSIONS, ".text", ".markdown")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# The longest line (a paragraph, a table row) read. Real specs' longest paragraphs are
# a few thousand characters; a file that is one enormous line (a dump, minified data)
# would take the line-by-line engine minutes and gigabytes, so it is refused at once.
MAX_LINE_CHARS = 200_000
_HTML_SNIFF = lazy_compile(rb"<\s*(?:!doctype\s+html|html|head|body|meta|p|div|table)\b", re.I)
# What a Markdown file may start with that still makes it a web page saved as .md.
_HTML_PAGE = lazy_compile(rb"<\s*(?:!doctype\s+html|html)\b", re.I)
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOC_HINT = "convert it with `soffice --headless --convert-to docx FILE` (LibreOffice) and parse the .docx"


def sniff_format(data: bytes, path: str | None) -> SourceFormat:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    ext = Path(path).suffix.lower() if path else ""
    if head.startswith(b"%PDF-"):
        return SourceFormat.pdf
    if ext == ".pdf":
        raise InputError("not a PDF (no %PDF- header) although named .pdf", path)
    if data.startswith(_ZIP_MAGIC):
        from classspec.readers.odt import is_odt

        if is_odt(data):
            return SourceFormat.odt
        if ext == ".docx" or b"word/" in data[:65536]:
            return SourceFormat.docx
        if ext == ".odt":
            raise InputError("not an OpenDocument text (.odt) file (no ODF text mimetype)", path)
        raise InputError("a ZIP archive, not a document", path)
    if head.startswith(b"{\\rtf"):
        return SourceFormat.rtf
    if data.startswith(_OLE2_MAGIC) and ext != ".docx":
        # Word 97-2003 (.doc), and its kin saved under other names.
        raise InputError(f"old binary Word .doc, which classspec does not read: {DOC_HINT}", path)
    if ext == ".doc":
        raise InputError(f"a .doc file classspec does not read: {DOC_HINT}", path)
    if ext == ".docx":
        if data.startswith(_OLE2_MAGIC):
            raise InputError("encrypted (password-protected) Word file or old binary .doc, not .docx", path)
        raise InputError("not a Word .docx file (not a ZIP package)", path)
    if ext in MARKDOWN_EXTENSIONS and not _HTML_PAGE.match(head):
        return SourceFormat.markdown
    if ext in (".htm", ".html") or _HTML_SNIFF.search(head):
        return SourceFormat.html
    return SourceFormat.text


def read_bytes(
    data: bytes, path: str | None = None, *, max_pages: int | None = None, pdf_engine: str | None = None
) -> Document:
    doc = _read_bytes(data, path, max_pages=max_pages, pdf_engine=pdf_engine)
    longest = max((line for line in doc.lines), key=lambda line: len(line.text), default=None)
    if longest is not None and len(longest.text) > MAX_LINE_CHARS:
        raise InputError(
            f"line {longest.number} is {len(longest.text)} characters long (limit {MAX_LINE_CHARS}): "
            "not a spec as written; break the text into lines or paragraphs",
            path,
        )
    return doc


def _read_bytes(
    data: bytes, path: str | None = None, *, max_pages: int | None = None, pdf_engine: str | None = None
) -> Document:
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("empty file", path)
    fmt = sniff_format(data, path)
    if fmt is SourceFormat.pdf:
        from classspec.readers.pdf import read_pdf  # PDF libraries are heavy: import on demand

        return _guarded(read_pdf, "PDF", data, path, sha256, max_pages=max_pages, engine=pdf_engine)
    if fmt is SourceFormat.html:
        from classspec.readers.html import read_html

        return _guarded(read_html, "HTML", data, path, sha256)
    if fmt is SourceFormat.docx:
        from classspec.readers.docx import read_docx

        return _guarded(read_docx, "Word .docx", data, path, sha256)
    if fmt is SourceFormat.odt:
        from classspec.readers.odt import read_odt

        return _guarded(read_odt, "OpenDocument .odt", data, path, sha256)
    if fmt is SourceFormat.rtf:
        from classspec.readers.rtf import read_rtf

        return _guarded(read_rtf, "RTF", data, path, sha256)
    if fmt is SourceFormat.markdown:
        from classspec.readers.markdown import read_markdown

        return _guarded(read_markdown, "Markdown", data, path, sha256)
    from classspec.readers.text import read_text

    return read_text(data, path, sha256)


def _guarded(reader: Callable[..., Document], kind: str, data: bytes, path: str | None, *args, **kwargs):
    """Run a third-party-backed reader; whatever a damaged file makes it raise becomes an
    InputError naming the file (pdfminer alone raises a dozen unrelated exception types)."""
    try:
        return reader(data, path, *args, **kwargs)
    except ClassSpecError:
        raise
    except MemoryError:
        raise InputError(f"{kind} too large to read in memory (a decompression bomb?)", path) from None
    except RecursionError:
        raise InputError(f"{kind} nested too deeply to read", path) from None
    except Exception as exc:
        raise InputError(f"corrupt or unreadable {kind} ({type(exc).__name__}: {exc})", path) from exc


def display_path(path: str) -> str:
    """The path as text that can always be written out: file names that are not valid
    UTF-8 keep their bad bytes as \\x escapes instead of breaking the JSON writer."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_limited(name: str, max_bytes: int) -> bytes:
    """Up to max_bytes + 1 bytes of a file. Opened non-blocking so that a FIFO nobody
    writes to reads as empty instead of hanging the batch; `<(cmd)` still works."""
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", name)
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(f"file too large ({info.st_size} bytes; limit {max_bytes}, see --max-bytes)")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_path(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int | None = None,
    pdf_engine: str | None = None,
) -> Document:
    name = os.fspath(path)
    shown = display_path(name)
    try:
        data = _read_limited(name, max_bytes)
    except InputError as exc:
        raise InputError(exc.reason, shown) from None
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(name) else "no such file"
        raise InputError(reason, shown) from None
    except IsADirectoryError:
        raise InputError("is a directory", shown) from None
    except PermissionError:
        raise InputError("permission denied", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise InputError(f"invalid path ({exc})", shown) from None
    if len(data) > max_bytes:
        raise InputError(f"file too large (over {max_bytes} bytes, see --max-bytes)", shown)
    return read_bytes(data, shown, max_pages=max_pages, pdf_engine=pdf_engine)
