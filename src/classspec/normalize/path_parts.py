"""What one way of qualifying asks for: education and its field, experience months, full
time, prior classes, licences, courses and substitutions (QualificationPath fields)."""

from __future__ import annotations

import re

from classspec.lazyre import lazy_compile
from classspec.model import EducationLevel
from classspec.normalize.experience import NUMBER_WORDS, experience_months
from classspec.normalize.vocab import FOUR_YEAR_GRADUATION, education_level
from classspec.regex_prefilter import may_match

# Within a requirement only an explicit substitution counts ("equals" there states a total).
_OWN_SUBSTITUTION = lazy_compile(r"substitut|in\s+lieu\b", re.I)
_FIELD = lazy_compile(
    r"\b(?:degree(?:\s+program)?|major(?:ing)?|major\s+(?:course\s*)?work|majoring|specialization|concentration)"
    r"\s+in\s+"
    r"(?P<field>[A-Za-z][\w/&,' -]*?)(?=\s*(?:[;.:(]|,\s*(?:and|which|including|with)\b"
    r"|,?\s+(?:or\s+(?:a|an|in\s+a)\s+(?:closely\s+)?related"
    r"|from\s+an?\b|at\s+an?\b|with\b|which\b|or\s+an?\s+(?:\w+['\u2019]s\s+)?degree\b"
    r"|and\s+(?:\w+\s+)?(?:years?|months?|one|two|three|four|five|six|completion))|$))",
)
# What a way in without experience names instead ("NYC residency*" names none: no path
# of its own, its months unknown rather than 0).
_QUALIFYING = lazy_compile(
    r"apprentice|training\s+(?:program|course|school|academy)|certificat|licen[sc]|registration|credential"
    r"|course|diploma|degree|graduat",
    re.I,
)
# "No previous experience or training required.": a way in that asks no experience.
_NOTHING_REQUIRED = lazy_compile(r"\bno\s+(?:previous\s+|prior\s+)?experience\b[^.;]{0,40}\brequired\b", re.I)
_LEVEL_ORDER = list(EducationLevel)
_LEVEL_VALUES = [level.value for level in EducationLevel]
_COMBINATION = lazy_compile(r"\bany\s+(?:one\s+or\s+any\s+)?combination\b", re.I)
# A clause starts only where a sentence or bracket does: tried at every position, the
# unanchored run backtracked over the whole clause each time (quadratic: 7 ms a
# Philadelphia spec); the leftmost match, and so every match, is the same.
_SUBSTITUTED = lazy_compile(
    r"\([^()]*(?:substitut|in\s+lieu)[^()]*\)"
    r"|(?:^|(?<=[.;()]))[^.;()]*(?:substitut|in\s+lieu)[^.;()]*[.;]?",
    re.I,
)
_FULL_TIME = lazy_compile(r"\bfull[- ]time\b", re.I)
_PART_TIME = lazy_compile(r"\bpart[- ]time\b", re.I)
_CLASS_WORD = r"(?:[A-Z][\w'/-]*|I{1,3}|IV|V|VI{0,3}|IX|X)"
_PRIOR_CLASS = lazy_compile(
    rf"(?:\b(?:as\s+an?|at\s+the\s+level\s+of(?:\s+an?)?|in\s+the\s+class(?:es)?\s+of|employment\s+as\s+an?"
    r"|(?i:incumbents?)\s+(?:of|in)(?:\s+the\s+class(?:es)?\s+of)?)"
    r"|(?<=\bas\sone\sof\sthe\sfollowing:)\s*(?i:an?))\s+"
    rf"(?:City\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?(?:(?:exempt|certified|journey-level)\s+)?"
    rf"(?P<classes>{_CLASS_WORD}(?:\s+(?:of\s+|and\s+|&\s+)?{_CLASS_WORD})*"
    rf"(?:(?:,\s*|,?\s+or\s+|,?\s+and\s+){_CLASS_WORD}(?:\s+(?:of\s+)?{_CLASS_WORD})*)*)"
)
_CREDENTIAL_BEFORE = lazy_compile(r"(?i:certificat\w*|registration|licen[sc]e|credential)\s*$")
_NOT_A_CLASS = lazy_compile(
    r"^(?:City|County|State|Los Angeles|California|United States|Department|Armed Forces|I|A|An|The)$"
)
_LICENSE_WORD = (
    r"(?i:driver'?s?['\u2019]?\s+licen[sc]e|licen[sc]e|certificat(?:e|ion)|registration|credential)"
)
_LICENSE = lazy_compile(
    # "a valid California Class A driver's license", "Possession of an Engineer in Training Certificate"
    r"\b(?i:(?:valid|current|possession\s+of\s+(?:an?\s+)?(?:valid\s+)?|possess\s+an?\s+(?:valid\s+|current\s+)?)\s*)"
    r"(?P<license>(?:(?:[A-Z][\w.'\u2019/-]*|\([A-Z][\w.' -]*\)|\d+|of|on|and|for)\s+){0,14}"
    r"(?:Class\s+[A-C]\s+(?:or\s+(?:Class\s+)?[A-C]\s+)?)?(?:[\w'\u2019-]+\s+){0,2}"
    + _LICENSE_WORD
    + r"(?:\s+(?:as|in|with)\s+an?\s+[A-Z][\w ]*?(?=[,;.]|\s+(?:is|are|and|or|issued)\b|$))?)"
    # "Certification as an Engineer-In-Training", 'a certificate as a "Certified Industrial Hygienist"'
    r"|"
    + _LICENSE_WORD
    + r"\s+as\s+an?\s+\"?(?P<named>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*|\s+in\s+[A-Z][\w'-]*)*)"
)
# What a licence named by its kind alone licenses: 'a valid California license as a
# hairdresser and cosmetician', 'a license issued by the Medical Board ... to practice as a
# Speech Pathologist'. The name keeps it (the same licence is not counted twice).
_LICENSED_AS = lazy_compile(
    r"^(?:\s+issued\s+by\s+(?:the\s+)?[A-Z][\w ]*?)?\s+(?:as|to\s+practice\s+as)\s+an?\s+"
    r"(?P<what>[\w'-]+(?:\s+(?!in\b|issued\b|from\b|by\b|with\b|certified\b)[\w'-]+){0,5}?)"
    r"(?=\s+(?:in|issued|from|by|with|certified)\b|\s*[,;.()]|$)"
)
# A licence named by what it allows: admission to the bar, the legal requirements to
# practise medicine.
_PRACTICE = lazy_compile(
    r"\b(?:admission|admitted)\s+to\s+(?P<law>practice\s+law)\b"
    r"|\blegal\s+requirements\s+for\s+the\s+(?P<medicine>practice\s+of\s+medicine)\b",
    re.I,
)
_UNITS = lazy_compile(
    r"\b(?P<units>\d+(?:\.\d+)?)\s+(?:semester|quarter)(?:\s+or\s+\d+\s+quarter)?\s+(?:college\s+)?"
    r"(?:units?|hours?|credits?)\b",
    re.I,
)
_COURSE_COUNT = lazy_compile(
    r"\b(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}courses?\b", re.I
)
_COURSE_SUBJECT = lazy_compile(
    r"(?:units?|hours?|courses?)\s+(?:of\s+(?:course\s*work\s+)?)?in\s+(?P<subject>[^;.:()]+?)(?=\s*(?:[;.:(]|,\s*(?:and|or|which)\b|\s+(?:at|from)\s+an?\b|$))",
    re.I,
)


