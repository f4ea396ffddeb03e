"""What every template parser provides, and the marker scoring `auto` detection uses."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from classspec.builder import RecordBuilder
from classspec.document import Document, Line
from classspec.lazyre import lazy_compile
from classspec.model import Jurisdiction
from classspec.parsers import fields
from classspec.regex_prefilter import found_in
from classspec.sections import HeadingRule, Section, heading, split_sections
from classspec.vocabulary import template_names

# Detection looks at the start and the end of a document: headers and footers carry
# the template's fingerprints, and a huge file should not cost a full scan.
DETECT_HEAD_LINES = 400
DETECT_TAIL_LINES = 60


def template_heading(template: str, key: str, **options: Any) -> HeadingRule:
    """The rule for one of a template's sections, under the names the vocabulary file
    gives that template for it (`inline`, `note` … as for `sections.heading`)."""
    return heading(key, *template_names(template, key), **options)


@dataclass(frozen=True, slots=True)
class Marker:
    """A fingerprint of a template: its regex and how much it says (0..1)."""

    name: str
    pattern: re.Pattern[str]
    weight: float


def marker(name: str, regex: str, weight: float, flags: int = re.I | re.M) -> Marker:
    return Marker(name, lazy_compile(regex, flags), weight)


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


class Reading(dict[str, fields.SectionReader]):
    """The section readers of one document (section key -> reader). A template whose
    readers carry something from one section to another (Philadelphia's class history,
    read in parts, and whether a header was seen) subclasses it to hold that, with
    bound methods among its readers; `finish` runs when every section is read, and
    gives the document's records: the one record, or one per class of a series
    (`levels.Series`)."""

    def finish(self, record: RecordBuilder, sections: Sequence[Section]) -> list[RecordBuilder]:
        """What the document's sections say together, once all are read."""
        return [record]


class TemplateParser:
    """A template is a table: its id, default jurisdiction and markers; `LINE_FIELDS`
    (labelled one-line fields taken out of the flow, read by `LINE_READERS`);
    `HEADINGS` (the heading rules that cut it into sections) and `FIELDS` (section key
    -> a field reader from `parsers.fields`, or the template's own). `parse` runs the
    table; a section whose key has no reader goes to other_sections. A template that
    is really special overrides its hooks: `take_line_fields` (a pre-pass over the
    lines), `sections`, `reading` (readers made per document) or `finish`."""

    id: str = ""
    jurisdiction: Jurisdiction | None = None
    markers: tuple[Marker, ...] = ()
    LINE_FIELDS: tuple[HeadingRule, ...] = ()
    LINE_READERS: Mapping[str, fields.LineReader] = {}
    HEADINGS: tuple[HeadingRule, ...] = ()
    FIELDS: Mapping[str, fields.SectionReader] = {}
    FIRST_KEY: str | None = None  # the key of the text before the first heading
    OTHER: fields.SectionReader = staticmethod(fields.other)  # a section no field takes

    def detect(self, doc: Document, text: str | None = None) -> Detection:
        text = detection_text(doc) if text is None else text
        found = [m for m in self.markers if found_in(m.pattern, text)]
        score = min(1.0, sum(m.weight for m in found))
        return Detection(self.id, round(score, 3), [m.name for m in found])

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        sections = self.sections(self.take_line_fields(record, doc.lines))
        reading = self.reading()
        for section in sections:
            record.use(section.heading)
            reading.get(section.key or "", self.OTHER)(record, section)
        records = reading.finish(record, sections)
        for each in records:
            self.finish(each)
        return records

    def reading(self) -> Reading:
        """The section readers of one document: `FIELDS`, or per document where a
        template's readers carry something from one section to another."""
        return Reading(self.FIELDS)

    def take_line_fields(self, record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
        """Read the one-line fields; the lines left are cut into sections."""
        if not self.LINE_FIELDS:
            return list(lines)
        return fields.take_line_fields(record, lines, self.LINE_FIELDS, self.LINE_READERS)

    def sections(self, lines: Sequence[Line]) -> list[Section]:
        return split_sections(lines, self.HEADINGS, first_key=self.FIRST_KEY)

    def finish(self, record: RecordBuilder) -> None:
        """Checks after all sections are read (warnings for what is missing)."""

    def new_record(self, doc: Document, jurisdiction: Jurisdiction | None = None) -> RecordBuilder:
        return RecordBuilder(doc, self.id, jurisdiction or self.jurisdiction)
