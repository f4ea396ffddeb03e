"""Norfolk's tables: rows with tab-separated cells (or the runs of spaces a PDF leaves),
code legends, the strength category marked X, the physical and non-physical demand
tables with frequency codes, environmental factors, work locations and equipment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import cells, items, text_block
from classspec.normalize import environment_frequency, frequency, strength
from classspec.parsers.fields import heading_piece
from classspec.parsers.requirement_kinds import qualification_kind_of_label
from classspec.sections import Section

# Labels Norfolk prints in CLASS REQUIREMENTS, so that a PDF row without tabs still splits.
KNOWN_REQUIREMENT_LABELS = (
    r"Formal Education\s*/\s*Knowledge",
    r"Experience",
    r"Certifications and Other Requirements",
    r"Reading",
    r"Math(?:ematics)?",
    r"Writing",
    r"Managerial",
    r"Budget Responsibility",
    r"Supervisory\s*/\s*Organizational Control",
    r"Complexity",
    r"Interpersonal\s*/\s*Human Relations Skills",
)
_KNOWN_LABEL = lazy_compile(
    rf"(?P<label>{'|'.join(KNOWN_REQUIREMENT_LABELS)})\s*[:\t]?\s+(?P<text>\S.*)", re.I
)
ENVIRONMENT_WORDS = {
    "d": "daily",
    "w": "several times per week",
    "m": "several times per month",
    "s": "seasonally",
    "n": "never",
}
_CELL_GAP = lazy_compile(r"\t| {2,}")
_CODE_AT_END = lazy_compile(r"\s+\b([DWMSN])$")
_DUTY_ROW = lazy_compile(r"(?:(?P<number>\d{1,3})[.)]?\s+)?(?P<code>VH|[SLMH])\s+(?P<text>\S.*)")
_DEMAND_ROW = lazy_compile(r"(?P<name>\S.*?)\s+(?P<code>[CFORN])(?:\s+(?P<note>\S.*))?")
_LEGEND_CODE = lazy_compile(r"\b(?P<code>[A-Z]{1,2})\s*=\s*")
_STRENGTH_MARK = lazy_compile(r"\b(?P<level>Very\s+Heavy|Sedentary|Light|Medium|Heavy)\s+X\b", re.I)
_RULER = lazy_compile(r"[-\u2013\u2014_=\s]*")
_FOOTNOTE = lazy_compile(r"[-\u2013\u2022*]?\s*\((?P<n>\d{1,2})\)\s*(?P<text>.*)")
_UNUSED_OTHER = lazy_compile(r"Other\s*\((?:specify|see \d+ below)\)", re.I)
_NOTHING = lazy_compile(r"(?:N/?A|None(?: required)?|Not applicable)\.?", re.I)
# Column headers of the template's tables.
TABLE_HEADERS = (
    "(?:physical )?strength code",
    "frequency code",
    "description",
    "class requirements",
    "health and safety",
    "environmental factors",
    "physical demands",
    "non-physical demands",
    "primary work location",
    "essential functions",
)
_HEADER_WORDS = lazy_compile(rf"(?:{'|'.join(TABLE_HEADERS)})", re.I)
_HEADER_ROW = lazy_compile(rf"(?:(?:{'|'.join(TABLE_HEADERS)})\s*){{2,}}", re.I)
_MARKED = lazy_compile(r"x|\u2713|\u2714|yes", re.I)


def row_cells(line: Line) -> list[str]:
    """A table row's cells: tabs as the readers write them, or the runs of spaces a PDF
    leaves between columns. Trailing empty cells are dropped; inner ones kept."""
    found = cells(line) if "\t" in line.text else [collapse(c) for c in _CELL_GAP.split(line.stripped)]
    while found and not found[-1]:
        found.pop()
    while found and not found[0]:
        found.pop(0)
    return found


def flat(line: Line) -> str:
    return collapse(line.text)


def is_ruler(line: Line) -> bool:
    return bool(_RULER.fullmatch(line.text))


def _legend(line: Line) -> dict[str, str] | None:
    """A legend row ('D = Daily<tab>W = Several Times Per Week ...') as code -> meaning;
    the codes may share a cell when a PDF gap was too narrow to become a tab."""
    text = flat(line)
    codes = list(_LEGEND_CODE.finditer(text))
    # a wrapped legend goes on mid-sentence ('time. O = Occasionally ...'): two codes tell it
    if not codes or (codes[0].start() != 0 and len(codes) < 2):
        return None
    ends = [m.start() for m in codes[1:]] + [len(text)]
    meanings = {
        m.group("code").lower(): text[m.end() : end].strip() for m, end in zip(codes, ends, strict=True)
    }
    return {code: meaning for code, meaning in meanings.items() if meaning}


def is_header(line: Line) -> bool:
    """A column-header row: every cell is one of the template's column names."""
    found = [cell for cell in row_cells(line) if cell]
    if found and all(_HEADER_WORDS.fullmatch(cell) for cell in found):
        return True
    return bool(_HEADER_ROW.fullmatch(flat(line)))  # the cells ran together in a PDF


