"""The SUCSS code table: one row per class of the series (code, title, occupational
area, work area, probation, effective date, last action), the authority on which
classes a series file defines, with the range checks the SUCSS rules allow."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import text_block
from classspec.normalize import iso_date, title_case

BANNER = lazy_compile(r"State Universities|Civil Service System|Class Specification|^Page \d", re.I)
CODE = r"\d{4,5}[A-Z]?"
# A code table row after tabs are collapsed (a PDF may give spaces only):
# code, title, occupational area, work area, probation ("6 mo."), effective date, last action.
TABLE_ROW = lazy_compile(
    rf"(?P<code>{CODE})\s+(?P<title>[A-Za-z].*?)"
    r"(?:\s+(?P<occupational_area>\d{1,2})\s+(?P<work_area>\d{1,3})"
    r"(?:\s+(?P<probation>\d{1,2})\s*(?P<unit>mo(?:nths?|s)?|yrs?|years?)\.?)?"
    r"(?:\s+(?P<date>\d{1,2}/\d{1,2}/\d{2,4}))?"
    r"(?:\s+(?P<action>[A-Za-z].*))?)?"
)
# The SUCSS rules allow these only: a probation of 6 or 12 months, and occupational
# areas 01 (Professional) to 16 (Unskilled Trades). Anything else is a misread row.
PROBATION_MONTHS = (6, 12)
OCCUPATIONAL_AREAS = {f"{n:02d}" for n in range(1, 17)}
TABLE_HEADER_WORDS = lazy_compile(r"\b(?:Code\s+No|Class\s+Title|Occ\.|Prob\.|Effective|Last)\b", re.I)
LEVEL_WORDS = lazy_compile(r"(?P<level>[IVX]+|Trainee|Apprentice|Senior|Lead)$")


@dataclass(slots=True)
class Level:
    """One class of the series, as the code table or a level heading names it."""

    code: str | None
    title: str | None
    row: Line | None = None
    fields: dict[str, str] = field(default_factory=dict)
    record: RecordBuilder | None = None  # the level's own values (see levels.Series)

    @property
    def level(self) -> str | None:
        found = LEVEL_WORDS.search(self.title or "")
        return found.group("level") if found else None


def titled(levels: list[Level], text: str) -> Level | None:
    wanted = collapse(text).lower()
    return next((level for level in levels if level.title and level.title.lower() == wanted), None)


def read_code_table(record: RecordBuilder, lines: list[Line]) -> list[Level]:
    """The header: the series name, the code table (one row per class, kept verbatim
    in other_sections), anything else as shared text."""
    levels: list[Level] = []
    table: list[Line] = []
    others: list[Line] = []
    content = [ln for ln in lines if not ln.blank]
    name: Line | None = None
    for line in content:
        text = collapse(line.text)
        row = TABLE_ROW.fullmatch(text)
        header_word = TABLE_HEADER_WORDS.search(text)
        if name is None and not table and not row and not header_word and not BANNER.search(text):
            name = line
        elif row:
            table.append(line)
            fields = {k: v for k, v in row.groupdict().items() if v}
            levels.append(Level(fields["code"], title_case(fields["title"]), line, fields))
        elif header_word and not levels:
            table.append(line)
        else:
            others.append(line)
    if name is not None:
        # The document's name is the series, unless it is the one class's own title.
        record.use(name)
        if titled(levels, name.text) is None:
            record.set("series", title_case(collapse(name.text)), name)
    if table:
        record.other("Code table", Piece("\n".join(collapse(ln.text) for ln in table), tuple(table)))
    if others:
        record.other(None, text_block(others))
    return levels


def read_identity(level: Level) -> None:
    """The class's code, title, level, areas, probation and date from its table row."""
    record = level.record
    row = level.row
    record.set("class_code", level.code, row)
    record.set("title", level.title, row)
    record.set("level", level.level, row)
    area = level.fields.get("occupational_area")
    if area is not None and area.zfill(2) not in OCCUPATIONAL_AREAS:
        record.warn(f"occupational area {area!r} in the code table is not one of 01-16; not exported")
    elif area is not None:
        record.set("taxonomy.occupational_area", area, row)
    record.set("taxonomy.work_area", level.fields.get("work_area"), row)
    if "probation" in level.fields:
        months = int(level.fields["probation"])
        unit = level.fields.get("unit", "mo").lower()
        months = months * 12 if unit.startswith("y") else months
        if months in PROBATION_MONTHS:
            record.set("probation_months", months, row)
        else:
            record.warn(f"probation of {months} months in the code table is not 6 or 12; not exported")
    date = level.fields.get("date")
    # "00/00/00" is the template's placeholder for a date never filled in.
    if date and any(ch not in "0/" for ch in date):
        effective = iso_date(date)
        if effective:
            record.set("dates.effective", effective, row)
        else:
            record.warn(f"effective date {date!r} in the code table is not a date")
