"""Durations and experience: "two years", "18 months", AND/OR alternatives → months."""

from __future__ import annotations

import functools
import itertools
import re

from classspec.lazyre import lazy_compile

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
# Every number starts with a digit or one of the number words' first letters: the
# lookahead turns most positions of a text away before the long alternation is tried.
_NUMBER_START = "".join(sorted({word[0] for word in NUMBER_WORDS}))
# A range takes its minimum ("2-4 years", "two to four years"); "N or more years", "N+
# years" are N: the first number is the one read.
_DURATION = lazy_compile(
    rf"\b(?=[\d{_NUMBER_START}])(?P<n>{_NUMBER})"
    rf"(?:\s*(?:-|\u2013|\u2014|to)\s*(?:{_NUMBER})\b|\s+or\s+more\b|\s*\+)?"
    r"(?P<half>\s+and\s+(?:a|one)[- ]half)?"
    r"[\s-]*(?:\(\s*\d+\s*\)[\s-]*)?"
    r"(?:full[- ]time\s+)?(?P<unit>years?|months?)\b"
    r"(?:\s*\(\s*(?P<months>\d+)\s*months?\s*\))?",
    re.I,
)
# What may follow a duration that is schooling, age or a subset, not required experience.
_NOT_EXPERIENCE_AFTER = lazy_compile(
    r"[\s'\u2019]*(?:\(\d+\s*months?\)\s*)?"
    r"(?:(?:of\s+)?(?:full[- ]time\s+)?(?:college|university|course\s*work|education|school"
    r"|(?:post-?\s*)?high\s+school|accredited|study|apprenticeship)"
    r"|(?:(?!of\b)\w+\s+)?(?:degree|program|course)\b|of\s+age|old\b|of\s+which|which\s+(?:shall|must|should)"
    r"|of\s+the\s+(?:\w+\s+){0,2}(?:experience|years?)\b"
    # "two years of training in an approved technical school"; "18 months must have been in ..."
    r"|of\s+training\s+(?:in|at)\s+an?\s+(?:\w+\s+){0,3}(?:school|college|institute|program)"
    r"|(?:must|shall|should)\s+have\s+been\b)",
    re.I,
)
# ... and what may precede one: deadlines ("within six months") and subsets ("including one
# year", "three years of clerical experience with two years of accounts payable work").
_NOT_EXPERIENCE_BEFORE = lazy_compile(
    r"(?:within|includ\w*|of\s+which|up\s+to|\bwith\s*:?)\s*(?:the\s+)?(?:at\s+least\s+)?(?:first\s+|past\s+|last\s+)?$",
    re.I,
)
# Clauses that talk about substitutes and preferences, not the requirement itself.
_NOT_REQUIREMENT = lazy_compile(
    r"substitut|in\s+lieu|equals|equivalent\s+to\s+\S+\s+years?|desirable|preferred|waive|\bNOTE\b"
    # "(Experience ... applied toward this pattern must include at least one year ..., or two
    # years ...)": what part of the experience must be, not more of it.
    r"|must\s+include\s+(?:at\s+least\s+)?(?:\S+\s+)?(?:years?|months?)\b",
    re.I,
)
# "(... will be admitted to the examination, but ... must complete one year of this
# experience before they can be eligible for appointment)": the requirement said again.
_ADMISSION = lazy_compile(
    r"admitted\s+to\s+the\s+exam|compete\s+in\s+the\s+exam|\bbe\s+(?:considered\s+)?eligible\s+for\s+appointment",
    re.I,
)
_ASIDE = lazy_compile(r"\([^()]*(?:\)|$)")
_EXPERIENCE_WORD = lazy_compile(
    # CalHR: "One year performing the duties of a Youth Counselor"; Philadelphia: "Three
    # years at the full performance level or above performing local area networking ..."
    r"experience|employment|\bwork(?:ing|ed)?\b|service|as\s+an?\b|supervisory\s+responsibilit"
    r"|\bperforming\s+the\s+duties\s+of\b|\bfull\s+performance\s+level\b"
    r"|\bof\s+professional\b(?!\s+(?:school|degree|program|certificat))",
    re.I,
)
# "No experience is required": a requirement of none, 0 months (not an unknown).
_NO_EXPERIENCE = lazy_compile(
    r"\bno\s+(?:prior\s+|previous\s+|paid\s+)?experience\s+(?:is\s+)?(?:required|necessary|needed)", re.I
)
# "a bachelor's degree with two years of experience": a route's own duration, not a subset.
_EDUCATION_WITH = lazy_compile(
    r"(?:degree|diploma|GED|graduation|equivalen\w*|certificat\w*)\W*(?:\w+\W+){0,3}"
    r"with\s*:?\s*(?:at\s+least\s+)?$",
    re.I,
)
_AT_LEAST_PART = lazy_compile(r",\s*at\s+least\s*$", re.I)
_SENTENCE_END = lazy_compile(r"[.;]\s")
_OF_EXPERIENCE = lazy_compile(r"[\s,]*(?:of\b|experience|work|service|employment)", re.I)
# A duration whose last number is not one with a singular unit ("5 year", "two-month"):
# an adjective naming a kind of thing.
_ADJECTIVE = lazy_compile(r"(?<![\w.])(?!(?:1|one|a|an)\b)(?:\d+|[a-z]+)[\s-]*(?:year|month)$", re.I)
# Alternatives of the whole requirement: "OR" written as a word of its own (not one ending a
# line the lower-case rest of its sentence follows, nor one after a comma that lists the kinds
# of one requirement), "; or", ". Or".
_ALTERNATIVE = lazy_compile(r"(?<!,\s)\bOR\b(?!,?\s*\n\s*[a-z])|;\s*or\b|\.\s+[Oo]r\b|^\s*or\s*$", re.M)
# Each of these opens one branch ("CALL CENTER SPECIALTY:", "Option 2"); text before the
# first branch is shared by all of them. "BOTH SPECIALTIES" / "All Specialties" are shared.
_BRANCH = lazy_compile(
    r"\b(?:[A-Z][\w'\u2019&/,-]*\s+){1,6}(?:SPECIALT(?:Y|IES)|Specialt(?:y|ies))\b(?!\s+(?:and|or|AND|OR)\b)"
    r"|\bOPTION\s+\d+|\bOption\s+\d+"
)
_SHARED_BRANCH = lazy_compile(r"\b(?:BOTH|ALL|Both|All)\b")
# A note runs to the next AND / OR: it explains substitutions, it does not add requirements.
_NOTE = lazy_compile(r"\bNOTE\b.*?(?=\bAND\b|\bOR\b|$)", re.S)
_CLAUSE_END = lazy_compile(r"[.;](?:\s|$)|\n|\bAND\b|\bNOTE\b")
# The words that join two durations; the last one before the second decides ("two years
# of X giving information and eliciting it, or two years of Y" are alternatives).
_JOINING = lazy_compile(r"\b(?:or|and|plus|supplemented\s+by|in\s+addition)\b", re.I)


