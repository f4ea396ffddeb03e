"""The library API the CLI is a thin layer over."""

from __future__ import annotations

import hashlib
import os

from classspec.builder import RecordBuilder, finish_records
from classspec.detect import detect
from classspec.document import Document
from classspec.errors import NotASpecError
from classspec.model import ClassSpec
from classspec.parsers import get_parser
from classspec.parsers.base import Detection
from classspec.readers import DEFAULT_MAX_BYTES, read_bytes, read_path


def parse_document(doc: Document, parser: str = "auto", *, provenance: bool = False) -> list[ClassSpec]:
    unmarked = None
    if parser == "auto":
        detection = detect(doc)
        parser_id, confidence = detection.parser, round(detection.confidence, 3)
    else:
        # A parser the user named is taken as given where the document bears any of
        # its template's markers (a short or damaged spec may show only one or two);
        # where it bears none, the result is suspect (see _unmarked).
        parser_id, confidence = parser, 1.0
        if parser != "generic":
            forced = get_parser(parser).detect(doc)
            if not forced.markers:
                unmarked, confidence = forced, 0.0
    builders = get_parser(parser_id).parse(doc)
    if not builders:
        raise NotASpecError(f"no class found by the {parser_id} parser", doc.path)
    if unmarked is not None:
        _unmarked(doc, builders, unmarked)
    return finish_records(builders, provenance=provenance, confidence=confidence)


def _unmarked(doc: Document, builders: list[RecordBuilder], forced: Detection) -> None:
    """A template forced on a document without its markers: the template's own
    jurisdiction is not stamped on another employer's spec (the document's text names
    its own, or it stays unknown), and a warning says what auto would have chosen."""
    from classspec.jurisdiction import jurisdiction_from_text

    try:
        chosen = detect(doc).parser
    except NotASpecError:
        chosen = None
    named = jurisdiction_from_text(doc.lines)
    instead = f"; auto would choose {chosen}" if chosen and chosen != forced.parser else ""
    message = (
        f"parser {forced.parser} was forced but the document has none of its template's "
        f"markers{instead}: check every field"
    )
    for builder in builders:
        builder.claim(named[0] if named else None)
        builder.warn(message)


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
