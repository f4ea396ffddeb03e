"""Salary ranges as documents write them ("$65,646 to $81,536; $93,584 to $98,804",
"$85,023 (flat-rated)", "$24.50 - $31.25 per hour") → numbers with their period.

Only amounts written with a currency sign count ($, £, €): a grade ("EP17", "97B") is
never turned into money. A pound or euro sign names its currency; a dollar is the US
dollar unless the document is Canadian or Australian (document_currency).
"""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile

CURRENCY_SIGNS = "$\u00a3\u20ac"
_AMOUNT = rf"[{CURRENCY_SIGNS}]\s*(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d{{1,2}})?"
# Where an amount starts: a sign, then a digit.
_AMOUNT_START = lazy_compile(rf"[{CURRENCY_SIGNS}]\s*\d")
# Currency signs that say which currency they are.
_SIGN_CURRENCY = {"\u00a3": "GBP", "\u20ac": "EUR"}
# What makes a document's dollars Canadian or Australian: its own words for its country,
# its institutions and its pay terms (two different ones, so that a US spec naming
# "Ontario" or "Victoria" once, as a place, stays in US dollars). Plain substrings, as
# written: every document is asked, and most have none of them.
_DOLLAR_COUNTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "CAD",
        (
            "Canada",
            "Canadian",
            "CUPE",
            "BCGEU",
            "OPSEU",
            "PSAC",
            "AUPE",
            "WorkSafeBC",
            "British Columbia",
            "Alberta",
            "Ontario",
            "Quebec",
            "Nova Scotia",
            "Manitoba",
            "Saskatchewan",
            "provincial",
            "BC Public Service",
        ),
    ),
    ("AUD", ("Australia", "superannuation", "Shire Council", "Victoria", "Queensland", "New South Wales")),
)
CUE_CHARS = 1500
_CODES = ("CAD", "AUD", "NZD", "C$", "A$", "Z$")
_EXPLICIT_DOLLAR = lazy_compile(
    r"\b(?P<code>CAD|AUD|NZD)\s*\$?\s*\d|\d(?:\.\d\d)?\s*(?P<after>CAD|AUD|NZD)\b|\b(?P<sign>C|A|NZ)\$\s*\d"
)
# One range: an amount, optionally "to / - / – / through" a second amount.
_RANGE = lazy_compile(
    # The second amount may repeat a currency prefix ("NZ$98,500 - NZ$115,900").
    rf"(?P<min>{_AMOUNT})(?:\s*(?:to|-|\u2013|\u2014|through|thru)\s*(?:[A-Z]{{1,2}}(?=\$))?(?P<max>{_AMOUNT}))?"
    r"(?P<flat>\s*\(\s*flat[- ]?rated\s*\))?",
    re.I,
)
# Period words, most specific first ("bi-weekly" before "weekly", "semi-monthly" before "monthly").
_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("biweek", lazy_compile(r"\bbi-?\s?weekly\b|\bper\s+pay\s+period\b|\bevery\s+two\s+weeks\b", re.I)),
    ("semimonth", lazy_compile(r"\bsemi-?\s?monthly\b|\btwice\s+(?:a|per)\s+month\b", re.I)),
    ("hour", lazy_compile(r"\bhourly\b|\b(?:per|an|/)\s*(?:hour|hr)\b", re.I)),
    ("month", lazy_compile(r"\bmonthly\b|\b(?:per|a|/)\s*(?:month|mo)\b", re.I)),
    ("year", lazy_compile(r"\bannual(?:ly)?\b|\byearly\b|\b(?:per|a|/)\s*(?:year|yr|annum)\b", re.I)),
)
# "Range A", "Step 1", "Grade 12" written before the amounts, or the department a sentence
# names ("The salary in the Department of Water and Power is ...").
_LABEL = lazy_compile(
    r"\b(?P<range>(?:Range|Schedule|Band|Tier|Level)\s+[A-Z0-9]{1,3})\b\s*[:\-\u2013]?\s*$"
    r"|\b(?:in|for|at)\s+(?:positions\s+(?:in|with|at)\s+)?(?:the\s+)?(?P<department>[A-Z][\w&,.' ]{2,80}?)"
    r"\s+(?:is|are|will\s+be)\b[^$]*$",
)


# What may stand between two ranges of one list: "; ", ", and ", " or ".
_LIST_GLUE = lazy_compile(r"[\s;,]*(?:(?:and|or)\b[\s;,]*)?", re.I)


def document_currency(text: str) -> str:
    """The currency of a document's dollar amounts: one it names ('CAD', 'A$'), else
    the country its words place it in (two different cues), else US dollars."""
    if "$" not in text:
        return "USD"
    named = _EXPLICIT_DOLLAR.search(text) if any(code in text for code in _CODES) else None
    if named:
        code = named.group("code") or named.group("after")
        return code or {"C": "CAD", "A": "AUD", "NZ": "NZD"}[named.group("sign")]
    # A document names its country in its letterhead and its closing lines (employer,
    # union, address): a long one is read there only.
    if len(text) > 2 * CUE_CHARS:
        text = text[:CUE_CHARS] + "\n" + text[-CUE_CHARS:]
    for currency, cues in _DOLLAR_COUNTRIES:
        if sum(cue in text for cue in cues) >= 2:
            return currency
    return "USD"


def states_amount(text: str) -> bool:
    """Does the text write an amount of money ('$52,000', '\u00a329,269')?"""
    # Substring tests first: most lines have no currency sign at all.
    return ("$" in text or "\u00a3" in text or "\u20ac" in text) and _AMOUNT_START.search(text) is not None


def pay_period(text: str | None) -> str | None:
    """The pay period a text names: 'per hour' -> 'hour', 'Bi-Weekly' -> 'biweek'."""
    if not text:
        return None
    for period, pattern in _PERIODS:
        if pattern.search(text):
            return period
    return None


def _number(text: str) -> int | float:
    digits = re.sub(rf"[{CURRENCY_SIGNS},\s]", "", text)
    value = float(digits)
    return int(value) if value.is_integer() and "." not in digits else value


def _label(before: str) -> str | None:
    found = _LABEL.search(before)
    if not found:
        return None
    return (found.group("range") or found.group("department")).strip(" ,.")


def salary_ranges(text: str | None, period: str | None = None, dollar: str = "USD") -> list[dict]:
    """Every salary range written in `text`, in order, as SalaryRange dicts.

    `period` is the one the context gives (an 'ANNUAL SALARY' heading); a period written
    next to the amounts wins. A label written before the amounts of a sentence ('Range A:',
    'The salary in the Department of Water and Power is') applies to all of them.
    `dollar` is the currency of '$' amounts (document_currency).
    """
    if not text:
        return []
    ranges: list[dict] = []
    label: str | None = None
    previous_end = 0
    matches = list(_RANGE.finditer(text))
    for index, found in enumerate(matches):
        between = text[previous_end : found.start()]
        if index == 0 or not _LIST_GLUE.fullmatch(between):
            # A new sentence or clause: its own words before the amounts give the label.
            clause = re.split(r"[.!?]\s|\n|;", between)[-1]
            label = _label(clause)
        next_start = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        after = re.split(r"[;\n]|\.\s", text[found.end() : next_start], maxsplit=1)[0]
        ranges.append(
            {
                "min": _number(found.group("min")),
                "max": _number(found.group("max")) if found.group("max") else None,
                "period": pay_period(after) or pay_period(between) or period,
                "currency": _SIGN_CURRENCY.get(found.group("min").lstrip()[:1], dollar),
                "label": label,
                "text": found.group().strip(),
            }
        )
        previous_end = found.end()
    return ranges
