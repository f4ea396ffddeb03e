"""A posting's wishes apart from its minimum (job postings: NYC, Austin, Ontario …).

A posting may state its wishes ("What we're looking for", "PREFERRED SKILLS") beside its
minimum ("MINIMUM QUALIFICATION REQUIREMENTS"): the minimum is the requirement, the
wishes are kept under their own heading. The words are the vocabulary's.
"""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile
from classspec.sections import Section
from classspec.vocabulary import names

_MINIMUM = lazy_compile("|".join(names("minimum_words")), re.I)
_WISHES = lazy_compile("|".join(names("wishes_words")), re.I)
# What a sub-heading of the wishes must not be read as: the minimum requirement.
_REQUIREMENT_KEYS = frozenset({"qualifications", "experience", "education"})
_KSA_KEYS = frozenset({"ksa", "knowledge", "skills", "abilities"})


def _level(section: Section) -> int | None:
    return section.heading.lines[0].heading if section.heading is not None else None


def _is_wishes(section: Section) -> bool:
    heading = section.heading
    return heading is not None and bool(_WISHES.search(heading.text)) and not _MINIMUM.search(heading.text)


def preferences_apart(found: list[Section]) -> list[Section]:
    """Where a posting heads its minimum as such, a qualifications heading that names
    wishes is no requirement, nor is any requirement heading under a wishes heading."""
    quals = [s for s in found if s.key == "qualifications" and s.heading is not None]
    if not any(_MINIMUM.search(s.heading.text) for s in quals):
        # Without a minimum heading, a wishes heading is the posting's qualifications
        # ('Who we are looking for', Washington State's 'Desirable Qualifications').
        return found
    return _under_wishes(
        [Section(None, s.heading, s.inline, s.lines) if s in quals and _is_wishes(s) else s for s in found]
    )


def _under_wishes(found: list[Section]) -> list[Section]:
    """'### PREFERRED SKILLS' / 'The successful candidate should possess the following:' /
    '#### SKILLS AND ABILITIES' / '##### Essential' / '#### EXPERIENCE' / '##### Essential'
    (an outline): the sections below a wishes heading, up to the next heading at its
    level or above, are its own. Their requirement headings ('Essential', 'EXPERIENCE')
    ask no minimum: under a KSA heading they are its KSAs, else kept under their heading."""
    result: list[Section] = []
    scope: int | None = None  # the outline level of the open wishes heading
    parents: list[tuple[int, str | None]] = []  # (level, key) of the headings inside it
    for section in found:
        level = _level(section)
        if scope is not None and level is not None and level <= scope:
            scope, parents = None, []
        if scope is None:
            if level is not None and _is_wishes(section):
                scope = level
            result.append(section)
            continue
        while parents and level is not None and parents[-1][0] >= level:
            parents.pop()
        if section.key in _REQUIREMENT_KEYS:
            parent = parents[-1][1] if parents else None
            key = parent if parent in _KSA_KEYS else None
            section = Section(key, section.heading, section.inline, section.lines)
        if level is not None:
            parents.append((level, section.key))
        result.append(section)
    return result
