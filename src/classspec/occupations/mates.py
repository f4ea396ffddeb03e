"""Where a class stands in its employer's own structure, read from the employer's coded
classes (coded.py): its series mates (the classes numbered nearest its class code:
'3B11' and '3B13' for '3B12', LA's 37xx mechanics), its grade mates (the same pay
schedule, a grade either side: EP18-EP20 for 'EP19') and its feeders (the employer's
classes its minimum qualifications name: "two years as an Equipment Mechanic" for a
mechanic supervisor). Their codes are evidence a coder reads: a series shares its
occupation, a grade says what such pay buys and of which kind (manager, first-line
supervisor, worker), and a class fed by a coded class is that work at a higher level,
or its supervisor or manager.
"""

from __future__ import annotations

import re

import numpy as np

# Series mates read (4 and 8 held out by documents: the same top-1, 8 a little better
# at the first three); codes of one length only, so '1429' never neighbours '1A18'.
SERIES = 8
_CLASS_CODE = re.compile(r"[0-9A-Z]{3,6}")
_PAY_GRADE = re.compile(r"([A-Z]*)(\d+)")
_WORD = re.compile(r"[a-z0-9]+")
# A title's grade ('Clerk Typist II', 'Engineer 2', 'Analyst B') is no part of its name.
_GRADE_WORD = re.compile(r"(?:[ivx]+|\d+|[a-e])")
_PARENTHESES = re.compile(r"\([^)]*\)")
# A feeder's name is at least this long ("Clerk" alone names too much).
FEEDER_CHARACTERS = 6
_NONE = np.zeros(0, dtype=np.int64)
NO_GRADE = ("-", -9)  # no schedule is spelt '-'


def series_key(class_code: str | None) -> tuple[int, int] | None:
    """A class code's length and its number read in base 36 ('6J20', '3912'): codes of one
    length sort so within an employer's numbering."""
    code = (class_code or "").strip().upper()
    return (len(code), int(code, 36)) if _CLASS_CODE.fullmatch(code) else None


def grade_key(pay_grade: str | None) -> tuple[str, int] | None:
    """A pay grade's schedule and number: 'EP19' -> ('EP', 19), '13' -> ('', 13)."""
    found = _PAY_GRADE.fullmatch((pay_grade or "").strip().upper())
    return (found.group(1), int(found.group(2))) if found else None


def name_words(title: str) -> tuple[str, ...]:
    """A class title's words as qualifications name the class: no grade, no parentheses."""
    found = _WORD.findall(_PARENTHESES.sub(" ", title.lower()))
    return tuple(found[:-1] if found and _GRADE_WORD.fullmatch(found[-1]) else found)


def series_mates(keys: np.ndarray, usable: np.ndarray, class_code: str | None) -> np.ndarray:
    """The places in `usable` of the SERIES classes numbered nearest the class code
    (`keys`: every coded class's series_key, (0, 0) for none)."""
    key = series_key(class_code)
    if key is None or not len(usable):
        return _NONE
    mine = keys[usable]
    inside = np.flatnonzero(mine[:, 0] == key[0])
    distance = np.abs(mine[inside, 1] - key[1])
    return inside[np.lexsort((usable[inside], distance))[:SERIES]]


def grade_mates(
    schedules: np.ndarray, numbers: np.ndarray, usable: np.ndarray, pay_grade: str | None
) -> np.ndarray:
    """The places in `usable` of the classes on the same schedule, a grade either side
    (`schedules` and `numbers`: every coded class's grade_key, NO_GRADE for none)."""
    key = grade_key(pay_grade)
    if key is None or not len(usable):
        return _NONE
    return np.flatnonzero((schedules[usable] == key[0]) & (np.abs(numbers[usable] - key[1]) <= 1))


def name_index(titles: list[str]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each coded class's name words under their first word, long enough names only."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for k, title in enumerate(titles):
        words = name_words(title)
        if len(" ".join(words)) >= FEEDER_CHARACTERS:
            index.setdefault(words[0], []).append((words, k))
    return index


def feeders(
    index: dict[str, list[tuple[tuple[str, ...], int]]], usable: np.ndarray, qualifications: str, title: str
) -> np.ndarray:
    """The places in `usable` of the classes the qualifications name, the class's own name
    aside."""
    if not qualifications or not len(usable):
        return _NONE
    words = _WORD.findall(qualifications.lower())
    own = name_words(title)
    named = {
        k
        for at, word in enumerate(words)
        for name, k in index.get(word, ())
        if name != own and tuple(words[at : at + len(name)]) == name
    }
    return np.flatnonzero(np.isin(usable, list(named)))
