"""Salary ranges as documents write them ("$65,646 to $81,536; $93,584 to $98,804",
"$85,023 (flat-rated)", "$24.50 - $31.25 per hour") → numbers with their period.

Only amounts written with a currency sign count ($, £, €): a grade ("EP17", "97B") is
never turned into money. A pound or euro sign names its currency; a dollar is the US
dollar unless the document is Canadian or Australian (document_currency).

An amount is pay only in a pay context: under a pay heading or label (the caller says
so), or, in running text, after pay words ("The salary ... is $X") or right before a
period ("$24.50 per hour"). Money named as something else (a budget, funds, a fee, a
bond, a threshold, a bonus ...) is never salary, wherever it stands.
"""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile

CURRENCY_SIGNS = "$\u00a3\u20ac"
# Paid periods in a year; an hour is one of 2,080 paid hours, as OEWS annualises hourly wages.
PER_YEAR = {"hour": 2080, "biweek": 26, "semimonth": 24, "month": 12, "year": 1}
# A thousands group may follow its comma after one space ("$166, 935": a typing slip of
# a bulletin, read as 166,935 rather than as 166); "$250K" is 250,000.
_AMOUNT = rf"[{CURRENCY_SIGNS}]\s*(?:\d{{1,3}}(?:, ?\d{{3}}(?!\d))+|\d+)(?:\.\d{{1,2}})?(?:[kK]\b)?"
# Where an amount starts: a sign, then a digit.
_AMOUNT_START = lazy_compile(rf"[{CURRENCY_SIGNS}]\s*\d")
# Currency signs that say which currency they are.
_SIGN_CURRENCY = {"\u00a3": "GBP", "\u20ac": "EUR"}
# What makes a document's dollars Canadian or Australian: its own words for its country,
# its institutions, its pay terms and its largest cities (two different ones, so that a
# US spec naming "Ontario" or "Victoria" once, as a place, stays in US dollars; a posting
# says "Location: Toronto" beside "Ontario Digital Service"). Plain substrings, as
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
            "Toronto",
            "Ottawa",
            "Montreal",
            "Montréal",
            "Vancouver",
            "Calgary",
            "Edmonton",
            "Winnipeg",
            "Halifax",
            "Saskatoon",
            "Mississauga",
        ),
    ),
    (
        "AUD",
        (
            "Australia",
            "superannuation",
            "Shire Council",
            "Victoria",
            "Queensland",
            "New South Wales",
            "Sydney",
            "Melbourne",
            "Brisbane",
            "Adelaide",
            "Canberra",
        ),
    ),
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
    (
        "biweek",
        lazy_compile(
            r"\bbi-?\s?weekly\b|\bper\s+pay\s+period\b|\bevery\s+two\s+weeks\b|\b(?:per|a)\s+fortnight\b"
            r"|\bfortnightly\b",
            re.I,
        ),
    ),
    ("semimonth", lazy_compile(r"\bsemi-?\s?monthly\b|\btwice\s+(?:a|per)\s+month\b", re.I)),
    ("hour", lazy_compile(r"\bhourly\b|(?:\b(?:per|an)\s*|(?<![A-Za-z])/\s*)(?:hour|hr)\b", re.I)),
    ("month", lazy_compile(r"\bmonthly\b|(?:\b(?:per|a)\s*|(?<![A-Za-z])/\s*)(?:month|mo)\b", re.I)),
    (
        "year",
        lazy_compile(
            r"\bannual(?:ly)?\b|\byearly\b|(?:\b(?:per|a)\s*|(?<![A-Za-z])/\s*)(?:year|yr|annum)\b", re.I
        ),
    ),
)
# "Range A", "Step 1", "Grade 12" written before the amounts, or the department a sentence
# names ("The salary in the Department of Water and Power is ...").
_LABEL = lazy_compile(
    r"\b(?P<range>(?:Range|Schedule|Band|Tier|Level)\s+[A-Z0-9]{1,3})\b\s*[:\-\u2013]?\s*$"
    r"|\b(?:in|for|at)\s+(?:positions\s+(?:in|with|at)\s+)?(?:the\s+)?(?P<department>[A-Z][\w&,.' ]{2,80}?)"
    r"\s+(?:is|are|will\s+be)\b[^$]*$",
)


