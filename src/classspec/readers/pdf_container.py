"""PDF container checks, made on the raw bytes before any PDF library parses them.

Neither pdfminer nor PDFium limits how far a compressed stream inflates, and a file
cut short reads as a few pages or as garbage: both are refused here with a reason.
The damaged-stream count tells a corrupt file from a scan when no text comes out.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from classspec.errors import InputError

DEFAULT_MAX_PAGES = 500
# Decoded-size caps for compressed streams, checked before a PDF library inflates them
# (neither does so with a limit). A class spec's content stream is kilobytes.
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_DECODED_BYTES = 256 * 1024 * 1024
MAX_TEXT_CHARS = 20_000_000

_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")
_STREAM = re.compile(rb">>\s*stream\r?\n")  # a stream keyword right after its dictionary


def check_container(data: bytes, path: str | None) -> int:
    """Refuse truncated files and decompression bombs before a PDF library sees them.

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


def describe(exc: Any) -> str:
    """An exception as `Type: first line of its message`, for one-line errors."""
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
