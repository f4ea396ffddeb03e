"""The literals a regex cannot match without, for cheap tests before the scan.

Two necessary conditions read from the pattern itself: literals one of which every match
contains (`found_in`: most markers of the templates a document is not are absent from
it; `search` and `may_match` return at once where none occurs), and the literals every
match starts with (`search`: a whole-document fact such as "Open
Date:" is looked for only from where one of them occurs). A pattern this module cannot
analyse is always scanned in full, so no result ever changes.
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
# Starting literals shorter than this, or more of them, filter too little.
MIN_START, MAX_STARTS = 2, 32
# Where a pattern's starting literals occur at most this often, each place is tried
# with one anchored match; more often, one search runs from the first of them.
MAX_CANDIDATES = 64
# A shorter text is scanned sooner than its candidate places are found.
MIN_TEXT = 100
# Character classes of at most this many characters ('[6-9]', '[Oo]') are spelled out.
_MAX_CLASS = 10
_ZERO_WIDTH = {sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT}
_SEQUENCE_OPS = {sre_parse.SUBPATTERN}
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
if hasattr(sre_parse, "POSSESSIVE_REPEAT"):
    _REPEATS.add(sre_parse.POSSESSIVE_REPEAT)


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text)`, skipped when a literal the pattern cannot match without
    is absent: a substring test costs a fraction of a regex scan, and most markers of
    the templates a document is not are absent from it."""
    if not may_match(pattern, text):
        return False
    heads = line_head_literals(pattern)
    if heads is None:
        return search(pattern, text) is not None
    # '^\s*HEADING' (re.M) matches somewhere exactly when it matches at the start of the
    # line one of HEADING's first literals stands on: only those lines are tried.
    haystack = folded(text) if _ignores_case(pattern) else text
    tried = 0
    for literal in heads:
        at = haystack.find(literal)
        while at >= 0:
            tried += 1
            if tried > MAX_CANDIDATES:
                return scanner(pattern).search(text) is not None
            if pattern.match(text, text.rfind("\n", 0, at) + 1):
                return True
            at = haystack.find(literal, at + 1)
    return False


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text`."""
    required = required_any(pattern)
    if required is None:
        return True
    haystack = folded(text) if _ignores_case(pattern) else text
    # A plain loop: any() over a generator costs more than the tests themselves.
    for literal in required:  # noqa: SIM110
        if literal in haystack:
            return True
    return False


@functools.cache
def _ignores_case(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.I)


@functools.cache
def _parsed(pattern: re.Pattern[str]) -> list | None:
    """The pattern's parse tree (top-level items), shared by the analyses below."""
    try:
        return list(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an internal API: any surprise means "scan as written"
        return None


@functools.cache
def required_any(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals one of which every match contains (lower-cased when the pattern ignores
    case), or None: the longest run of literal characters, or one run from each branch
    of an alternation every match goes through ('SPECIALTY|OPTION')."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    best = _best(_requirements(parsed))
    if best is None:
        return None
    if pattern.flags & re.I:
        if not all(literal.isascii() for literal in best):
            return None  # non-ASCII case rules are not worth reproducing here
        return frozenset(literal.lower() for literal in best)
    return best


def _requirements(items: list) -> list[frozenset[str]]:
    """Sets of literals, each of which has one member in every match of the sequence:
    its literal runs (one member each), those of its groups and at-least-once repeats,
    and of an alternation, one requirement of each branch."""
    found: list[frozenset[str]] = []
    current: list[str] = []
    for op, arg in items:
        if op is sre_parse.LITERAL:
            current.append(chr(arg))
            continue
        found.append(frozenset(["".join(current)]))
        current = []
        if op in _SEQUENCE_OPS and not arg[1] & re.I:  # (?i:...) in a case-sensitive pattern
            found += _requirements(list(arg[-1]))
        elif op in _REPEATS and arg[0] >= 1:
            found += _requirements(list(arg[2]))
        elif op is sre_parse.BRANCH:
            branches = [_best(_requirements(list(branch))) for branch in arg[1]]
            if all(branches):
                found.append(frozenset().union(*branches))
    found.append(frozenset(["".join(current)]))
    return found


def _best(requirements: list[frozenset[str]]) -> frozenset[str] | None:
    """The requirement that filters best: its shortest literal longest, then fewest."""
    usable = [r for r in requirements if r and min(map(len, r)) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda r: (min(map(len, r)), -len(r)))


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str:
    """The text as an ignore-case literal is looked for in it (one per document,
    shared by every parser's markers). The literals are ASCII, and once the characters
    that match ASCII letters are mapped to them no other character lower-cases to one:
    only ASCII letters are lowered, and by bytes.lower, which is several times faster
    than str.lower on text with any non-ASCII character."""
    if text.isascii():
        return text.lower()
    for char, letter in _IGNORECASE_EQUIVALENTS:
        if char in text:
            text = text.replace(char, letter)
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, started only where a match can start: at an occurrence of
    one of the literals every match begins with, and not at all where a literal every
    match contains is missing. A regex scan tries every position of a document (slowly
    under re.IGNORECASE); `str.find` skips to the few that matter."""
    if len(text) < MIN_TEXT:  # a substring test or two, then one scan
        return scanner(pattern).search(text) if may_match(pattern, text) else None
    places = _places(pattern, text)
    if places is None:
        return None
    matcher = scanner(pattern)  # matches as the pattern does (no second compile)
    if isinstance(places, int):
        return matcher.search(text, places)
    for at in places:
        found = matcher.match(text, at)
        if found:
            return found
    return None


def _places(pattern: re.Pattern[str], text: str) -> list[int] | int | None:
    """Where a match can start: None nowhere (a literal every match contains is
    missing), a list of places in order (where a starting literal stands), or an int:
    anywhere from there on (the pattern has no starting literals, or common ones)."""
    if not may_match(pattern, text):
        return None
    starts = start_literals(pattern)
    if starts is None:
        return 0
    haystack = folded(text) if _ignores_case(pattern) else text
    candidates: set[int] = set()
    for literal in starts:
        at = haystack.find(literal)
        while at >= 0:
            candidates.add(at)
            if len(candidates) > MAX_CANDIDATES:
                # Common words: one scan from the first place a match can start.
                return min(haystack.find(s) for s in starts if s in haystack)
            at = haystack.find(literal, at + 1)
    return sorted(candidates)


@functools.cache
def line_head_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""For a multi-line pattern '^\s*REST': the literals REST starts with (see
    `start_literals`); None for any other pattern."""
    items = _parsed(pattern) if pattern.flags & re.M else None
    if items is None or len(items) < 3 or items[0] != (sre_parse.AT, sre_parse.AT_BEGINNING):
        return None
    op, arg = items[1]
    if op is not sre_parse.MAX_REPEAT or arg[:2] != (0, sre_parse.MAXREPEAT):
        return None
    if list(arg[2]) != [(sre_parse.IN, [(sre_parse.CATEGORY, sre_parse.CATEGORY_SPACE)])]:
        return None
    return _usable(_starts(items[2:]), pattern.flags)


@functools.cache
def start_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals (lower-cased when the pattern ignores case) one of which every match of
    the pattern starts with, or None when the pattern is not analysable that way."""
    parsed = _parsed(pattern)
    return None if parsed is None else _usable(_starts(parsed), pattern.flags)


def _usable(starts: set[str] | None, flags: int) -> frozenset[str] | None:
    """Starting literals worth looking for, lower-cased under re.IGNORECASE."""
    if not starts or len(starts) > MAX_STARTS or min(map(len, starts)) < MIN_START:
        return None
    if flags & re.I:
        if not all(s.isascii() for s in starts):
            return None  # non-ASCII case rules are not worth reproducing here
        return frozenset(s.lower() for s in starts)
    return frozenset(starts)


def _starts(items: list) -> set[str] | None:
    """The literal prefixes a sequence of parsed items starts with (zero-width
    assertions skipped), as long as literals and small classes run; None if unknown."""
    index = 0
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        index += 1
    if index == len(items):
        return None
    op, arg = items[index]
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            inner = _starts(list(branch))
            if inner is None:
                return None
            found |= inner
        return found
    if op in _SEQUENCE_OPS:
        if arg[1] or arg[2]:  # scoped flags ((?i:...)): not worth reproducing
            return None
        return _starts(list(arg[-1]))
    if op in _REPEATS and arg[0] >= 1:
        return _starts(list(arg[2]))
    prefixes = {""}
    while index < len(items):
        chars = _chars(*items[index])
        if chars is None or len(prefixes) * len(chars) > MAX_STARTS:
            break
        prefixes = {p + c for p in prefixes for c in chars}
        index += 1
    return None if prefixes == {""} else prefixes


def _chars(op, arg) -> list[str] | None:
    """The characters one parsed item matches, when it is a literal or a small class."""
    if op is sre_parse.LITERAL:
        return [chr(arg)]
    if op is not sre_parse.IN:
        return None
    chars: list[str] = []
    for kind, value in arg:
        if kind is sre_parse.LITERAL:
            chars.append(chr(value))
        elif kind is sre_parse.RANGE and value[1] - value[0] < _MAX_CLASS:
            chars += [chr(c) for c in range(value[0], value[1] + 1)]
        else:
            return None  # a negated class, a category (\w, \s) or a wide range
    return chars if len(chars) <= _MAX_CLASS else None


@functools.cache
def scanner(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with a lookahead for the characters a match can start with in front,
    `(?=[htgs1])(?:...)`: the same matches, groups and spans, but a scan turns most
    positions away after one character test. re's own first-character check is off
    under IGNORECASE and after a leading \\b, which is most of these patterns."""
    parsed = _parsed(pattern)
    first, nullable = _first(parsed) if parsed is not None else (None, False)
    if first and not nullable:
        try:
            return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern.pattern})", pattern.flags)
        except re.error:  # e.g. a global inline flag, which must stay first
            pass
    return pattern if isinstance(pattern, re.Pattern) else pattern.compiled


# The character categories a lookahead may name; wider ones (\\w, \\S) filter too little.
_CATEGORIES = {sre_parse.CATEGORY_DIGIT: "\\d", sre_parse.CATEGORY_SPACE: "\\s"}


def _first(items: list, ignore_case: bool = False) -> tuple[set[str] | None, bool]:
    """(class parts for the characters a match of the sequence can start with, whether
    it can match the empty string); parts None when unknown. `ignore_case`: inside a
    scoped (?i:...) group, which the lookahead in front of the pattern is not."""
    found: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        first, nullable = _first_of(op, arg, ignore_case)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_of(op, arg, ignore_case: bool) -> tuple[set[str] | None, bool]:
    if op is sre_parse.LITERAL:
        return _cased(arg, ignore_case), False
    if op is sre_parse.IN:
        parts: set[str] = set()
        for kind, value in arg:
            if kind is sre_parse.LITERAL:
                cased = _cased(value, ignore_case)
                if cased is None:
                    return None, False
                parts |= cased
            elif kind is sre_parse.RANGE and not ignore_case:
                parts.add(f"{_class_char(value[0])}-{_class_char(value[1])}")
            elif kind is sre_parse.CATEGORY and value in _CATEGORIES:
                parts.add(_CATEGORIES[value])
            else:
                return None, False  # a negated class, a wide category, a range in (?i:...)
        return parts, False
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _first(list(branch), ignore_case)
            if first is None:
                return None, False
            found |= first
            nullable = nullable or empty
        return found, nullable
    if op in _SEQUENCE_OPS:
        _, add_flags, del_flags, inner = arg
        if del_flags or add_flags & ~re.I:  # other scoped flags: not worth reproducing
            return None, False
        return _first(list(inner), ignore_case or bool(add_flags))
    if op in _REPEATS:
        first, empty = _first(list(arg[2]), ignore_case)
        return first, empty or arg[0] == 0
    return None, False


def _cased(code: int, ignore_case: bool) -> set[str] | None:
    """A literal character as class parts: itself, or under (?i:...) every character re
    matches it to (both ASCII cases, and 'İ' 'ı' 'ſ' 'K' for i, s and k); None for a
    non-ASCII letter with case."""
    char = chr(code)
    if not ignore_case or not (char.isascii() and char.isalpha()):
        if ignore_case and (char.lower() != char or char.upper() != char):
            return None
        return {_class_char(code)}
    variants = {char.lower(), char.upper()}
    variants.update(other for other, letter in _IGNORECASE_EQUIVALENTS if letter == char.lower())
    return {_class_char(ord(variant)) for variant in variants}


def _class_char(code: int) -> str:
    """A character as a character-class member, escaped whatever it is."""
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
