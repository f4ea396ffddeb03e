"""Shared normalizers: the phrasings specs use for dates, FLSA, education, experience,
frequencies and strength, turned into the model's closed vocabularies.

Each function takes the text as written and returns None when it cannot tell, so a
parser never has to guess.
"""

from __future__ import annotations

import itertools
import re

from classspec.model import EducationLevel, FlsaStatus, Frequency, Strength

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Two-digit years up to this value are read as 20xx, later ones as 19xx ("5/04" is 2004,
# "3/53" is 1953). A fixed pivot, not today's date, keeps output deterministic; specs
# written in two-digit years run from 1953 to the present.
TWO_DIGIT_YEAR_PIVOT = 30

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# Tolerates the typing seen in real specs: "3 / 19", "1//53", "CSC \u2013 8/24".
_SLASH = r"\s*/{1,2}\s*"
_DATE_PATTERNS = (
    re.compile(
        rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\b"),
    re.compile(
        rf"(?<![\d/])(?P<month>\d{{1,2}}){_SLASH}(?P<day>\d{{1,2}}){_SLASH}(?P<year>\d{{4}}|\d{{2}})(?![\d/])"
    ),
    re.compile(rf"(?<![\d/])(?P<month>\d{{1,2}})(?:{_SLASH}|-)(?P<year>\d{{4}}|\d{{2}})(?![\d/])"),
    re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d{2})(?![\d/])"),
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def iso_date(text: str | None) -> str | None:
    """The first date written in `text` as ISO 8601, as precise as it is written.

    'March, 2022' -> '2022-03'; 'Jan. 1990' -> '1990-01'; '3/53' -> '1953-03';
    '5/04/2004' -> '2004-05-04'; '2019' -> '2019'. Placeholders such as '00/00/00'
    and impossible dates give None.
    """
    if not text:
        return None
    candidates: list[tuple[int, int, str]] = []
    for rank, pattern in enumerate(_DATE_PATTERNS):
        for found in pattern.finditer(text):
            date = _date_of(found.groupdict())
            if date:
                candidates.append((found.start(), rank, date))
                break
    # The date written first wins; at the same place, the more specific pattern.
    return min(candidates)[2] if candidates else None


def _date_of(parts: dict[str, str | None]) -> str | None:
    year = _year(parts["year"] or "")
    if not 1800 <= year <= 2100:
        return None
    month_text = parts.get("month")
    if month_text is None:
        return f"{year:04d}"
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    if not 1 <= month <= 12:
        return None
    day_text = parts.get("day")
    if day_text is None:
        return f"{year:04d}-{month:02d}"
    day = int(day_text)
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# Bare codes some jurisdictions print after "FLSA:" ("E", Philadelphia's "2E", "NE").
_FLSA_EXEMPT_CODE = re.compile(r"\d?E", re.I)
_FLSA_NON_EXEMPT_CODE = re.compile(r"\d?(?:N|NE|N/E)", re.I)


def flsa_status(text: str | None) -> FlsaStatus | None:
    """'Non Exempt', 'Non-Exempt', 'Nonexempt', 'Not exempt', 'Exempt', or a bare code
    ('E', '2E', 'N', 'NE') as written after an FLSA label."""
    if not text:
        return None
    value = re.sub(r"^\s*(?:FLSA(?:\s+status)?\s*[:\-]?\s*)", "", text.strip(), flags=re.I).strip(" .")
    if _FLSA_EXEMPT_CODE.fullmatch(value):
        return FlsaStatus.exempt
    if _FLSA_NON_EXEMPT_CODE.fullmatch(value):
        return FlsaStatus.non_exempt
    lowered = re.sub(r"[^a-z]", "", value.lower())
    if "nonexempt" in lowered or "notexempt" in lowered or "overtimeeligible" in lowered:
        return FlsaStatus.non_exempt
    if "exempt" in lowered:
        return FlsaStatus.exempt
    return None


_APOSTROPHE = "['\u2019\u2018`\u00e2\u0080\u0099]{0,3}"
_EDUCATION_PATTERNS: tuple[tuple[EducationLevel, re.Pattern[str]], ...] = (
    (
        EducationLevel.none,
        re.compile(
            r"(?:sixth|seventh|eighth|ninth|tenth|eleventh|[6-9]th|1[01]th)\s+(?:school\s+)?grade"
            r"|no\s+(?:formal\s+)?education(?:al)?\s+(?:requirement|is\s+required)",
            re.I,
        ),
    ),
    (
        EducationLevel.high_school,
        re.compile(
            r"(?<!post-)(?<!post )high\s+school(?!\s+course)|twelfth\s+(?:school\s+)?grade"
            r"|12th\s+(?:school\s+)?grade|grade\s+12\b|\bG\.?E\.?D\b|secondary\s+school",
            re.I,
        ),
    ),
    (
        EducationLevel.some_college,
        re.compile(
            r"(?:years?|semester\s+hours|quarter\s+(?:units|hours)|credits?)\s+of\s+(?:college|university)"
            r"|college\s+(?:course\s*work|credits?|level\s+course)|semester\s+hours|quarter\s+units"
            r"|years?\s+of\s+(?:study|course\s*work)\s+at|two[- ]year\s+(?:\w+\s+)?program\s+at"
            r"|\b\d+\s+(?:semester\s+|college\s+)?credits\b",
            re.I,
        ),
    ),
    (
        EducationLevel.associate,
        re.compile(
            rf"associate{_APOSTROPHE}s?\s+(?:degree|of\s+(?:arts|science|applied))|\bA\.A\.S?\.?\s+degree",
            re.I,
        ),
    ),
    (
        EducationLevel.bachelor,
        re.compile(
            rf"bachelor{_APOSTROPHE}s?\b|baccalaureate|four[- ]year\s+(?:college\s+)?degree|\bB\.[AS]\.", re.I
        ),
    ),
    (
        EducationLevel.master,
        re.compile(rf"master{_APOSTROPHE}s?\s+(?:degree|of)|\bM\.[AS]\.|\bMBA\b|\bMPA\b|\bMSW\b", re.I),
    ),
    (
        EducationLevel.doctorate,
        re.compile(r"doctora(?:te|l)|\bdegree\s+of\s+doctor\b|\bPh\.?\s?D\b|juris\s+doctor|\bJ\.D\.", re.I),
    ),
)
# "four years of college resulting in a Bachelor's degree" names the degree, not some college.
_COLLEGE_TOWARD_DEGREE = re.compile(
    r"years?\s+of\s+(?:college|university)\s+(?:\w+\s+){0,3}?(?:resulting|leading|culminating)\s+in", re.I
)


def education_level(text: str | None) -> EducationLevel | None:
    """The lowest education level the text names as acceptable.

    "Two years of college coursework or an associate degree" -> some_college;
    "Four years of college resulting in a Bachelor's degree" -> bachelor (years of college
    count as some college only when they are not the road to a named degree).
    """
    if not text:
        return None
    found = [level for level, pattern in _EDUCATION_PATTERNS if pattern.search(text)]
    if EducationLevel.some_college in found and _COLLEGE_TOWARD_DEGREE.search(text):
        found.remove(EducationLevel.some_college)
    return found[0] if found else None


NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "forty-eight": 48,
    "sixty": 60,
}
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?P<n>{_NUMBER})(?P<half>\s+and\s+(?:a|one)[- ]half)?[\s-]*(?:\(\s*\d+\s*\)[\s-]*)?"
    r"(?:full[- ]time\s+)?(?P<unit>years?|months?)\b"
    r"(?:\s*\(\s*(?P<months>\d+)\s*months?\s*\))?",
    re.I,
)
# What may follow a duration that is schooling, age or a subset, not required experience.
_NOT_EXPERIENCE_AFTER = re.compile(
    r"[\s'\u2019]*(?:\(\d+\s*months?\)\s*)?"
    r"(?:(?:of\s+)?(?:full[- ]time\s+)?(?:college|university|course\s*work|education|school"
    r"|(?:post-?\s*)?high\s+school|accredited|study)"
    r"|(?:(?!of\b)\w+\s+)?(?:degree|program|course)\b|of\s+age|old\b|of\s+which|which\s+(?:shall|must|should))",
    re.I,
)
# ... and what may precede one: deadlines ("within six months") and subsets ("including one year").
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"(?:within|includ\w*|of\s+which|up\s+to)\s*(?:the\s+)?(?:first\s+|past\s+|last\s+)?$",
    re.I,
)
# Clauses that talk about substitutes and preferences, not the requirement itself.
_NOT_REQUIREMENT = re.compile(
    r"substitut|in\s+lieu|equals|equivalent\s+to\s+\S+\s+years?|desirable|preferred|waive|\bNOTE\b", re.I
)
_EXPERIENCE_WORD = re.compile(r"experience|employment|\bwork(?:ing|ed)?\b|service|as\s+an?\b", re.I)
# Alternatives of the whole requirement: "OR" written as a word of its own, "; or", ". Or".
_ALTERNATIVE = re.compile(r"\bOR\b|;\s*or\b|\.\s+[Oo]r\b|^\s*or\s*$", re.M)
# Each of these opens one branch ("CALL CENTER SPECIALTY:", "Option 2"); text before the
# first branch is shared by all of them. "BOTH SPECIALTIES" / "All Specialties" are shared.
_BRANCH = re.compile(
    r"\b(?:[A-Z][\w'&/,-]*\s+){1,6}(?:SPECIALT(?:Y|IES)|Specialt(?:y|ies))\b(?!\s+(?:and|or|AND|OR)\b)"
    r"|\bOPTION\s+\d+|\bOption\s+\d+"
)
_SHARED_BRANCH = re.compile(r"\b(?:BOTH|ALL|Both|All)\b")
# A note runs to the next AND / OR: it explains substitutions, it does not add requirements.
_NOTE = re.compile(r"\bNOTE\b.*?(?=\bAND\b|\bOR\b|$)", re.S)
_CLAUSE_END = re.compile(r"[.;](?:\s|$)|\n|\bAND\b|\bNOTE\b")
_OR_BETWEEN = re.compile(r"\bor\b", re.I)
_AND_BETWEEN = re.compile(r"\bAND\b|\bplus\b|supplemented\s+by|in\s+addition", re.I)


