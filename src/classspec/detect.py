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
from classspec.lazyre import lazy_compile
from classspec.parsers import PARSERS
from classspec.parsers.base import Detection, detection_text

# A program's documentation shows sessions ("$ classspec parse ...", ">>> import x") and
# source code defines and imports ("def detect(", "from x import y"): no job document
# does either. Two such lines make software, whatever job words it quotes.
_SOFTWARE_STARTS = ("$ ", ">>> ", "def ", "import ", "from ", "class ", "#include ", "function ", "package ")
_SOFTWARE_LINE = lazy_compile(
    r"(?:[$] |>>> )[a-z]|def \w+\(|import [\w.]+$|from [\w.]+ import |class \w+[(:]|#include [<\"]"
    r"|function \w+\(|package [\w.]+;?$"
)
SOFTWARE_LINES = 2

# A template must reach this to be chosen over the generic parser.
TEMPLATE_THRESHOLD = 0.5
# A runner-up template this close to the winner makes the choice uncertain: say so.
CLOSE_MARGIN = 0.15


def _ranked(results: Iterable[Detection]) -> list[Detection]:
    return sorted(results, key=lambda d: (-d.confidence, d.parser))


def detect(doc: Document) -> Detection:
    """The parser `auto` chooses, or NotASpecError for a document with no spec structure."""
    if _software(doc):
        raise NotASpecError(
            "not a job document (software: source code or a program's documentation)", doc.path
        )
    text = detection_text(doc)
    # The generic parser's structural score is the dearest and only matters when no
    # template claims the document, so it is computed only then.
    templates = _ranked(parser.detect(doc, text) for parser in PARSERS.values() if parser.id != "generic")
    if templates and templates[0].confidence >= TEMPLATE_THRESHOLD and _mentioned(doc, templates[0]):
        templates = [t for t in templates if t.parser != templates[0].parser]
    if templates and templates[0].confidence >= TEMPLATE_THRESHOLD:
        best = templates[0]
        rival = templates[1] if len(templates) > 1 else None
        if rival and best.confidence - rival.confidence < CLOSE_MARGIN:
            # Two templates claim the document about equally: the confidence drops with the
            # gap between them (to half at a tie) and the rival is named, so a user checks.
            gap = best.confidence - rival.confidence
            confidence = round(best.confidence * (0.5 + gap / (2 * CLOSE_MARGIN)), 3)
            note = f"also close: {rival.parser} {rival.confidence:.2f}"
            doubt = f"two templates claim the document about equally ({best.parser}, {rival.parser})"
            if doubt not in doc.warnings:  # every record of the document says so
                doc.warnings.append(doubt)
            return Detection(best.parser, confidence, [*best.markers, note])
        return best
    generic = PARSERS["generic"].detect(doc, text)
    if generic.confidence > 0:
        return generic
    raise NotASpecError("not a class specification (no title and no recognisable section headings)", doc.path)


def _mentioned(doc: Document, claim: Detection) -> bool:
    """A template's fingerprints all on one line are a mention of the template (a README's
    table row "City of Philadelphia: GENERAL DEFINITION ... END OF JOB CLASS
    SPECIFICATION"), not the template: its documents spread them over header, headings
    and footer."""
    parser = PARSERS[claim.parser]
    found = [m for m in parser.markers if m.name in claim.markers]
    if len(found) < 2:
        return False
    first, rest = found[0], found[1:]
    # The first marker's lines are few: only they are tried for the others.
    return any(
        first.pattern.search(line.text) and all(m.pattern.search(line.text) for m in rest)
        for line in doc.lines
        if line.text
    )


def _software(doc: Document) -> bool:
    shown = 0
    for line in doc.lines:
        # The start settles most lines before the regex.
        if line.stripped.startswith(_SOFTWARE_STARTS) and _SOFTWARE_LINE.match(line.stripped):
            shown += 1
            if shown >= SOFTWARE_LINES:
                return True
    return False