# Words that name money other than what the job pays, next to an amount: "commit funds up
# to $250K per month", "budgets in excess of \u00a35m", "a $25 biweekly bonus", "purchase
# orders over $1,000", "$7 million in annual revenue".
_NOT_PAY = lazy_compile(
    r"\b(?:budget|fund|funding|fee|bond|threshold|revenue|cost|contract|purchase|purchasing|expenditure"
    r"|spend|spending|penalt(?:y|ies)|settlement|grant|loan|bonus(?:es)?|stipend|allowance|differential"
    r"|reimburse\w*|premium|incentive|million|billion)s?\b",
    re.I,
)
# "\u00a340m", "$1.5bn": millions and billions written onto the amount.
_SCALE_SUFFIX = lazy_compile(r"[mb]n?\b|\s*(?:million|billion)\b", re.I)
# Words that say an amount is pay, before it in its sentence: "Salary:", "The salary in
# ... is", "Pay Range", "Hourly rate", "wages of", "compensation of", "earn".
_PAY_WORDS = lazy_compile(
    r"\b(?:salary|salaries|pay|paid|wages?|compensation|earn(?:s|ing)?|rate|remuneration)\b", re.I
)
# How many words before an amount (in its sentence) a pay word may stand, and how many
# words on either side of it may name other money.
_PAY_REACH = 12
_NOT_PAY_BEFORE = 6
_NOT_PAY_AFTER = 3
_SENTENCE_END = lazy_compile(r"[.!?]\s|[;\n]")
_CLAUSE_END = lazy_compile(r"[.!?](?:\s|$)|[;\n(]")
_WORD = lazy_compile(r"[^\s(),:/\[\]]+")
_GLUE = ("and", "or", "to", "-", "\u2013", "\u2014", "through", "thru")

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


# Periods pay is stated in that the schema has no value for: the range keeps a null
# period (it is not annualised), and the record says why.
_UNLISTED_PERIODS = (
    ("week", lazy_compile(r"(?<!bi-)\bweekly\b|(?:\b(?:per|a)\s*|(?<![A-Za-z])/\s*)(?:week|wk)\b", re.I)),
    ("day", lazy_compile(r"\bdaily\s+rate\b|(?:\b(?:per|a)\s*|(?<![A-Za-z])/\s*)(?:day|diem)\b", re.I)),
)


def unlisted_period(text: str) -> str | None:
    """A pay period the text names that `pay_period` has no value for ('per week')."""
    for period, pattern in _UNLISTED_PERIODS:
        if pattern.search(text):
            return period
    return None


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
    thousands = digits[-1:] in ("k", "K")
    value = float(digits.rstrip("kK")) * (1000 if thousands else 1)
    return int(value) if value.is_integer() and ("." not in digits or thousands) else value


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _names_other_money(before: str, after: str) -> bool:
    """Do the words next to an amount name money that is not pay ('funds up to', 'bonus')?
    After it, the other amounts of its list are passed over ('$25 and $50 biweekly bonus')."""
    if _SCALE_SUFFIX.match(after):
        return True
    # Only the amount's own clause: 'Salary: $X (cost of benefits extra)' is pay.
    after = _CLAUSE_END.split(after, maxsplit=1)[0]
    before = _CLAUSE_END.split(before)[-1]
    following = [w for w in _words(after) if w[0] not in CURRENCY_SIGNS and w.lower() not in _GLUE]
    near = _words(before)[-_NOT_PAY_BEFORE:] + following[:_NOT_PAY_AFTER]
    return any(_NOT_PAY.fullmatch(word.strip(".,;'\"")) for word in near)


