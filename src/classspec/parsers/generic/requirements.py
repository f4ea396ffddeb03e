"""Knowledge, skills and abilities, other requirements and minimum qualifications."""

from __future__ import annotations

import re

from classspec.document import Line, Piece
from classspec.lazyre import lazy_compile
from classspec.linetext import items, strip_marker, text_block
from classspec.parsers.generic.classes import Records
from classspec.parsers.generic.lexicon import DEGREE_WORDS
from classspec.parsers.requirement_kinds import names_license, qualification_kind
from classspec.sections import Section

_DEGREES = "|".join(sorted(DEGREE_WORDS, key=len, reverse=True))
REQUIREMENT_START = lazy_compile(
    rf"^(?:(?P<degree>{_DEGREES})\s+)?(?P<kind>knowledges?|skills?|abilit(?:y|ies))\s+(?:of|in|to)\b", re.I
)
# "Knowledge of: a; b", "Working ability to: a; b" (a label line too long to be a heading).
_LABELLED = lazy_compile(
    rf"(?P<label>(?:(?:{_DEGREES})\s+)?(?:knowledges?\s+of|skills?\s+(?:in|to)|abilit(?:y|ies)\s+to))"
    r"\s*:\s*(?P<rest>\S.*)?",
    re.I,
)
# "Knowledge of a; b. Skill in c. Ability to d; e.": a paragraph of sentences, each
# opening with its kind (Ohio's MAJOR WORKER CHARACTERISTICS).
_KIND_SENTENCE = lazy_compile(
    rf"(?<=\.)\s+(?=(?:(?:{_DEGREES})\s+)?(?:knowledges?|skills?|abilit(?:y|ies))\s+(?:of|in|to)\b)", re.I
)
_NOTE = lazy_compile(r"\(.*\)\.?")
# A labelled paragraph of qualifications inside a list of requirements.
_QUALIFICATION_LABEL = lazy_compile(
    r"(?:minimum\s+)?(?:education|experience|training|licen[sc]es?|certifications?|certificates?)"
    r"(?:\s*(?:,|and|or|&|/)\s*(?:education|experience|training|licen[sc]es?|certifications?|certificates?))*\s*:\s*\S",
    re.I,
)
_KIND_FIELD = {"knowledge": "knowledge", "knowledges": "knowledge", "skill": "skills", "skills": "skills"}
_FIELDS = {"knowledge", "skills", "abilities", "other_requirements"}
_SENTENCE_END = (".", ";", ":", "!", "?")


def _kind_field(kind: str) -> str:
    return _KIND_FIELD.get(kind.lower(), "abilities")


def _requirement(text: str, level: str | None) -> dict:
    return {"name": None, "text": text, "level": level, "required_at_entry": None}


def split_semicolons(piece: Piece) -> list[Piece]:
    parts = [re.sub(r"^(?:and|or)\s+", "", p.strip().rstrip(".;,").strip()) for p in piece.text.split(";")]
    return [piece.with_text(p) for p in parts if p]


def continued_inline(section: Section, lines: list[Line]) -> list[Line] | None:
    """The text on a heading's line and the lines it runs on into, as lines to read as one
    paragraph ("DISTINGUISHING FEATURES OF THE CLASS: This is professional work involving"
    / "responsibility for ..."), or None when the text on the heading line stands alone."""
    if section.inline is None or section.heading is None or section.inline.text.endswith(_SENTENCE_END):
        return None
    content = [ln for ln in lines if not ln.blank]
    heading_line = section.heading.lines[-1]
    if not content or content[0].number != heading_line.number + 1 or strip_marker(content[0].stripped)[0]:
        return None
    return [Line(section.inline.text, heading_line.number, heading_line.page), *lines]


