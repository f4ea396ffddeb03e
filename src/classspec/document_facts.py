"""The last stage of the builder, after every parser and before the one validation:
facts read from the whole document (salary ranges, bulletin dates, exam types, the
probationary period and driver's licence rule), and the ways of qualifying the minimum
qualifications text lists, with the least months of experience.

Every parser benefits: the document-wide facts fill only what the parser left empty.
The paths and `min_experience_months` are this step's alone: the months are the
smallest path's, so the two never disagree. It reads lines, it never consumes them (the
lines nobody used are filed before it runs), so the salary and application lines a
value was read from still land in `other_sections` with their full text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from classspec.document import Document, Line
from classspec.lazyre import lazy_compile
from classspec.linetext import is_block_heading, label_line, strip_marker
from classspec.normalize.bulletin import (
    application_deadline,
    drivers_license,
    exam_types,
    open_date,
    probation_months,
)
from classspec.normalize.path_parts import least_education, stated_education
from classspec.normalize.paths import qualification_paths
from classspec.normalize.pay import (
    document_currency,
    pay_period,
    salary_ranges,
    states_amount,
    unlisted_period,
)

if TYPE_CHECKING:
    from classspec.builder import RecordBuilder

# A line that opens the pay part of a document: 'ANNUAL SALARY', 'Salary Range', 'PAY RANGE:'.
_PAY_HEADING = lazy_compile(
    r"^(?:[A-Z][\w/&-]*\s+){0,3}[A-Z]*(?:SALARY|Salary|PAY|Pay|WAGES?|Wages?|COMPENSATION|Compensation)\b"
)
# Lines a window may span when a fact wraps ('THIS EXAMINATION IS TO BE GIVEN BOTH ON AN' ...).
_WINDOW = 4
# How far after a range its period may be written ('$1,783.61 Per Week*').
_PERIOD_REACH = 20
_NOT_ALNUM = bytes(byte for byte in range(128) if not (chr(byte).isdigit() or chr(byte).islower()))
# Emphasis a text export keeps ('<u>3 years</u>'): parsers drop it from values.
_EMPHASIS = lazy_compile(r"</?(?:u|b|i|em|strong)>", re.I)
_TRAILING_CONNECTOR = lazy_compile(r"[;,]?\s*\b(?:or|and)\s*$", re.I)


def complete(doc: Document, records: list[RecordBuilder]) -> None:
    """Fill the document-wide facts each record's parser left empty, and the ways of
    qualifying with their least months (this step alone writes those two)."""
    lines = [line for line in doc.lines if not line.blank]
    texts = [line.stripped for line in lines]
    whole = "\n".join(texts)  # joined once for every reader
    salary = _salary(lines, document_currency(whole))
    found = {
        "dates.opened": _first(lines, texts, whole, open_date),
        "dates.deadline": _first(lines, texts, whole, application_deadline),
        "exam_types": _first(lines, texts, whole, lambda text: exam_types(text) or None),
        "probation_months": _first(lines, texts, whole, probation_months),
        "minimum_qualifications.drivers_license": _first(lines, texts, whole, drivers_license),
    }
    for record in records:
        _fill(record, lines, salary, found)


def _fill(
    record: RecordBuilder, lines: list[Line], salary: list[tuple[dict, list[Line]]], found: dict
) -> None:
    if not record.has("salary") and salary:
        record.set("salary", [value for value, _ in salary])
        for index, (value, source) in enumerate(salary):
            _cite(record, f"salary[{index}]", value, source)
            unlisted = None if value["period"] else _period_after(value, source[0].stripped)
            if unlisted:
                record.warn(
                    f"salary {value['text']} is stated per {unlisted}, a period the schema has no value "
                    "for: its period is left null and it is not annualised"
                )
    for path, fact in found.items():
        if fact and not record.has(path):
            value, source = fact
            record.set(path, value)
            _cite(record, path, value, source)
    _fill_paths(record, lines)


def _fill_paths(record: RecordBuilder, lines: list[Line]) -> None:
    """The paths of the qualification text, the least months of experience (the smallest
    path's) and the least education (the lowest a path states), by construction: no
    parser writes these. A text with no way of qualifying in it gives the education it
    names as required, the one fallback."""
    text = record.get("minimum_qualifications.text")
    paths = qualification_paths(text)
    if not paths:
        fallback = stated_education(text)
        if fallback:
            record.set("minimum_qualifications.min_education", fallback)
            record.cite("minimum_qualifications.min_education", record.lines("minimum_qualifications.text"))
        return
    # A path cites the lines of the qualification text it repeats (a series repeats the
    # same sentences for every level: only this record's lines count).
    numbers = {line.number for line in record.lines("minimum_qualifications.text")}
    quals_lines = [ln for ln in lines if ln.number in numbers]
    # Each line's key once: every path and prior class asks all of them.
    keyed = [(ln, key) for ln in quals_lines if len(key := _line_key(ln)) >= 6]

    def lines_of(text: str) -> list[Line]:
        told = _squash(text)
        return [ln for ln, key in keyed if key in told]

    record.set("minimum_qualifications.paths", paths)
    labels = [path["label"] for path in paths if path["label"]]
    for index, path in enumerate(paths):
        source = lines_of(" ".join([path["text"], *path["substitutions"]]))
        _cite(record, f"minimum_qualifications.paths[{index}]", path, source)
        # A label cites the line that writes it too ('OPTION 1:' above the path's lines).
        written = label_line(quals_lines, path["label"], source, labels) if path["label"] else None
        if written is not None and written not in source:
            record.cite(f"minimum_qualifications.paths[{index}].label", [*source, written])
        # A class of a list of classes that meet the requirements has its own line.
        for number, name in enumerate(path["prior_classes"]):
            own = lines_of(name)
            if own and not set(own) <= set(source):
                record.cite(f"minimum_qualifications.paths[{index}].prior_classes[{number}]", own)
    months = [path["experience_months"] for path in paths if path["experience_months"] is not None]
    if months:
        least = next(path for path in paths if path["experience_months"] == min(months))
        record.set("minimum_qualifications.min_experience_months", min(months))
        record.cite("minimum_qualifications.min_experience_months", lines_of(least["text"]))
    education = least_education(paths)
    if education:
        lowest = next(path for path in paths if path["education"] == education)
        record.set("minimum_qualifications.min_education", education)
        record.cite("minimum_qualifications.min_education", lines_of(lowest["text"]))


def _cite(record: RecordBuilder, path: str, value: Any, source: Sequence[Line]) -> None:
    """A filled value and each of its parts cite the lines it was read from."""
    if source:
        for leaf in _leaf_paths(value, path):
            record.cite(leaf, source)


def _leaf_paths(value: Any, path: str) -> list[str]:
    """The path itself and every filled part below it ('paths[0].prior_classes[1]')."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            if inner not in (None, "", [], {}) and key != "text":
                found += _leaf_paths(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _leaf_paths(inner, f"{path}[{index}]")
    return found


def _line_key(line: Line) -> str:
    # A list item's trailing connector ('...; or') is not part of the path it states.
    return _squash(_TRAILING_CONNECTOR.sub("", _EMPHASIS.sub("", strip_marker(line.stripped)[1])))


def _squash(text: str) -> str:
    """The text's ASCII letters and digits, lower-cased: bytes.translate drops the rest
    in one C pass (a regex sub goes one run of them at a time)."""
    return text.lower().encode("ascii", errors="ignore").translate(None, _NOT_ALNUM).decode("ascii")


def _first(
    lines: list[Line], texts: list[str], whole: str, reader: Callable[[str], Any]
) -> tuple[Any, list[Line]] | None:
    """What `reader` finds in the whole document (`whole`: its lines' `texts` joined),
    with the first and fewest lines that give the same value (up to _WINDOW lines, for
    facts that wrap). A window cut short by the end of the document is one of a smaller
    size, already tried: only full windows are."""
    value = reader(whole)
    if value is None:
        return None
    for size in range(1, _WINDOW + 1):
        for start in range(len(lines) - size + 1):
            if reader("\n".join(texts[start : start + size])) == value:
                return value, lines[start : start + size]
    return value, []


def _salary(lines: list[Line], dollar: str = "USD") -> list[tuple[dict, list[Line]]]:
    """Ranges from the lines of pay sections and from sentences about pay, in order."""
    result: list[tuple[dict, list[Line]]] = []
    seen: set[tuple] = set()
    period: str | None = None
    in_pay_section = False
    for line in lines:
        text = line.stripped
        # The cheap tests first: most lines run past six words, and state no amount.
        amount = states_amount(text)
        if len(text.split(maxsplit=6)) <= 6 and not amount and _PAY_HEADING.match(text):
            in_pay_section, period = True, pay_period(text)
            continue
        if "$" not in text and is_block_heading(text):  # an amount line is not a heading
            in_pay_section, period = False, None
            continue
        if amount:
            # Out of a pay section, salary_ranges keeps only the amounts the line calls pay.
            ranges = salary_ranges(text, period or pay_period(text), dollar, pay_context=in_pay_section)
            # A posting repeats its pay in its header and its details: one range, cited
            # where it is first stated.
            result += [(value, [line]) for value in ranges if _range_key(value) not in seen]
            seen.update(_range_key(value) for value in ranges)
    return result


def _range_key(value: dict) -> tuple:
    return value["min"], value["max"], value["period"], value["currency"], value["label"]


def _period_after(value: dict, text: str) -> str | None:
    """A period the schema has no value for, written just after the range ('$1,457.67 -
    $1,783.61 Per Week')."""
    at = text.find(value["text"])
    return unlisted_period(text[at + len(value["text"]) :][:_PERIOD_REACH]) if at >= 0 else None
