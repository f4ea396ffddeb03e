"""Occupations: SOC 2018 suggestions for a class and OEWS market wages for them.

    from classspec.occupations import enrich
    records = enrich(parse_file("spec.htm"), soc=True, wages=True)

Loaded only when used: the index (a few hundred ms) once per process, then a few ms a
record. `soc[].score` is the calibrated probability that a careful coder would accept the
code (see occupations/rerank.py). Contains information from O*NET (USDOL/ETA, CC BY 4.0): see NOTICE.
"""

from __future__ import annotations

from collections.abc import Iterable

from classspec.model import ClassSpec, SocMatch
from classspec.occupations.match import Subject, Suggestion, suggest
from classspec.occupations.wages import UnknownAreaError, area_for, market_wages, resolve_area

__all__ = [
    "WITHHELD", "Subject", "Suggestion", "UnknownAreaError", "enrich", "foreign_pay_warning", "resolve_area",
    "suggest", "sure", "unsure_warning", "wages_withheld",
]  # fmt: skip
# How many candidates an "occupation unsure" warning names.
NAMED_CANDIDATES = 3
WITHHELD = "market wages withheld: "


def sure(suggestions: list[Suggestion]) -> bool:
    """Whether the first suggestion is likely enough to be acceptable to give its wages: its
    calibrated score reaches the threshold chosen on held-out labelled classes."""
    from classspec.occupations.rerank import wage_threshold

    return bool(suggestions) and suggestions[0].score >= wage_threshold()


def unsure_warning(suggestions: list[Suggestion]) -> str | None:
    """'occupation unsure: 33-1012 0.17, 43-1011 0.15' where wages are withheld."""
    if sure(suggestions):
        return None
    if not suggestions:
        return "occupation unsure: no SOC occupation matches"
    named = ", ".join(f"{s.code} {s.score:.2f}" for s in suggestions[:NAMED_CANDIDATES])
    return f"occupation unsure: {named}"


def foreign_pay_warning(record: ClassSpec) -> str | None:
    """A warning when the record states its pay in another currency than US dollars: OEWS
    wages are US figures, and a Toronto class set beside a US median would mislead."""
    currencies = sorted({s.currency for s in record.salary} - {"USD"})
    if not currencies:
        return None
    return (
        f"{WITHHELD}pay is stated in {', '.join(currencies)} and OEWS wages are US "
        "dollars for US areas; --area compares them anyway"
    )


def wages_withheld(
    suggestions: list[Suggestion], record: ClassSpec | None = None, area: str | None = None
) -> list[str]:
    """Why the best suggestion's wages are not given (empty: they are): the match is
    unsure, or the record states its pay in another currency and no `area` was named."""
    foreign = foreign_pay_warning(record) if record is not None and not area else None
    return [w for w in (foreign, unsure_warning(suggestions)) if w]


def enrich(
    records: Iterable[ClassSpec], *, soc: bool = True, wages: bool = False, area: str | None = None
) -> list[ClassSpec]:
    """The records with `soc` (SOC suggestions) and/or `market_wages` (OEWS figures for the
    best suggestion in the jurisdiction's area, or `area` when given) filled in. Wages only
    where the best suggestion is sure; otherwise null and a warning naming the candidates.
    A record paid in another currency gets no wages unless `area` is given."""
    chosen_area = resolve_area(area) if area else None
    enriched = []
    for record in records:
        suggestions = suggest(Subject.of(record)) if soc or wages else []
        update: dict = {}
        if soc:
            update["soc"] = [
                SocMatch(code=s.code, title=s.title, score=s.score, evidence=s.evidence) for s in suggestions
            ]
        if wages:
            withheld = wages_withheld(suggestions, record, area)
            if withheld:
                update["market_wages"] = None
                update["warnings"] = [*record.warnings, *withheld]
            else:
                place = chosen_area or area_for(record.jurisdiction)
                update["market_wages"] = market_wages(suggestions[0].code, place)
        enriched.append(record.model_copy(update=update))
    return enriched
