"""`auto`: every parser scores the document on its own markers; the best one wins.

A template parser scores the fingerprints of its template (headers, headings, footers
only it uses). The generic parser scores on structure alone (a title and recognisable
section headings), so it takes what no template claims, and a document it cannot
score at all (a recipe, a letter, noise) is refused as not a class specification.
"""

from __future__ import annotations

from collections.abc import Iterable

from classspec.document import Document
from classspec.errors import NotASpecError
from classspec.parsers import PARSERS
from classspec.parsers.base import Detection, detection_text

# A template must reach this to be chosen over the generic parser.
TEMPLATE_THRESHOLD = 0.5
# A runner-up template this close to the winner makes the choice uncertain: say so.
CLOSE_MARGIN = 0.15


def _ranked(results: Iterable[Detection]) -> list[Detection]:
    return sorted(results, key=lambda d: (-d.confidence, d.parser))


def detect(doc: Document) -> Detection:
    """The parser `auto` chooses, or NotASpecError for a document with no spec structure."""
    text = detection_text(doc)
    # The generic parser's structural score is the dearest and only matters when no
    # template claims the document, so it is computed only then.
    templates = _ranked(parser.detect(doc, text) for parser in PARSERS.values() if parser.id != "generic")
    if templates and templates[0].confidence >= TEMPLATE_THRESHOLD:
        best = templates[0]
        rival = templates[1] if len(templates) > 1 else None
        if rival and best.confidence - rival.confidence < CLOSE_MARGIN:
            # Two templates claim the document about equally: the confidence drops with the
            # gap between them (to half at a tie) and the rival is named, so a user checks.
            gap = best.confidence - rival.confidence
            confidence = round(best.confidence * (0.5 + gap / (2 * CLOSE_MARGIN)), 3)
            note = f"also close: {rival.parser} {rival.confidence:.2f}"
            return Detection(best.parser, confidence, [*best.markers, note])
        return best
    generic = PARSERS["generic"].detect(doc, text)
    if generic.confidence > 0:
        return generic
    raise NotASpecError("not a class specification (no title and no recognisable section headings)", doc.path)
