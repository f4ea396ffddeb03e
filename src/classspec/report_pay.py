"""The report's pay, market and occupation figures, and the breakdown by jurisdiction.

Pay is compared a year at a time: each range is annualised from its period (an hour
is 2,080 paid hours a year, as OEWS annualises hourly wages). Only the first range a
spec states is used for a class (the one `salary_min`/`salary_max` hold elsewhere).
Amounts are never converted: a jurisdiction's figures are kept apart per currency, and
only US-dollar pay is set against OEWS medians (US dollars for US areas).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import median
from typing import Any

from classspec.normalize.pay import annual, currency_of

SOC_BARS = 15
MARKET_BARS = 40  # classes in the market chart: the ones furthest from their market first


def _jurisdiction(record: dict) -> str:
    return (record.get("jurisdiction") or {}).get("id") or "unknown"


def class_pay(records: list[dict], label) -> list[dict[str, Any]]:
    """One row a class whose spec states an annualisable range."""
    rows = []
    for record in records:
        if not record.get("salary"):
            continue
        first = record["salary"][0]
        low, high = annual(first)
        if low is None and high is None:
            continue
        rows.append(
            {
                "class": label(record),
                "jurisdiction": _jurisdiction(record),
                "annual_min": low,
                "annual_max": high,
                "currency": currency_of(first),
                "stated": first.get("text") or "",
            }
        )
    return sorted(rows, key=lambda r: (r["jurisdiction"], r["class"]))


def pay_by_jurisdiction(rows: list[dict]) -> list[tuple[str, str, int, int, int, int]]:
    """(jurisdiction, currency, classes with pay, lowest annual minimum, median midpoint,
    highest maximum), a row per jurisdiction and currency."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["jurisdiction"], row["currency"]].append(row)
    result = []
    for (place, currency), group in sorted(grouped.items()):
        lows = [r["annual_min"] if r["annual_min"] is not None else r["annual_max"] for r in group]
        highs = [r["annual_max"] if r["annual_max"] is not None else r["annual_min"] for r in group]
        middles = [(lo + hi) / 2 for lo, hi in zip(lows, highs, strict=True)]
        result.append((place, currency, len(group), min(lows), round(median(middles)), max(highs)))
    return result


def market(records: list[dict], label) -> list[dict[str, Any]]:
    """Classes with both a stated range in US dollars and OEWS wages: where the class pays
    against its occupation's market median (`gap`: the range's midpoint over the median,
    -1..)."""
    rows = []
    for record in records:
        wages = record.get("market_wages") or {}
        median_wage = wages.get("annual_median")
        if not median_wage or not record.get("salary"):
            continue
        if currency_of(record["salary"][0]) != "USD":
            continue
        low, high = annual(record["salary"][0])
        if low is None and high is None:
            continue
        low, high = low if low is not None else high, high if high is not None else low
        rows.append(
            {
                "class": label(record),
                "jurisdiction": _jurisdiction(record),
                "soc": wages.get("soc_code"),
                "area": wages.get("area_name"),
                "annual_min": low,
                "annual_max": high,
                "market_median": median_wage,
                "gap": round(((low + high) / 2) / median_wage - 1, 3),
            }
        )
    return sorted(rows, key=lambda r: (-abs(r["gap"]), r["class"]))


def soc_distribution(records: list[dict]) -> tuple[list[tuple[str, int]], int]:
    """The best SOC match's counts (most common first, ties by code), and how many
    records have one."""
    best = Counter(f"{r['soc'][0]['code']} {r['soc'][0]['title']}" for r in records if r.get("soc"))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:SOC_BARS], sum(best.values())


BREAKDOWN = (
    ("records", lambda r: True),
    ("title", lambda r: bool(r.get("title"))),
    ("duties", lambda r: bool(r.get("duties"))),
    ("qualifications", lambda r: bool((r.get("minimum_qualifications") or {}).get("text"))),
    ("salary", lambda r: bool(r.get("salary"))),
    ("SOC", lambda r: bool(r.get("soc"))),
    ("warnings", lambda r: bool(r.get("warnings"))),
)


def by_jurisdiction(records: list[dict]) -> list[tuple]:
    """Per jurisdiction: how many records, and how many of them fill each key field."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[_jurisdiction(record)].append(record)
    ordered = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))
    return [(place, *(sum(1 for r in group if test(r)) for _, test in BREAKDOWN)) for place, group in ordered]


def figures(records: list[dict], label) -> dict[str, Any]:
    pay = class_pay(records, label)
    soc, with_soc = soc_distribution(records)
    return {
        "pay_by_class": pay,
        "pay_by_jurisdiction": pay_by_jurisdiction(pay),
        "market": market(records, label),
        "soc": soc,
        "with_soc": with_soc,
        "jurisdictions": by_jurisdiction(records),
    }