def requirements(records: Records, section: Section) -> None:
    """A KSA block or one 'Knowledge of:' list. Items may be inline and ';'-separated; a
    'Knowledge of:' / 'Ability to:' label line sends the items below it to its field."""
    lines = section.lines
    heading_text = section.heading.text if section.heading else ""
    started = REQUIREMENT_START.match(heading_text + " of") if section.heading else None
    degree = started.group("degree").lower() if started and started.group("degree") else None
    field = section.key if section.key in _FIELDS else None
    degree_source = section.heading if degree else None
    pieces: list[tuple[Piece, str | None, str | None, Piece | None]] = []
    joined = continued_inline(section, lines)
    if joined:
        # One paragraph of ';'-separated requirements begun on the heading's line.
        inline_mode, lines = True, joined
    else:
        inline_mode = section.inline is not None
    if section.inline and not joined:
        pieces += [(p, field, degree, degree_source) for p in split_semicolons(section.inline)]
    current, current_degree, current_source = field, degree, degree_source
    for item in items(lines):
        if _QUALIFICATION_LABEL.match(item.text):
            # "Experience and Training: Four (4) years ..." after the "Ability to:" list of
            # a QUALIFICATIONS section is a qualification, not an ability.
            qualifications(records, Section("qualifications", None, item, []))
            continue
        labelled = _LABELLED.fullmatch(item.text)
        if labelled:
            found = REQUIREMENT_START.match(labelled.group("label") + " of")
            current = _kind_field(found.group("kind")) if found else current
            current_degree = found.group("degree").lower() if found and found.group("degree") else None
            current_source = item if current_degree else None
            records.use(item)
            if labelled.group("rest"):
                rest = item.with_text(labelled.group("rest"))
                pieces += [(p, current, current_degree, current_source) for p in split_semicolons(rest)]
            continue
        sentences = _KIND_SENTENCE.split(item.text)
        if len(sentences) > 1 and REQUIREMENT_START.match(item.text):
            for sentence in sentences:
                opened = REQUIREMENT_START.match(sentence)
                kind = _kind_field(opened.group("kind")) if opened else current
                # The items after the first of a sentence's ';' list are of its kind.
                pieces += [(p, kind, None, None) for p in split_semicolons(item.with_text(sentence))]
            continue
        parts = split_semicolons(item) if inline_mode else [item]
        pieces += [(p, current, current_degree, current_source) for p in parts]
    for piece, target, level, level_source in pieces:
        opened = REQUIREMENT_START.match(piece.text)
        if opened:
            target = _kind_field(opened.group("kind"))
            level = opened.group("degree").lower() if opened.group("degree") else level
        if _NOTE.fullmatch(piece.text):
            records.other(heading_text or None, piece)  # "(These are developed after employment.)"
            continue
        if target in (None, "other_requirements"):
            records.add("other_requirements", _requirement(piece.text, None), piece)
            continue
        records.add(target, _requirement(piece.text, level), piece, level=level_source if level else None)


def qualifications(records: Records, section: Section) -> None:
    lines = section.lines
    joined = continued_inline(section, lines)
    if joined:
        # "A. Education: Associate degree in civil engineering ... related" / "field; ..."
        section, lines = Section(section.key, section.heading, None, section.lines), joined
    body = Piece.join([p for p in (section.inline, text_block(lines)) if p], sep="\n\n")
    if not body:
        return
    records.append_text("minimum_qualifications.text", body)
    pieces = items(lines)
    for item in [section.inline, *pieces] if section.inline else pieces:
        kind = section.key if section.key in ("education", "experience") else qualification_kind(item.text)
        if kind:
            records.add(f"minimum_qualifications.{kind}", item.text, item)
            continue
        # A person specification's criteria mix knowledge and abilities with the
        # qualifications ("Sound knowledge of the Planning Act", "Demonstrated ability to").
        opened = REQUIREMENT_START.match(item.text)
        if opened:
            level = opened.group("degree").lower() if opened.group("degree") else None
            labelled = _LABELLED.fullmatch(item.text)
            # "Ability to: Follow oral directions." lists its items after the label.
            rest = labelled.group("rest") if labelled else None
            parts = split_semicolons(item.with_text(rest)) if rest else [item]
            for part in parts:
                records.add(_kind_field(opened.group("kind")), _requirement(part.text, level), part)


def licenses(records: Records, section: Section, lines: list[Line], heading: str | None) -> None:
    joined = continued_inline(section, lines)
    if joined:
        section, lines = Section(section.key, section.heading, None, section.lines), joined
    pieces = items(lines)
    for item in [section.inline, *pieces] if section.inline else pieces:
        if names_license(item.text):
            records.add("minimum_qualifications.licenses", item.text, item)
        else:
            records.other(heading, item)