def _said_to_be_pay(before: str, after: str) -> bool:
    """In running text: a pay word shortly before the amount in its sentence, or a period
    right after it ('$24.50 per hour', '$4,100 monthly')."""
    sentence = _SENTENCE_END.split(before)[-1]
    if _PAY_WORDS.search(" ".join(_words(sentence)[-_PAY_REACH:])):
        return True
    return pay_period(" ".join(after.split(maxsplit=2)[:2])) is not None


def _label(before: str) -> str | None:
    found = _LABEL.search(before)
    if not found:
        return None
    return (found.group("range") or found.group("department")).strip(" ,.")


def salary_ranges(
    text: str | None, period: str | None = None, dollar: str = "USD", *, pay_context: bool = True
) -> list[dict]:
    """Every salary range written in `text`, in order, as SalaryRange dicts.

    `period` is the one the context gives (an 'ANNUAL SALARY' heading); a period written
    next to the amounts wins. A label written before the amounts of a sentence ('Range A:',
    'The salary in the Department of Water and Power is') applies to all of them.
    `dollar` is the currency of '$' amounts (document_currency). `pay_context`: the text
    stands under a pay heading or label; without it, only amounts the text itself calls
    pay count. Amounts named as other money, and placeholders ('$00,000'), never count.
    """
    if not text:
        return []
    ranges: list[dict] = []
    previous_end = 0
    for group in _lists(text, list(_RANGE.finditer(text))):
        # A list is pay as a whole: its pay word stands before the first amount, its period
        # may follow the last ('$90,180 or $92,080 (flat-rated)', '$24.50 and $31.25 per hour').
        start, previous_end = previous_end, group[-1].end()
        if not pay_context and not any(_said_to_be_pay(text[: f.start()], text[f.end() :]) for f in group):
            continue
        clause = re.split(r"[.!?]\s|\n|;", text[start : group[0].start()])[-1]
        # Its own words before the amounts give the label.
        label = _label(clause)
        # A period written after the last amount of a list is the list's ('$18.50 and
        # $21.00 per hour'), unless a member writes its own.
        afters = [
            _after(text, found, group[i + 1].start() if i + 1 < len(group) else len(text))
            for i, found in enumerate(group)
        ]
        stated = [pay_period(after) for after in afters]
        for index, found in enumerate(group):
            if _is_placeholder(found.group("min")) or _names_other_money(
                text[: found.start()], text[found.end() :]
            ):
                continue
            between = text[group[index - 1].end() if index else start : found.start()]
            ranges.append(
                {
                    "min": _number(found.group("min")),
                    "max": _number(found.group("max")) if found.group("max") else None,
                    "period": next((p for p in stated[index:] if p), None) or pay_period(between) or period,
                    "currency": _SIGN_CURRENCY.get(found.group("min").lstrip()[:1], dollar),
                    "label": label,
                    "text": found.group().strip(),
                }
            )
    return ranges


def _after(text: str, found: re.Match[str], next_start: int) -> str:
    """The words after a range up to the next one, in its clause."""
    return re.split(r"[;\n]|\.\s", text[found.end() : next_start], maxsplit=1)[0]


def _lists(text: str, matches: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The ranges grouped into the lists they form: only list glue ('; ', ', and ',
    ' or ') between members."""
    groups: list[list[re.Match[str]]] = []
    for found in matches:
        if groups and _LIST_GLUE.fullmatch(text[groups[-1][-1].end() : found.start()]):
            groups[-1].append(found)
        else:
            groups.append([found])
    return groups


def _is_placeholder(amount: str) -> bool:
    """'$00,000' in a posting template: no digit but zeros."""
    return not any(char in "123456789" for char in amount)


def currency_of(salary: dict) -> str:
    """A salary range's (dict form) currency; US dollars where an export leaves it out."""
    return salary.get("currency") or "USD"


def annual(salary: dict) -> tuple[float | None, float | None]:
    """A salary range (its dict form) a year at a time; (None, None) without a period."""
    factor = PER_YEAR.get(salary.get("period") or "")
    if factor is None:
        return None, None
    low, high = salary.get("min"), salary.get("max")
    return (
        round(low * factor) if low is not None else None,
        round(high * factor) if high is not None else None,
    )
