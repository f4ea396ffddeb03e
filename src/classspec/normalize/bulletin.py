"""Facts job bulletins state in a sentence: open date, application deadline, exam types,
the driver's licence rule and the probationary period."""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile
from classspec.normalize.dates import iso_date
from classspec.normalize.experience import duration_months
from classspec.regex_prefilter import folded, may_match, required_any, scanner, search

_OPEN_DATE = lazy_compile(
    r"\b(?:Open(?:ing)?\s+Date|Date\s+Opened|Posting\s+Date|Posted(?:\s+on)?)\s*:?\s*"
    r"(?P<date>(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})[-/.](?P<y>\d{4}|\d{2})\b|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})",
    re.I,
)
_DEADLINE = lazy_compile(
    r"(?:\bAPPLICATION\s+DEADLINE\b|\bmust\s+be\s+(?:received|submitted|postmarked)\s+(?:by|no\s+later\s+than)"
    r"|\b(?:Closing|Filing|Final\s+filing)\s+Date\b|\bDeadline\s*:|\bApply\s+by\s*:)"
    r"(?P<rest>[^\n]{0,200}(?:\n[^\n]{0,200}){0,3})",
    re.I,
)
_EXAM_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("open_competitive", lazy_compile(r"\bopen[\s-]+competitive\b", re.I)),
    ("interdepartmental_promotional", lazy_compile(r"\binter-?departmental[\s-]+promotional\b", re.I)),
    (
        "departmental_promotional",
        lazy_compile(r"(?<!inter)(?<!inter-)\bdepartmental[\s-]+promotional\b", re.I),
    ),
    (
        "promotional",
        lazy_compile(r"(?<!departmental )(?<!departmental-)\bpromotional\s+(?:basis|only|exam)", re.I),
    ),
    ("continuous", lazy_compile(r"\bcontinuous\s+(?:exam|examination|recruitment|filing)\b", re.I)),
)
# "THIS EXAMINATION IS TO BE GIVEN ONLY ON AN INTERDEPARTMENTAL PROMOTIONAL BASIS": the
# sentence that says how the exam is given (it may wrap over lines).
_BASIS = lazy_compile(r"\bEXAMINATION\s+IS\s+TO\s+BE\s+GIVEN\b.{0,160}?\bBASIS\b", re.I | re.S)
# "Exam Type: Open Competitive": a recruitment page's labelled field.
_TYPE_LABEL = lazy_compile(r"\bExam(?:ination)?\s+Types?\s*:\s*(?P<value>[^\n]+)", re.I)
# "(Exam Open to All, including Current City Employees)": LA's header line.
_OPEN_TO = lazy_compile(r"\bExam(?:ination)?\s+Open\s+to\s+(?P<who>[^)\n]+)", re.I)
# "driver's license", "drivers licence", and the British "driving licence".
# Philadelphia names it "a valid proper class motor vehicle operator's license".
_DRIVERS_LICENSE = lazy_compile(
    r"\b(?:driver|driving|motor\s+vehicle(?:['\u2019]s)?\s+operator)(?:['\u2019]?s|s['\u2019])?\s+licen[sc]es?\b",
    re.I,
)
_MAY_BE_REQUIRED = lazy_compile(
    r"\bmay\s+(?:be\s+)?requir|\bmay\s+need\b|\bsome\s+positions\b|\bpositions\s+requiring\b|\bcertain\s+positions\b|\bif\s+(?:an?\s+)?"
    r"(?:essential|required|needed|assigned)|\bwhen\s+(?:required|assigned)|\bfor\s+(?:some|certain)\b",
    re.I,
)
_REQUIRED = lazy_compile(
    r"\brequired\b|\bmust\s+(?:possess|have|hold|obtain|maintain)\b|\bpossession\s+of\b|\bvalid\b|\brequires?\b"
    # A criterion of a person specification: "Full UK driving licence", "Current Victorian
    # driver's licence" (Commonwealth wording for a licence held now).
    r"|^\W*(?:a\s+)?(?:full|current)\b",
    re.I,
)
_PROBATION = lazy_compile(
    r"\bprobation(?:ary)?\s+period\b[^.]{0,80}?(?P<after>\b\S+\s*(?:\(\d+\)\s*)?(?:-|\s)?(?:months?|years?)\b)"
    r"|(?P<before>\b\S+\s*(?:\(\d+\)\s*)?(?:-|\s)?(?:months?|years?))\s+probation",
    re.I,
)
_PROBATION_WORD = lazy_compile(r"probation", re.I)
# "a 90-day introductory period" (hospitals, universities): days, or the employer's
# other name for probation.
_INTRODUCTORY = lazy_compile(
    r"\b(?P<days>\d{2,3})[- ]days?\s+(?:probationary|introductory|trial)\s+period"
    r"|\b(?:introductory|trial)\s+period\b[^.]{0,40}?(?P<after>\b\S+\s*(?:\(\d+\)\s*)?(?:-|\s)?months?\b)"
    r"|(?P<before>\b\S+\s*(?:\(\d+\)\s*)?(?:-|\s)?months?)\s+(?:introductory|trial)\s+period",
    re.I,
)
DAYS_PER_MONTH = 30
# Sentences, and lines as list items; a line that goes on in lower case is the wrapped
# rest of its sentence ("... a valid New York State" / "driver's license ...").
_SENTENCE = lazy_compile(r"(?<=[.!?])\s+|\n+(?![a-z])")


def open_date(text: str | None) -> str | None:
    """'Open Date: 12-21-18' -> '2018-12-21' (US month-day-year)."""
    found = scanner(_OPEN_DATE).search(text) if text and may_match(_OPEN_DATE, text) else None
    if not found:
        return None
    return iso_date(found.group("date"))


