"""Paragraphs joined by AND / OR lines of their own (Philadelphia's nested blocks, a
CalHR pattern's paragraphs, an option's) → the alternatives they allow, each a list of
required parts. The structure of numbered lists and options is read in paths.py; this
module reads one block."""

from __future__ import annotations

import itertools
import re

from classspec.lazyre import lazy_compile
from classspec.normalize.experience import experience_months

# At most this many paths: a long list of "and" runs of alternatives is not enumerated.
MAX_PATHS = 24

CONNECTOR_LINE = lazy_compile(r"^(?P<word>OR|Or|or|AND|And|and)[:.,]?$")
NOTE = lazy_compile(r"^\(?\*?\s*NOTES?\b", re.I)
# A heading that names a kind of requirement: 'EDUCATION:', 'GENERAL EXPERIENCE (for all positions):'.
KIND_HEADING = lazy_compile(
    r"^(?:[A-Z][A-Z'/&,-]*\s+){0,3}(?:EDUCATION|EXPERIENCE|TRAINING|LICEN[SC]ES?|CERTIFICATIONS?)"
    r"(?:\s+[A-Z][A-Z'/&,-]*){0,3}\s*(?:\([^()]*\))?\s*:?$"
)
_CATCH_ALL = lazy_compile(
    r"^(?:or\s+)?(?:any|an)?\s*(?:other\s+)?(?:equivalent|acceptable|comparable)?\s*combination\s+of\s+(?:\w+[,\s]+){0,6}"
    r"(?:education|training|experience)",
    re.I,
)
_EQUIVALENT_WORD = lazy_compile(r"\b(?:equivalent|acceptable|comparable)\b", re.I)
# 'Both Specialties' / 'ALL SPECIALTIES': says who the text below is for, requires nothing.
_SHARED_HEAD = lazy_compile(r"^(?:both|all)\s+specialt(?:y|ies)\s*:?$", re.I)


def block_alternatives(paragraphs: list[str]) -> list[list[str]]:
    """Paragraphs joined by AND / OR lines → the alternatives they allow, each a list of
    required parts. OR binds tighter than AND ('EDUCATION AND EXPERIENCE OR Any
    equivalent combination' is education and one of the two); notes are left out."""
    restart = _restart(paragraphs)
    if restart is not None:
        shared, first, second = restart
        return [*block_alternatives(shared + first), *block_alternatives(shared + second)][:MAX_PATHS]
    segments: list[list[str]] = [[]]
    joins: list[str] = []
    in_note = False
    for paragraph in paragraphs:
        connector = CONNECTOR_LINE.match(paragraph)
        if connector:
            in_note = False
            if segments[-1]:
                joins.append(connector.group("word").lower())
                segments.append([])
            continue
        if is_catch_all(paragraph):
            break  # "Any equivalent combination …" closes the requirements; notes follow it
        # A note runs to the next AND / OR line: what it says substitutes, it adds nothing.
        in_note = in_note or bool(NOTE.match(paragraph))
        if not in_note and not _SHARED_HEAD.match(paragraph):
            segments[-1].append(paragraph)
    while segments and not segments[-1]:
        segments.pop()
    runs: list[list[str]] = []
    lead_in: list[str] = []
    for index, segment in enumerate(segments):
        if index and joins[index - 1] == "or":
            # "Two years of experience in any one of the following: / A / OR / B": the
            # list's lead-in (and its heading) asks the same of every alternative after it
            # that is an item of the list (one stating its own duration is not).
            item = lead_in if experience_months("\n".join(segment)) is None else []
            runs[-1].append("\n".join([*item, *segment]))
        else:
            lead_in = _list_lead_in(segment)
            runs.append(["\n".join(segment)])
    return [list(choice) for choice in itertools.islice(itertools.product(*runs), MAX_PATHS)]


# Said beside the ways in, asking nothing of its own: "4. NYC residency*" (a condition of
# employment), CalHR's "Experience applicable to one of the following patterns may be
# combined on a proportional basis ... totals at least 30 months" (a substitution).
_CONDITION = lazy_compile(
    r"^\W*(?:(?:NYC|New\s+York\s+City|City)\s+)?residency\W*$|\bcombined\s+on\s+a\s+proportional\s+basis\b",
    re.I,
)


