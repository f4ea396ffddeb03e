"""Any other template: headings found by a shared lexicon of section names.
(Outline: the full lexicon and title/code rules replace this.)"""

from __future__ import annotations

from classspec.builder import RecordBuilder
from classspec.document import Document
from classspec.parsers.base import Detection, TemplateParser, detection_text, marker
from classspec.sections import text_block


class GenericParser(TemplateParser):
    id = "generic"
    description = "Any template, by a lexicon of common section names"
    markers = (
        marker(
            "definition heading",
            r"^\s*(?:definition|general definition|purpose of classification|nature of work)\s*:?\s*$",
            0.3,
        ),
        marker(
            "duties heading",
            r"^\s*(?:examples of duties|essential (?:functions|duties)|typical (?:tasks|examples of work))\s*:?\s*$",
            0.3,
        ),
        marker(
            "qualifications heading",
            r"^\s*(?:minimum qualifications|education and experience|training and experience|qualification guidelines|recruiting standards)\s*:?\s*$",
            0.3,
        ),
        marker("knowledge heading", r"^\s*knowledge,? skills,? and abilities|^\s*knowledge of\s*:?\s*$", 0.2),
    )

    def detect(self, doc: Document, text: str | None = None) -> Detection:
        return super().detect(doc, detection_text(doc) if text is None else text)

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        record.other(None, text_block(doc.lines))
        return [record]
