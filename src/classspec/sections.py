"""The shared section engine: heading rules, and a document cut into sections at them.

Parsers describe their template as a table of `HeadingRule`s and call these functions;
none of them re-implements heading search. A template's rules are fullmatched as one
combined alternation (the first rule that matches wins, as if tried one by one), so
most lines cost one regex call. What the lines of a section say as text (list items,
paragraphs, text blocks) is `linetext`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from classspec.document import Line, Piece, collapse
from classspec.lazyre import LazyPattern, lazy_compile
from classspec.linetext import text_block


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
