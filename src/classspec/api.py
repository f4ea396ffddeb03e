"""The library API the CLI is a thin layer over."""

from __future__ import annotations

import hashlib
import os

from classspec.builder import finish_records
from classspec.detect import detect
from classspec.document import Document
from classspec.errors import NotASpecError
from classspec.model import ClassSpec
from classspec.parsers import get_parser
from classspec.readers import DEFAULT_MAX_BYTES, read_bytes, read_path


def parse_document(doc: Document, parser: str = "auto", *, provenance: bool = False) -> list[ClassSpec]:
    if parser == "auto":
        detection = detect(doc)
        parser_id, confidence = detection.parser, round(detection.confidence, 3)
    else:
        # A parser the user named is taken as given.
        parser_id, confidence = parser, 1.0
    builders = get_parser(parser_id).parse(doc)
    if not builders:
        raise NotASpecError(f"no class found by the {parser_id} parser", doc.path)
    return finish_records(builders, provenance=provenance, confidence=confidence)


def parse_bytes(
    data: bytes,
    path: str | None = None,
    parser: str = "auto",
    *,
    provenance: bool = False,
    max_pages: int | None = None,
    pdf_engine: str | None = None,
) -> list[ClassSpec]:
    doc = read_bytes(data, path, max_pages=max_pages, pdf_engine=pdf_engine)
    return parse_document(doc, parser, provenance=provenance)


def parse_text(
    text: str, path: str | None = None, parser: str = "auto", *, provenance: bool = False
) -> list[ClassSpec]:
    """Parse a spec given as a string (always read as plain text)."""
    from classspec.readers.text import read_text

    data = text.encode("utf-8")
    doc = read_text(data, path, hashlib.sha256(data).hexdigest())
    return parse_document(doc, parser, provenance=provenance)


def parse_file(
    path: str | os.PathLike[str],
    parser: str = "auto",
    *,
    provenance: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int | None = None,
    pdf_engine: str | None = None,
) -> list[ClassSpec]:
    """Read a .txt/.html/.pdf file and return one ClassSpec per class it defines.
    `pdf_engine`: "pdfium" (the default) or "pdfplumber"."""
    doc = read_path(path, max_bytes=max_bytes, max_pages=max_pages, pdf_engine=pdf_engine)
    return parse_document(doc, parser, provenance=provenance)


def read_file(path: str | os.PathLike[str], **options) -> Document:
    """The extracted lines of a file, as parsers see them (`classspec text`)."""
    return read_path(path, **options)
