"""What every template parser provides, and the marker scoring `auto` detection uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from classspec.builder import RecordBuilder
from classspec.document import Document
from classspec.model import Jurisdiction
from classspec.parsers.prefilter import found_in

# Detection looks at the start and the end of a document: headers and footers carry
# the template's fingerprints, and a huge file should not cost a full scan.
DETECT_HEAD_LINES = 400
DETECT_TAIL_LINES = 60


@dataclass(frozen=True, slots=True)
class Marker:
    """A fingerprint of a template: its regex and how much it says (0..1)."""

    name: str
    pattern: re.Pattern[str]
    weight: float


def marker(name: str, regex: str, weight: float, flags: int = re.I | re.M) -> Marker:
    return Marker(name, re.compile(regex, flags), weight)


@dataclass(slots=True)
class Detection:
    parser: str
    confidence: float
    markers: list[str] = field(default_factory=list)


def detection_text(doc: Document) -> str:
    lines = doc.lines
    if len(lines) > DETECT_HEAD_LINES + DETECT_TAIL_LINES:
        lines = lines[:DETECT_HEAD_LINES] + lines[-DETECT_TAIL_LINES:]
    return "\n".join(line.text for line in lines)


class TemplateParser:
    """Base class: a parser is its id, its default jurisdiction, its markers and `build`."""

    id: str = ""
    description: str = ""
    jurisdiction: Jurisdiction | None = None
    markers: tuple[Marker, ...] = ()

    def detect(self, doc: Document, text: str | None = None) -> Detection:
        text = detection_text(doc) if text is None else text
        found = [m for m in self.markers if found_in(m.pattern, text)]
        score = min(1.0, sum(m.weight for m in found))
        return Detection(self.id, round(score, 3), [m.name for m in found])

    def parse(self, doc: Document) -> list[RecordBuilder]:
        raise NotImplementedError

    def new_record(self, doc: Document, jurisdiction: Jurisdiction | None = None) -> RecordBuilder:
        return RecordBuilder(doc, self.id, jurisdiction or self.jurisdiction)
