"""Identity and labelled fields of a document whose template nobody described.

A class is named by a labelled line ("Class Title: ...", "Class Code: 1119",
"Job Code 2108"), by a footer the hosted platforms print ("Assistant Sheriff (Class No.
000265)   Union Code: NE"), or by a title-like line near the code. Short labelled values
("FLSA Non-Exempt", "Pay Level: 10", "Job Family: Public Safety", "Union Code: PR
Variable Entry: Y") are fields, several may share a line. A series list inside the text
("The complete X series includes: Assistant X (Class No. ...)") names other classes and
never decides which class the document is; the file name is never read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.literals import search
from classspec.normalize import flsa_status, title_case
from classspec.sections import strip_marker
from classspec.vocabulary import names, vocabulary

# "Assistant Sheriff (Class No. 000265)   Union Code: NE" - the footer hosted platforms print.
FOOTER = lazy_compile(
    r"(?P<title>[A-Z][^()]{2,80}?)\s*\(\s*(?:Class|Job|Classification)\s*(?:No\.?|Number|Code|#)\s*:?\s*"
    r"(?P<code>[A-Z0-9][A-Z0-9.\-]*)\s*\)(?P<rest>\s+\S.*)?",
)
# "Maintenance Mechanic II - Job Code 3340": a Word page header's title and code, after
# the employer's name ("Clearwater Valley Water District        Maintenance ...").
_DASH_FOOTER = lazy_compile(
    r"(?:.*?\S\s{2,})?(?P<title>[A-Z][^()\t]{2,80}?)\s+[-\u2013\u2014]\s+(?:Class|Job|Classification)\s*"
    r"(?:No\.?|Number|Code|#)\s*:?\s*(?P<code>(?-i:(?=[A-Z0-9.\-]*\d)[A-Z0-9][A-Z0-9.\-]{1,11}))",
    re.I,
)
def _may_be_dash_footer(text: str) -> bool:
    """Substring tests that settle most lines before the regex (it is tried on every line):
    the words the regex cannot match without."""
    if not (" -" in text or "\u2013" in text or "\u2014" in text):
        return False
    lowered = text.lower()  # the regex ignores case: 'job code' as well as 'Job Code'
    return "job" in lowered or "class" in lowered


# "END OF JOB CLASS SPECIFICATION - 1A11"
END_FOOTER = lazy_compile(
    r"end\s+of\s+(?:job\s+)?class(?:ification)?\s+spec(?:ification)?\.?\s*[-\u2013\u2014:]?\s*"
    r"(?P<code>[A-Z0-9][A-Z0-9.\-]{1,11})",
    re.I,
)
_CODE = r"(?-i:(?=[A-Z0-9.\-]*\d)[A-Z0-9][A-Z0-9.\-]{1,11})"
# "Fire Apparatus Engineer (1077)", "1A11 CLERK TYPIST I", "Clerk Typist 1 (B) - 1A11".
_TITLE_THEN_CODE = lazy_compile(
    rf"(?P<title>[A-Za-z].+?)\s*(?:\(\s*(?P<code>{_CODE})\s*\)|[-\u2013\u2014]\s+(?P<code2>{_CODE}))"
)
_CODE_THEN_TITLE = lazy_compile(
    r"(?P<code>(?-i:(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,7}))\s+(?:[-\u2013\u2014:]\s*)?(?P<title>[A-Za-z].+)"
)
BARE_CODE = lazy_compile(r"(?-i:(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{2,9})")
# Lines that name the publisher or the kind of document, not the class.
_NOT_A_TITLE = lazy_compile(
    r"^(?:(?:city|county|state|town|village|borough|commonwealth|department|office|division|bureau)\s+of\b"
    r"|(?:city|county|state)$|(?:personnel|human resources|civil service)"
    r"(?:\s+(?:department|office|division|services|commission|board))?$"
    r"|(?:personnel |job )?class(?:ification)? (?:spec|description)|job description|position description"
    r"|page \d"
    r"|.*\bclassification plan$"
    r"|skip |navigation|main content|search|home$|menu|top of page|link back)"
    r"|\b(?:specification|equal (?:employment )?opportunity|www\.|https?:|toggle|anchor|ribbon)\b"
    r"|\b(?:department|commission|board)$",
    re.I,
)
# A sentence that lists the classes of a series names other classes, not this one.
SERIES_LIST = lazy_compile(
    r"\bseries\s+(?:includes?|consists?\s+of|is\s+made\s+up\s+of)\b|\bclasses\s+in\s+(?:the|this)\s+series\b",
    re.I,
)

# Label -> field (vocabulary/headings.toml). Taxonomy labels are kept under their own name.
_FIELD_OF_LABEL: dict[str, str] = {
    label: field for field, labels in vocabulary()["labels"].items() for label in labels
}
TAXONOMY_LABELS = frozenset(names("taxonomy_labels"))
# "Label: value" pairs; several on a line are separated by a tab or a run of spaces.
_PAIR = lazy_compile(r"(?P<label>[A-Za-z][A-Za-z.#/\- ]{0,30}?)\s*:\s*(?P<value>\S.*)")
_FLSA_BARE = lazy_compile(r"FLSA\s*[:\-]?\s*(?P<value>(?:non[- ]?)?exempt|[12][A-Z]|N|E)\.?", re.I)
# A labelled code may follow its label without a colon ("Class Code 2108", "Job Code #: 11").
_LABEL_NO_COLON = lazy_compile(
    rf"(?P<label>class code|job code|class no\.?|class number|class #)\s*#?\s*(?P<value>{_CODE})", re.I
)
MAX_VALUE_WORDS = 8
_CLASSIFICATION_GRADE = lazy_compile(
    r"(?P<grade>\b(?:Band|Grade|Level|Range)\s+[A-Z]?\d{1,3}[A-Z]?\b|(?-i:\b[A-Z]{1,3}-?\d{1,3}[A-Z]?)$)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Label:
    """A labelled value: `field` is a ClassSpec path ('title', 'taxonomy.job_family'),
    None for a label no field takes (kept in other_sections under `name`)."""

    field: str | None
    value: Piece
    name: str = ""


def _field(label: str) -> str | None:
    name = collapse(label).lower().rstrip(".")
    found = _FIELD_OF_LABEL.get(name) or _FIELD_OF_LABEL.get(name + ".")
    if found:
        return found
    if name in TAXONOMY_LABELS:
        return "taxonomy." + re.sub(r"\W+", "_", name).strip("_")
    return None


def label_field(label: str) -> str | None:
    """The ClassSpec field a label names ('Job Code' -> 'class_code'), or None."""
    return _FIELD_OF_LABEL.get(collapse(label).lower().rstrip("."))


def _segments(text: str) -> list[str]:
    """Parts of a line between tabs or runs of spaces; a part ending in ':' keeps its value."""
    parts = [p for p in re.split(r"\t+|\s{2,}", text) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and merged[-1].endswith(":"):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def _segment_labels(segment: str, line: Line) -> Label | list[Label] | bool | None:
    """The label of one segment; None when it is not a label; False for a known label
    whose value is not of its kind (the segment stays text)."""
    bare = _FLSA_BARE.fullmatch(segment)
    if bare:
        status = flsa_status(bare.group("value"))
        return Label("flsa_status", Piece(status.value, (line,))) if status else None
    no_colon = _LABEL_NO_COLON.fullmatch(segment)
    if no_colon:
        return Label("class_code", Piece(no_colon.group("value"), (line,)))
    pair = _PAIR.fullmatch(segment)
    if not pair:
        return None
    value = collapse(pair.group("value"))
    if len(value.split()) > MAX_VALUE_WORDS:
        return None
    field = _field(pair.group("label"))
    piece = Piece(value, (line,))
    if field is None and collapse(pair.group("label")).lower() == "classification":
        # "Classification: Administrative Officer R24", "Classification: PM-04": the grade
        # a Commonwealth public service classifies a post at; other values are kept as text.
        grade = _CLASSIFICATION_GRADE.search(value)
        if grade and grade.group("grade") != value:
            # The classification's name is the jurisdiction's grouping of the post.
            return [
                Label("pay_grade", piece.with_text(grade.group("grade"))),
                Label("taxonomy.classification", piece),
            ]
        if grade:
            return Label("pay_grade", piece)
    if field is None:
        return Label(None, piece, collapse(pair.group("label")))
    return _normalized(field, piece) or False


def _may_be_labels(text: str) -> bool:
    """Can every segment be a label ('Label: value', 'FLSA Exempt', 'Class Code 2108')?
    Substring tests settle most lines (prose, list items) before the split and the
    three regexes per segment; non-ASCII text, which re.I may fold to these words
    ('\u017f' matches 's'), is left to the regexes."""
    if ":" in text or not text.isascii():
        return True
    lowered = text.lower()
    return "flsa" in lowered or "class" in lowered or "job code" in lowered


def label_line(line: Line) -> list[Label] | None:
    """The labelled fields of a line made only of labels and their values, at least one
    of them known ("Union Code: PR   Variable Entry: Y"), else None."""
    text = line.stripped
    if not text or len(text) > 160 or not _may_be_labels(text):
        return None
    if strip_marker(text)[0] and not text.startswith("-"):
        return None
    found = [_segment_labels(segment.strip(), line) for segment in _segments(text)]
    if any(label is None or label is False for label in found):
        return None
    labels = [one for label in found for one in (label if isinstance(label, list) else [label])]
    # A line of unknown labels is left to the sections ("Open Date: ..." alone).
    if not any(label.field for label in labels):
        return None
    return labels


def _normalized(field: str, value: Piece) -> Label | None:
    """The value a field takes from a label, or None when it is not that field's kind."""
    if field == "flsa_status":
        status = flsa_status(value.text)
        return Label(field, value.with_text(status.value)) if status else None
    if field == "pay_grade" and (
        "$" in value.text or not re.fullmatch(r"(?=.*\d)[\w.\- ]{1,16}", value.text)
    ):
        return None  # a dollar range is salary, not a grade (left to the salary reader); a grade has a digit
    if field == "class_code" and not re.fullmatch(r"[A-Za-z0-9#][\w.\-]{0,15}", value.text.lstrip("#")):
        return None
    if field == "class_code":
        return Label(field, value.with_text(value.text.lstrip("#").strip()))
    if field == "title":
        return Label(field, value.with_text(title_case(value.text) or value.text))
    return Label(field, value)