# "Any one or any combination that equals 18 months from the categories below": the total
# is the requirement, whatever mix of the listed kinds makes it up.
COMBINATION_TOTAL = lazy_compile(
    r"\bcombination\s+(?:(?:that|which)\s+)?(?:equals?|equall?ing|equates?\s+to|equating\s+to|totals?|totall?ing)\s+"
    rf"(?:to\s+)?(?:at\s+least\s+)?(?P<total>(?:{_NUMBER})\s*(?:\(\s*\d+\s*\)\s*)?"
    r"(?:full[- ]time\s+)?(?:years?|months?)"
    r"(?:\s*\(\s*\d+\s*months?\s*\))?)",
    re.I,
)


_AFTER_COMBINATION = lazy_compile(r";|\bAND\b|\n\s*\(?\d{1,2}[.)]\s")


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
        before = text[max(0, found.start() - 60) : found.start()]
        if _NOT_EXPERIENCE_BEFORE.search(before[-40:]) and not _EDUCATION_WITH.search(before):
            continue
        clause = _clause(text, found.start(), found.end())
        if _NOT_REQUIREMENT.search(clause) or not _EXPERIENCE_WORD.search(clause):
            continue
        if _ADMISSION.search(_own_words(text, clause, found)):
            continue
        if _ADJECTIVE.search(found.group()) and not _OF_EXPERIENCE.match(text, found.end()):
            continue  # "0-5 year fixed income instruments", "a two year degree": a kind, not a time
        if _part_of_previous(text, result, found, before):
            continue  # "Four years of experience, at least two years on restoration"
        months = _duration_months(found)
        if months:
            result.append((found, months))
    return result


def _own_words(text: str, clause: str, found: re.Match[str]) -> str:
    """The clause without the asides in parentheses that do not hold the duration."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, found.start())]  # as _clause cuts it
    at = found.start() - (starts[-1] if starts else 0)
    return _ASIDE.sub(lambda aside: aside.group() if aside.start() <= at < aside.end() else " ", clause)


def _part_of_previous(
    text: str, result: list[tuple[re.Match[str], int]], found: re.Match[str], before: str
) -> bool:
    """', at least N years …' right after a duration of the same sentence: a part of it."""
    if not result or not _AT_LEAST_PART.search(before):
        return False
    return not _SENTENCE_END.search(text, result[-1][0].end(), found.start())


def _alternative_months(text: str) -> int:
    """Durations joined by AND add up; two joined by a plain 'or' are alternatives."""
    total = 0
    group: list[int] = []
    previous_end: int | None = None
    for found, months in _required_durations(text):
        between = text[previous_end : found.start()] if previous_end is not None else ""
        joining = _JOINING.findall(between.replace("and/or", ""))
        if group and joining and joining[-1].lower() == "or":
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


# Parsers, the path reader and the facts step ask about the same texts (a whole
# qualification text, then each path of it): each is worked out once.
@functools.lru_cache(maxsize=256)
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
    total = COMBINATION_TOTAL.search(text)
    if total and not _ALTERNATIVE.search(text):
        # The total stands for its clause and the categories listed under it; what
        # follows the next ';' or numbered item is required as well and adds up.
        after = _AFTER_COMBINATION.search(text, total.end())
        rest = text[: total.start()] + (text[after.start() :] if after else "")
        return (duration_months(total.group("total")) or 0) + (experience_months(rest) or 0)
    text = _NOTE.sub(" ", text)
    totals = [
        months for alternative in _alternatives(text) for months in _branches_months(alternative) if months
    ]
    if totals:
        return min(totals)
    return 0 if _NO_EXPERIENCE.search(text) else None
