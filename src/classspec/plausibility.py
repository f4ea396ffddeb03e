"""Plausibility checks: values that are well-formed but cannot be right as read.

An analyst copies salary, experience months and dates straight into a compensation
study; a number no job pays, or a date before the class could exist, must come with a
warning that names the field. These are pure functions over one record, a ClassSpec or
its export dict (`classspec validate` reads exports), so the parser and the validator
apply the same rules. A value of the wrong type is left to the schema check.

The bounds, and why:
- salary: the annual equivalent of each amount lies in SALARY_BAND, $10,000 to
  $1,000,000 a year. A full-time job at the US federal minimum wage pays about $15,000 a
  year; no public-sector class pays a million. An amount is annualised by its period
  (HOURS 2,080 hours, 26 biweekly and 24 semi-monthly periods, 12 months); an amount
  with no period is plausible when some period puts it in the band. The currencies
  classspec reads (USD, CAD, AUD, NZD, GBP, EUR) are close enough in size for one band.
  A range's min is not above its max.
- experience: no path, and no minimum, asks for more than MAX_EXPERIENCE_MONTHS (40
  years): a longer figure is a misread (a date, a count of hours).
- dates: from EARLIEST_YEAR (1900) to today, and a class is not established after it
  was revised. An application deadline may be after today (the bulletin is open), so
  only its lower bound is checked.
- `min_experience_months` is the smallest months of the paths that state months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from classspec.normalize.pay import PER_YEAR

SALARY_BAND = (10_000, 1_000_000)
_PERIOD_WORDS = {"hour": "an hour", "biweek": "biweekly", "semimonth": "semi-monthly", "month": "a month"}
MAX_EXPERIENCE_MONTHS = 40 * 12
EARLIEST_YEAR = 1900
DATE_FIELDS = ("established", "revised", "effective", "edited", "opened", "deadline")


@dataclass(frozen=True, slots=True)
class Finding:
    """One implausible value: the field path it is in, a kind for counting, and words."""

    field: str
    kind: str  # salary_band, salary_order, experience, date_range, date_order, months_paths
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def check(record: Any, today: dt.date | None = None) -> list[Finding]:
    """Every implausible value of one record (a ClassSpec or an export dict), in field order."""
    data = record.model_dump(mode="json") if hasattr(record, "model_dump") else record
    if not isinstance(data, Mapping):
        return []
    today = today or dt.date.today()
    return [
        *_salary(data.get("salary")),
        *_experience(data.get("minimum_qualifications")),
        *_dates(data.get("dates"), today),
    ]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _shown(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _salary(ranges: Any) -> list[Finding]:
    found: list[Finding] = []
    if not isinstance(ranges, list):
        return found
    low, high = SALARY_BAND
    for index, pay in enumerate(ranges):
        if not isinstance(pay, Mapping):
            continue
        field = f"salary[{index}]"
        least, most = _number(pay.get("min")), _number(pay.get("max"))
        if least is not None and most is not None and least > most:
            found.append(Finding(field, "salary_order", f"min {_shown(least)} is above max {_shown(most)}"))
        period = pay.get("period")
        for key, amount in (("min", least), ("max", most)):
            if amount is None:
                continue
            if period in PER_YEAR:
                yearly = amount * PER_YEAR[period]
                if low <= yearly <= high:
                    continue
                said = f"{_shown(amount)} a year"
                if period != "year":
                    said = f"{_shown(amount)} {_PERIOD_WORDS[period]} is {_shown(yearly)} a year"
            elif any(low <= amount * times <= high for times in PER_YEAR.values()):
                continue
            else:
                said = f"{_shown(amount)} (no period) is no plausible pay for any period"
            found.append(
                Finding(
                    f"{field}.{key}",
                    "salary_band",
                    f"{said}, outside the plausible {_shown(low)}\u2013{_shown(high)} a year",
                )
            )
    return found


def _experience(quals: Any) -> list[Finding]:
    found: list[Finding] = []
    if not isinstance(quals, Mapping):
        return found
    least = quals.get("min_experience_months")
    field = "minimum_qualifications"
    if _number(least) is not None and least > MAX_EXPERIENCE_MONTHS:
        found.append(_too_long(f"{field}.min_experience_months", least))
    paths = quals.get("paths") if isinstance(quals.get("paths"), list) else []
    stated = []
    for index, path in enumerate(paths):
        months = path.get("experience_months") if isinstance(path, Mapping) else None
        if _number(months) is None:
            continue
        stated.append(months)
        if months > MAX_EXPERIENCE_MONTHS:
            found.append(_too_long(f"{field}.paths[{index}].experience_months", months))
    if stated and least != min(stated):
        found.append(
            Finding(
                f"{field}.min_experience_months",
                "months_paths",
                f"{least} is not the smallest of its paths' months ({min(stated)})",
            )
        )
    return found


def _too_long(field: str, months: float) -> Finding:
    years = MAX_EXPERIENCE_MONTHS // 12
    return Finding(field, "experience", f"{_shown(months)} months is over {years} years of experience")


def _start(value: str) -> dt.date | None:
    """The first day an ISO date ('1958', '1958-05', '1958-05-12') stands for."""
    parts = value.split("-")
    try:
        numbers = [int(part) for part in parts[:3]]
        return dt.date(numbers[0], *[*numbers[1:], 1, 1][:2])
    except (ValueError, TypeError, IndexError):
        return None


def _dates(dates: Any, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    if not isinstance(dates, Mapping):
        return found
    for name in DATE_FIELDS:
        value = dates.get(name)
        start = _start(value) if isinstance(value, str) else None
        if start is None:
            continue
        if start.year < EARLIEST_YEAR:
            found.append(Finding(f"dates.{name}", "date_range", f"{value} is before {EARLIEST_YEAR}"))
        elif start > today and name != "deadline":
            said = f"{value} is after today ({today.isoformat()})"
            found.append(Finding(f"dates.{name}", "date_range", said))
    established, revised = dates.get("established"), dates.get("revised")
    if isinstance(established, str) and isinstance(revised, str):
        # Compared at the precision both give: '2010-02' is not after '2010'.
        shared = min(len(established), len(revised))
        if _start(established) and _start(revised) and established[:shared] > revised[:shared]:
            said = f"{established} is after the revision date {revised}"
            found.append(Finding("dates.established", "date_order", said))
    return found
