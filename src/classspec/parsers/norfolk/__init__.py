"""City of Norfolk, VA: a code header ("City of Norfolk, Virginia Classification
Specification 200407") and adoption / revision dates, the class title (which may wrap),
BRIEF DESCRIPTION (or the summary paragraph with no heading, in the 2001 layout), an
ESSENTIAL FUNCTIONS table with physical strength codes, a CLASS REQUIREMENTS table, and
demand tables with frequency codes (`norfolk.tables`).

Tables arrive as rows with tab-separated cells; PDF text that separates cells by runs
of spaces is read the same way. Where things go:
- "CSC Adopted: March 2004, CSC Revised: June 2012; August 2019" -> dates.established
  and the latest revision (dates.revised); "Revised: ____" is no date;
- ESSENTIAL FUNCTIONS rows "1 | L | text" (under "Physical Strength Code" or "Strength
  Code", continuation lines indented as pdftotext -layout prints them) -> duties,
  `physical_strength` from the code;
- CLASS REQUIREMENTS: "Formal Education / Knowledge" -> minimum_qualifications.education,
  "Experience" -> .experience, "Certifications and Other Requirements" -> .licenses
  (those three rows, labelled, also make minimum_qualifications.text); every other row
  (Reading, Math, Managerial, Complexity ...) -> other_requirements named by its label;
- OVERALL PHYSICAL STRENGTH DEMANDS: the category marked X -> physical_demands.strength;
- PHYSICAL DEMANDS rows -> physical_demands.items {name, frequency, note}; the
  accommodation sentence above the table -> physical_demands.text;
- ENVIRONMENTAL FACTORS (both columns, HEALTH AND SAFETY and ENVIRONMENTAL FACTORS) ->
  working_conditions as "Fumes and Odors: daily", the word taken from the document's own
  D/W/M/S/N legend; "never" rows are kept, since they state that there is no exposure;
- PRIMARY WORK LOCATION: the location marked X -> working_conditions ("Office Environment");
- MACHINES, TOOLS, EQUIPMENT, AND WORK AIDS and PROTECTIVE EQUIPMENT -> equipment, one
  item per comma-separated entry ("N/A" means none);
- NON-PHYSICAL DEMANDS rows -> other_requirements {name: "Time Pressures", text:
  "Time Pressures: frequently", level: "frequently"}, like the named CLASS REQUIREMENTS
  rows, because they are not physical and `level` is where the degree of a requirement goes;
- code legends -> other_sections; empty "Other (see 1 below)" rows and empty footnotes are
  consumed as structure.
"""

from __future__ import annotations

import re

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.model import Jurisdiction
from classspec.normalize import strength, title_case
from classspec.parsers import fields
from classspec.parsers.base import TemplateParser, marker, template_heading
from classspec.parsers.norfolk.tables import (
    environment_table,
    equipment_list,
    flat,
    is_header,
    is_ruler,
    leftover,
    location_table,
    nonphysical_table,
    physical_demands,
    requirements_table,
    strength_demands,
)
from classspec.sections import HeadingRule, Section, split_sections

