"""Qualification text → the ways of qualifying it lists (QualificationPath dicts).

The structure is read from the markers the document uses: numbered items ("1.", "2)"),
lettered sub-items ("a.", "(b)", "A."), CalHR patterns ("Either I … Or II …"), options
("OPTION 1"), and the connectors that join them ("; or", "; and", an "OR" line).
In a numbered list the first connector is the outer one ("1. degree; and 2. …; or 3. …"
is 1 and (2 or 3); "1; or 2; or 3; and 4" is 1 or 2 or (3 and 4)). Blocks joined by
stand-alone AND / OR lines (Philadelphia) are read in path_blocks.py. Each path's months
come from the one experience normalizer, its other facts from path_parts.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from classspec.lazyre import lazy_compile
from classspec.normalize.experience import COMBINATION_TOTAL, experience_months
from classspec.normalize.path_blocks import (
    CONNECTOR_LINE,
    KIND_HEADING,
    MAX_PATHS,
    NOTE,
    asks_only_an_ability,
    block_alternatives,
    is_catch_all,
    joins_between,
    without_conditions,
)
from classspec.normalize.path_parts import (
    class_lists,
    courses,
    describe_path,
    join_parts,
    licenses,
    lists_competencies,
    prior_classes,
)

__all__ = ["courses", "describe_path", "licenses", "prior_classes"]
__all__ += ["qualification_paths"]

_LIST_LEAD_IN = lazy_compile(r"\bone\s+of\s+the\s+following\s*:\s*$|\beither\s*:?\s*$", re.I)
_EITHER_LEAD_IN = lazy_compile(r"\beither\s*:?\s*$|^(?:OR|AND)$", re.I)
_NUMBERED = lazy_compile(r"^\(?(?P<label>\d{1,2})[.)]\s*(?=\S)")
_LETTERED = lazy_compile(r"^\(?(?P<label>[a-z])[.)]\s+(?=\S)|^\(?(?P<upper>[A-H])[.)]\s+(?=[A-Z0-9])")
# An option, or a specialty heading on a line of its own ('PLUMBING SPECIALTY'; not 'ALL
# SPECIALTIES', said of every way): each heads the block of one way to qualify.
_OPTION = lazy_compile(
    r"^(?P<label>(?:OPTION|Option|PATTERN|Pattern|ALTERNATIVE|Alternative)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})"
    r"|(?!(?i:all|both|additional)\b|.*(?i:(?:all|both)\s+specialt))[A-Z&][\w'\u2019&/,.\u2013-]*\s+"
    r"(?:(?:[A-Z&][\w'\u2019&/,.\u2013-]*|and|of|the)\s+){0,8}"
    r"(?:SPECIALT(?:Y|IES)|Specialt(?:y|ies))(?:\s+(?:ONLY|Only))?(?=\s*:?$))"
    r"\b[.:)\-\u2013]*\s*"
)
# CalHR: "Either I", "Or II" on a line of its own or opening the text of one.
_ROMAN = lazy_compile(
    r"(?:^|(?<=\s)|(?<=:\s))(?:Either|Or|EITHER|OR)\s+(?P<label>[IVX]{1,4})\b\s*(?=[A-Z(]|$)"
)
_TRAILING_CONNECTOR = lazy_compile(
    r"[\s;,.)]*(?<![\w'])(?P<word>or|and|OR|AND)(?:\s+(?:either|EITHER|one\s+of\s+the\s+following)"
    r"(?:\s+#?\d+\s+or\s+#?\d+(?:\s+below)?)?)?[\s:.]*$"
)
# An upper-case OR between requirements of unmarked text ("... experience OR An associate's ...").
# Not after a comma: "Registering citizens to vote, OR" / "Preparing voting machines" is a
# list inside one requirement.
_UPPER_CONNECTOR_END = lazy_compile(r"(?<=[\s.;)])(?<!,\s)(?P<word>OR|AND)[\s:.]*$")
_SEMICOLON_OR_END = lazy_compile(r"(?<=[;.])\s*(?P<word>or)\s*$")
_KIND_LABEL = lazy_compile(r"(?:Experience|Education)\s*:")
_SUBSTITUTION = lazy_compile(r"substitut|in\s+lieu\b|\bequals?\b|may\s+be\s+accepted|\bwaive", re.I)
# The kind a requirement heading names ('GENERAL EXPERIENCE' -> experience).
_KIND_WORD = lazy_compile(r"EDUCATION|EXPERIENCE|TRAINING|LICEN[SC]E|CERTIFICATION")
# "Education and/or experience which is equivalent to "1"": a catch-all, whatever floor
# it then names ("However, all candidates must have the four years of ...").
_EQUIVALENT_PATH = lazy_compile(
    r"^(?:education|experience|training)\s+(?:and/or|and|or)\s+(?:education|experience|training)\s+"
    r"(?:(?:which|that)\s+is\s+)?equivalent\s+to\b",
    re.I,
)
# A paragraph that opens with a duration: "Two years of professional nursing experience …".
_STATES_DURATION = lazy_compile(r"[\w-]+\s+(?:\(\d+\)\s+)?(?:full[- ]time\s+)?(?:years?|months?)\b", re.I)
_DURATION_WORD = lazy_compile(r"\b(?:years?|months?)\b", re.I)


@dataclass
class _Item:
    label: str | None
    text: str
    kind: str  # "top" or "sub"
    # Roman patterns and options head a block of paragraphs (with their own AND / OR
    # lines); a numbered item is one paragraph.
    block: bool = False
    connector: str | None = None  # how it joins the next item at its level
    children: list[_Item] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _split_connector(text: str) -> tuple[str, str | None]:
    found = _TRAILING_CONNECTOR.search(text)
    if not found or found.start() == 0:
        return text.strip(), None
    return text[: found.start()].rstrip(" ;,") + ("" if text[found.start()] != ")" else ")"), found.group(
        "word"
    ).lower()


# Read three times per qualification text (items, notes, connector lines): split once.
@functools.lru_cache(maxsize=16)
def _paragraphs(text: str) -> tuple[str, ...]:
    """Lines of the text, with CalHR 'Either I' / 'Or II' markers on lines of their own,
    and an upper-case 'OR' ending a requirement that the next one follows ('... experience
    OR' / 'An associate's degree ...') as a connector line."""
    result: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        start = 0
        for found in _ROMAN.finditer(line):
            if line[start : found.start()].strip():
                result.append(line[start : found.start()].strip())
            result.append(f"\x00{found.group('label')}")
            start = found.end()
        if line[start:].strip():
            result.append(line[start:].strip())
    split: list[str] = []
    for index, paragraph in enumerate(result):
        following = result[index + 1] if index + 1 < len(result) else ""
        ending = _UPPER_CONNECTOR_END.search(paragraph)
        # NYC: '...; or' / 'Education and/or experience which is equivalent to "1"'; CalHR:
        # '... appointment.). or' / 'Experience: Thirty-six months ...' (a pattern's ways).
        if not ending and (_EQUIVALENT_PATH.search(following) or _KIND_LABEL.match(following)):
            ending = _SEMICOLON_OR_END.search(paragraph)
        if ending and ending.start() and following[:1].isupper() and not paragraph.isupper():
            split += [paragraph[: ending.start()].rstrip(" ,;"), ending.group("word")]
        else:
            split.append(paragraph)
    return tuple(split)


def _items(text: str) -> tuple[list[str], list[_Item], list[str], list[str]]:
    """(lead-in paragraphs, top-level items with their sub-items, notes after the list,
    the requirements after a list of options that closes with its heading's kind)."""
    preamble: list[str] = []
    top: list[_Item] = []
    notes: list[str] = []
    tail: list[str] = []
    paragraphs = _paragraphs(text)
    has_numbers = any(_NUMBERED.match(p) or p.startswith("\x00") or _OPTION.match(p) for p in paragraphs)
    # The options of "EDUCATION: / OPTION 1 … OR OPTION 2 …" are ways to meet that heading:
    # "AND / GENERAL EXPERIENCE:" after them is asked of every option.
    before = _preamble_of(paragraphs)
    options_heading = before[-1] if before and KIND_HEADING.match(before[-1]) else None
    for index, paragraph in enumerate(paragraphs):
        if tail:
            tail.append(paragraph)
            continue
        if (
            options_heading
            # ... when no other option follows (else the heading is this option's own)
            and not any(p.startswith("\x00") or _OPTION.match(p) for p in paragraphs[index:])
            and top
            and top[-1].block
            and top[-1].paragraphs
            and CONNECTOR_LINE.match(top[-1].paragraphs[-1])
            and KIND_HEADING.match(paragraph)
            and _kind_word(paragraph) != _kind_word(options_heading)
            # ... and no option has a heading of its own (5A08: each specialty's EXPERIENCE:)
            and not any(KIND_HEADING.match(p) for item in top for p in item.paragraphs)
        ):
            tail += [top[-1].paragraphs.pop(), paragraph]
            continue
        connector = CONNECTOR_LINE.match(paragraph)
        if connector and (not top or top[-1].block):
            (top[-1].paragraphs if top else preamble).append(paragraph)  # split into blocks later
            continue
        if connector:
            target = top[-1].children[-1] if top[-1].children else top[-1]
            target.connector = connector.group("word").lower()
            continue
        marker = None
        if paragraph.startswith("\x00"):
            marker, kind, body = paragraph[1:], "top", ""
        elif found := (_NUMBERED.match(paragraph) or _OPTION.match(paragraph)):
            marker, kind, body = found.group("label"), "top", paragraph[found.end() :]
        elif found := _LETTERED.match(paragraph):
            marker = found.group("label") or found.group("upper")
            kind, body = "sub" if has_numbers else "top", paragraph[found.end() :]
        if marker is None:
            _plain(paragraph, preamble, top, notes)
            continue
        block = paragraph.startswith("\x00") or bool(_OPTION.match(paragraph))
        if not block and top and top[-1].block and any(_LIST_LEAD_IN.search(p) for p in top[-1].paragraphs):
            # 'Either I / One year ... in at least one of the following: / 1. ... / 2. ...':
            # the numbered kinds of experience belong to the pattern, they are not ways in.
            # After '... either' they are its alternatives: their 'or' is an OR line.
            either = _EITHER_LEAD_IN.search(top[-1].paragraphs[-1])
            item_text, joined_by = _split_connector(body) if either else (paragraph, None)
            top[-1].paragraphs += [item_text, joined_by.upper()] if joined_by else [item_text]
            continue
        if kind == "top":
            _close_block(top, preamble)
        body, joined_by = _split_connector(body)
        item = _Item(marker, body, kind, block, joined_by, paragraphs=[body] if block and body else [])
        if kind == "sub" and top and not top[-1].block:
            top[-1].children.append(item)
        elif kind == "sub" and top:
            top[-1].paragraphs.append(paragraph)
        elif "SPECIALT" in marker and (again := next((t for t in top if t.label == marker), None)):
            # 'EDUCATION: HEALTH SPECIALTY: … AND EXPERIENCE: HEALTH SPECIALTY: …': the same way
            # in, its requirements of each kind together.
            # What it asks under each kind adds up; after an OR line it is another way in.
            last = again.paragraphs[-1] if again.paragraphs else ""
            joined = again.paragraphs.pop() if CONNECTOR_LINE.match(last) else "AND"
            top.remove(again)
            top.append(again)
            again.paragraphs += [joined, *item.paragraphs]
        else:
            top.append(item)
    _close_block(top, preamble)
    return preamble, top, notes, tail


def _preamble_of(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs before the first option, pattern or numbered item."""
    for index, paragraph in enumerate(paragraphs):
        if paragraph.startswith("\x00") or _OPTION.match(paragraph) or _NUMBERED.match(paragraph):
            return paragraphs[:index]
    return ()


def _kind_word(heading: str) -> str:
    found = _KIND_WORD.search(heading)
    return found.group().lower() if found else ""


def _close_block(top: list[_Item], preamble: list[str]) -> None:
    """The AND / OR line that ends a block joins it to the next block (or, before the first
    block, ends the shared lead-in)."""
    paragraphs = top[-1].paragraphs if top and top[-1].block else (preamble if not top else None)
    if paragraphs and (last := CONNECTOR_LINE.match(paragraphs[-1])):
        if not top and last.group("word").lower() == "or":
            return  # the lead-in is a way in of its own (see qualification_paths)
        word = paragraphs.pop() and last.group("word").lower()
        if top:
            top[-1].connector = word


def _plain(paragraph: str, preamble: list[str], top: list[_Item], notes: list[str]) -> None:
    """A paragraph without a marker: lead-in, part of the open item, or a note after the list."""
    if not top:
        preamble.append(paragraph)
        return
    if top[-1].block:
        top[-1].paragraphs.append(paragraph)
        return
    last = top[-1].children[-1] if top[-1].children else top[-1]
    body, joined_by = _split_connector(paragraph)
    if _SUBSTITUTION.search(paragraph) or notes:
        notes.append(paragraph)
    elif not last.text or last.connector == "and":
        # "... and" then "Education: ..." continues the requirement.
        last.text = f"{last.text} {body}".strip()
        last.connector = joined_by
    elif (
        len(top) > 1
        and all(item.connector == "and" for item in top[:-1])
        and _STATES_DURATION.match(paragraph)
        and experience_months(paragraph) is not None
    ):
        # "1. All classes require …; and 2. …; and 3. …" / "Two years of …" (a level's own
        # requirement after the series-wide ones): one more requirement of every path.
        top[-1].connector = "and"
        top.append(_Item(None, body, "top", connector=joined_by))
    else:
        notes.append(paragraph)


def _joins(items: list[_Item], default: str) -> list[str]:
    return joins_between([item.connector for item in items[:-1]], default)


def _alternatives(item: _Item) -> list[tuple[str | None, list[str]]]:
    if item.block:
        # A heading with nothing under it ('WATER SPECIALTY' over its options) is no way in.
        return [(item.label, parts) for parts in block_alternatives(item.paragraphs) if parts]
    if not item.children:
        return [(item.label, [item.text])]
    if COMBINATION_TOTAL.search(item.text) or "or" not in _joins(item.children, "and"):
        whole = " ".join([item.text, *(f"({c.label}) {c.text}" for c in item.children)])
        return [(item.label, [whole])]
    glue = " " if item.text.rstrip().endswith(":") else "; "
    return [
        (f"{item.label}{child.label}", [f"{item.text}{glue}{child.text}".strip("; ")])
        for child in item.children
    ]


def _choices(top: list[_Item]) -> list[tuple[list[str], list[str]]]:
    """(labels, parts) of each path.

    In a numbered list the first connector is the outer one: "1. degree; and 2. …; or 3. …"
    is 1 and (2 or 3), giving paths '2' and '3' that both hold the degree; "1. …; or 2. …;
    or 3. …; and 4. …" is 1 or 2 or (3 and 4). Blocks (options, CalHR patterns) are
    alternatives unless an AND stands between them.
    """
    first_block = next((i for i, item in enumerate(top) if item.block), 0)
    if first_block and all(item.block for item in top[first_block:]):
        # "1. All classes require a licence; and 2. … / Either I … Or II …": the numbered
        # requirements hold for every pattern.
        return [
            ([*labels, *more_labels], [*parts, *more_parts])
            for labels, parts in _choices(top[:first_block])
            for more_labels, more_parts in _choices(top[first_block:])
        ][:MAX_PATHS]
    joins = _joins(top, "or" if top[0].block else "and")
    outer = "and" if top[0].block else (joins[0] if joins else "and")
    groups: list[list[_Item]] = [[top[0]]]
    for item, join in zip(top[1:], joins, strict=True):
        if join == outer:
            groups.append([item])
        else:
            groups[-1].append(item)
    result: list[tuple[list[str], list[str]]] = []
    if outer == "and":
        options = [[alt for item in group for alt in _alternatives(item)] for group in groups]
        for combination in itertools.islice(itertools.product(*options), MAX_PATHS):
            labels = [
                label for (label, _), run in zip(combination, options, strict=True) if len(run) > 1 and label
            ]
            result.append((labels, [part for _, parts in combination for part in parts]))
        return result
    for group in groups:
        for combination in itertools.product(*(_alternatives(item) for item in group)):
            labels = [label for label, _ in combination if label]
            result.append((labels, [part for _, parts in combination for part in parts]))
    return result[:MAX_PATHS]


def _is_lead_in(paragraph: str) -> bool:
    """'Any one of the following:', 'EXPERIENCE:' — words that introduce, not require."""
    return not _DURATION_WORD.search(paragraph) and (
        paragraph.rstrip().endswith(":") or "following" in paragraph.lower() or len(paragraph.split()) <= 3
    )


def qualification_paths(text: str | None) -> list[dict]:
    """Every way of qualifying the text lists, as QualificationPath dicts, in order."""
    if not text or not text.strip():
        return []
    text, listed_classes = class_lists(text)
    preamble, top, notes, tail = _items(text)
    # A block that asks only a skill (a Bilingual specialty) adds to the ways in, is none.
    top = [item for item in top if not (item.block and asks_only_an_ability(item.paragraphs))]
    notes += [p for p in _paragraphs(text) if NOTE.match(p)]
    substitutions = [n for n in notes if _SUBSTITUTION.search(n)]
    if not top:
        choices = [([], parts) for parts in block_alternatives(preamble)]
    else:
        # A lead-in that states a requirement ("Two years as an Equipment Supervisor in one
        # of the following:", "EDUCATION ... AND GENERAL EXPERIENCE ...") is part of every path.
        shared = [p for p in preamble if CONNECTOR_LINE.match(p) or not _is_lead_in(p)]
        shared_choices = block_alternatives(shared) or [[]]
        choices = [
            (labels, [*shared, *parts]) for shared in shared_choices for labels, parts in _choices(top)
        ][:MAX_PATHS]
        # '... Four years of experience / OR / ELECTRICIAN SPECIALTY ONLY / licence': a way in.
        if shared and (last := CONNECTOR_LINE.match(shared[-1])) and last.group("word").lower() == "or":
            choices = [([], parts) for parts in shared_choices] + _choices(top)
    if tail:
        after = block_alternatives(tail[1:]) or [[]]
        if CONNECTOR_LINE.match(tail[0]).group("word").lower() == "and":
            choices = [(labels, [*parts, *more]) for labels, parts in choices for more in after][:MAX_PATHS]
        else:
            choices += [([], more) for more in after]
    paths = []
    for labels, parts in choices:
        parts = [_split_connector(part)[0] for part in map(without_conditions, parts) if part.strip()]
        body = join_parts(parts)
        if not body or is_catch_all(parts[-1]) or _EQUIVALENT_PATH.search(parts[-1]):
            continue
        paths.append(describe_path(parts, " and ".join(labels) or None, substitutions))
    if lists_competencies(paths):
        return []
    for path in paths:
        path["prior_classes"] += [
            name
            for lead_in, name in listed_classes
            if (lead_in is None or lead_in in path["text"]) and name not in path["prior_classes"]
        ]
    return paths
