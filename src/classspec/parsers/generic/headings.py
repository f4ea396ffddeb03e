"""Where the sections of an unknown template start: headings found by their wording
(the lexicon, combined names, misspellings, numbering, text on the same line) and by
their typography (capitals, a heading level the reader kept), plus headings set
inside a very long line (OCR output with one line per page)."""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import is_upper_heading, strip_marker
from classspec.parsers.generic import heading_model
from classspec.parsers.generic.lexicon import FAMILIES, HEADINGS, UNKNOWN_HEADING
from classspec.sections import Section, match_heading

# "1. DEFINITION", "A. Duties", "IV. MINIMUM QUALIFICATIONS", "Section 3 - Duties"
_NUMBERING = lazy_compile(
    r"^(?:(?:section|part)\s+)?(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?|[A-H])[.):\-]\s*(?=\S)", re.I
)
# "MINIMUM ACCEPTABLE TRAINING AND EXPERIENCE (The following statement ...)"
_NOTED = lazy_compile(r"(?P<name>[A-Z][A-Za-z0-9 .,/&'\-]{3,80}?)\s*:?\s*(?P<note>\(.*\)[.:]?)")
NOTE_WORDS = 4  # a parenthetical this long after a heading is a note, kept as text
# Parts of a combined heading ("REQUIREMENT/MINIMUM QUALIFICATION", "Duties and Responsibilities").
_JOINERS = lazy_compile(r"\s*(?:/|,|&|\+|\band\b|\bor\b)\s*", re.I)
FUZZY_CUTOFF = 0.88
MAX_HEADING_WORDS = 9
# A long line is searched for headings inside it.
LONG_LINE_CHARS = 300
# What precedes a name is asked after its first capital ('(?<![\w,][A-Z])', not
# '(?<![\w,])' in front): a pattern that starts with a character class lets re skip to
# the capitals of a long line, a leading lookbehind makes it try every position.
_INLINE_CAPS = lazy_compile(r"(?P<name>[A-Z](?<![\w,][A-Z])[A-Z/&,' \-]{3,70}[A-Z])(?::|(?=\s+[A-Z0-9(]))")
# "... duties. Minimum Qualifications: ...": a name after a sentence, with its colon.
_INLINE_TITLED = lazy_compile(r"(?P<name>[A-Z](?<=[.;:]\s[A-Z])[a-z]+(?:[ /][A-Za-z&]+){0,5}):")


# "LIBRARY OFFICER Class Code: 4410 DEFINITION ...": a known label in title case after
# a word, with its colon (the name is checked against the lexicon before a cut).
_IDENTITY_KEYS = frozenset({"code", "title"})
_INLINE_LABEL = lazy_compile(r"(?P<name>[A-Z](?<=[\w.,;)] [A-Z])[a-z]+(?: [A-Za-z][a-z]+){0,2}):")


@dataclass(frozen=True, slots=True)
class Heading:
    key: str
    heading: Piece
    inline: Piece | None = None


def _lexicon(text: str, line: Line) -> tuple[str, Piece | None] | None:
    found = match_heading(Line(text, line.number, line.page), HEADINGS)
    if not found:
        return None
    rule, inline = found
    return rule.key, inline


def _heading_typography(line: Line, text: str) -> bool:
    """Set as a heading: a level the reader kept, bold, capitals, or a short line ending in ':'."""
    if line.heading or line.bold:
        return True
    words = text.split(maxsplit=MAX_HEADING_WORDS)  # one part more says "too many words"
    if not words or len(words) > MAX_HEADING_WORDS or text.endswith((".", ";", ",")):
        return False
    return is_upper_heading(text) or text.endswith(":") or all(w[:1].isupper() for w in words if len(w) > 3)


def _combined(text: str, line: Line) -> str | None:
    """'REQUIREMENT/MINIMUM QUALIFICATION': every part a heading name; the first decides."""
    core = text.rstrip(" :")
    parts = [p for p in _JOINERS.split(core) if p]
    if len(parts) < 2 or len(core.split()) > MAX_HEADING_WORDS:
        return None
    keys = []
    for part in parts:
        found = _lexicon(part, line) or _fuzzy(part)
        if not found or found[1] is not None:
            return None
        keys.append(found[0])
    return keys[0]