def join_parts(parts: list[str]) -> str:
    """The requirements of one path as one text: 'A; B', or 'A. B' where A ends a sentence."""
    text = ""
    for part in (p.strip().rstrip(" ;") for p in parts):
        if part:
            text = f"{text}{'' if not text or text.endswith(('.', ':')) else ';'}{' ' if text else ''}{part}"
    return text


def describe_path(parts: list[str], label: str | None = None, substitutions: list[str] | None = None) -> dict:
    """One path's facts from the requirements it joins (all of them required, so their
    months add up): education, field, months, full time, prior classes, licences, courses."""
    text = join_parts(parts)
    # AND adds up; an OR inside one part ("Three years …; or Four years …") takes the
    # smaller of that part's alternatives.
    each = [experience_months(part.rstrip(" ;")) for part in parts]
    months = sum(m for m in each if m) if any(m is not None for m in each) else None
    # Each AND-ed part asks its own level (an OR inside a part takes its lowest); all of
    # them hold at once, so the path asks the highest ('a baccalaureate in nursing; and
    # a master's degree in a health-related field' is a master's).
    levels = [level for part in parts if (level := _part_level(part)) is not None]
    required = _without_substituted(text)  # a degree or certificate that may stand in is not asked
    level = max(levels, key=_LEVEL_ORDER.index) if levels else education_level(required)
    # A path's requirements all hold at once: a graduation it names is its level, whatever
    # units of coursework it adds (which alone would read as some college).
    education = "bachelor" if FOUR_YEAR_GRADUATION.search(text) else (level.value if level else None)
    found_licenses, found_courses = licenses(required), courses(text)
    qualifies = education is not None or found_licenses or found_courses or _QUALIFYING.search(text)
    if months is None and (qualifies or _NOTHING_REQUIRED.search(text)):
        months = 0  # a way in by schooling, a licence or an apprenticeship alone needs no experience
    found_field = _FIELD.search(text)
    own_substitutions = [s.strip() for s in re.split(r"(?<=[.;])\s+", text) if _OWN_SUBSTITUTION.search(s)]
    return {
        "label": label,
        "text": text,
        "education": education,
        "education_field": found_field.group("field").strip(" ,") if found_field else None,
        "experience_months": months,
        "full_time": True if _FULL_TIME.search(text) else (False if _PART_TIME.search(text) else None),
        "prior_classes": prior_classes(text),
        "licenses": found_licenses,
        "courses": found_courses,
        "substitutions": [*own_substitutions, *(substitutions or [])],
    }


