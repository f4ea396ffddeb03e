"""Facts read from the whole document after any parser ran: salary ranges, bulletin
dates, exam types, the probationary period and driver's licence rule, and the ways of
qualifying the minimum qualifications list.

Every parser benefits: this step fills only what the parser left empty. It reads lines,
it never consumes them, so the salary and application lines a value was read from still
land in `other_sections` with their full text; values cite their lines in provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from classspec.builder import spans
from classspec.document import Document, Line
from classspec.lazyre import lazy_compile
from classspec.model import ClassSpec, MinimumQualifications, QualificationPath, SalaryRange
from classspec.normalize.bulletin import (
    application_deadline,
    drivers_license,
    exam_types,
    open_date,
    probation_months,
)
from classspec.normalize.experience import experience_months
from classspec.normalize.paths import has_connector_lines, qualification_paths
from classspec.normalize.pay import document_currency, pay_period, salary_ranges, states_amount
from classspec.sections import is_short_heading, strip_marker

# A line that opens the pay part of a document: 'ANNUAL SALARY', 'Salary Range', 'PAY RANGE:'.
_PAY_HEADING = lazy_compile(
    r"^(?:[A-Z][\w/&-]*\s+){0,3}[A-Z]*(?:SALARY|Salary|PAY|Pay|WAGES?|Wages?|COMPENSATION|Compensation)\b"
)
# A line in running text that states pay: '... salary in the Harbor Department is $ ...'.
_PAY_WORDS = lazy_compile(r"\b(?:salary|salaries|pay\s+(?:range|rate)|wages?|compensation)\b", re.I)
# Lines a window may span when a fact wraps ('THIS EXAMINATION IS TO BE GIVEN BOTH ON AN' ...).
_WINDOW = 4
_NOT_ALNUM = bytes(byte for byte in range(128) if not (chr(byte).isdigit() or chr(byte).islower()))
# Emphasis a text export keeps ('<u>3 years</u>'): parsers drop it from values.
_EMPHASIS = lazy_compile(r"</?(?:u|b|i|em|strong)>", re.I)


def complete(doc: Document, records: list[ClassSpec]) -> list[ClassSpec]:
    """Fill the document-wide facts each record's parser left empty (in place)."""
    lines = [line for line in doc.lines if not line.blank]
    texts = [line.stripped for line in lines]
    whole = "\n".join(texts)  # joined once for every reader
    salary = _salary(lines, document_currency(whole))
    found = {
        "opened": _first(lines, texts, whole, open_date),
        "deadline": _first(lines, texts, whole, application_deadline),
        "exam_types": _first(lines, texts, whole, lambda text: exam_types(text) or None),
        "probation_months": _first(lines, texts, whole, probation_months),
        "drivers_license": _first(lines, texts, whole, drivers_license),
    }
    for record in records:
        _fill(record, lines, salary, found)
    return records


def _fill(record: ClassSpec, lines: list[Line], salary: list[tuple[dict, list[Line]]], found: dict) -> None:
    cite = _citer(record)
    if not record.salary and salary:
        record.salary = [SalaryRange.model_validate(value) for value, _ in salary]
        for index, (value, source) in enumerate(salary):
            cite(f"salary[{index}]", value, source)
    for field, target, path in (
        ("opened", record.dates, "dates.opened"),
        ("deadline", record.dates, "dates.deadline"),
        ("exam_types", record, "exam_types"),
        ("probation_months", record, "probation_months"),
        ("drivers_license", record.minimum_qualifications, "minimum_qualifications.drivers_license"),
    ):
        leaf = path.rsplit(".", 1)[-1]
        if found[field] and getattr(target, leaf) in (None, []):
            value, source = found[field]
            setattr(target, leaf, value)
            if isinstance(value, list):
                for index, item in enumerate(value):
                    cite(f"{path}[{index}]", item, source)
            else:
                cite(path, value, source)
    _fill_paths(record, lines, cite)


def _fill_paths(record: ClassSpec, lines: list[Line], cite: Callable[..., None]) -> None:
    quals = record.minimum_qualifications
    if quals.paths or not quals.text:
        return
    paths = qualification_paths(quals.text)
    quals.paths = [QualificationPath.model_validate(path) for path in paths]
    # A path cites the lines of the qualification text it repeats (a series repeats the
    # same sentences for every level: only this record's lines count).
    spans_of_text = (record.provenance or {}).get("minimum_qualifications.text", [])
    numbers = {n for span in spans_of_text for n in range(span.line_start, span.line_end + 1)}
    own_lines = [ln for ln in lines if ln.number in numbers and len(_line_key(ln)) >= 6]

    def lines_of(text: str) -> list[Line]:
        told = _squash(text)
        return [ln for ln in own_lines if _line_key(ln) in told]

    for index, path in enumerate(paths):
        cite(
            f"minimum_qualifications.paths[{index}]",
            path,
            lines_of(" ".join([path["text"], *path["substitutions"]])),
        )
    months = [path["experience_months"] for path in paths if path["experience_months"] is not None]
    # The figure the normalizer gives for the whole of a list ignores the list's structure
    # (an education-only item, "1 and (2 or 3)"); the paths read it, so their smallest
    # figure replaces it. A parser's own figure is kept, and so is the whole-text figure of
    # blocks joined by AND / OR lines, whose nesting the paths read less well.
    # (Asked only when it decides: reading the whole text again is not free.)
    if months and (quals.min_experience_months is None or _whole_text_figure(quals)):
        quals.min_experience_months = min(months)
        least = next(path for path in paths if path["experience_months"] == min(months))
        cite("minimum_qualifications.min_experience_months", min(months), lines_of(least["text"]))


def _whole_text_figure(quals: MinimumQualifications) -> bool:
    """Is the record's figure the one the normalizer gives for the whole text (not
    the parser's own), in a text without AND / OR lines?"""
    # The connector lines first: their paragraphs are already split (the paths read them).
    if has_connector_lines(quals.text):
        return False
    return quals.min_experience_months == experience_months(quals.text)


def _citer(record: ClassSpec) -> Callable[[str, Any, Sequence[Line]], None]:
    """Provenance for a filled value and each of its parts, when provenance was asked for."""

    def cite(path: str, value: Any, source: Sequence[Line]) -> None:
        if record.provenance is None or not source:
            return
        cited = spans(source)
        for leaf in _leaf_paths(value, path):
            record.provenance[leaf] = cited

    return cite


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
    return _squash(_EMPHASIS.sub("", strip_marker(line.stripped)[1]))


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
    period: str | None = None
    in_pay_section = False
    for line in lines:
        text = line.stripped
        # The cheap tests first: most lines run past six words, and state no amount.
        amount = states_amount(text)
        if len(text.split(maxsplit=6)) <= 6 and not amount and _PAY_HEADING.match(text):
            in_pay_section, period = True, pay_period(text)
            continue
        if "$" not in text and is_short_heading(text):  # an amount line is not a heading
            in_pay_section, period = False, None
            continue
        if amount and (in_pay_section or _PAY_WORDS.search(text)):
            result += [(value, [line]) for value in salary_ranges(text, period or pay_period(text), dollar)]
    return result