def _literal(name: str) -> str | None:
    """The plain words of a heading name, or None when it is a pattern."""
    plain = re.sub(r"(\w)\?", r"\1", name.replace("\\.", "."))  # "qualifications?" -> "qualifications"
    return None if re.search(r"[()?|\\\[\]*+]", plain) else plain


# Heading names written out in full, for headings misspelt in the document
# ("Minimum Qualfications") and for headings set inside a long line.
LITERAL_NAMES: tuple[tuple[str, str], ...] = tuple(
    (literal, family.key)
    for family in FAMILIES
    for name in family.names
    if (literal := _literal(name)) and len(literal) >= 5
)


_NAMES = [name for name, _ in LITERAL_NAMES]
_KEY_OF_NAME = dict(LITERAL_NAMES)


def _fuzzy(text: str) -> tuple[str, None] | None:
    """A misspelt heading name ('Minimum Qualfications', 'Knowledges and Abilites')."""
    key = _closest(collapse(text.rstrip(" :")).lower())
    return (key, None) if key else None


@functools.lru_cache(maxsize=4096)
def _closest(name: str) -> str | None:
    if len(name) < 8:
        return None
    # Only names whose length lets them reach the cutoff: difflib's first test
    # (real_quick_ratio, the same formula) would turn the others away, one by one.
    size = len(name)
    near = [n for n in _NAMES if 2.0 * min(size, len(n)) / (size + len(n)) >= FUZZY_CUTOFF]
    close = difflib.get_close_matches(name, near, n=1, cutoff=FUZZY_CUTOFF)
    return _KEY_OF_NAME[close[0]] if close else None


# Detection reads every line's heading, then parsing reads them again: worked out once
# (lines are values: equal lines give equal headings).
@functools.lru_cache(maxsize=4096)
def find_heading(line: Line) -> Heading | None:
    """The heading a line is, with its key and any text written after it, or None."""
    text = line.stripped
    # A heading with a long note after it ("JOB DUTIES IN ORDER OF IMPORTANCE: (These
    # duties are illustrative only. ...)") may run past the length of a heading line.
    if not text or (len(text) > 160 and not (text.endswith((")", ").", "):")) and len(text) <= 400)):
        return None
    candidates = [text]
    numbered = _NUMBERING.match(text)
    if numbered:
        candidates.append(text[numbered.end() :])
    for candidate in candidates:
        found = _lexicon(candidate, line)
        # The note closes the line: its regex (a lazy run, tried at every length) is
        # tried only on lines that end in a bracket.
        noted = _NOTED.fullmatch(candidate) if candidate.endswith((")", ").", "):")) else None
        if found and not (found[1] is None and noted and len(noted.group("note").split()) >= NOTE_WORDS):
            return Heading(found[0], Piece.of([line]), found[1])
        if noted and len(noted.group("note").split()) >= NOTE_WORDS:
            found = _lexicon(noted.group("name"), line)
            if found and found[1] is None:
                return Heading(
                    found[0],
                    Piece(collapse(noted.group("name")), (line,)),
                    Piece(collapse(noted.group("note")), (line,)),
                )
        if _heading_typography(line, candidate):
            key = _combined(candidate, line) or (_fuzzy(candidate) or (None,))[0]
            if key:
                return Heading(key, Piece.of([line]))
    if UNKNOWN_HEADING.pattern.fullmatch(text) or (line.heading and len(text.split()) <= MAX_HEADING_WORDS):
        return Heading("unknown", Piece.of([line]))
    return None