def without_conditions(part: str) -> str:
    """A part without its paragraphs that are conditions (a block joins its paragraphs)."""
    return "\n".join(p for p in part.split("\n") if not _CONDITION.search(p))


def is_catch_all(paragraph: str) -> bool:
    """'Any equivalent combination of education and experience …' (whatever floor it
    names: 'which has included … one year of …'), but not 'Any combination of … experience
    equating to five years', which states a total."""
    if not _CATCH_ALL.search(paragraph):
        return False
    return experience_months(paragraph) is None or bool(_EQUIVALENT_WORD.search(paragraph[:80]))


def _restart(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]] | None:
    """'GENERAL EXPERIENCE … AND SPECIFIC EXPERIENCE … OR GENERAL EXPERIENCE … AND …': an
    OR before a heading said before starts another way in from that heading on; what
    precedes the first such heading is shared. (shared, first way, second way) or None."""
    seen: dict[str, int] = {}
    restarts: list[tuple[int, int]] = []  # (where the heading was first said, where again)
    for index, paragraph in enumerate(paragraphs):
        if not KIND_HEADING.match(paragraph):
            continue
        key = paragraph.rstrip(" :").upper()
        before = paragraphs[index - 1] if index else ""
        joined = CONNECTOR_LINE.match(before)
        if key in seen and joined and joined.group("word").lower() == "or":
            restarts.append((seen[key], index))
        seen.setdefault(key, index)
    if not restarts:
        return None
    # The outermost first: 'GENERAL … SPECIFIC … OR SPECIFIC … OR GENERAL …' is two ways
    # from GENERAL on, the first of them with two SPECIFIC alternatives.
    start, index = min(restarts)
    return list(paragraphs[:start]), list(paragraphs[start : index - 1]), list(paragraphs[index:])


def _list_lead_in(segment: list[str]) -> list[str]:
    """The paragraphs up to the last one that opens a list ('... any one of the
    following:', '... which has included:', 'Four years of experience') when list items
    follow it; else none."""
    opening = [
        i for i, p in enumerate(segment[:-1]) if p.rstrip().endswith(":") or experience_months(p) is not None
    ]
    return segment[: opening[-1] + 1] if opening else []


# A requirement that asks a skill, not a way in: "Sufficient training and/or experience to
# be able to understand and speak fluently ... the designated non-English language" (a
# Bilingual specialty's addition), "Ability to read and write English".
_ABILITY = lazy_compile(
    r"^\W*(?:(?:sufficient|demonstrated|proven)\s+(?:[\w/]+\s+){0,5}?)?(?:(?:the\s+)?ability|able)\s+to\b"
    r"|^\W*(?:knowledge\s+of|skills?\s+in)\b",
    re.I,
)
_MEASURED = lazy_compile(
    r"\b(?:years?|months?|hours?|degree|diploma|graduat\w*|grade|high\s+school|college|licen[sc]e"
    r"|certificat\w*|registration|course|units?|credits?)\b",
    re.I,
)


def asks_only_an_ability(parts: list[str]) -> bool:
    """Does a block (a specialty's, an option's) ask only a skill, no duration, schooling
    or credential? Then it adds to the ways in, it is none of its own (Philadelphia's
    BILINGUAL SPECIALTY under the ways of the class)."""
    paragraphs: list[str] = []
    for paragraph in (p.strip() for part in parts for p in part.split("\n")):
        if NOTE.match(paragraph):
            break  # a note runs on to the end of the block: it asks nothing of its own
        if paragraph and not KIND_HEADING.match(paragraph):
            paragraphs.append(paragraph)
    own = "\n".join(paragraphs)
    return bool(paragraphs) and all(_ABILITY.search(p) for p in paragraphs) and not _MEASURED.search(own)


def joins_between(written: list[str | None], default: str) -> list[str]:
    """The connector between each item of a list and the next, from those `written` after
    each: its own, else the next one written at this level ('A; B; or C' is all 'or'),
    else the last one written, else `default`."""
    joins = []
    for index, connector in enumerate(written):
        later = next((c for c in written[index:] if c), None)
        earlier = next((c for c in reversed(written[:index]) if c), None)
        joins.append(connector or later or earlier or default)
    return joins
