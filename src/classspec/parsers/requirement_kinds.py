"""Which field a piece of a spec belongs to: the kind of a knowledge / skills /
abilities sub-head or item, and the one qualification sorter (education, experience or
licences), shared by every template and by the generic engine."""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile
from classspec.normalize import education_level, experience_months

# Knowledge / skills / abilities: (field, a sub-head naming the kind, an item that opens
# with the kind). One table for every template.
KSA_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "knowledge",
        lazy_compile(r"(?:\w+\s+)?knowledges?(?:\s+(?:of|in))?\s*:?", re.I),
        lazy_compile(r"^(?:\w+\s+)?knowledge\b", re.I),
    ),
    (
        "skills",
        lazy_compile(r"skills?(?:\s+(?:in|to|of))?\s*:?", re.I),
        lazy_compile(r"^(?:\w+\s+)?skill", re.I),
    ),
    (
        "abilities",
        lazy_compile(r"abilit(?:y|ies)(?:\s+(?:to|in))?\s*:?", re.I),
        lazy_compile(r"^(?:\w+\s+)?abilit", re.I),
    ),
    (
        "other_requirements",
        lazy_compile(r"other\s+(?:work\s+)?requirements\s*:?", re.I),
        lazy_compile(r"^$"),
    ),
)


def ksa_kind_of_heading(text: str) -> str | None:
    """'Knowledge of:', 'SKILL IN:', 'Abilities', 'Other Work Requirements' -> the field."""
    return next((kind for kind, head, _ in KSA_KINDS if head.fullmatch(text.strip())), None)


def ksa_kind_of_item(text: str, default: str = "other_requirements") -> str:
    """'Knowledge of ...', 'Skill in ...', 'Ability to ...' -> the field of the item."""
    return next((kind for kind, _, opening in KSA_KINDS if opening.match(text)), default)


_EXPERIENCE = lazy_compile(r"\bexperience\b|\bemployment\b", re.I)
# "registration by the American Registry ...", not "voters' registration"; "Certified as
# a ... Provider" and "Microsoft Certified Database Administrator", not "selectively
# certified" or "a POST-certified academy"; a teaching credential.
_LICENSE = lazy_compile(
    r"\blicen[sc]e|\bcertificat|\bcertified\s+as\b|(?-i:\bCertified\s+[A-Z])|\bcredential"
    r"|\bregist(?:ration|ered)\s+(?:as|by|with|from)\b|\bboard\s+of\s+registration\b|\bpermit\b",
    re.I,
)
# A label that names the kind of the qualifications under it ("GENERAL EXPERIENCE:",
# "Formal Education / Knowledge", "Certifications and Other Requirements"), first match wins.
_LABEL_KINDS = (
    ("experience", lazy_compile(r"experience", re.I)),
    ("licenses", lazy_compile(r"licen[sc]|certif", re.I)),
    ("education", lazy_compile(r"education|training", re.I)),
)


def names_license(text: str) -> bool:
    """A licence, certificate, registration, credential or permit is named."""
    return _LICENSE.search(text) is not None


def qualification_kind(text: str, default: str | None = None) -> str | None:
    """The one qualification sorter: 'education', 'experience', 'licenses' or `default`.
    Experience wins over a degree named in the same requirement ("two years of
    experience ... with a bachelor's degree" is experience); a licence or certificate
    is a licence unless it is a degree; a duration of work that names no schooling
    ("two years of customer service work") is experience."""
    if _EXPERIENCE.search(text):
        return "experience"
    if education_level(text):
        return "education"
    if names_license(text):
        return "licenses"
    if experience_months(text) is not None:
        return "experience"
    return default


def qualification_kind_of_label(label: str) -> str | None:
    """The kind a qualification label names, or None for a label of something else."""
    return next((kind for kind, pattern in _LABEL_KINDS if pattern.search(label)), None)
