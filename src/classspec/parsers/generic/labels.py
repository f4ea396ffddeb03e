"""Identity and labelled fields of a document whose template nobody described.

A class is named by a labelled line ("Class Title: ...", "Class Code: 1119",
"Job Code 2108"), by a footer the hosted platforms print ("Assistant Sheriff (Class No.
000265)   Union Code: NE"), or by a title-like line near the code. Short labelled values
("FLSA Non-Exempt", "Pay Level: 10", "Job Family: Public Safety", "Union Code: PR
Variable Entry: Y") are fields, several may share a line. A series list inside the text
("The complete X series includes: Assistant X (Class No. ...)") names other classes and
never decides which class the document is; the file name is never read. When several
labels name the class, one rank decides (LABEL_RANK): the class's own label, then the
job's code, a system's job id, a post's number, a working title. Which line is the
title is titles.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import strip_marker
from classspec.normalize import flsa_status, title_case
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
# A class code as printed: letters and digits, a digit among them ("1A11", "7A003").
CODE = r"(?-i:(?=[A-Z0-9.\-]*\d)[A-Z0-9][A-Z0-9.\-]{1,11})"
# A level range ("Officer 1-2" set over two lines) is no code: a code has a letter, or
# a digit run of three or more.
BARE_CODE = lazy_compile(r"(?-i:(?!\d{1,2}-\d{1,2}$)(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{2,9})")
# A sentence that lists the classes of a series names other classes, not this one.
SERIES_LIST = lazy_compile(
    r"\bseries\s+(?:includes?|consists?\s+of|is\s+made\s+up\s+of)\b|\bclasses\s+in\s+(?:the|this)\s+series\b",
    re.I,
)

# Label -> field (vocabulary/headings.toml). Taxonomy labels are kept under their own name.
_FIELD_OF_LABEL: dict[str, str] = {
    label: field for field, labels in vocabulary()["labels"].items() for label in labels
}
# Which label names the class when several do (lower wins; unlisted: 1). One rule for
# every employer: the class's own label beats the job's, the job's its posting's or
# post's number, and a working title is the post's, not the class's.
LABEL_RANK: dict[str, int] = {
    "class title": 0,
    "classification title": 0,
    "classification": 0,
    "class code": 0,
    "classification code": 0,
    "class number": 0,
    "classification number": 0,
    "class no": 0,
    "class no.": 0,
    "class #": 0,
    "job class code": 0,
    "job id": 2,
    "job number": 2,
    "job no": 2,
    "job no.": 2,
    "position number": 3,
    "position no": 3,
    "position no.": 3,
    "position #": 3,
    "post number": 3,
    "post no": 3,
    "post no.": 3,
    "working title": 3,
}
TAXONOMY_LABELS = frozenset(names("taxonomy_labels"))
# "Label: value" pairs; several on a line are separated by a tab or a run of spaces.
_PAIR = lazy_compile(r"(?P<label>[A-Za-z][A-Za-z.#/\- ]{0,30}?)\s*:\s*(?P<value>\S.*)")
_FLSA_BARE = lazy_compile(r"FLSA\s*[:\-]?\s*(?P<value>(?:non[- ]?)?exempt|[12][A-Z]|N|E)\.?", re.I)
# A labelled code may follow its label without a colon ("Class Code 2108", "Job Code #: 11").
_LABEL_NO_COLON = lazy_compile(
    rf"(?P<label>class code|job code|class no\.?|class number|class #)\s*#?\s*(?P<value>{CODE})", re.I
)
MAX_VALUE_WORDS = 8
_CODE_NAMING_CLASS = lazy_compile(
    rf"(?P<code>{CODE})\s+[-\u2013\u2014]\s+(?P<title>[A-Z][\w &'/()\-]{{1,60}}?)(?:,\s*(?P<rest>.+))?"
)
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
    rank: int = 1  # how surely the label names the class (LABEL_RANK)


def _known(name: str) -> str | None:
    return _FIELD_OF_LABEL.get(name) or _FIELD_OF_LABEL.get(name + ".")


def _readings(name: str) -> list[str]:
    """The names a label may be read as: itself; each reading of a slashed label
    ('Position/Classification Title' is a position title and a classification title,
    'Job/Working Title' a job title and a working title); a label after a system's name
    ('SAP Job ID' is a job id)."""
    words = name.split()
    if "/" in name and len(words) <= 3:
        head, _, tail = name.rpartition(" ") if len(words) > 1 else (name, "", "")
        options = [p.strip() for p in head.split("/") if p.strip()]
        return [f"{option} {tail}".strip() for option in options]
    readings = [name]
    if len(words) == 3:
        readings.append(" ".join(words[1:]))
    return readings


def _field_rank(label: str) -> tuple[str | None, int]:
    """The field a label names and its rank; a slashed label is as sure as its least
    sure reading that names the field of its surest."""
    name = collapse(label).lower().rstrip(".")
    found = _known(name)
    if found:
        return found, LABEL_RANK.get(name, 1)
    known = [(LABEL_RANK.get(r, 1), f) for r in _readings(name) if (f := _known(r))]
    if known:
        field = min(known)[1]
        return field, max(rank for rank, f in known if f == field)
    if name in TAXONOMY_LABELS:
        return "taxonomy." + re.sub(r"\W+", "_", name).strip("_"), 1
    return None, 1


def _field(label: str) -> str | None:
    return _field_rank(label)[0]


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
    field, rank = _field_rank(pair.group("label"))
    if field == "class_code" and (named := _CODE_NAMING_CLASS.fullmatch(value)):
        # "Job code: 17158 - Systems Officer 4": the code and the class it names; what
        # follows a comma ("represented by ...") is kept as written.
        found = [
            Label(field, Piece(named.group("code"), (line,)), rank=rank),
            Label("taxonomy.classification", Piece(named.group("title").strip(), (line,))),
        ]
        if named.group("rest"):
            found.append(Label(None, Piece(named.group("rest"), (line,)), collapse(pair.group("label"))))
        return found
    if len(value.split()) > MAX_VALUE_WORDS:
        return None
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
    label = _normalized(field, piece)
    return Label(label.field, label.value, rank=rank) if label else False


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
    if text.startswith(("- ", "* ")):
        # A bulleted list of particulars ("- Job code: 17158 - Systems Officer 4").
        text = text[2:].lstrip()
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
    if not found or SERIES_LIST.search(text):
        return None
    labels: list[Label] = []
    if "rest" in found.re.groupindex and found.group("rest"):
        rest = label_line(Line(found.group("rest").strip(), line.number, line.page))
        if rest is None:
            return None
        labels = rest
    title = Piece(title_case(collapse(found.group("title"))) or "", (line,))
    return Footer(title, Piece(found.group("code"), (line,)), labels)
