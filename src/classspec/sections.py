"""The shared section engine: headings, sections, list items, wrapped lines.

Parsers describe their template as a table of `HeadingRule`s and call these functions;
none of them re-implements heading search or list splitting.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from classspec.document import Line, Piece, collapse
from classspec.lazyre import LazyPattern, lazy_compile

# A list marker at the start of a line: bullets, "1.", "1)", "(1)", "(a)", "a.", "iv)".
_MARKER = lazy_compile(
    r"^\s*(?:[-\u2013\u2014\u2022\u00b7\u25aa\u25e6\u25cf\uf0b7\uf0a7o§*]\s+"
    r"|\(?\d{1,3}[.)](?=\s|$)\s*"
    r"|\(\d{1,3}\)\s*"
    r"|\(?[a-zA-Z][.)](?=\s)\s*"
    r"|\((?:i{1,3}|iv|v|vi{1,3}|ix|x)\)\s*)"
)
_TERMINAL = (".", ";", ":", "!", "?", ")")
# A word hyphenated across a line end ends in one of these before its '-'.
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SENTENCE_TERMINAL = (".", ";", ":", "!", "?")


@dataclass(frozen=True, slots=True)
class HeadingRule:
    """A heading the template uses and the key its section is filed under.

    `pattern` is matched against the whole stripped line. A named group `rest` holds
    content written on the heading's own line ("PAY RANGE: EP17").
    """

    key: str
    pattern: re.Pattern[str] | LazyPattern
    # May the line run past MAX_HEADING_CHARS with its note or inline content?
    long: bool = False

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)


# "HEADING (a note on the heading's own line)": the one rule for a heading followed by a
# parenthesised remark, however long the remark ("MINIMUM ACCEPTABLE TRAINING AND
# EXPERIENCE (The following statement represents ...)").
NOTE = r"(?:\s*:?\s*(?P<note>\(.*))?"


def heading(
    key: str,
    *names: str,
    inline: bool = False,
    note: bool = False,
    long: bool = False,
    case_sensitive: bool = False,
) -> HeadingRule:
    """Build a rule from literal heading names (regex allowed inside each name).

    With `inline=True` the heading may be followed by ':' and content on the same line
    (`long=True`: content of any length, "BRIEF DESCRIPTION: Oversees ..."); with
    `note=True` by a parenthesised note (`Section.note`) of any length. Spaces in a
    name match any run of whitespace.
    """
    alternatives = "|".join(re.sub(r"(?:\\ | )+", r"\\s+", name) for name in names)
    tail = r"\s*(?::\s*(?P<rest>.*?))?\s*" if inline else r"\s*[:.]?\s*"
    flags = 0 if case_sensitive else re.IGNORECASE
    pattern = lazy_compile(rf"(?:{alternatives}){tail}{NOTE if note else ''}", flags)
    return HeadingRule(key, pattern, long=long or note)


@dataclass(slots=True)
class Section:
    key: str | None
    heading: Piece | None
    inline: Piece | None = None
    lines: list[Line] = field(default_factory=list)
    note: Piece | None = None

    @property
    def content_lines(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank]

    def text(self) -> Piece:
        return text_block(self.lines)


MAX_HEADING_CHARS = 160


def match_heading(line: Line, rules: Sequence[HeadingRule]) -> tuple[HeadingRule, Piece | None] | None:
    found = _match(line, rules)
    return (found[0], found[1]) if found else None


def _match(line: Line, rules: Sequence[HeadingRule]) -> tuple[HeadingRule, Piece | None, Piece | None] | None:
    """(rule, content on the heading's line, parenthesised note) of a heading line."""
    return _match_in(line, rules, _table(rules))


def _match_in(
    line: Line, rules: Sequence[HeadingRule], table: _Table | None
) -> tuple[HeadingRule, Piece | None, Piece | None] | None:
    """`_match` with the rules' combined table already looked up (None: not combinable)."""
    text = line.stripped
    if not text:
        return None
    if table is None:
        return _match_each(line, text, rules)
    long_line = len(text) > MAX_HEADING_CHARS
    # Most lines are no heading: one C scan of all the rules says so (the first rule
    # that matches is the one the combined pattern's alternation finds).
    alternation = table.long if long_line else table.short
    found = alternation.pattern.fullmatch(text)
    if found is None:
        return None
    index = int(found.lastgroup[2:])  # the alternative's own group closes last
    order = alternation.rules
    rule = order[index]
    rest_group, note_group = alternation.groups[index]
    rest = found.group(rest_group) if rest_group else None
    note = found.group(note_group) if note_group else None
    if long_line and len(text) - len(note or rest or "") > MAX_HEADING_CHARS:
        return _match_each(line, text, order[index + 1 :])
    return _found(line, rule, rest, note)


def _match_each(
    line: Line, text: str, rules: Sequence[HeadingRule]
) -> tuple[HeadingRule, Piece | None, Piece | None] | None:
    long_line = len(text) > MAX_HEADING_CHARS
    for rule in rules:
        if long_line and not rule.long:
            continue
        found = rule.match(text)
        if not found:
            continue
        groups = found.groupdict()
        note, rest = groups.get("note"), groups.get("rest")
        # A long line is a heading only when the heading itself is short and the rest
        # is its note or its content ("BRIEF DESCRIPTION OF THE CLASSIFICATION: Oversees ...").
        if long_line and len(text) - len(note or rest or "") > MAX_HEADING_CHARS:
            continue
        return _found(line, rule, rest, note)
    return None


def _found(
    line: Line, rule: HeadingRule, rest: str | None, note: str | None
) -> tuple[HeadingRule, Piece | None, Piece | None]:
    return (
        rule,
        Piece(collapse(rest), (line,)) if rest and rest.strip() else None,
        Piece(collapse(note), (line,)) if note and note.strip() else None,
    )


class _Alternation(NamedTuple):
    """Rules as one pattern `(?P<_r0>rule 0)|(?P<_r1>rule 1)|...`, and the renamed
    `rest` / `note` groups of each rule."""

    rules: tuple[HeadingRule, ...]
    pattern: re.Pattern[str]
    groups: tuple[tuple[str | None, ...], ...]


class _Table(NamedTuple):
    """A template's heading rules combined, for short lines and for long ones."""

    source: tuple[HeadingRule, ...]  # held so that its id is not reused while cached
    short: _Alternation
    long: _Alternation


_TABLES: dict[int, _Table | None] = {}
_MAX_TABLES = 64
# Flags a rule may carry into the alternation as a scoped group ((?i:...)); re.U is the
# default for str patterns.
_SCOPED_FLAGS = {re.I: "i", re.M: "m", re.S: "s"}
_GROUP_NAME = lazy_compile(r"\(\?P([<=])(\w+)([>)])")
# What renaming groups cannot carry over: numbered back-references, conditionals and
# global inline flags (an error inside an alternation).
_NOT_COMBINABLE = lazy_compile(r"\\[1-9]|\(\?\(|\(\?[aiLmsux]+\)")


def _table(rules: Sequence[HeadingRule]) -> _Table | None:
    """The combined patterns of a rule tuple (cached by identity: templates keep their
    tables as module constants), or None where a rule cannot be combined."""
    if type(rules) is not tuple:
        return None
    key = id(rules)
    table = _TABLES.get(key)
    if table is not None and table.source is rules:
        return table
    if len(_TABLES) >= _MAX_TABLES:
        _TABLES.clear()
    short = _alternation(rules)
    long = _alternation(tuple(rule for rule in rules if rule.long))
    table = _Table(rules, short, long) if short is not None and long is not None else None
    _TABLES[key] = table
    return table


def _alternation(rules: tuple[HeadingRule, ...]) -> _Alternation | None:
    """The rules as one alternation: each rule's groups renamed (`rest_0`) and its flags
    scoped, so a fullmatch finds what the first rule that fullmatches would find."""
    alternatives = []
    groups: list[tuple[str | None, ...]] = []
    for index, rule in enumerate(rules):
        source, flags = rule.pattern.pattern, rule.pattern.flags & ~re.U
        letters = "".join(letter for flag, letter in _SCOPED_FLAGS.items() if flags & flag)
        if flags & ~(re.I | re.M | re.S) or not isinstance(source, str) or _NOT_COMBINABLE.search(source):
            return None
        renamed = _GROUP_NAME.sub(lambda m, i=index: f"(?P{m[1]}{m[2]}_{i}{m[3]}", source)
        scoped = f"(?{letters}:{renamed})" if letters else f"(?:{renamed})"
        alternatives.append(f"(?P<_r{index}>{scoped})")
        # The group names from the source: compiling each rule as well would double the cost.
        names = {found[2] for found in _GROUP_NAME.finditer(source) if found[1] == "<"}
        groups.append(tuple(f"{name}_{index}" if name in names else None for name in ("rest", "note")))
    try:
        pattern = re.compile("|".join(alternatives) or r"(?!)")
    except re.error:
        return None
    return _Alternation(rules, pattern, tuple(groups))


def note_free(line: Line, rule: HeadingRule) -> str:
    """A heading line's text without its parenthesised note."""
    found = rule.match(line.stripped)
    if found is None or found.start("note") < 0:
        return line.stripped
    return line.stripped[: found.start("note")].rstrip(" :")


def split_sections(
    lines: Sequence[Line], rules: Sequence[HeadingRule], *, first_key: str | None = None
) -> list[Section]:
    """Cut lines at every heading a rule recognises. Text before the first heading
    becomes a section with key `first_key` and no heading."""
    sections = [Section(first_key, None)]
    table = _table(rules)
    for line in lines:
        found = _match_in(line, rules, table)
        if found:
            rule, inline, note = found
            head = Piece.of([line])
            if note:  # the heading without its note; both cite the line
                head = head.with_text(collapse(note_free(line, rule)))
            sections.append(Section(rule.key, head, inline, note=note))
        else:
            sections[-1].lines.append(line)
    if not sections[0].content_lines:
        sections.pop(0)
    return sections


@functools.lru_cache(maxsize=4096)
def strip_marker(text: str) -> tuple[str, str]:
    """Split leading list markers (repeated, as in '- 1. text') from the text. Cached:
    the readers, the qualification sorter and the facts stage ask it of the same lines
    (about three times a line)."""
    markers: list[str] = []
    rest = text
    while (found := _MARKER.match(rest)) and found.end():
        markers.append(rest[: found.end()].strip())
        rest = rest[found.end() :]
    return " ".join(markers), rest.strip()


def label_line(lines: Sequence[Line], label: str, cited: Iterable[Line], labels: list[str]) -> Line | None:
    """The line that writes `label` ('OPTION 1:', 'Or II', '1.') for the item citing `cited`:
    the one whose block (up to the next line writing one of `labels`) holds most of them."""
    starts = [line for line in lines if any(_writes(line, other) for other in (label, *labels))]
    numbers = [line.number for line in cited]
    blocks = zip(starts, [*(line.number for line in starts[1:]), float("inf")][: len(starts)], strict=True)
    held = [(sum(s.number <= n < end for n in numbers), s) for s, end in blocks if _writes(s, label)]
    most, best = max(held, key=lambda pair: pair[0], default=(0, None))  # the first of equals
    return best if most else None


def _writes(line: Line, label: str) -> bool:
    return _label_pattern(label).match(line.stripped) is not None


@functools.lru_cache(maxsize=256)
def _label_pattern(label: str) -> re.Pattern[str]:
    # The label (after 'Or'), then a mark ('1.', '(a)', 'OPTION 1 (Police only)'), an
    # upper-case heading ('Option 2 FOR AIRPORT') or the end of the line. Compiled once
    # a label: asked of every qualification line for every label of a spec.
    words = r"\s*".join(map(re.escape, label.split()))
    written = rf"\W*(?:(?:or|and|either)\s+)?{words}(?:\s*[.:()\-\u2013]|(?-i:\s+[A-Z]{{2}})|\s*$)"
    return re.compile(written, re.I)


def _continues(previous: str, following: str) -> bool:
    """Is `following` the wrapped rest of `previous` rather than a new item?"""
    if not previous or not following:
        return False
    if previous.endswith("-") and not previous.endswith(" -"):
        return True
    return not previous.endswith(_TERMINAL) and following[0].islower()


def items(lines: Iterable[Line], *, keep_markers: bool = False) -> list[Piece]:
    """List items: a marker starts an item, a wrapped line continues it, and an
    unmarked line that does not read as a continuation is an item of its own."""
    result: list[tuple[list[str], list[Line]]] = []
    for line in lines:
        if line.blank:
            continue
        marker, body = strip_marker(line.stripped)
        if not body:
            if result and marker:
                result[-1][1].append(line)
            elif marker:
                result.append(([], [line]))
            continue
        if not marker and result and result[-1][0] and _continues(result[-1][0][-1], body):
            result[-1][0].append(body)
            result[-1][1].append(line)
            continue
        if keep_markers and marker:
            # Numbering ("1.", "(a)") carries meaning in running text; bullet symbols do not.
            numbering = " ".join(m for m in marker.split() if any(ch.isalnum() for ch in m))
            body = f"{numbering} {body}" if numbering else body
        result.append(([body], [line]))
    pieces = []
    for texts, source in result:
        if texts:
            pieces.append(Piece(join_wrapped(texts), tuple(source)))
    return pieces


def prose_items(lines: Sequence[Line]) -> list[Piece]:
    """List items of a prose section, with the wraps `items` cannot see mended: a line
    that does not end a sentence and is directly followed by another line (as PDF text
    wraps, whatever the case of the next word) is one item with it."""
    merged: list[Piece] = []
    for item in items(lines):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not previous.text.endswith(_SENTENCE_TERMINAL)
            and item.lines[0].number == previous.lines[-1].number + 1
        ):
            merged[-1] = Piece(f"{previous.text} {item.text}", previous.lines + item.lines)
        else:
            merged.append(item)
    return merged


