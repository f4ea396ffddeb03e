"""Closed vocabularies: FLSA status, education level, frequency and strength codes."""

from __future__ import annotations

import functools
import re

from classspec.lazyre import lazy_compile
from classspec.model import EducationLevel, FlsaStatus, Frequency, Strength
from classspec.regex_prefilter import search

# Bare codes some jurisdictions print after "FLSA:" ("E", Philadelphia's "2E", "NE").
# Philadelphia writes FLSA as a code: 1N non-exempt; 2E, 2P, 2A ... exempt (the letter
# says which exemption: executive, professional, administrative ...).
_FLSA_EXEMPT_CODE = lazy_compile(r"\d?E|[2-9][A-MO-Z]", re.I)
_FLSA_NON_EXEMPT_CODE = lazy_compile(r"\d?(?:N|NE|N/E)", re.I)


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
# "Graduation from an accredited four-year college or university" is a bachelor's degree.
_FOUR_YEAR_GRADUATION = (
    r"\bgraduat\w*\s+from\s+(?:an?\s+)?(?:(?:accredited|recognized)\s+)?four[- ]year\s+"
    r"(?:college|university|curriculum)"
)
FOUR_YEAR_GRADUATION = lazy_compile(_FOUR_YEAR_GRADUATION, re.I)
# "Equivalent to graduation from college", "Graduation from an accredited college or
# university": a bachelor's degree, in civil-service wording (a two-year, community or
# junior college is named as such and does not match). A scanned page's OCR writes
# 'co11ege' (CalHR 4901).
_COLLEGE_GRADUATION = (
    r"\bgraduat\w*\s+from\s+(?:an?\s+)?(?:(?:accredited|recognized)\s+)?(?:four[- ]year\s+)?"
    r"(?:co(?:ll|11)ege|university)\b"
)

_EDUCATION_PATTERNS: tuple[tuple[EducationLevel, re.Pattern[str]], ...] = (
    (
        EducationLevel.none,
        lazy_compile(
            r"(?:sixth|seventh|eighth|ninth|tenth|eleventh|[6-9]th|1[01]th)\s+(?:school\s+)?grade"
            r"|no\s+(?:formal\s+)?education(?:al)?\s+(?:requirement|is\s+required)",
            re.I,
        ),
    ),
    (
        EducationLevel.high_school,
        lazy_compile(
            r"(?<!post-)(?<!post )high\s+school(?!\s+course)|twelfth\s+(?:school\s+)?grade"
            r"|12th\s+(?:school\s+)?grade|grade\s+12\b|\bG\.?E\.?D\b|secondary\s+school"
            # A trades program is not college: 'post high school electrician trades
            # program from an accredited technical institute' (Philadelphia).
            r"|\btrades?\s+program\b",
            re.I,
        ),
    ),
    (
        EducationLevel.some_college,
        lazy_compile(
            r"(?:years?|semester\s+hours|quarter\s+(?:units|hours)|credits?)\s+of\s+(?:college|university)"
            r"|college\s+(?:course\s*work|credits?|level\s+course)|(?:semester|quarter)\s+(?:college\s+)?(?:units|hours)"
            r"|years?\s+of\s+(?:study|course\s*work)\s+at|two[- ]year\s+(?:\w+\s+)?program\s+at"
            # "two years education in an accredited college or university" (LA bulletins)
            r"|years?\s+(?:of\s+)?education\s+(?:in|at)\s+(?:an?\s+)?(?:accredited\s+)?(?:college|university)"
            r"|\b\d+\s+(?:semester\s+|college\s+)?credits\b",
            re.I,
        ),
    ),
    (
        EducationLevel.associate,
        lazy_compile(
            rf"associate{_APOSTROPHE}s?\s+(?:degree|of\s+(?:arts|science|applied))|\bA\.A\.S?\.?\s+degree",
            re.I,
        ),
    ),
    (
        EducationLevel.bachelor,
        lazy_compile(
            rf"bachelor{_APOSTROPHE}s?\b|baccalaureate|four[- ]year\s+(?:college\s+)?degree|\bB\.[AS]\."
            rf"|{_COLLEGE_GRADUATION}",
            re.I,
        ),
    ),
    (
        EducationLevel.master,
        lazy_compile(rf"master{_APOSTROPHE}s?\s+(?:degree|of)|\bM\.[AS]\.|\bMBA\b|\bMPA\b|\bMSW\b", re.I),
    ),
    (
        EducationLevel.doctorate,
        lazy_compile(r"doctora(?:te|l)|\bdegree\s+of\s+doctor\b|\bPh\.?\s?D\b|juris\s+doctor|\bJ\.D\.", re.I),
    ),
)
# College that is part of a degree the text asks for, not some college of its own: "four
# years of college resulting in a Bachelor's degree", "a degree in engineering which
# includes at least 24 semester units of ...", NYC's "a baccalaureate degree ... including
# or supplemented by 24 credits in ...".
_UNITS = (
    r"(?:(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:semester|quarter)\s+(?:(?:units?|hours?)\s+)?"
    r"(?:or\s+\d+\s+quarter\s+)?(?:units?|hours?|credits?)|\d+\s+(?:college\s+)?credits?)"
)
# The same sentence, and no "or" to another way in ("college or university" is one place).
_WITHIN_ONE_CHOICE = r"(?:(?!\bor\s+(?!university|college))[^.;])"
_PART_OF_A_DEGREE = lazy_compile(
    r"years?\s+of\s+(?:college|university)\s+(?:\w+\s+){0,3}?(?:resulting|leading|culminating)\s+in"
    rf"|\b(?:degree|major|graduation)\b{_WITHIN_ONE_CHOICE}{{0,80}}?\b(?:including\s+or\s+supplemented\s+by|supplemented\s+by|includes?|including|included|with)\s+"
    rf"{_WITHIN_ONE_CHOICE}*?{_UNITS}(?:{_WITHIN_ONE_CHOICE}*?\band\s+{_UNITS})*",
    re.I,
)


# Asked about the same texts by the parser and again by the path reader: worked out once.
@functools.lru_cache(maxsize=256)
def education_level(text: str | None) -> EducationLevel | None:
    """The lowest education level the text names as acceptable.

    "Two years of college coursework or an associate degree" -> some_college;
    "Four years of college resulting in a Bachelor's degree" -> bachelor (years or units of
    college count as some college only when they are not the road to, or part of, a named
    degree); "60 semester units of college" -> some_college.
    """
    if not text:
        return None
    # In order, lowest first: the first level named wins, so the rest are not scanned.
    for level, pattern in _EDUCATION_PATTERNS:
        scanned = _PART_OF_A_DEGREE.sub(" ", text) if level is EducationLevel.some_college else text
        if search(pattern, scanned):
            return level
    return None


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
    # "The work is sedentary." (a federal position description's Physical Demands factor).
    stated = re.search(
        r"\b(?:the\s+)?work\s+is\s+(?:mostly\s+|primarily\s+|generally\s+)?"
        r"(very heavy|sedentary|light|medium|heavy)\b",
        lowered,
    )
    if stated:
        return dict(_STRENGTH_WORDS)[stated.group(1)]
    for word, value in _STRENGTH_WORDS:
        if re.fullmatch(rf"{word}(?: work)?", lowered):
            return value
    return None
