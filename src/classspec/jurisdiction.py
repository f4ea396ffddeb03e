"""The employer a spec names itself as ("County of San Diego", "City of Chattanooga, TN").

Any parser whose template serves many employers can call `jurisdiction_from_text`.
A spec mentions other governments too ("refer cases to the Attorney General", "police
departments in the County"), so a name counts only where it reads as the document's
own: a header line that is nothing but the name, a self-reference ("The County of San
Diego and its employees"), or the one government name the text repeats.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from classspec.document import Line
from classspec.lazyre import lazy_compile
from classspec.model import Jurisdiction

STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
    "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
    "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip
_STATE_NAME = "|".join(sorted((s.title() for s in STATES), key=len, reverse=True))
# '\b(?:Alabama|Alaska|...)\b' with each name's word boundary asked after its first
# letter ('A(?<!\wA)labama'): a pattern whose every branch starts with a letter lets re
# skip to those letters, where a leading \b makes it try every position of the document
# (and the 50 names are too many for classspec.regex_prefilter' substring tests to pay).
_STATE_IN_TEXT = lazy_compile(
    "(?:"
    + "|".join(
        rf"{name[0]}(?<!\w{name[0]}){name[1:]}"
        for name in sorted((s.title() for s in STATES), key=len, reverse=True)
    )
    + r")\b"
)
_STATE_CODE = "|".join(sorted(STATES.values()))
_PLACE = r"(?!(?:The|This|Each|All|Any|Other|An?|Our|Its)\b)[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|del|la))*"
_KIND = r"City|County|Town|Township|Village|Borough|City and County|Parish"
# "County of San Diego", "City of Chattanooga, TN", "Ventura County", "Town of Cary".
_NAMED = lazy_compile(
    rf"\b(?:(?P<kind1>{_KIND}) (?i:of) (?P<place1>{_PLACE})|(?P<place2>{_PLACE}) (?P<kind2>County|Parish))"
    rf"(?:,? (?P<state>{_STATE_CODE}|{_STATE_NAME})\b)?"
)
_SELF_REFERENCE = lazy_compile(
    r"^\s*(?:The )?(?P<name>.{3,60}?),? (?:and its employees|is an equal opportunity employer)"
    r"|\bemployees of the (?P<employer>.{3,60}?) (?:must|are|will|shall)\b",
    re.I,
)
_HEADER_LINES = 8
# A state government as a document's publisher: "State of California", "Commonwealth of
# Virginia", or one of its agencies ("California State Personnel Board", "New York State
# Department of Civil Service"). Only where it reads as the document's own (a header or
# footer line, a self-reference): specs of cities and counties cite state law all the time.
_STATE_GOVERNMENT = lazy_compile(
    rf"^(?:The )?(?:(?P<kind>State|Commonwealth) (?i:of) (?P<state1>{_STATE_NAME})\b"
    rf"|(?P<state2>{_STATE_NAME}) State (?=[A-Z]))"
)
# Words that are part of a name in capitals but not of a place ("COUNTY OF SAN DIEGO").
_NOT_PLACES = {"Department", "Personnel", "Human", "Resources", "Civil", "Service", "Commission", "Charter"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _normalized(found: re.Match[str]) -> tuple[str, str, str] | None:
    """(kind, place, state-or-'') of a name found in the text."""
    kind = found.group("kind1") or found.group("kind2")
    place = found.group("place1") or found.group("place2")
    words = place.split()
    while words and words[-1] in _NOT_PLACES:
        words.pop()
    if not words or words[0] in _NOT_PLACES or words[0] in ("The", "This", "Each", "All", "Any", "Other"):
        return None
    state = found.group("state") or ""
    state = STATES.get(state.lower(), state)
    return kind, " ".join(words), state


def _state_in_text(text: str) -> str | None:
    """The one state the text names (California Penal Code, State Bar of California ...)."""
    counts = Counter(STATES[m.group(0).lower()] for m in _STATE_IN_TEXT.finditer(text))
    if len(counts) == 1:
        return next(iter(counts))
    ranked = counts.most_common(2)
    return ranked[0][0] if ranked and ranked[0][1] >= 2 * ranked[1][1] else None


def jurisdiction_from_text(lines: Sequence[Line]) -> tuple[Jurisdiction, list[Line]] | None:
    """The jurisdiction the document names as its own and the lines that say so, or None."""
    content = [ln for ln in lines if not ln.blank]
    # Letterheads and footers: the lines where a document names its publisher.
    header = set(content[:_HEADER_LINES] + content[-_HEADER_LINES:])
    candidates: Counter[tuple[str, str]] = Counter()
    states: dict[tuple[str, str], str] = {}
    evidence: dict[tuple[str, str], list[Line]] = {}
    strong: set[tuple[str, str]] = set()
    for line in lines:
        text = line.stripped
        if text.isupper():
            text = text.title()
        names = list(_NAMED.finditer(text))
        if not names:
            continue
        # Asked once for all the names on the line.
        own = _SELF_REFERENCE.search(text)
        group = own and ("name" if own.group("name") else "employer")
        for found in names:
            name = _normalized(found)
            if not name:
                continue
            key = (name[0], name[1])
            candidates[key] += 1
            if name[2]:
                states.setdefault(key, name[2])
            own_line = found.start() < 3 and len(text) - found.end() < 4
            if (line in header and own_line) or (
                own and own.start(group) <= found.start() and found.end() <= own.end(group) + 1
            ):
                strong.add(key)
                evidence.setdefault(key, []).append(line)
    if strong:
        chosen = max(strong, key=lambda k: candidates[k])
    elif state_government := _state_government(lines, header):
        return state_government
    else:
        ranked = candidates.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        chosen = ranked[0][0]
    kind, place = chosen
    state = states.get(chosen) or _state_in_text("\n".join(ln.text for ln in lines))
    if state is None and kind == "City":
        state = principal_city_states().get(place.lower())
    name = f"{kind} of {place}"
    slug_parts = [place] if kind == "City" else [place, kind]
    slug = _slug(" ".join([*slug_parts, state or ""]))
    return Jurisdiction(id=slug, name=name, state=state), evidence.get(chosen, [])


def _state_government(lines: Sequence[Line], header: set[Line]) -> tuple[Jurisdiction, list[Line]] | None:
    """The state government a header line or a self-reference names as the publisher."""
    for line in lines:
        text = line.stripped.title() if line.stripped.isupper() else line.stripped
        own = _SELF_REFERENCE.search(text)
        if line not in header and not own:
            continue
        if own:
            text = own.group("name") or own.group("employer")
        found = _STATE_GOVERNMENT.match(text)
        if found:
            state_name = found.group("state1") or found.group("state2")
            kind = found.group("kind") or "State"
            code = STATES[state_name.lower()]
            jurisdiction = Jurisdiction(
                id=_slug(f"{state_name} {kind} {code}"), name=f"{kind} of {state_name}", state=code
            )
            return jurisdiction, [line]
    return None


@functools.cache
def principal_city_states() -> dict[str, str]:
    """The state of each metropolitan area's first-named city, from the OEWS area names
    ("Los Angeles-Long Beach-Anaheim, CA"): by the naming rule for metropolitan areas
    that city lies in the first state listed. A city that heads areas in two states is
    left out. Used only when the document itself names no state."""
    from importlib.resources import files

    table = files("classspec.occupations").joinpath("data", "areas.tsv").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for row in table.splitlines()[1:]:
        _code, kind, _fips, name = row.split("\t")
        if kind == "M" and ", " in name:
            cities, states = name.rsplit(", ", 1)
            found.setdefault(cities.split("-")[0].lower(), set()).add(states.split("-")[0])
    return {city: next(iter(codes)) for city, codes in found.items() if len(codes) == 1}


_LINE_PLACE = r"[A-Z][A-Za-z.'\u2019-]*(?:\s+[A-Z][A-Za-z.'\u2019-]*){0,3}"
_LINE_STATE = "|".join([*sorted(STATES, key=len, reverse=True), *sorted(set(STATES.values()))])
# A letterhead line: "City of Chattanooga, TN", "County of Volusia, Florida", "Hamilton County, Tennessee".
_LETTERHEAD = lazy_compile(
    rf"(?:(?P<kind>City|Town|Village|County|Parish|Borough|Township)\s+of\s+(?P<name>{_LINE_PLACE})"
    rf"|(?P<name2>{_LINE_PLACE})\s+(?P<kind2>County|Parish|Borough|City|Town))"
    rf"\s*,?\s+(?P<state>{_LINE_STATE})\.?",
    re.I,
)
_COUNTY_LIKE = {"county", "parish", "borough"}


def jurisdiction_from_line(text: str) -> Jurisdiction | None:
    """A line that is nothing but a jurisdiction's name and state, as a Jurisdiction.

    Cities are named by their place ("chattanooga-tn"), counties keep the word
    ("hamilton-county-tn", like the corpus's "sanbernardino-county-ca").
    """
    found = _LETTERHEAD.fullmatch(text.strip().rstrip(".,"))
    if not found:
        return None
    kind = (found.group("kind") or found.group("kind2")).lower()
    place = re.sub(r"\s+", " ", found.group("name") or found.group("name2")).strip()
    state_text = found.group("state")
    state = STATES.get(state_text.lower(), state_text.upper())
    name = f"{kind.title()} of {place}" if found.group("kind") else f"{place} {kind.title()}"
    # "Salt Lake City" and "Hamilton County" are names as a whole; "City of X" is X.
    slug_words = [place, kind] if kind in _COUNTY_LIKE or not found.group("kind") else [place]
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(slug_words).lower()).strip("-")
    return Jurisdiction(id=f"{slug}-{state.lower()}", name=name, state=state)
