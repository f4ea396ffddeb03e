"""Shared normalizers: the phrasings specs use for dates, FLSA, education, experience,
frequencies and strength, turned into the model's closed vocabularies.

Each function takes the text as written and returns None when it cannot tell, so a
parser never has to guess.
"""

from __future__ import annotations

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
# Two-digit years up to this value are read as 20xx ("5/04" is 2004, "3/53" is 1953).
TWO_DIGIT_YEAR_PIVOT = 30

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\b"),
    re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
    re.compile(r"(?<![\d/])(?P<month>\d{1,2})[/-](?P<year>\d{4}|\d{2})(?![\d/])"),
    re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d{2})(?![\d/])"),
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def iso_date(text: str | None) -> str | None:
    """'March, 2022' -> '2022-03'; '3/53' -> '1953-03'; '5/04/2004' -> '2004-05-04'."""
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        found = pattern.search(text)
        if not found:
            continue
        parts = found.groupdict()
        month_text = parts.get("month")
        if month_text is None:
            return f"{_year(parts['year']):04d}"
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
        if not 1 <= month <= 12:
            continue
        year = _year(parts["year"])
        if not 1800 <= year <= 2100:
            continue
        day = parts.get("day")
        if day and 1 <= int(day) <= 31:
            return f"{year:04d}-{month:02d}-{int(day):02d}"
        return f"{year:04d}-{month:02d}"
    return None


def flsa_status(text: str | None) -> FlsaStatus | None:
    if not text:
        return None
    lowered = re.sub(r"[^a-z]", "", text.lower())
    if "nonexempt" in lowered or "notexempt" in lowered:
        return FlsaStatus.non_exempt
    if "exempt" in lowered:
        return FlsaStatus.exempt
    return None


_EDUCATION_PATTERNS: tuple[tuple[EducationLevel, re.Pattern[str]], ...] = (
    (
        EducationLevel.high_school,
        re.compile(
            r"high\s+school|twelfth\s+(?:school\s+)?grade|12th\s+grade|\bG\.?E\.?D\b|secondary\s+school", re.I
        ),
    ),
    (
        EducationLevel.some_college,
        re.compile(
            r"(?:years?|semester\s+hours|quarter\s+(?:units|hours)|credits?)\s+of\s+(?:college|university)"
            r"|college\s+(?:course\s*work|credits?|level\s+course)|semester\s+hours",
            re.I,
        ),
    ),
    (EducationLevel.associate, re.compile(r"associate'?s?\s+degree|\bA\.?A\.?S?\b\s+degree", re.I)),
    (
        EducationLevel.bachelor,
        re.compile(r"bachelor'?s?|baccalaureate|four[- ]year\s+(?:college\s+)?degree|\bB\.[AS]\.", re.I),
    ),
    (EducationLevel.master, re.compile(r"master'?s?\s+(?:degree|of)|\bM\.[AS]\.|\bMBA\b|\bMPA\b", re.I)),
    (EducationLevel.doctorate, re.compile(r"doctora(?:te|l)|\bPh\.?\s?D\b|juris\s+doctor|\bJ\.D\.", re.I)),
)


def education_level(text: str | None) -> EducationLevel | None:
    """The lowest education level the text names as acceptable.

    "Four years of college resulting in a Bachelor's degree" names a bachelor's only;
    years of college count as some college only when no degree is named beside them.
    """
    if not text:
        return None
    found = [level for level, pattern in _EDUCATION_PATTERNS if pattern.search(text)]
    if EducationLevel.some_college in found and re.search(
        r"(?:four|4)\s+years\s+of\s+college\s+(?:resulting|leading)", text, re.I
    ):
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
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
}
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?P<n>{_NUMBER})\s*(?:\(\s*\d+\s*\)\s*)?(?:full[- ]time\s+)?(?P<unit>years?|months?)"
    r"(?:\s*\(\s*(?P<months>\d+)\s*months?\s*\))?",
    re.I,
)
# Durations of schooling, not of work.
_NOT_EXPERIENCE = re.compile(
    r"\s*(?:\(\d+\s*months?\)\s*)?(?:of\s+)?(?:full[- ]time\s+)?"
    r"(?:college|university|course\s*work|education|school|high\s+school|accredited)",
    re.I,
)
_ALTERNATIVE = re.compile(r"\bOR\b|;\s*or\b|\.\s+or\b", re.M)
_EXPERIENCE_WORD = re.compile(r"experience|employment|work(?:ing)?\b|service|as\s+an?\b", re.I)


def _duration_months(found: re.Match[str]) -> int | None:
    if found.group("months"):
        return int(found.group("months"))
    word = found.group("n").lower()
    number = float(word) if word[0].isdigit() else NUMBER_WORDS.get(word)
    if number is None:
        return None
    months = number * 12 if found.group("unit").lower().startswith("year") else number
    return round(months)


def experience_months(text: str | None) -> int | None:
    """Months of experience required: durations joined by AND add up, alternatives
    joined by OR give the smallest. Years of schooling are not experience.

    "Three years ..." -> 36; "one year (12 months)" -> 12;
    "two years ... AND two years ..." -> 48.
    """
    if not text:
        return None
    best: int | None = None
    for alternative in _ALTERNATIVE.split(text):
        total = 0
        for found in _DURATION.finditer(alternative):
            after = alternative[found.end() : found.end() + 120]
            if _NOT_EXPERIENCE.match(after):
                continue
            if not _EXPERIENCE_WORD.search(
                after.split(".")[0] + alternative[max(0, found.start() - 60) : found.start()]
            ):
                continue
            months = _duration_months(found)
            if months:
                total += months
        if total and (best is None or total < best):
            best = total
    return best


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


ROMAN = re.compile(r"^(?=[IVXL])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
ACRONYMS = {
    "ADA",
    "AIDS",
    "APCD",
    "CDL",
    "CEO",
    "CFO",
    "CIO",
    "CPA",
    "DHR",
    "EMS",
    "EMT",
    "FBI",
    "GIS",
    "HIV",
    "HR",
    "HVAC",
    "IT",
    "LAN",
    "MIS",
    "PBX",
    "POST",
    "RN",
    "LPN",
    "TV",
    "US",
    "USA",
    "WAN",
    "911",
    "DNA",
    "OSHA",
}


def title_case(text: str | None) -> str | None:
    """Title case for titles written in capitals; other titles are left as written.

    Roman numerals and known acronyms keep their capitals.
    """
    if not text:
        return text
    text = re.sub(r"\s+", " ", text).strip()
    if any(ch.islower() for ch in text):
        return text
    words = []
    for index, word in enumerate(text.split(" ")):
        core = word.strip("(),.:;/-")
        if ROMAN.match(core) or core in ACRONYMS or any(ch.isdigit() for ch in core):
            words.append(word)
        elif index and core.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(re.sub(r"[A-Za-z][A-Za-z']*", lambda m: m.group(0).capitalize(), word))
    return " ".join(words)
