"""SUCSS entry qualifications of one level: numbered credentials (all required, so
their months add up; "any combination that equals 18 months" is the requirement) and
named personal attributes (required at entry)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from classspec.builder import RecordBuilder
from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import items, strip_marker, text_block
from classspec.parsers.requirement_kinds import qualification_kind
from classspec.sections import HeadingRule, heading, split_sections
from classspec.vocabulary import template_names

# Sub-headings inside one level's entry qualifications.
LEVEL_PARTS = (
    heading("credentials", *template_names("sucss", "credentials")),
    heading("attributes", *template_names("sucss", "attributes")),
    # Any other heading in capitals starts a part this parser has no field for.
    HeadingRule("other", lazy_compile(r"[A-Z][A-Z0-9 ,&/'()\u2013-]{7,}:?")),
)
# "... any combination that equals 18 months from the categories below": the total the
# categories must add up to, which is the requirement itself, not a substitution.
COMBINATION_TOTAL = lazy_compile(
    r"combination\s+(?:(?:that|which)\s+)?(?:equals?|equall?ing|totals?|totall?ing)\s+"
    r"(?P<total>.+?)\s+(?:from|of|in)\b",
    re.I,
)
NUMBERED = lazy_compile(r"\(?\d{1,3}[.)]\s+")
SUB_JOIN_WORDS = (" or", " and", ":")
# Emphasis the text export keeps from the original document: '**18 months**', '<u>...</u>'.
MARKUP = lazy_compile(r"\*\*|__|</?(?:u|b|i|em|strong)>", re.I)


def unmarked(text: str) -> str:
    return collapse(MARKUP.sub("", text))


def unmarked_piece(piece: Piece) -> Piece:
    return piece.with_text(unmarked(piece.text))


def read_entry(record: RecordBuilder, lines: list[Line]) -> None:
    """MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY INTO one level: the
    credentials the placement officer verifies, and the personal attributes."""
    for part in split_sections(lines, LEVEL_PARTS, first_key="credentials"):
        record.use(part.heading)
        if part.key == "credentials":
            _credentials(record, part.lines)
        elif part.key == "attributes":
            _attributes(record, part.lines)
        elif part.content_lines:
            record.other(part.heading, unmarked_piece(part.text()))


def _credentials(record: RecordBuilder, lines: list[Line]) -> None:
    if not any(not ln.blank for ln in lines):
        return
    whole = unmarked_piece(text_block(lines))
    record.set("minimum_qualifications.text", whole.text, whole)
    requirements = _requirements(lines)
    for requirement in requirements:
        text = requirement.text
        # Every numbered credential is a requirement: one that names no kind is experience.
        kind = qualification_kind(text, default="experience")
        record.add(f"minimum_qualifications.{kind}", text, requirement)


def _requirements(lines: Sequence[Line]) -> list[Piece]:
    """Numbered credentials, each with its sub-items ('(a) ...', 'or', bullets) joined in.
    Without numbering, every list item is a credential of its own."""
    pieces = [unmarked_piece(p) for p in items(lines, keep_markers=True)]
    if not any(NUMBERED.match(p.text) for p in pieces):
        return [p.with_text(strip_marker(p.text)[1]) for p in pieces]
    grouped: list[Piece] = []
    for piece in pieces:
        numbered = NUMBERED.match(piece.text)
        if numbered or not grouped:
            grouped.append(piece.with_text(piece.text[numbered.end() :] if numbered else piece.text))
            continue
        previous = grouped[-1]
        joins = previous.text.endswith(SUB_JOIN_WORDS) or piece.text in ("or", "and")
        grouped[-1] = Piece.join([previous, piece], sep=" " if joins else "; ")
    return grouped


@dataclass(slots=True)
class _Attribute:
    lines: list[Line]
    parts: list[str]  # the name line first, then each explanation line

    def extend(self, line: Line, body: str, *, new_part: bool) -> None:
        self.lines.append(line)
        if new_part:
            self.parts.append(body)
        else:
            self.parts[-1] += " " + body


def _attributes(record: RecordBuilder, lines: list[Line]) -> None:
    """Named attributes, each with the '(i.e., ...)' explanation written beside it or
    on following lines; numbering is irregular, so each line that is neither an
    explanation nor the wrapped rest of one is the name of a new attribute."""
    attributes: list[_Attribute] = []
    for line in lines:
        if line.blank:
            continue
        body = unmarked(strip_marker(line.stripped)[1])
        current = attributes[-1] if attributes else None
        if current and _open_paren(current.parts[-1]):
            current.extend(line, body, new_part=False)
        elif current and body.startswith("("):
            current.extend(line, body, new_part=True)
        elif current and body[:1].islower():
            current.extend(line, body, new_part=False)
        else:
            attributes.append(_Attribute([line], [body]))
    for attribute in attributes:
        name, *explanations = (collapse(part) for part in attribute.parts)
        inline = re.fullmatch(r"(?P<name>[^()]+?)\s*(?P<text>\(.+\))\.?", name)
        if inline:
            name, explanations = inline.group("name"), [inline.group("text"), *explanations]
        text = "; ".join(_unparenthesized(e) for e in explanations) or name
        value = {"name": name, "text": text, "level": None, "required_at_entry": True}
        record.add("other_requirements", value, attribute.lines, name=attribute.lines[:1])


def _unparenthesized(text: str) -> str:
    inner = re.fullmatch(r"\((?P<inner>.*)\)\.?", text)
    return inner.group("inner").strip() if inner else text


def _open_paren(text: str) -> bool:
    return text.count("(") > text.count(")")
