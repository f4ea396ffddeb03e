"""Shapes the Philadelphia template shares between its sections: class codes,
specialty / option group headings, knowledge-skill-ability sub-heads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from classspec.document import Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import is_upper_heading, items, strip_marker
from classspec.normalize import title_case
from classspec.parsers.requirement_kinds import ksa_kind_of_heading

# A class code: four or five characters, digits and capitals, at least one digit ("6J27", "R301").
CODE = r"(?=[0-9A-Z]*\d)[0-9A-Z]{4,5}"
_SPECIALTY_WORD = lazy_compile(r"\bspecialt(?:y|ies)\b", re.I)
_GROUP_HEAD = lazy_compile(
    r"(?:(?:both|all|each|general|additional(?:\s+\w+)*|.*\bspecialt(?:y|ies)|.*\bassignments?"
    r"|option\s+\w+)\b.*)",
    re.I,
)
NOT_A_SPECIALTY = lazy_compile(r"^(?:both|all|each|additional|the)\b", re.I)
# The words a requirement kind heading starts with ("General experience", "EDUCATION").
QUAL_KIND = (
    r"(?:general\s+|specific\s+|specialized\s+|required\s+)?(?:education|experience|training"
    r"|certifications?|licen[sc]es?)"
)
QUAL_HEAD = lazy_compile(rf"(?P<kind>{QUAL_KIND}(?:\s+and\s+experience)?)\s*:?\s*(?P<rest>.*)", re.I)
OPTION = lazy_compile(r"option\s+\w+\s*:?.*", re.I)


def plain(lines: Sequence[Line]) -> Piece:
    """Paragraphs without their list markers, separated by blank lines."""
    return Piece.join(items(lines), sep="\n\n")


def is_group_head(text: str) -> bool:
    """A specialty / assignment / option heading inside a section, not an item."""
    marker_text, body = strip_marker(text)
    if marker_text or not body or len(body) > 80 or body.endswith((".", ";", ",")):
        return False
    if (qual_head := QUAL_HEAD.fullmatch(body)) and not qual_head.group("rest"):
        return False
    if ksa_kind_of_heading(body):
        return False
    return bool(_GROUP_HEAD.fullmatch(body)) and (
        is_upper_heading(body) or _SPECIALTY_WORD.search(body) is not None or body.endswith(":")
    )


_SPECIALTY_HEADING = lazy_compile(r"(?P<name>.+?)\s+specialty\s*:?", re.I)
_SPECIALTY_SUFFIX = lazy_compile(r"(?i)\s+specialty$")


def specialty_of_heading(text: str) -> str | None:
    """'REVENUE COLLECTIONS SPECIALTY:' -> 'Revenue Collections'; 'Both Specialties' -> None."""
    found = _SPECIALTY_HEADING.fullmatch(text.strip())
    if not found or NOT_A_SPECIALTY.match(found.group("name")):
        return None
    return specialty_name(found.group("name"))


def specialty_name(text: str) -> str:
    name = _SPECIALTY_SUFFIX.sub("", collapse(text).strip(" :"))
    return title_case(name) or name
