"""City of Norfolk. (Work in progress: the full parser replaces this outline.)"""

from __future__ import annotations

from classspec.builder import RecordBuilder
from classspec.document import Document
from classspec.parsers.base import TemplateParser
from classspec.sections import text_block


class NorfolkParser(TemplateParser):
    id = "norfolk"
    description = "City of Norfolk"

    def parse(self, doc: Document) -> list[RecordBuilder]:
        record = self.new_record(doc)
        record.other(None, text_block(doc.lines))
        return [record]