def leftover(record: RecordBuilder, section: Section, lines: Sequence[Line]) -> None:
    """File lines no rule took under the section's heading, rulers and header rows consumed."""
    rest: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if is_ruler(line) or is_header(line):
            record.use(line)
        elif (footnote := _FOOTNOTE.fullmatch(line.stripped)) and not footnote.group("text").strip():
            record.use(line)  # an empty footnote placeholder: '- (1)'
        else:
            rest.append(line)
    for paragraph in items(rest, keep_markers=True):
        record.other(heading_piece(section), paragraph)
    record.use(section.heading)


def _empty_other(name: str, note: str, level: object) -> bool:
    """The template's 'Other (specify)' row left empty: no demand to read."""
    return bool(_UNUSED_OTHER.fullmatch(name)) and not note and level in (None, "never")


def legend_row(record: RecordBuilder, section: Section, line: Line) -> dict[str, str] | None:
    legend = _legend(line)
    if legend is not None:
        text = "\n".join(cell for cell in row_cells(line) if cell)
        record.other(heading_piece(section), Piece(text, (line,)))
    return legend


def strength_demands(record: RecordBuilder, section: Section) -> None:
    rest: list[Line] = []
    for line in section.lines:
        if line.blank or legend_row(record, section, line) is not None:
            continue
        marked = _STRENGTH_MARK.search(flat(line))
        if marked and not record.has("physical_demands.strength"):
            level = strength(marked.group("level"))
            record.set("physical_demands.strength", level.value if level else None, line)
            record.use(line)
        else:
            rest.append(line)
    leftover(record, section, rest)


def physical_demands(record: RecordBuilder, section: Section) -> None:
    rest: list[Line] = []
    notes: list[Line] = []
    for line in section.lines:
        if line.blank or legend_row(record, section, line) is not None:
            continue
        if is_ruler(line) or is_header(line):
            rest.append(line)
            continue
        row = demand_row(line)
        if row is None:
            notes.append(line)
            continue
        name, code, note = row
        level = frequency(code)
        if _empty_other(name, note, level):
            record.use(line)
            continue
        item = {"name": name, "frequency": level.value if level else None, "note": note or None}
        record.add("physical_demands.items", item, line, frequency=line, note=line)
    if notes:
        text = text_block(notes)
        record.set("physical_demands.text", text.text, text)
    leftover(record, section, rest)


def demand_row(line: Line) -> tuple[str, str, str] | None:
    """(name, frequency code, note) of a demand-table row, or None for prose."""
    found = row_cells(line)
    if len(found) >= 2 and frequency(found[1]) is not None and len(found[1]) <= 2:
        return found[0], found[1], " ".join(c for c in found[2:] if c)
    if len(found) == 1:
        row = _DEMAND_ROW.fullmatch(found[0])
        if row and len(row.group("name").split()) <= 6:
            return row.group("name"), row.group("code"), row.group("note") or ""
    return None


def equipment_list(record: RecordBuilder, section: Section) -> None:
    lines = ([Line(section.inline.text, section.inline.lines[0].number)] if section.inline else []) + [
        line for line in section.lines if not line.blank
    ]
    for item in items(lines):
        if _NOTHING.fullmatch(item.text):
            record.use(item.lines)
            continue
        for entry in _split_list(item.text):
            record.add("equipment", entry, item)


def environment_table(record: RecordBuilder, section: Section) -> None:
    words = dict(ENVIRONMENT_WORDS)
    legend_lines: list[Line] = []  # cited with each entry: they hold the code's word
    rest: list[Line] = []
    for line in section.lines:
        if line.blank:
            continue
        legend = legend_row(record, section, line)
        if legend is not None:
            words.update({code: meaning.lower() for code, meaning in legend.items()})
            legend_lines = [line]
            continue
        pairs = exposure_pairs(line)
        if not pairs:
            rest.append(line)
            continue
        record.use(line)
        for name, code in pairs:
            if _empty_other(name, "", environment_frequency(code)):
                continue
            entry = f"{name}: {words.get(code.lower(), code)}"
            record.add("working_conditions", entry, [line, *legend_lines])
    leftover(record, section, rest)


