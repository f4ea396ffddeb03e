"""The literal a marker's regex cannot match without, for a cheap test before the scan.

Only ever a necessary condition: a pattern with no such literal (or one this module
cannot analyse) is always scanned, so detection's results never change.
"""

from __future__ import annotations

import functools
import re

try:  # Python 3.11+; the public alias sre_parse is deprecated there
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# Shorter literals filter too little to be worth the test.
MIN_LITERAL = 4
# Under re.IGNORECASE these match an ASCII letter although str.lower() does not make
# them one ('İ' even lowers to two characters); mapped first so no match is missed.
_IGNORECASE_EQUIVALENTS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
_SEQUENCE_OPS = {sre_parse.SUBPATTERN}
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
if hasattr(sre_parse, "POSSESSIVE_REPEAT"):
    _REPEATS.add(sre_parse.POSSESSIVE_REPEAT)


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text)`, skipped when a literal the pattern cannot match without
    is absent: a substring test costs a fraction of a regex scan, and most markers of
    the templates a document is not are absent from it."""
    return may_match(pattern, text) and pattern.search(text) is not None


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text`."""
    literal = required_literal(pattern)
    if literal is None:
        return True
    return literal in (folded(text) if _ignores_case(pattern) else text)


@functools.cache
def _ignores_case(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.I)


@functools.cache
def required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest run of literal characters every match contains (lower-cased when the
    pattern ignores case), or None."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal API: any surprise means "always scan"
        return None
    best = max(_literal_runs(list(parsed)), key=len, default="")
    if len(best) < MIN_LITERAL:
        return None
    if pattern.flags & re.I:
        if not best.isascii():
            return None  # non-ASCII case rules are not worth reproducing here
        return best.lower()
    return best


def _literal_runs(items: list) -> list[str]:
    """Runs of consecutive LITERAL items in a sequence every match goes through, plus
    the runs inside its groups and its at-least-once repeats."""
    runs: list[str] = []
    current: list[str] = []
    for op, arg in items:
        if op is sre_parse.LITERAL:
            current.append(chr(arg))
            continue
        runs.append("".join(current))
        current = []
        if op in _SEQUENCE_OPS and not arg[1] & re.I:  # (?i:...) in a case-sensitive pattern
            runs.extend(_literal_runs(list(arg[-1])))
        elif op in _REPEATS and arg[0] >= 1:
            runs.extend(_literal_runs(list(arg[2])))
    runs.append("".join(current))
    return runs


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str:
    """The text as an ignore-case literal is looked for in it (one per document,
    shared by every parser's markers)."""
    if not text.isascii():
        for char, letter in _IGNORECASE_EQUIVALENTS:
            if char in text:
                text = text.replace(char, letter)
    return text.lower()