def _duration_months(found: re.Match[str]) -> int | None:
    if found.group("months"):
        return int(found.group("months"))
    word = found.group("n").lower()
    number = float(word) if word[0].isdigit() else NUMBER_WORDS.get(word)
    if number is None:
        return None
    if found.group("half"):
        number += 0.5
    months = number * 12 if found.group("unit").lower().startswith("year") else number
    return round(months)


def _clause(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _required_durations(text: str) -> list[tuple[re.Match[str], int]]:
    """Durations of required experience in one alternative, in order."""
    result = []
    for found in _DURATION.finditer(text):
        if _NOT_EXPERIENCE_AFTER.match(text, found.end()):
            continue
        if _NOT_EXPERIENCE_BEFORE.search(text[max(0, found.start() - 40) : found.start()]):
            continue
        clause = _clause(text, found.start(), found.end())
        if _NOT_REQUIREMENT.search(clause) or not _EXPERIENCE_WORD.search(clause):
            continue
        months = _duration_months(found)
        if months:
            result.append((found, months))
    return result


def _alternative_months(text: str) -> int:
    """Durations joined by AND add up; two joined by a plain 'or' are alternatives."""
    total = 0
    group: list[int] = []
    previous_end: int | None = None
    for found, months in _required_durations(text):
        between = text[previous_end : found.start()] if previous_end is not None else ""
        if group and _OR_BETWEEN.search(between.replace("and/or", "")) and not _AND_BETWEEN.search(between):
            group.append(months)
        else:
            total += min(group) if group else 0
            group = [months]
        previous_end = found.end()
    return total + (min(group) if group else 0)


def _branch_starts(text: str) -> list[int]:
    return [m.start() for m in _BRANCH.finditer(text) if not _SHARED_BRANCH.search(m.group())]


def _branches_months(text: str) -> list[int]:
    """Months for each specialty/option branch, each counting the shared text before them."""
    starts = _branch_starts(text)
    if not starts:
        return [_alternative_months(text)]
    shared = _alternative_months(text[: starts[0]])
    bounds = [*starts, len(text)]
    return [shared + _alternative_months(text[a:b]) for a, b in itertools.pairwise(bounds)]


def _alternatives(text: str) -> list[str]:
    """Split at OR; an alternative that opens another option of a branch list that
    followed shared requirements ("... AND SPECIFIC: Option 1 ... OR Option 2 ...")
    stays with the text before it, so the shared part counts for every option."""
    alternatives: list[str] = []
    for part in _ALTERNATIVE.split(text):
        if (
            alternatives
            and _branch_starts(part.strip())[:1] == [0]
            and _shares_before_branch(alternatives[-1])
        ):
            alternatives[-1] += " " + part
        else:
            alternatives.append(part)
    return alternatives


def _shares_before_branch(text: str) -> bool:
    starts = _branch_starts(text)
    return bool(starts and _alternative_months(text[: starts[0]]))


def duration_months(text: str | None) -> int | None:
    """The first duration written in the text, in months, whatever it is a duration of:
    '18 months' -> 18; '3 years (36 months)' -> 36; 'One year' -> 12."""
    if not text:
        return None
    found = _DURATION.search(text)
    return _duration_months(found) if found else None


def experience_months(text: str | None) -> int | None:
    """Months of experience the text requires at the least.

    Durations joined by AND add up ("two years ... AND two years ..." -> 48); alternatives
    ("OR", "; or", "... or two years ...", specialties, options) give the smallest that
    names any experience. Years of schooling, ages, deadlines ("within six months"),
    subsets ("two years of which"), substitutions and preferences are not counted.
    "Three years ..." -> 36; "one year (12 months)" -> 12; "five (5) years" -> 60.
    """
    if not text:
        return None
    text = _NOTE.sub(" ", text)
    totals = [
        months for alternative in _alternatives(text) for months in _branches_months(alternative) if months
    ]
    return min(totals) if totals else None


_FREQUENCY_CODES = {
    "c": Frequency.continuously,
    "f": Frequency.frequently,
    "o": Frequency.occasionally,
    "r": Frequency.rarely,
    "n": Frequency.never,
}
_FREQUENCY_WORDS = {
    "continuous": Frequency.continuously,
    "constant": Frequency.continuously,
    "frequent": Frequency.frequently,
    "occasional": Frequency.occasionally,
    "rare": Frequency.rarely,
    "seldom": Frequency.rarely,
    "never": Frequency.never,
}
# Norfolk's environmental codes: Daily, several times a Week/Month, Seasonally, Never.
_ENVIRONMENT_CODES = {
    "d": Frequency.continuously,
    "w": Frequency.frequently,
    "m": Frequency.occasionally,
    "s": Frequency.rarely,
    "n": Frequency.never,
}


def frequency(code: str | None) -> Frequency | None:
    """'C'/'F'/'O'/'R'/'N' or a word ('Frequently', 'occasional') to a frequency."""
    if not code:
        return None
    text = code.strip().lower()
    if text in _FREQUENCY_CODES:
        return _FREQUENCY_CODES[text]
    for stem, value in _FREQUENCY_WORDS.items():
        if text.startswith(stem):
            return value
    return None


def environment_frequency(code: str | None) -> Frequency | None:
    """Norfolk's D/W/M/S/N exposure codes mapped onto the frequency scale."""
    if not code:
        return None
    return _ENVIRONMENT_CODES.get(code.strip().lower())


_STRENGTH_CODES = {
    "s": Strength.sedentary,
    "l": Strength.light,
    "m": Strength.medium,
    "h": Strength.heavy,
    "vh": Strength.very_heavy,
    "v": Strength.very_heavy,  # the Dictionary of Occupational Titles writes S/L/M/H/V
}
_STRENGTH_WORDS = (
    ("very heavy", Strength.very_heavy),
    ("sedentary", Strength.sedentary),
    ("light", Strength.light),
    ("medium", Strength.medium),
    ("moderate", Strength.medium),
    ("heavy", Strength.heavy),
)


def strength(text: str | None) -> Strength | None:
    """A strength code ('L', 'VH') or a phrase ('light physical effort') to a category."""
    if not text:
        return None
    code = text.strip().lower()
    if code in _STRENGTH_CODES:
        return _STRENGTH_CODES[code]
    lowered = re.sub(r"\s+", " ", code)
    described = re.search(
        r"(very heavy|sedentary|light|medium|moderate|heavy)\s+(?:physical\s+)?(?:effort|work|lifting)",
        lowered,
    )
    if described:
        return dict(_STRENGTH_WORDS)[described.group(1)]
    for word, value in _STRENGTH_WORDS:
        if re.fullmatch(rf"{word}(?: work)?", lowered):
            return value
    return None


# Level numerals as titles use them (I to XXXIX); M, D, C and L are left out so that
# words such as "MIX" or "DIV" are not mistaken for numerals.
ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
ORDINAL = re.compile(r"^(\d+)(ST|ND|RD|TH)$", re.I)
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
ACRONYMS = {
    "ADA",
    "AIDS",
    "APCD",
    "ASE",
    "CAD",
    "CCTV",
    "CDL",
    "CEO",
    "CFO",
    "CIO",
    "CPA",
    "CSC",
    "DA",
    "DHR",
    "DNA",
    "EEO",
    "EMS",
    "EMT",
    "EP",
    "FBI",
    "GED",
    "GIS",
    "HIV",
    "HR",
    "HVAC",
    "IT",
    "LAN",
    "LPN",
    "MIS",
    "OSHA",
    "PBX",
    "RN",
    "SCADA",
    "TV",
    "USA",
    "WAN",
}


def title_case(text: str | None) -> str | None:
    """Title case for titles written in capitals; titles already in mixed case are
    returned as written (whitespace collapsed).

    Roman numerals, known acronyms and tokens with digits ('911', 'EP17', '1A18') keep
    their capitals; ordinals become '2nd'; small words after the first are lower case:
    'CUSTOMER SERVICE REPRESENTATIVE III' -> 'Customer Service Representative III'.
    """
    if not text:
        return text
    text = re.sub(r"\s+", " ", text).strip()
    if any(ch.islower() for ch in text):
        return text
    words = []
    for index, word in enumerate(text.split(" ")):
        words.append(
            re.sub(r"[A-Za-z0-9']+", lambda m, first=index == 0: _title_token(m.group(0), first), word)
        )
    return " ".join(words)


def _title_token(token: str, first: bool) -> str:
    if ROMAN.match(token) or token in ACRONYMS:
        return token
    ordinal = ORDINAL.match(token)
    if ordinal:
        return ordinal.group(1) + ordinal.group(2).lower()
    if any(ch.isdigit() for ch in token):
        return token
    if not first and token.lower() in SMALL_WORDS:
        return token.lower()
    return token[:1].upper() + token[1:].lower()