# Found anywhere (a PDF repeats its page header) and taken out of the flow.
LINE_FIELDS = (
    # "City of Norfolk, Virginia Classification Specification 200407" (a PDF may put the
    # city and the rest on two lines): the 6-digit number is the class code.
    HeadingRule(
        "code",
        lazy_compile(
            r"(?:City of Norfolk,?\s+Virginia\s+)?Classification\s+Specification\s*[:#]?\s*(?P<rest>\d{6})",
            re.I,
        ),
    ),
    HeadingRule(
        "banner", lazy_compile(r"City of Norfolk,?\s+Virginia(?:\s+Classification\s+Specification)?", re.I)
    ),
    HeadingRule("page", lazy_compile(r"Page\s+\d+(?:\s+of\s+\d+)?", re.I)),
    HeadingRule("dates", lazy_compile(r"(?P<rest>(?:CSC\s+)?Adopted\s*:.*)", re.I)),
    template_heading("norfolk", "department", inline=True),
)
HEADINGS = (
    template_heading("norfolk", "title", inline=True),
    template_heading("norfolk", "code", inline=True),
    template_heading("norfolk", "pay_grade", inline=True),
    template_heading("norfolk", "flsa", inline=True),
    template_heading("norfolk", "summary", inline=True, long=True),
    template_heading("norfolk", "duties"),
    # The duty table's header row starts the duties where no heading does (2001 layout).
    HeadingRule("duties", lazy_compile(r"(?:Physical\s+)?Strength\s+Code\s+ESSENTIAL\s+FUNCTIONS", re.I)),
    template_heading("norfolk", "requirements"),
    template_heading("norfolk", "strength"),
    template_heading("norfolk", "physical"),
    template_heading("norfolk", "equipment", inline=True),
    template_heading("norfolk", "environment"),
    template_heading("norfolk", "location"),
    template_heading("norfolk", "protective", inline=True),
    template_heading("norfolk", "nonphysical"),
)
_DUTY_ROW = lazy_compile(r"(?:(?P<number>\d{1,3})[.)]?\s+)?(?P<code>VH|[SLMH])\s+(?P<text>\S.*)")
# A paragraph of prose (a summary), not a label or a table row.
_PROSE = lazy_compile(r"[A-Z][^\t]{60,}[.;]$")
# A title wrapped onto the next line: a few capitalised words, no sentence.
_TITLE_WRAP = lazy_compile(r"(?:[A-Z]|(?:and|of|the|for|in|&)\s)[\w'&/,-]*(?:\s+[\w'&/,()-]+){0,5}")


def _inline(reader: fields.LineReader) -> fields.SectionReader:
    """A labelled field on the heading's line ('Pay Grade: 14'); the rest of the section
    is filed as Norfolk files leftovers."""

    def read(record: RecordBuilder, section: Section) -> None:
        if section.inline is not None and not reader(record, section.inline, section.inline.lines[0]):
            record.other(fields.heading_piece(section), section.inline)
        leftover(record, section, section.lines)

    return read


def _unknown(record: RecordBuilder, section: Section) -> None:
    """Text under no heading this template knows: filed as Norfolk files leftovers."""
    leftover(record, section, section.lines)


def _title(record: RecordBuilder, section: Section) -> None:
    """'Class Title: Assistant Fire' + 'Marshal': the title joined across its wrap."""
    if section.inline is None:
        leftover(record, section, section.lines)
        return
    wrap = _title_wrap(section)
    title = Piece.join([section.inline, *(Piece.of([line]) for line in wrap)])
    record.set("title", title_case(title.text), title)
    leftover(record, section, section.lines[len(wrap) :])


def _title_wrap(section: Section) -> list[Line]:
    wrap: list[Line] = []
    for line in section.lines:
        if line.blank or "\t" in line.text or not _TITLE_WRAP.fullmatch(line.stripped):
            break
        wrap.append(line)
    return wrap


# -- sections ---------------------------------------------------------------------
def _duties(record: RecordBuilder, section: Section) -> None:
    rest: list[Line] = []
    current: dict | None = None
    current_lines: list[Line] = []

    def flush() -> None:
        if current is not None:
            current["text"] = collapse(current["text"])
            record.add("duties", current, current_lines, physical_strength=current_lines[:1])

    for line in section.lines:
        if line.blank:
            continue
        row = _DUTY_ROW.fullmatch(flat(line))
        tabbed = "\t" in line.text
        if row and (row.group("number") or tabbed):
            flush()
            code = strength(row.group("code"))
            current = {
                "text": row.group("text"),
                "category": None,
                "essential": True,
                "physical_strength": code.value if code else None,
            }
            current_lines = [line]
        elif current is not None and not is_header(line) and not is_ruler(line):
            # a wrapped duty: the row's text goes on without number or code
            current["text"] += " " + flat(line)
            current_lines.append(line)
        else:
            rest.append(line)
    flush()
    leftover(record, section, rest)


