"""Dates as specs write them ("March 2004", "3/53", "09/2002") → ISO 8601."""

from __future__ import annotations

import functools
import re

from classspec.lazyre import lazy_compile

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Two-digit years up to this value are read as 20xx, later ones as 19xx ("5/04" is 2004,
# "3/53" is 1953). A fixed pivot, not today's date, keeps output deterministic; specs
# written in two-digit years run from 1953 to the present.
TWO_DIGIT_YEAR_PIVOT = 30

_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# Tolerates the typing seen in real specs: "3 / 19", "1//53", "CSC \u2013 8/24".
_SLASH = r"\s*/{1,2}\s*"
_DATE_PATTERNS = (
    lazy_compile(
        rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
    ),
    lazy_compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    lazy_compile(rf"\b(?P<month>{_MONTH_NAME})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    lazy_compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\b"),
    lazy_compile(
        rf"(?<![\d/])(?P<month>\d{{1,2}}){_SLASH}(?P<day>\d{{1,2}}){_SLASH}(?P<year>\d{{4}}|\d{{2}})(?![\d/])"
    ),
    # US month-day-year with dashes, as bulletins write it: "Revised: 03-29-16".
    lazy_compile(r"(?<![\d/-])(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{4}|\d{2})(?![\d/-])"),
    lazy_compile(rf"(?<![\d/])(?P<month>\d{{1,2}})(?:{_SLASH}|-)(?P<year>\d{{4}}|\d{{2}})(?![\d/])"),
    lazy_compile(r"(?<![\d/])(?P<year>(?:19|20)\d{2})(?![\d/])"),
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= TWO_DIGIT_YEAR_PIVOT else 1900
    return year


# Parsers read the same label's date more than once (a history entry, then its line).
@functools.lru_cache(maxsize=512)
def iso_date(text: str | None) -> str | None:
    """The first date written in `text` as ISO 8601, as precise as it is written.

    'March, 2022' -> '2022-03'; 'Jan. 1990' -> '1990-01'; '3/53' -> '1953-03';
    '5/04/2004' -> '2004-05-04'; '2019' -> '2019'. Placeholders such as '00/00/00'
    and impossible dates give None.
    """
    if not text:
        return None
    candidates: list[tuple[int, int, str]] = []
    for rank, pattern in enumerate(_DATE_PATTERNS):
        for found in pattern.finditer(text):
            date = _date_of(found.groupdict())
            if date:
                candidates.append((found.start(), rank, date))
                break
    # The date written first wins; at the same place, the more specific pattern.
    return min(candidates)[2] if candidates else None


def all_dates(text: str | None) -> list[str]:
    """Every date written in `text`, in order: 'Revised: 10/2012, 6/2018, 3/2022' ->
    ['2012-10', '2018-06', '2022-03']. Where patterns overlap, the one starting first
    (then the more specific) wins."""
    if not text:
        return []
    found: list[tuple[int, int, int, str]] = []
    for rank, pattern in enumerate(_DATE_PATTERNS):
        for match in pattern.finditer(text):
            date = _date_of(match.groupdict())
            if date:
                found.append((match.start(), rank, match.end(), date))
    dates: list[str] = []
    end = -1
    for start, _, stop, date in sorted(found):
        if start >= end:
            dates.append(date)
            end = stop
    return dates


def _date_of(parts: dict[str, str | None]) -> str | None:
    year = _year(parts["year"] or "")
    if not 1800 <= year <= 2100:
        return None
    month_text = parts.get("month")
    if month_text is None:
        return f"{year:04d}"
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    day_text = parts.get("day")
    if month > 12 and day_text is not None and month_text.isdigit() and int(day_text) <= 12:
        # "14/02/2024": a day above 12 first can only be day-month-year (UK, Canada, Australia).
        month, day_text = int(day_text), month_text
    if not 1 <= month <= 12:
        return None
    if day_text is None:
        return f"{year:04d}-{month:02d}"
    day = int(day_text)
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
