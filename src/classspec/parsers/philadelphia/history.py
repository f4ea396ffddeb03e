"""The Philadelphia class history footer: "Class Established: 2/72", "Latest Spec.
Revision: CSC: 3/04, Ad Board: 5/04", consolidations, pay-rate changes, abolitions.

A spec is adopted by the Civil Service Commission (CSC) and then approved by the
Administrative Board, whose approval puts it into effect: `dates.revised` is the CSC
date of the latest revision, `dates.effective` its Ad Board date, `dates.established`
the (CSC) date the class was established.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.normalize import iso_date
from classspec.parsers.philadelphia.common import CODE
from classspec.sections import HeadingRule, Section

_HISTORY_LABEL = (
    rf"(?:(?:{CODE}(?:\s*,\s*{CODE})*(?:\s*(?:and|&)\s*{CODE})?)\s*[-\u2013:]?\s*)?"
    r"(?:latest\s+|title\s+change\s+and\s+|class(?:es)?\s+|spec\.?\s+revision\s+and\s+)?"
    r"(?:spec\.?\s*rev(?:ision|ised)?s?\.?|spec\.?\s*changes?|(?:re-?\s?)?established|abolished|change\s+in\s+pay\s+rate"
    r"|consolidation|revised|revision)"
)
HISTORY_RULE = HeadingRule(
    "history",
    lazy_compile(
        rf"(?P<label>{_HISTORY_LABEL}[^:\d\u2013]{{0,80}}?)\s*(?:[:\-\u2013]\s*){{0,2}}"
        # The content: a CSC or Ad Board date, a note, a month/year, or a year alone ('2002').
        r"(?P<rest>(?:CSC|Ad\.?\s*Board|\(|\d{1,2}\s*/|(?:19|20)\d\d\b).*)?",
        re.I,
    ),
    # A history on one line (a PDF's text layer) runs past the heading length: its
    # label is short and the rest is its content.
    long=True,
)
_CSC = lazy_compile(r"\bCSC\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)
_AD_BOARD = lazy_compile(r"\bAd\.?,?\s*Board\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)

# Where the next entry of a history written on one line starts: a label right after the
# date that ends the entry before ('Class Established - 5/1958 Spec. Revision: 1/05 Spec
# Revision: CSC – 2/10; Ad. Board – 3/10 Latest Spec Revision: CSC – 12/16; ...').
_NEXT_ENTRY = lazy_compile(
    r"(?<=\d)[\s;,.)\-\u2013]*(?=(?:latest\s+)?spec\.?\s*(?:rev|change)|class(?:es)?\s+(?:re-?\s?)?established|class\s+revised"
    r"|(?:class\s+)?abolished|consolidat|change\s+in\s+pay\s+rate|title\s+change)",
    re.I,
)


@dataclass(slots=True)
class History:
    """What the history entries of one spec say, read in order."""

    lines: list[Line]
    abolished: bool = False  # abolished and not re-established since
    latest_seen: bool = False  # a "Latest Spec. Revision" entry was read: later ones do not count

    def read(self, record: RecordBuilder, section: Section) -> None:
        label = section.heading.text if section.heading else ""
        label_match = HISTORY_RULE.match(label)
        label_text = (label_match.group("label") if label_match else label).lower()
        lines = [*(section.heading.lines if section.heading else ()), *section.lines]
        text = " ".join(ln.stripped for ln in lines if not ln.blank)
        date_lines = [ln for ln in lines if not ln.blank and iso_date(ln.stripped)]
        source = date_lines or lines
        entries = _NEXT_ENTRY.split(text)
        if len(entries) > 1:
            # The whole history on one line (a PDF's text layer): each entry is read on
            # its own, in order, and cites that line.
            for entry in entries:
                entry_match = HISTORY_RULE.match(entry)
                entry_label = (entry_match.group("label") if entry_match else entry).lower()
                self._entry(record, entry_label, entry, iso_date(entry), source)
        else:
            plain = iso_date(section.inline.text) if section.inline else None
            if plain is None and date_lines:
                plain = iso_date(date_lines[0].stripped)
            self._entry(record, label_text, text, plain, source)
        record.use(lines)
        self.lines.extend(lines)

    def _entry(
        self, record: RecordBuilder, label_text: str, text: str, plain: str | None, source: Sequence[Line]
    ) -> None:
        """One history entry: its label ('latest spec. revision'), its text, the first
        date written in it, and the lines it cites."""
        csc = _CSC.search(text)
        board = _AD_BOARD.search(text)
        first = iso_date(csc.group("date")) if csc else plain
        reestablished = "re-" in label_text or "re " in label_text
        if "abolish" in label_text:
            self.abolished = True
        elif "established" in label_text and not reestablished:
            if not record.has("dates.established"):
                record.set("dates.established", first, source)
        elif "rev" in label_text or "spec" in label_text:  # 'Latest Spec. Changes' too
            latest = "latest" in label_text
            if first and (latest or not self.latest_seen):
                record.set("dates.revised", first, source)
                if board:
                    record.set("dates.effective", iso_date(board.group("date")), source)
                self.latest_seen |= latest
        if reestablished:
            self.abolished = False

    def finish(self, record: RecordBuilder) -> None:
        if self.lines:
            # One section for the whole history (consolidations, pay-rate changes, abolitions).
            text = "\n".join(ln.stripped for ln in self.lines if not ln.blank)
            record.other("Class history", Piece(text, tuple(self.lines)))
        if self.abolished:
            record.warn("the class has been abolished (see the class history)")
