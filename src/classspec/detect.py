"""`auto`: every parser scores the document on its own markers; the best one wins.

The generic parser scores on structure alone (a title and recognisable section
headings), so it takes what no template claims, and a document it cannot score at
all is refused as not a class specification.
"""

from __future__ import annotations

from classspec.document import Document
from classspec.errors import NotASpecError
from classspec.parsers import PARSERS
from classspec.parsers.base import Detection, detection_text

# A template must beat this to be chosen over the generic parser.
TEMPLATE_THRESHOLD = 0.5


def score_all(doc: Document) -> list[Detection]:
    text = detection_text(doc)
    results = [parser.detect(doc, text) for parser in PARSERS.values()]
    return sorted(results, key=lambda d: (-d.confidence, d.parser))


def detect(doc: Document) -> Detection:
    """The parser `auto` chooses, or NotASpecError for a document with no spec structure."""
    results = score_all(doc)
    templates = [d for d in results if d.parser != "generic"]
    generic = next(d for d in results if d.parser == "generic")
    if templates and templates[0].confidence >= TEMPLATE_THRESHOLD:
        return templates[0]
    if generic.confidence > 0:
        return generic
    raise NotASpecError("not a class specification (no title and no recognisable section headings)", doc.path)
