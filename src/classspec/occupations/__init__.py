"""Occupations: SOC 2018 suggestions for a class and OEWS market wages for them.

    from classspec.occupations import enrich
    records = enrich(parse_file("spec.htm"), soc=True, wages=True)

Loaded only when used: the index (a few hundred ms) once per process, then a few ms a
record. Contains information from O*NET (USDOL/ETA, CC BY 4.0): see NOTICE.
"""

from __future__ import annotations

from collections.abc import Iterable

from classspec.model import ClassSpec, SocMatch
from classspec.occupations.match import Subject, Suggestion, suggest
from classspec.occupations.wages import UnknownAreaError, area_for, market_wages, resolve_area

__all__ = ["Subject", "Suggestion", "UnknownAreaError", "enrich", "resolve_area", "suggest"]


def enrich(
    records: Iterable[ClassSpec], *, soc: bool = True, wages: bool = False, area: str | None = None
) -> list[ClassSpec]:
    """The records with `soc` (SOC suggestions) and/or `market_wages` (OEWS figures for the
    best suggestion in the jurisdiction's area, or `area` when given) filled in."""
    chosen_area = resolve_area(area) if area else None
    enriched = []
    for record in records:
        suggestions = suggest(Subject.of(record)) if soc or wages else []
        update: dict = {}
        if soc:
            update["soc"] = [
                SocMatch(code=s.code, title=s.title, score=s.score, evidence=s.evidence) for s in suggestions
            ]
        if wages and suggestions:
            place = chosen_area or area_for(record.jurisdiction)
            update["market_wages"] = market_wages(suggestions[0].code, place)
        enriched.append(record.model_copy(update=update))
    return enriched
