"""The Philadelphia header: letterhead, class code, PAY RANGE, FLSA code, the title over
one or two lines and the specialties, in whatever order a spec writes them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import is_upper_heading, strip_marker
from classspec.normalize import flsa_status, title_case
from classspec.parsers.philadelphia.common import CODE, specialty_name

_CODE_LINE = lazy_compile(rf"(?:class\s+code\s*[:#-]?\s*)?(?P<code>{CODE})\.?", re.I)
_CODE_AND_TITLE = lazy_compile(rf"(?P<code>{CODE})\s*[-\u2013:]?\s+(?P<title>[A-Z][A-Z0-9 ,.&'/()-]+)")
_TITLE_AND_CODE = lazy_compile(rf"(?P<title>[A-Z][A-Z0-9 ,.&'/()-]+?)\s*[-\u2013(]\s*(?P<code>{CODE})\)?")
# "PAY RANGE: EP17", or with the class code in front: "4F02 PAY RANGE: N32".
_PAY_RANGE = lazy_compile(rf"(?:(?P<code>{CODE})\s+)?pay\s+range\s*[:.\-\u2013]?\s*(?P<rest>.*)", re.I)
_PAY_VALUE = lazy_compile(r"[A-Z]{0,4}\s?\d[0-9A-Z \-\u2013]*\**", re.I)
# "FLSA: 2E", "FLSA: 1N": the Fair Labor Standards Act code (see normalize.flsa_status).
_FLSA = lazy_compile(r"FLSA(?:\s+status)?\s*[:.\-\u2013]?\s*(?P<rest>\S.{0,20})", re.I)
_PARENTHESISED = lazy_compile(r"\(\s*([^()]+?)\s*\)")
# The letterhead names the office that issues the specs (the Personnel Department, the
# Office of Human Resources), which is not the department the class works in; another
# department's letterhead ("Recreation Department") is.
_BANNER = lazy_compile(r"city\s+of\s+philadelphia\b.*", re.I)
_ISSUER = lazy_compile(r"personnel|human\s+resources", re.I)
_SENTENCE_START = lazy_compile(r"^(?:this|an?|the|employees?|work|positions?)\b", re.I)


def take_header_fields(record: RecordBuilder, lines: Sequence[Line]) -> list[Line]:
    """Take 'PAY RANGE' lines (value inline or on the next line) and 'FLSA' lines out of
    the flow: they sit in the header or the footer and must not cut a section in two,
    nor be read as part of the title."""
    remaining: list[Line] = []
    pending: Line | None = None
    for line in lines:
        text = line.stripped
        if not text:  # a blank line: no field, and a pending PAY RANGE waits past it
            remaining.append(line)
            continue
        if pending is not None:
            value = strip_marker(text)[1]
            if _PAY_VALUE.fullmatch(value):
                _set_pay(record, value, (pending, line))
                pending = None
                continue
            pending = None
        flsa = _FLSA.fullmatch(text) if len(text) < 30 else None
        status = flsa_status(flsa.group("rest")) if flsa else None
        if status is not None and not record.has("flsa_status"):
            record.set("flsa_status", status.value, line)
            continue
        found = _PAY_RANGE.fullmatch(text) if len(text) < 60 else None
        if found and not record.has("pay_grade"):
            record.use(line)
            if found.group("code") and not record.has("class_code"):
                record.set("class_code", found.group("code").upper(), line)
            if found.group("rest").strip():
                _set_pay(record, found.group("rest"), (line,))
            else:
                pending = line
            continue
        remaining.append(line)
    return remaining


def read_header(record: RecordBuilder, lines: list[Line]) -> tuple[bool, list[Line]]:
    """File the header lines; returns whether a header (letterhead or code) was seen
    and the lines of a definition that starts without its heading."""
    has_header = False
    title_lines: list[Line] = []
    summary: list[Line] = []
    specialty_list = False
    content = [ln for ln in lines if not ln.blank]
    for index, line in enumerate(content):
        text = line.stripped
        marker_text, body = strip_marker(text)
        if _BANNER.fullmatch(text) and not title_lines:
            has_header = True
            department = re.sub(r"(?i)^city\s+of\s+philadelphia\s*", "", text).strip()
            if department and not _ISSUER.search(department):
                record.set("taxonomy.department", title_case(department), line)
            else:
                record.other(None, Piece.of([line]))
            continue
        if text.startswith("<") and text.endswith(">"):  # markup pasted into the page as text
            record.other("Pasted markup", Piece.of([line]))
            continue
        code = _CODE_LINE.fullmatch(text)
        if code and not record.has("class_code"):
            record.set("class_code", code.group("code").upper(), line)
            has_header = True
            continue
        both = _CODE_AND_TITLE.fullmatch(text) or _TITLE_AND_CODE.fullmatch(text)
        if both and not record.has("class_code") and not title_lines:
            record.set("class_code", both.group("code").upper(), line)
            title_lines.append(Line(both.group("title"), line.number, line.page))
            continue
        if text.lower().rstrip(":") == "specialties":
            specialty_list = True
            record.use(line)
            continue
        if specialty_list and marker_text:
            record.add("specialties", specialty_name(body), line)
            continue
        if _PARENTHESISED.search(text) and not _PARENTHESISED.sub("", text).strip(" ,"):
            for found in _PARENTHESISED.finditer(text):
                record.add("specialties", specialty_name(found.group(1)), line)
            continue
        title_open = not title_lines or not record.has("specialties")
        if title_open and (_is_title_line(text) or (not title_lines and _reads_as_title(text))):
            title_lines.append(line)
            continue
        if _reads_as_prose(body):
            summary = content[index:]
            break
        record.other(None, Piece.of([line]))
    if title_lines:
        title = title_case(collapse(" ".join(ln.stripped for ln in title_lines)))
        record.set("title", title, [next(ln for ln in lines if ln.number == t.number) for t in title_lines])
    return has_header, summary


def _set_pay(record: RecordBuilder, value: str, lines: Sequence[Line]) -> None:
    grade = collapse(value).rstrip("*").strip()
    grade = re.sub(r"^([A-Z]{1,4})\s+(?=\d)", r"\1", grade, flags=re.I)  # "EP 17" -> "EP17"
    grade = re.sub(r"\s*[-\u2013]\s*", "-", grade)
    record.set("pay_grade", grade.upper() or None, lines)


def _is_title_line(text: str) -> bool:
    return is_upper_heading(text) and len(text) <= 90 and not _PAY_RANGE.match(text)


def _reads_as_title(text: str) -> bool:
    """A short mixed-case title line: 'ADMINISTRATIVE SPECIALIST 1 – Non-Confidential'."""
    return (
        len(text.split()) <= 10
        and text[:1].isupper()
        and not text.endswith((".", ";", ":"))
        and not _reads_as_prose(text)
        and sum(ch.isupper() for ch in text) * 2 >= sum(ch.isalpha() for ch in text)
    )


def _reads_as_prose(text: str) -> bool:
    return len(text.split()) >= 8 or bool(_SENTENCE_START.match(text) and len(text.split()) >= 4)