def exposure_pairs(line: Line) -> list[tuple[str, str]]:
    """'Mechanical Hazards | N | Dirt and Dust | N' -> [(name, code), ...]."""
    # A code may share its name's cell ('Chemical Hazards N') where a gap was narrow.
    found = [part.strip() for cell in row_cells(line) for part in _CODE_AT_END.split(cell) if part.strip()]
    pairs: list[tuple[str, str]] = []
    for index in range(0, len(found) - 1, 2):
        name, code = found[index], found[index + 1]
        if not name and not code:
            continue
        if environment_frequency(code) is None or not name:
            return []
        pairs.append((name, code))
    leftover = found[len(pairs) * 2 :]
    return pairs if pairs and not any(leftover) else []


def location_table(record: RecordBuilder, section: Section) -> None:
    rest: list[Line] = []
    for line in section.lines:
        if line.blank:
            continue
        found = row_cells(line)
        if len(found) == 1:
            spaced = re.fullmatch(r"(?P<name>.+?)\s+(?P<mark>X|--|-)", found[0])
            found = [spaced.group("name"), spaced.group("mark")] if spaced else found
        if len(found) == 2 and (_MARKED.fullmatch(found[1]) or _RULER.fullmatch(found[1])):
            record.use(line)
            if _MARKED.fullmatch(found[1]):
                record.add("working_conditions", found[0], line)
        else:
            rest.append(line)
    leftover(record, section, rest)


def nonphysical_table(record: RecordBuilder, section: Section) -> None:
    rest: list[Line] = []
    legend_lines: list[Line] = []  # cited with each entry: they hold the code's word
    for line in section.lines:
        if line.blank:
            continue
        if legend_row(record, section, line) is not None:
            legend_lines = [line]
            continue
        row = None if is_header(line) or is_ruler(line) else demand_row(line)
        if row is None:
            rest.append(line)
            continue
        name, code, note = row
        level = frequency(code)
        if _empty_other(name, note, level):
            record.use(line)
            continue
        word = level.value if level else code
        text = f"{name}: {word}" + (f" ({note})" if note else "")
        value = {"name": name, "text": text, "level": word, "required_at_entry": None}
        cited = [line, *legend_lines]
        record.add("other_requirements", value, cited, name=line, level=cited)
    leftover(record, section, rest)


def _split_list(text: str) -> list[str]:
    """'Copy machine, fax machine, and printer.' -> entries; commas inside parentheses stay."""
    entries: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char in ",;" and depth == 0:
            entries.append(current)
            current = ""
        else:
            current += char
    entries.append(current)
    cleaned = [re.sub(r"^(?:and|or)\s+", "", entry.strip()).rstrip(".").strip() for entry in entries]
    return [entry for entry in cleaned if entry]


def requirements_table(record: RecordBuilder, section: Section) -> None:
    """CLASS REQUIREMENTS: education / experience / certification rows are minimum
    qualifications (and, labelled, its text); every other row a named requirement."""
    rows: list[tuple[str, list[str], list[Line]]] = []
    rest: list[Line] = []
    for line in section.lines:
        if line.blank:
            continue
        found = row_cells(line)
        known = _KNOWN_LABEL.fullmatch(flat(line)) if len(found) < 2 else None
        if known:
            found = [known.group("label"), known.group("text")]
        if len(found) >= 2 and not is_header(line) and len(found[0].split()) <= 8:
            rows.append((found[0], [" ".join(c for c in found[1:] if c)], [line]))
        elif rows and not is_header(line) and not is_ruler(line):
            rows[-1][1].append(flat(line))  # the wrapped rest of the row above
            rows[-1][2].append(line)
        else:
            rest.append(line)
    qualification_text: list[Piece] = []
    for label, texts, lines in rows:
        text = collapse(" ".join(texts))
        piece = Piece(text, tuple(lines))
        # CLASS REQUIREMENTS labels that name a kind are minimum qualifications; other
        # labels are named requirements.
        kind = qualification_kind_of_label(label)
        if kind is None:
            value = {"name": label, "text": text, "level": None, "required_at_entry": None}
            record.add("other_requirements", value, piece, name=lines[:1])
            continue
        record.add(f"minimum_qualifications.{kind}", text, piece)
        qualification_text.append(piece.with_text(f"{label}: {text}"))
    if qualification_text and not record.has("minimum_qualifications.text"):
        whole = Piece.join(qualification_text, sep="\n\n")
        record.set("minimum_qualifications.text", whole.text, whole)
    leftover(record, section, rest)