# "Five hundred hours of volunteer or paid experience": an amount of time the months do
# not convert, still a way in.
_AMOUNT_OF_TIME = lazy_compile(
    r"\b(?:\d+|[a-z]+)\s+(?:\w+\s+){0,2}?(?:hours?|days?|weeks?|years?|months?)\b", re.I
)


def lists_competencies(paths: list[dict]) -> bool:
    """Do the paths of one text all state nothing a way in asks (no duration, education,
    licence, course or class)? Then the text lists competencies, not ways of qualifying:
    a posting's person specification ("You think digital by default ..."), an old spec's
    "Ability to read and write English"."""
    return bool(paths) and not any(
        path["experience_months"] is not None
        or path["education"]
        or path["licenses"]
        or path["courses"]
        or path["prior_classes"]
        or _AMOUNT_OF_TIME.search(path["text"])
        for path in paths
    )


def least_education(paths: list[dict]) -> str | None:
    """The lowest education any path accepts, as `min_experience_months` is the smallest
    path's months: a way in that asks less is open to more people.

    A path that states no education is silent on it, not a way in that asks none: specs
    name schooling where they ask it, and a way in by experience or a licence alone
    ('Four years of full-time paid experience as …') still presumes what the document
    does not say. So such a path does not lower the figure, as a path that states no
    months does not lower `min_experience_months`; null when no path states a level
    ('none' only where a path says so: 'eighth grade' and below)."""
    stated = [path["education"] for path in paths if path.get("education")]
    return min(stated, key=_LEVEL_VALUES.index) if stated else None


# The clause that says what is only preferred ("...related field; a bachelor's degree is
# preferred."): up to a full stop or a semicolon, so the required clause before it stays.
_OPTIONAL = lazy_compile(r"[^.;]*\b(?:desirable|preferred|a plus)\b[^.;]*[.;]?", re.I)


def stated_education(text: str | None) -> str | None:
    """The lowest education a qualification text with no way of qualifying names as
    required (its preferences left out): the fallback where there are no paths."""
    if not text:
        return None
    # The removal scans slowly (every start inside a sentence runs to its end): only
    # a text that says "desirable", "preferred" or "a plus" has anything to remove.
    required = _OPTIONAL.sub(" ", text) if may_match(_OPTIONAL, text) else text
    level = education_level(required)
    return level.value if level else None


def _part_level(part: str) -> EducationLevel | None:
    """The level one required part asks, not what may stand in for it: its substitutions
    ('(Possession of a Master's Degree ... may be substituted for one year)') are left
    out, and a part that is itself a combination of kinds ('Any one or any combination
    ... (a) experience (b) credit for 60 semester hours of college') asks no level."""
    if _COMBINATION.search(part):
        return None
    return education_level(_without_substituted(part))


def _without_substituted(text: str) -> str:
    return _SUBSTITUTED.sub(" ", text)


# "City of Philadelphia classes that typically meet the specific experience requirements:",
# "Promotional Line:": a list of the classes whose holders qualify, not a way of its own.
_CLASS_LIST = lazy_compile(
    r"class(?:es)?\s+(?:that|which)\s+typically\s+meets?|following\s+classes\s+(?:typically\s+)?meet"
    r"|^promotional\s+line\b|^feeder\s+class(?:es)?\b",
    re.I,
)
# "... in one of the following classes:": the requirement stays, its list names the classes.
_CLASSES_FOLLOW = lazy_compile(r"\bfollowing\s+class(?:es|ifications)\s*:\s*$", re.I)
_CLASS_LINE_END = (".", ":", ";")
_LIST_MARKER = lazy_compile(r"^(?:\d{1,2}[.)]|[-\u2022\u00b7*])\s+")
_GROUP_HEAD = lazy_compile(r"\bspecialt(?:y|ies)(?:\s+only)?\s*:?$", re.I)