@dataclass(frozen=True, slots=True)
class Footer:
    title: Piece | None
    code: Piece
    labels: list[Label]


def footer(line: Line) -> Footer | None:
    """'Assistant Sheriff (Class No. 000265)   Union Code: NE' or 'END OF ... SPECIFICATION - 1A11'."""
    text = line.stripped
    ending = END_FOOTER.fullmatch(text)
    if ending:
        return Footer(None, Piece(ending.group("code"), (line,)), [])
    # The regexes are tried on every line: a footer with its code in brackets has a
    # bracket, and the dash footer's words are looked for first.
    found = ("(" in text and FOOTER.fullmatch(text)) or (
        _may_be_dash_footer(text) and _DASH_FOOTER.fullmatch(text)
    )
    if not found or search(SERIES_LIST, text):
        return None
    labels: list[Label] = []
    if "rest" in found.re.groupindex and found.group("rest"):
        rest = label_line(Line(found.group("rest").strip(), line.number, line.page))
        if rest is None:
            return None
        labels = rest
    title = Piece(title_case(collapse(found.group("title"))) or "", (line,))
    return Footer(title, Piece(found.group("code"), (line,)), labels)


def title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or text.endswith((".", ";", ",")) or _NOT_A_TITLE.search(text):
        return False
    if "\t" in text or ":" in text or text.startswith("(") or strip_marker(text)[0]:
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(capitalised) >= 0.6 * len(words)


