"""How titles and duty texts become terms, the same at build time and at match time.

The index is built with scikit-learn from these analyzers (scripts/build_occupations.py)
and queried with them, so a title is cut into the same terms on both sides.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from classspec.lazyre import lazy_compile

_WORD = lazy_compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem: 'Purchasing' and 'Purchases' meet at 'purchas',
    'Engineering' and 'Engineer' at 'engin'."""
    return _stemmer().stemWord(word)


def stems(text: str) -> frozenset[str]:
    """The stems of a list of words, for comparing with `words()`."""
    return frozenset(stem(w) for w in text.split())


# Spelled-out forms of the abbreviations specs and O*NET titles use.
ABBREVIATIONS = {
    "sr": "senior", "jr": "junior", "asst": "assistant", "assoc": "associate", "mgr": "manager",
    "supv": "supervisor", "supvr": "supervisor", "spvr": "supervisor", "tech": "technician",
    "techn": "technician", "eng": "engineer", "engr": "engineer", "admin": "administrative",
    "adm": "administrative", "admr": "administrator", "dir": "director", "dept": "department",
    "coord": "coordinator", "spec": "specialist", "info": "information", "maint": "maintenance",
    "svc": "service", "svcs": "service", "comm": "communication", "ofc": "office", "off": "officer",
    "lpn": "licensed practical nurse", "rn": "registered nurse", "it": "information technology",
    "hr": "human resources", "gis": "geographic information system", "ems": "emergency medical service",
    "emt": "emergency medical technician", "hvac": "heating air conditioning", "ada": "disability",
    "typ": "typist", "wkr": "worker", "opr": "operator", "oper": "operator", "insp": "inspector",
}  # fmt: skip
# Words that only grade a class within its occupation ("Clerk Typist II", "Senior Planner").
LEVEL_WORDS = stems(
    "i ii iii iv v vi vii viii ix x xi xii 1 2 3 4 5 6 7 8 9 10 senior junior trainee entry level "
    "journey journeyman journeyworker intermediate advanced confidential nonconfidential non grade "
    "class flsa recruit beginning full performance principal"
)
TITLE_STOP_WORDS = stems("of and the for in a an to at on or with by city county state municipal")
# Common words that say nothing about which occupation a text describes.
TEXT_STOP_WORDS = stems(
    """a about above according accordance across act activity after all also among an and any
    appropriate are as assigned assigns assist assists at be been being between both but by can
    city class classes county department departmental departments do does duty each employee
    employees etc example field for from general given has have he her his however if in include
    includes including into is it its level may more most must necessary new no not of on one or
    other others our out over perform performed performing performs person persons position
    positions related relating required requires responsible shall she such than that the their them
    then there these they this those through to under unit upon use used using various was well
    were when where whether which while who will with within work works would"""
)


def words(text: str, *, spell_out: bool = False) -> list[str]:
    """Lower-case words, stemmed; in titles (`spell_out`) abbreviations
    spelled out ("Sr. Clerk", "Asst Dir") — in prose "it" and "off" are words."""
    found = _WORD.findall(text.lower().replace("&", " and "))
    if spell_out:
        found = [part for word in found for part in ABBREVIATIONS.get(word, word).split()]
    return [stem(w) for w in found]


def title_words(title: str) -> list[str]:
    """The words of a title that name the occupation: grade and level words left out."""
    return list(_title_words(title))


@lru_cache(maxsize=1 << 14)
def _title_words(title: str) -> tuple[str, ...]:
    # A record's title is read a dozen times over (its kind, keys, head word, overlaps).
    found = words(title, spell_out=True)
    return tuple(w for w in found if w not in LEVEL_WORDS and w not in TITLE_STOP_WORDS)


def _with_bigrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def title_terms(title: str) -> list[str]:
    return _with_bigrams(title_words(title))


def text_terms(text: str, found: list[str] | None = None) -> list[str]:
    """The terms of a text (or of its `words`, when the caller has them already)."""
    found = words(text) if found is None else found
    return _with_bigrams([w for w in found if w not in TEXT_STOP_WORDS and not w.isdigit()])