def join_wrapped(parts: Sequence[str]) -> str:
    """Join the lines of one paragraph, mending words hyphenated across a line end."""
    text = ""
    for part in parts:
        part = part.strip()
        if not text:
            text = part
        elif text.endswith("-") and text[-2:-1] in _ASCII_LETTERS and part[:1].islower():
            text = text[:-1] + part
        else:
            text += " " + part
    return collapse(text)


def paragraphs(lines: Iterable[Line]) -> list[Piece]:
    """Paragraphs: items that keep their list markers, so nothing written is lost."""
    return items(lines, keep_markers=True)


def text_block(lines: Iterable[Line]) -> Piece:
    """All content of the lines as one string, paragraphs separated by a blank line."""
    return Piece.join(paragraphs(lines), sep="\n\n")


def split_at(lines: Sequence[Line], predicate) -> list[tuple[Line | None, list[Line]]]:
    """Group lines under the lines for which `predicate` is true (sub-headings)."""
    groups: list[tuple[Line | None, list[Line]]] = [(None, [])]
    for line in lines:
        if not line.blank and predicate(line):
            groups.append((line, []))
        else:
            groups[-1][1].append(line)
    if not any(not ln.blank for ln in groups[0][1]):
        groups.pop(0)
    return groups


def cells(line: Line) -> list[str]:
    """Table cells of a tab-separated row, empty cells kept, whitespace collapsed."""
    return [collapse(cell) for cell in line.text.split("\t")]


def has_letters(text: str, count: int = 3) -> bool:
    """Does the text hold at least `count` letters? Counted only as far as needed: the
    tests for heading-like lines ask this of every short line of a document."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= count:
                return True
    return count <= 0


def is_short_heading(text: str) -> bool:
    """A short line in capitals or ending in a colon ('SALARY', 'Selection process:'): what
    the builder (a heading over unused lines) and the facts step (where a pay section
    ends) take for a heading. Looser than is_upper_heading: no letter count, a colon will do."""
    # The cheap tests first: counting the letters of every long line was a real cost.
    if len(text) >= 80 or not (text.isupper() or text.endswith(":")):
        return False
    return has_letters(text)


def is_upper_heading(text: str, *, min_letters: int = 3) -> bool:
    """A line written in capitals that reads as a heading, not a sentence."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) >= min_letters
        and all(ch.isupper() for ch in letters)
        and len(text) <= 120
        and not text.rstrip().endswith((".", ";", ","))
    )