def class_lists(text: str) -> tuple[str, list[tuple[str | None, str]]]:
    """The text without its lists of qualifying classes, and the classes they name
    ('Auditor 2 (2A42)'), each with the requirement that lists it (None: a list of the
    classes that meet every way). A list is the lines after its lead-in that name a
    class: short, capitalised, no sentence."""
    kept: list[str] = []
    names: list[tuple[str | None, str]] = []
    lead_in: str | None = None
    in_list = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        if _CLASS_LIST.search(stripped):
            in_list, lead_in = True, None
            continue
        if _CLASSES_FOLLOW.search(stripped):
            in_list, lead_in = True, stripped
            kept.append(line)  # a requirement that names its classes below it
            continue
        named = _LIST_MARKER.sub("", stripped)  # '1. Civil Engineer 2 - 3B06'
        if in_list and _names_a_class(named):
            names.append((lead_in, named))
            continue
        # 'Collection Specialty:' groups the classes of a list; so does 'BOTH SPECIALTIES' in
        # a list of classes that meet every way (a requirement's list ends at a specialty).
        heads = stripped.endswith(":") or (lead_in is None and _GROUP_HEAD.search(stripped))
        if in_list and heads and len(stripped.split()) <= 6:
            continue
        in_list = False
        kept.append(line)
    return "\n".join(kept), names


def opens_class_list(line: str) -> bool:
    """'City of Philadelphia classes that typically meet the ... requirements:'"""
    return bool(_CLASS_LIST.search(line))


def _names_a_class(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= 14
        and line[:1].isupper()
        and not line.endswith(_CLASS_LINE_END)
        and not (line.isupper() and not any(ch.isdigit() for ch in line))  # a heading
        and not _NOTE_START.match(line)
    )


_NOTE_START = lazy_compile(r"\(?\*?\s*NOTES?\b|OR$|AND$", re.I)


def prior_classes(text: str) -> list[str]:
    """Classes one must have held: 'two years as a Clerk Typist with the City' -> ['Clerk Typist']."""
    found_classes: list[str] = []
    for found in _PRIOR_CLASS.finditer(text):
        if _CREDENTIAL_BEFORE.search(text[max(0, found.start() - 30) : found.start()]):
            continue  # "Certification as an Engineer-In-Training" names a credential
        for name in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+", found.group("classes")):
            name = re.sub(r"\s+(?:of|and|&)$", "", name.strip())
            if name and not _NOT_A_CLASS.match(name) and name not in found_classes:
                found_classes.append(name)
    return found_classes


def licenses(text: str) -> list[str]:
    """Licences and certificates a path requires: 'A valid California Class A driver's license'."""
    named: list[tuple[int, str]] = []
    for found in _LICENSE.finditer(text):
        name = (found.group("license") or found.group("named")).strip()
        if found.group("license") and " as " not in name:
            licensed = _LICENSED_AS.search(text[found.end() : found.end() + 160])
            if licensed:
                name = f"{name} as {licensed.group('what')}"
        named.append((found.start(), name))
    named += [(found.start(), found.group().strip()) for found in _PRACTICE.finditer(text)]
    found_licenses: list[str] = []
    for _, name in sorted(named):
        key = _squash(name)
        # 'registration as an Electrical Engineer' after 'a certificate of registration as
        # an electrical engineer' names the same licence again.
        if not any(key in _squash(seen) for seen in found_licenses):
            found_licenses.append(name)
    return found_licenses


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def courses(text: str) -> dict | None:
    """Course work a path asks for: '12 semester units in accounting' -> units 12, subject."""
    units = _UNITS.search(text)
    count = _COURSE_COUNT.search(text)
    if not units and not count:
        return None
    subject = _COURSE_SUBJECT.search(text)
    count_text = count.group("count").lower() if count else None
    return {
        "count": (int(count_text) if count_text.isdigit() else NUMBER_WORDS[count_text])
        if count_text
        else None,
        "units": (float(units.group("units")) if "." in units.group("units") else int(units.group("units")))
        if units
        else None,
        # "in any of the following areas: …" names no one subject
        "subject": subject.group("subject").strip()
        if subject and not subject.group("subject").lower().startswith(("any of", "each of", "the following"))
        else None,
    }