def title_and_code(text: str) -> tuple[str, str | None]:
    """Split a title line that carries its code ('Fire Apparatus Engineer (1077)')."""
    text = collapse(text)
    found = _TITLE_THEN_CODE.fullmatch(text)
    if found:
        return found.group("title").strip(), found.group("code") or found.group("code2")
    found = _CODE_THEN_TITLE.fullmatch(text)
    if found and not re.fullmatch(r"\d{1,2}", found.group("code")):
        return found.group("title").strip(), found.group("code")
    return text, None


def choose_title(lines: Sequence[Line], code: str | None, code_line: int | None) -> list[Line]:
    """The title among the lines before the first section: a line naming the code
    ('Fire Apparatus Engineer (1077)'), else the title-like line nearest above the code
    label, else the first title-like line (navigation and letterhead are not titles).
    A title in capitals broken over two lines is joined ('BUILDING ... AND MAINTENANCE' /
    'SUPERINTENDENT')."""
    content = [ln for ln in lines if not ln.blank]
    candidates = [ln for ln in content if title_like(ln.stripped)]
    if not candidates:
        return []
    if code:
        for line in candidates:
            if title_and_code(line.stripped)[1] == code:
                return [line]
    # The document's own top heading (Markdown '#', HTML h1, Word "Title").
    top = [ln for ln in candidates if ln.heading == 1]
    if top:
        return [top[0]]
    if code_line is not None:
        above = [ln for ln in candidates if code_line - 12 <= ln.number < code_line]
        if above:
            return _with_first_half(content, above[-1])
        below = [ln for ln in candidates if code_line < ln.number <= code_line + 4]
        if below:
            return [below[0]]
    return [candidates[0]]


_CONNECTOR = lazy_compile(r"(?:\b(?:and|of|for|the|in|to)|[&/,\-])\s*$", re.I)


def _with_first_half(content: list[Line], title: Line) -> list[Line]:
    index = content.index(title)
    if index == 0:
        return [title]
    previous = content[index - 1]
    text, before = title.stripped, previous.stripped
    same_style = text.isupper() == before.isupper()
    if same_style and title_like(before) and (_CONNECTOR.search(before) or len(text.split()) == 1):
        return [previous, title]
    return [title]
