"""Market wages for an occupation: BLS OEWS figures for the jurisdiction's area.

The area is the OEWS metropolitan area that names the jurisdiction's place in the state
it is in ("City of Philadelphia, PA" -> Philadelphia-Camden-Wilmington, PA-NJ-DE-MD),
else the state, else the nation; `--area CODE|NAME` chooses one outright.
"""

from __future__ import annotations

import re
from functools import lru_cache

from classspec.occupations.store import (
    CROSS_INDUSTRY,
    INDUSTRY_NAMES,
    LOCAL_GOVERNMENT,
    RELEASE,
    STATE_GOVERNMENT,
    Area,
    WageRow,
    load_areas,
    load_wages,
)

NATIONAL = "0000000"
_KINDS = r"(?:City and County|City|County|Town|Township|Village|Borough|Parish|State|Commonwealth)"


class UnknownAreaError(ValueError):
    pass


@lru_cache(maxsize=1)
def _state_areas() -> dict[str, Area]:
    """Postal code -> the state's OEWS area."""
    from classspec.jurisdiction import STATES

    names = {area.name.lower(): area for area in load_areas() if area.kind == "S"}
    return {code: names[name] for name, code in STATES.items() if name in names}


def _place(name: str) -> str:
    """'City of Los Angeles' -> 'Los Angeles'; 'Ventura County' -> 'Ventura'."""
    name = re.sub(rf"^(?:The\s+)?{_KINDS}\s+of\s+", "", name.strip(), flags=re.I)
    name = re.sub(rf"\s+{_KINDS}$", "", name, flags=re.I)
    return re.sub(r",.*$", "", name).strip()


@lru_cache(maxsize=1024)
def _metro_places(area: Area) -> tuple[list[str], list[str]]:
    places, _, states = area.name.rpartition(", ")
    return [p.strip().lower() for p in places.split("-")], states.split("-")


def area_for(jurisdiction) -> Area:
    """The OEWS area for a Jurisdiction (or its dict form, or None)."""
    if jurisdiction is None:
        return area_by_code(NATIONAL)
    data = jurisdiction if isinstance(jurisdiction, dict) else jurisdiction.model_dump()
    return _area_for(data.get("id") or "", data.get("name") or "", data.get("state"))


@lru_cache(maxsize=256)
def _area_for(slug_id: str, name: str, state: str | None) -> Area:
    data = {"id": slug_id, "name": name}
    places = {_place(data.get("name") or "").lower()}
    slug = re.sub(r"-(?:[a-z]{2})$", "", data.get("id") or "") if state else data.get("id") or ""
    places.add(re.sub(r"-(?:county|parish|borough)$", "", slug).replace("-", " "))
    places.discard("")
    found = []
    for area in load_areas():
        if area.kind != "M":
            continue
        names, states = _metro_places(area)
        if any(p in names for p in places) and (state is None or state in states):
            found.append(area)
    if len(found) == 1 or (found and state):
        return found[0]
    if state and state in _state_areas():
        return _state_areas()[state]
    return area_by_code(NATIONAL)


def area_by_code(code: str) -> Area:
    for area in load_areas():
        if area.code == code:
            return area
    raise UnknownAreaError(f"no OEWS area {code}")


def resolve_area(text: str) -> Area:
    """--area: an OEWS area code (leading zeros optional), a state's postal code or name,
    or a unique part of an area's name ('Philadelphia', 'Chattanooga')."""
    wanted = text.strip()
    if wanted.isdigit():
        return area_by_code(wanted.zfill(7))
    states = _state_areas()
    if wanted.upper() in states:
        return states[wanted.upper()]
    lowered = wanted.lower()
    areas = load_areas()
    exact = [a for a in areas if a.name.lower() == lowered]
    if exact:
        return exact[0]
    partial = [a for a in areas if lowered in a.name.lower()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UnknownAreaError(f"no OEWS area matches {text!r}; give an area code, a state or a metro name")
    shown = "; ".join(f"{a.code} {a.name}" for a in partial[:5])
    raise UnknownAreaError(
        f"{text!r} matches {len(partial)} OEWS areas ({shown}{' …' if len(partial) > 5 else ''})"
    )


def figures(area_code: str, industry: str, code: str) -> WageRow | None:
    """An occupation's OEWS row in an area and industry, else its broad group's, else None."""
    table = load_wages()
    for occupation in (code, code[:6] + "0"):  # detailed, else its broad group if only that is published
        row = table.get(area_code, industry, occupation)
        if row is not None and (row.annual_median is not None or row.hourly_mean is not None):
            return row
    return None


def _fallbacks(area: Area) -> list[Area]:
    chain = [area]
    if area.kind == "M":
        _, states = _metro_places(area)
        state_area = _state_areas().get(states[0])
        if state_area:
            chain.append(state_area)
    if area.code != NATIONAL:
        chain.append(area_by_code(NATIONAL))
    return chain


def market_wages(code: str, area: Area, industry: str = CROSS_INDUSTRY):
    """MarketWages for an occupation in an area (else the area's state, else the nation),
    or None where OEWS publishes nothing for it."""
    from classspec.model import MarketWages

    chain = _fallbacks(area) if industry == CROSS_INDUSTRY else [area_by_code(NATIONAL)]
    for place in chain:
        row = figures(place.code, industry, code)
        if row is not None:
            return MarketWages(
                soc_code=code,
                area_code=place.code,
                area_name=place.name,
                industry=INDUSTRY_NAMES[industry],
                employment=row.employment,
                annual_p10=row.annual_p10,
                annual_p25=row.annual_p25,
                annual_median=row.annual_median,
                annual_p75=row.annual_p75,
                annual_p90=row.annual_p90,
                hourly_mean=row.hourly_mean,
                release=RELEASE,
            )
    return None


def government_wages(code: str, state_government: bool = False):
    """The national figures for local (or state) government employers, where published."""
    return market_wages(
        code, area_by_code(NATIONAL), STATE_GOVERNMENT if state_government else LOCAL_GOVERNMENT
    )