LINE_READERS = {
    "code": fields.code,
    "dates": fields.dates_line,
    "department": fields.label("taxonomy.department"),
}
FIELDS = {
    "title": _title,
    "code": _inline(fields.code),
    "pay_grade": _inline(fields.label("pay_grade")),
    "flsa": _inline(fields.flsa),
    "summary": fields.summary,
    "duties": _duties,
    "requirements": requirements_table,
    "strength": strength_demands,
    "physical": physical_demands,
    "equipment": equipment_list,
    "protective": equipment_list,
    "environment": environment_table,
    "location": location_table,
    "nonphysical": nonphysical_table,
}


class NorfolkParser(TemplateParser):
    id = "norfolk"
    jurisdiction = Jurisdiction(id="norfolk-va", name="City of Norfolk", state="VA")
    markers = (
        marker(
            "BRIEF DESCRIPTION OF THE CLASSIFICATION", r"^\s*BRIEF DESCRIPTION OF THE CLASSIFICATION", 0.3
        ),
        marker(
            "Norfolk classification specification header",
            r"^\s*City of Norfolk,?\s+Virginia\s+Classification\s+Specification\b",
            0.3,
        ),
        marker("Physical Strength Code", r"(?:Physical\s+)?Strength\s+Code\s+ESSENTIAL\s+FUNCTIONS", 0.2),
        marker("OVERALL PHYSICAL STRENGTH DEMANDS", r"^\s*OVERALL PHYSICAL STRENGTH DEMANDS", 0.2),
        marker("NON-PHYSICAL DEMANDS", r"^\s*NON-PHYSICAL DEMANDS", 0.15),
        marker("PRIMARY WORK LOCATION", r"^\s*PRIMARY WORK LOCATION", 0.15),
        marker(
            "MACHINES, TOOLS, EQUIPMENT, AND WORK AIDS",
            r"^\s*MACHINES, TOOLS, EQUIPMENT,? AND WORK AIDS",
            0.15,
        ),
        marker("City of Norfolk", r"City of Norfolk", 0.1),
    )
    LINE_FIELDS = LINE_FIELDS
    LINE_READERS = LINE_READERS
    HEADINGS = HEADINGS
    FIELDS = FIELDS
    OTHER = staticmethod(_unknown)

    def sections(self, lines: list[Line]) -> list[Section]:
        sections = _merge_repeated(split_sections(lines, self.HEADINGS))
        if any(s.key == "summary" for s in sections):
            return sections
        # 2001 layout: no BRIEF DESCRIPTION heading; the paragraph after the title (or,
        # with the title further down, the prose before it) is the summary.
        for index, section in enumerate(sections):
            if section.key == "title":
                wrap = _title_wrap(section)
                rest = section.lines[len(wrap) :]
                if any(not line.blank for line in rest):
                    section.lines = wrap
                    sections.insert(index + 1, Section("summary", None, lines=rest))
                    return sections
        first = sections[0] if sections else None
        if first is not None and first.key is None and any(_PROSE.match(ln.stripped) for ln in first.lines):
            first.key = "summary"
        return sections

    def finish(self, record: RecordBuilder) -> None:
        if not record.has("title"):
            record.warn("no 'Class Title:' line found")
        if not record.has("summary"):
            record.warn("no summary found (no BRIEF DESCRIPTION and no paragraph after the title)")
        if not record.has("duties"):
            record.warn("no duties found in the ESSENTIAL FUNCTIONS table")


def _merge_repeated(sections: list[Section]) -> list[Section]:
    """Norfolk repeats a section's heading as its table's header row ('NON-PHYSICAL
    DEMANDS:' then 'NON-PHYSICAL DEMANDS<TAB>'): the repeat continues the section."""
    merged: list[Section] = []
    for section in sections:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and section.key is not None
            and section.key == previous.key
            and section.heading
        ):
            previous.lines.extend([*section.heading.lines, *section.lines])
        else:
            merged.append(section)
    return merged