def split_long_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines with each long one cut where a known heading starts inside it."""
    result: list[Line] = []
    for line in lines:
        # Most lines are short: kept without a call (this runs over every line, twice).
        if len(line.text) < LONG_LINE_CHARS:
            result.append(line)
        else:
            result.extend(split_long_line(line))
    return result


def split_long_line(line: Line) -> list[Line]:
    """A line of a whole page cut where a known heading starts inside it."""
    text = line.text
    if len(text) < LONG_LINE_CHARS:
        return [line]
    cuts = []
    # A titled name ends in its colon: a line without one is not scanned for them.
    patterns = (_INLINE_CAPS, _INLINE_TITLED, _INLINE_LABEL) if ":" in text else (_INLINE_CAPS,)
    for pattern in patterns:
        for found in pattern.finditer(text):
            name = found.group("name").strip()
            if found.start() > 0 and (heading := _lexicon(name, line)) and heading[1] is None:
                # A title-case label cuts only as the class's own label: "Experience:"
                # inside a requirement path is text.
                if pattern is _INLINE_LABEL and heading[0] not in _IDENTITY_KEYS:
                    continue
                cuts.append((found.start("name"), found.end()))
    if not cuts:
        return [line]
    pieces, start = [], 0
    for begin, end in sorted(set(cuts)):
        if begin < start:
            continue
        pieces.append(text[start:begin])
        pieces.append(text[begin:end])
        start = end
    pieces.append(text[start:])
    return [Line(p.strip(), line.number, line.page) for p in pieces if p.strip()]


def read_heading(
    line: Line, following: Line | None, position: float, in_list: bool = False, preamble: bool = False
) -> Heading | None:
    """A heading the vocabulary does not know, set as one by its typography ("## Your
    responsibilities", "In this job you will:"): its field from the heading model when
    the model is sure, else None (the caller keeps what the vocabulary said). Inside a
    list section a sentence ending in ':' introduces more of the list ("Possession of the
    following certificates:" under Minimum Qualifications): only a heading level, bold
    or capitals open a section there."""
    if not heading_model.heading_like(line, following):
        return None
    cues = heading_model.cues_of(line, following, position)
    if in_list and not (cues.level or cues.bold or cues.caps):
        return None
    guess = heading_model.model().predict(line.stripped, cues)
    threshold = heading_model.PREAMBLE_THRESHOLD if preamble else heading_model.THRESHOLD
    if guess.field == "other" or guess.probability < threshold:
        return None
    return Heading(guess.field, Piece.of([line]))


TITLED_HEADING_WORDS = 6
BODY_WORDS = 8


def _titled_heading(line: Line, following: Line | None) -> bool:
    """A short line in title case, alone after a blank line, followed by a paragraph of
    body text ("Supervision Received and Exercised" / "Receives general direction ...")."""
    text = line.stripped.rstrip(":")
    # Asked of every line: one part more than a heading may have words says "too long"
    # without cutting a paragraph into all its words.
    words = text.split(maxsplit=TITLED_HEADING_WORDS)
    if not words or len(words) > TITLED_HEADING_WORDS or following is None:
        return False
    if text.endswith((".", ";", ",", ")")) or strip_marker(text)[0] or not text[:1].isupper():
        return False
    if not all(w[:1].isupper() for w in words if len(w) > 3):
        return False
    body = following.stripped
    return len(body.split()) >= BODY_WORDS and body[:1].isupper() and not strip_marker(body)[0]


_REQUIREMENT_KEYS = frozenset({"knowledge", "skills", "abilities"})


def _level(section: Section) -> int | None:
    return section.heading.lines[0].heading if section.heading is not None else None


def _outline_closes(line: Line, level: int | None) -> bool:
    """In an outline (Markdown, Word) a heading level as high as the section's own
    (`level`: "## Job details" after "## What you'll do") ends the section, whatever its
    words; a lower one ("### Your impact") is a sub-heading of its list."""
    return bool(line.heading and level and line.heading <= level)


def _empty_qualifications(section: Section) -> bool:
    return section.key == "qualifications" and not section.inline and not section.content_lines


MARKED_HEADING_WORDS = 16


def _closes(line: Line, section: Section) -> bool:
    """A sentence-long heading the format marks at the level of the open section's heading
    or above ends it, whatever its words ("## Blurb for attaching to email or posting on social
    media:" after "## Minimum qualifications"): the writer said where the section stops."""
    if not line.heading or section.heading is None:
        return False
    level = section.heading.lines[0].heading
    words = line.stripped.split(maxsplit=MARKED_HEADING_WORDS)
    # Only a heading too long to name a sub-list: short ones at the same level are how
    # web pages set a series' class titles and a list's groups.
    if level is None or line.heading > level:
        return False
    return MAX_HEADING_WORDS < len(words) <= MARKED_HEADING_WORDS


def sections(
    lines: Sequence[Line],
    list_keys: frozenset[str],
    structural: frozenset[str],
    level_lines: set[int],
    class_lines: set[int],
    outline: bool = False,
) -> list[Section]:
    """Cut the document at its headings. A heading in capitals the lexicon does not know
    starts a section of its own, except before the first spec section (letterhead, the
    title) and inside a list (a sub-heading of the list). A series level's title line
    ("Accountant II") starts a "level" section: the text under it describes the level;
    other lines that name a class (a series member's title inside a section) are no headings.
    `outline`: the heading levels are the author's outline (Markdown, Word), so a heading
    as high as its section's own ends it; web pages set any paragraph as a heading."""
    result: list[Section] = [Section(None, None)]
    seen_structural = False
    content = [ln for ln in lines if not ln.blank]
    following = {a.number: b for a, b in itertools.pairwise(content)}
    place = {ln.number: index / max(1, len(content) - 1) for index, ln in enumerate(content)}
    levels: dict[int, int] = {}  # id(section) -> the outline level that ends it, when not its own
    for line in lines:
        if line.number in level_lines:
            result.append(Section("level", None, None, [line]))
            continue
        found = None if line.number in class_lines else find_heading(line)
        if line.number not in class_lines and not line.blank and (found is None or found.key == "unknown"):
            in_list = found is None and result[-1].key in list_keys
            guessed = read_heading(
                line, following.get(line.number), place[line.number], in_list, not seen_structural
            )
            # A sentence that introduces more of the section it is in stays in it
            # ("Duties may include the following:" under "Examples of Duties"); before
            # the first spec section only a spec section's heading counts (the title
            # "APPLICATIONS PROGRAMMER" is no bulletin heading).
            if (
                guessed is not None
                and (found is not None or guessed.key != result[-1].key)
                and (seen_structural or guessed.key in structural)
            ):
                found = guessed
        if (
            found is None
            and line.number not in class_lines
            and _titled_heading(line, following.get(line.number))
        ):
            found = Heading("unknown", Piece.of([line]))
        # A series' class titles set at the level of its sections name classes, not sections.
        closes = line.number not in class_lines and _closes(line, result[-1])
        if found is None and closes:
            found = Heading("unknown", Piece.of([line]))
        if found and found.key == "unknown":
            previous = result[-1].key
            # A long marked heading ends any section; an outline's heading as high as the
            # section's own ends a spec section (not the letterhead before the first one).
            outline_ends = outline and _outline_closes(line, levels.get(id(result[-1]), _level(result[-1])))
            if not closes and (not seen_structural or (previous in list_keys | {None} and not outline_ends)):
                result[-1].lines.append(line)
                continue
        if found and found.inline and found.key in _REQUIREMENT_KEYS and _empty_qualifications(result[-1]):
            # "Minimum Qualifications / Ability to: Follow oral directions." is what qualifies.
            found = None
        if found:
            seen_structural |= found.key in structural
            section = Section(found.key, found.heading, found.inline)
            level = levels.get(id(result[-1]), _level(result[-1]))
            if found.key == result[-1].key and level and line.heading and line.heading > level:
                # A sub-heading of the section's own field ("### What you bring to the team"
                # under "## How do I qualify?") ends where its parent ends: its siblings
                # ("### Leadership") stay in it.
                levels[id(section)] = level
            result.append(section)
        else:
            result[-1].lines.append(line)
    if not result[0].content_lines:
        result.pop(0)
    return result
