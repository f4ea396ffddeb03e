"""The section names US class specifications use, grouped into families, each mapped to
the ClassSpec field it fills. The names are data (vocabulary/headings.toml): the generic
parser and its detection score read them, and adding a wording is one line there.

Every family may carry content on its heading line ("Knowledge of: a; b; c",
"Salary Range: 97B"), and any heading may end in a parenthetical note
("TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classspec.lazyre import lazy_compile
from classspec.sections import HeadingRule
from classspec.vocabulary import names, vocabulary

# Degree words written before "knowledge of" / "ability to" ("Thorough knowledge of:").
DEGREE_WORDS = names("degree_words")
_DEGREE = (
    "(?:"
    + "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(DEGREE_WORDS, key=len, reverse=True))
    + ")"
)


# The factor headings of a US federal position description (Factor Evaluation System):
# "FACTOR 1. KNOWLEDGE REQUIRED BY THE POSITION (FL 1-7, 1250 points)".
_FACTOR = r"factor \d{1,2}\.? "


@dataclass(frozen=True, slots=True)
class Family:
    """Section names that mean one thing. `structural` families are the ones that make
    a document a class specification (a recipe has none of them)."""

    key: str
    names: tuple[str, ...]
    structural: bool = False


def _expand(name: str) -> str:
    """A vocabulary name with its placeholders written out ('{degree}', '{factor}')."""
    return name.replace("{degree}", _DEGREE).replace("{factor}", _FACTOR)


FAMILIES: tuple[Family, ...] = tuple(
    Family(key, tuple(_expand(name) for name in entry["names"]), bool(entry.get("structural")))
    for key, entry in vocabulary()["families"].items()
)
FAMILY_BY_KEY = {family.key: family for family in FAMILIES}
STRUCTURAL_KEYS = frozenset(f.key for f in FAMILIES if f.structural)
# Families whose heading names the whole section (a new one ends a series level's block).
TOP_LEVEL_KEYS = frozenset(names("top_level"))
# "Revised 04/2022": a revision line needs no colon. ("Established 08/13/1981" without one
# may date something else, as CalHR pages date their alternate range criteria.)
DATED_KEYS = frozenset(names("dated"))
# Short labelled values: the label may be followed by the value without a colon
# ("Class Code 2108") when the value is a single code-like token.
_CODE_TOKEN = r"(?-i:[A-Z0-9][A-Z0-9.\-]{0,11}\s*$)"
# A parenthetical note after a heading name.
_NOTE = r"(?:\s*\([^)]{0,200}\)?)?"


def _rule(family: Family) -> HeadingRule:
    # A typeset apostrophe is the same word ("What you\u2019ll do").
    alternatives = "|".join(
        re.sub(r"(?:\\ | )+", r"\\s+", name).replace("'", "['\u2019]") for name in family.names
    )
    # A heading may be a question ("How do I qualify?").
    tail = rf"{_NOTE}\s*(?:[:\-\u2013\u2014]\s*(?P<rest>.*?))?\s*[:.?]?\s*"
    if family.key == "code":
        tail = rf"\s*(?:(?:[:#]|No\.?|\s(?=(?=[^\s]*\d){_CODE_TOKEN}))\s*(?P<rest>.*?))?\s*"
    if family.key in DATED_KEYS:
        # A date may follow its label without a colon: "Revised 04/2022", "Revised 08-17-17".
        tail = rf"{_NOTE}\s*(?:(?:[:\-\u2013\u2014]\s*|\s(?=\d{{1,2}}[/\-.]\d))(?P<rest>.*?))?\s*[:.]?\s*"
    return HeadingRule(family.key, lazy_compile(rf"(?:{alternatives}){tail}", re.IGNORECASE))


HEADINGS: tuple[HeadingRule, ...] = tuple(_rule(family) for family in FAMILIES)
# A heading in capitals that the lexicon does not know ("CORE VALUES"): its section is
# filed in other_sections under that heading. Two words at least, so that "AND" / "OR"
# between alternatives stay text.
UNKNOWN_HEADING = HeadingRule(
    "unknown",
    lazy_compile(r"(?=\S+\s+\S)[A-Z][A-Z0-9 ,/&'()\-\u2013]*[A-Z)]\s*:?"),
)
# Inside these sections a line in capitals is a sub-heading of the list (a specialty,
# a department), not a new section.
LIST_KEYS = frozenset(names("list_sections"))


# Headings that are ordinary words in any document ("Overview", "Requirements", "Tasks"):
# alone, without a class title or code, they do not make a document a class spec.
WEAK_HEADINGS = frozenset(names("weak_headings"))