def application_deadline(text: str | None) -> str | None:
    """'APPLICATION DEADLINE … must be received by THURSDAY, JANUARY 10, 2019' -> '2019-01-10'."""
    first = search(_DEADLINE, text) if text else None
    if first is None:
        return None
    # The first match found where the pattern's literals stand, the rest by a scan from it.
    for found in scanner(_DEADLINE).finditer(text, first.start()):
        date = iso_date(found.group("rest"))
        if date and len(date) == 10:
            return date
    return None


def exam_types(text: str | None) -> list[str]:
    """How an exam is given, as stated: the 'TO BE GIVEN … BASIS' sentence, else the
    'Exam Open to …' header ('All, including Current City Employees' -> both kinds)."""
    if not text:
        return []
    basis = search(_BASIS, text)
    if basis:
        stated = [
            (found.start(), kind) for kind, pattern in _EXAM_TYPES if (found := pattern.search(basis.group()))
        ]
        return [kind for _, kind in sorted(stated)]
    labelled = search(_TYPE_LABEL, text)
    if labelled:
        value = labelled.group("value")
        stated = [(found.start(), kind) for kind, pattern in _EXAM_TYPES if (found := pattern.search(value))]
        if not stated and re.fullmatch(r"\s*promotional\W*", value, re.I):
            stated = [(0, "promotional")]
        if stated:
            return [kind for _, kind in sorted(stated)]
    open_to = search(_OPEN_TO, text)
    if open_to:
        who = open_to.group("who").lower()
        kinds = []
        if re.search(r"\ball\b|\bpublic\b|\beveryone\b", who):
            kinds.append("open_competitive")
        if re.search(r"current\s+(?:city\s+|county\s+)?employees", who):
            kinds.append("interdepartmental_promotional")
        return kinds
    return []


def drivers_license(text: str | None) -> str | None:
    """'A valid California driver's license is required' -> 'required'; 'may be
    required', 'if an essential function' -> 'may_be_required'; no rule -> None."""
    # Every rule names a driver's (or a driving) licence: a text that does not is not
    # split into sentences.
    if not text or not search(_DRIVERS_LICENSE, text):
        return None
    rule = None
    for sentence in sentences_naming(text, _DRIVERS_LICENSE):
        if not scanner(_DRIVERS_LICENSE).search(sentence):
            continue
        if _MAY_BE_REQUIRED.search(sentence):
            rule = rule or "may_be_required"
        elif _REQUIRED.search(sentence):
            return "required"
    return rule


def sentences_naming(text: str, pattern: re.Pattern[str]) -> list[str]:
    """The pieces `_SENTENCE` splits `text` into that hold a literal `pattern` cannot
    match without, in order: found from each place a literal stands, not by splitting a
    whole document and testing every piece. A separator is a run of white space, so a
    piece reaches back to the last one ending before the literal (found by a scan from a
    place no separator spans: just after a character that is not white space) and on to
    the next one after it."""
    literals = required_any(pattern)
    haystack = folded(text) if pattern.flags & re.I else text
    if literals is None or len(haystack) != len(text) or any(ch.isspace() for lit in literals for ch in lit):
        return [piece for piece in scanner(_SENTENCE).split(text) if may_match(pattern, piece)]
    places = sorted({at for literal in literals for at in _places_of(haystack, literal)})
    pieces: dict[int, str] = {}
    for at in places:
        begin = _piece_start(text, at)
        if begin not in pieces:
            after = _SENTENCE.search(text, at)
            pieces[begin] = text[begin : after.start() if after else len(text)]
    return list(pieces.values())


def _places_of(haystack: str, literal: str) -> list[int]:
    found, at = [], haystack.find(literal)
    while at >= 0:
        found.append(at)
        at = haystack.find(literal, at + 1)
    return found


def _piece_start(text: str, at: int) -> int:
    """Where the piece holding `at` (not white space) starts: the end of the last
    separator before it, or 0."""
    reach = 256
    while True:
        begin = max(0, at - reach)
        while begin > 0 and text[begin - 1].isspace():  # a place no separator spans
            begin -= 1
        last = None
        for found in _SENTENCE.finditer(text, begin):
            if found.start() >= at:
                break
            last = found
        if last is not None:
            return last.end()
        if begin == 0:
            return 0
        reach *= 4


def _probation_from(text: str) -> int:
    """Where a _PROBATION match can start: both forms contain the word, and the 'before'
    form starts at most four words before it ('six (6) month probation'), so no match
    starts more than eight words (a margin) before its first occurrence. A scan from the
    start tried `\\b\\S+` at every word of a long document: most of this reader's cost."""
    first = _PROBATION_WORD.search(text)
    if first is None:
        return len(text)
    before = text[: first.start()].rsplit(maxsplit=8)
    return len(before[0]) if len(before) > 8 else 0


def probation_months(text: str | None) -> int | None:
    """'a probationary period of six months' -> 6; 'a one-year probation' -> 12."""
    # Both forms contain the word: most texts without it are settled by one substring
    # test, not by a scan that starts at every word.
    if not text:
        return None
    lowered = folded(text)
    found = _PROBATION.search(text, _probation_from(text)) if "probation" in lowered else None
    # The other names, and a period counted in days, are rare: most texts are not scanned.
    rare = ("introductory", "trial period", "day probation")
    if found is None and any(word in lowered for word in rare):
        found = _INTRODUCTORY.search(text)
        if found and found.group("days"):
            return round(int(found.group("days")) / DAYS_PER_MONTH) or None
    if not found:
        return None
    return duration_months((found.group("after") or found.group("before")).replace("-", " "))
