"""The Philadelphia class history footer: "Class Established: 2/72", "Latest Spec.
Revision: CSC: 3/04, Ad Board: 5/04", consolidations, pay-rate changes, abolitions.

A spec is adopted by the Civil Service Commission (CSC) and then approved by the
Administrative Board, whose approval puts it into effect: `dates.revised` is the CSC
date of the latest revision, `dates.effective` its Ad Board date, `dates.established`
the (CSC) date the class was established.
"""

from __future__ import annotations

import re
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
    r"(?:spec\.?\s*rev(?:ision|ised)?s?\.?|(?:re-?\s?)?established|abolished|change\s+in\s+pay\s+rate"
    r"|consolidation|revised|revision)"
)
HISTORY_RULE = HeadingRule(
    "history",
    lazy_compile(
        rf"(?P<label>{_HISTORY_LABEL}[^:\d\u2013]{{0,80}}?)\s*[:\-\u2013]?\s*"
        r"(?P<rest>(?:CSC|Ad\.?\s*Board|\(|\d{1,2}\s*/).*)?",
        re.I,
    ),
)
_CSC = lazy_compile(r"\bCSC\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)
_AD_BOARD = lazy_compile(r"\bAd\.?,?\s*Board\b[\s:\-\u2013\u2011]*(?P<date>\d{1,2}\s*/{1,2}\s*\d{2,4})", re.I)


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
        csc = _CSC.search(text)
        board = _AD_BOARD.search(text)
        plain = iso_date(section.inline.text) if section.inline else None
        if plain is None and date_lines:
            plain = iso_date(date_lines[0].stripped)
        first = iso_date(csc.group("date")) if csc else plain
        reestablished = "re-" in label_text or "re " in label_text
        if "abolish" in label_text:
            self.abolished = True
        elif "established" in label_text and not reestablished:
            if not record.has("dates.established"):
                record.set("dates.established", first, date_lines or lines)
        elif "rev" in label_text:
            latest = "latest" in label_text
            if first and (latest or not self.latest_seen):
                record.set("dates.revised", first, date_lines or lines)
                if board:
                    record.set("dates.effective", iso_date(board.group("date")), date_lines or lines)
                self.latest_seen |= latest
        if reestablished:
            self.abolished = False
        record.use(lines)
        self.lines.extend(lines)

    def finish(self, record: RecordBuilder) -> None:
        if self.lines:
            # One section for the whole history (consolidations, pay-rate changes, abolitions).
            text = "\n".join(ln.stripped for ln in self.lines if not ln.blank)
            record.other("Class history", Piece(text, tuple(self.lines)))
        if self.abolished:
            record.warn("the class has been abolished (see the class history)")
