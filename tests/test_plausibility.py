"""Plausibility checks (issue 23): a value that is well-formed but cannot be right as read
comes with a warning that names its field, both in parsed records and in `validate`."""

from __future__ import annotations

import datetime as dt

import pytest

from classspec.api import parse_file, parse_text
from classspec.plausibility import MAX_EXPERIENCE_MONTHS, check
from conftest import PHILADELPHIA

TODAY = dt.date(2026, 12, 7)


def _record(**fields) -> dict:
    record = {
        "salary": [],
        "minimum_qualifications": {"min_experience_months": None, "paths": []},
        "dates": {},
    }
    record.update(fields)
    return record


def _found(record: dict) -> list[tuple[str, str]]:
    return [(finding.field, finding.kind) for finding in check(record, TODAY)]


def _pay(low, high=None, period="year") -> dict:
    return {"min": low, "max": high, "period": period, "currency": "USD", "label": None, "text": "$"}


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        # CalHR 9594 before the pay-context rule: "commit funds up to $250K per month".
        (_pay(250, None, "month"), [("salary[0].min", "salary_band")]),
        # LA 3980 read "$166, 935" as 166.
        (_pay(134362, 166), [("salary[0]", "salary_order"), ("salary[0].max", "salary_band")]),
        (_pay(0, 0, None), [("salary[0].min", "salary_band"), ("salary[0].max", "salary_band")]),
        (_pay(2_500_000), [("salary[0].min", "salary_band")]),
        (_pay(3.5, 4.75, "hour"), [("salary[0].min", "salary_band"), ("salary[0].max", "salary_band")]),
        # Pay every job could pay, in every period.
        (_pay(24.5, 31.25, "hour"), []),
        (_pay(1457.67, 1783.61, "biweek"), []),
        (_pay(2100, 2600, "semimonth"), []),
        (_pay(4410.4, 5372.8, "month"), []),
        (_pay(58700, 120000, "year"), []),
        (_pay(10_000, 1_000_000, "year"), []),
        # No period: plausible when some period makes it so ($90 an hour, $9,000 a month).
        (_pay(90, None, None), []),
        (_pay(90180, None, None), []),
    ],
)
def test_salary_band_and_order(pay: dict, expected: list) -> None:
    assert _found(_record(salary=[pay])) == expected


def test_salary_messages_say_the_amount_and_its_year() -> None:
    (finding,) = check(_record(salary=[_pay(250, None, "month")]), TODAY)
    assert str(finding) == (
        "salary[0].min: 250 a month is 3,000 a year, outside the plausible 10,000\u20131,000,000 a year"
    )


def test_experience_over_forty_years() -> None:
    quals = {
        "min_experience_months": 600,
        "paths": [{"experience_months": 600}, {"experience_months": MAX_EXPERIENCE_MONTHS}],
    }
    assert _found(_record(minimum_qualifications=quals)) == [
        ("minimum_qualifications.min_experience_months", "experience"),
        ("minimum_qualifications.paths[0].experience_months", "experience"),
        ("minimum_qualifications.min_experience_months", "months_paths"),
    ]


@pytest.mark.parametrize(
    ("least", "months", "flagged"),
    [
        (24, [48, 48], True),  # Philadelphia 2F26 before the requirements algebra
        (None, [12, 24], True),
        (12, [12, 24], False),
        (12, [None, 12], False),
        (0, [None, None], False),  # no path states months: nothing to compare
        (24, [], False),
    ],
)
def test_min_experience_months_is_the_smallest_path(least, months, flagged: bool) -> None:
    quals = {"min_experience_months": least, "paths": [{"experience_months": m} for m in months]}
    found = _found(_record(minimum_qualifications=quals))
    assert (("minimum_qualifications.min_experience_months", "months_paths") in found) is flagged


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"established": "1958-05", "revised": "2016-12"}, []),
        ({"established": "1899-12"}, [("dates.established", "date_range")]),
        ({"revised": "2027"}, [("dates.revised", "date_range")]),
        ({"opened": "2026-12-08"}, [("dates.opened", "date_range")]),
        ({"opened": "2026-12-07", "effective": "2026-12"}, []),
        # An open bulletin's deadline is after today.
        ({"deadline": "2027-01-10"}, []),
        ({"deadline": "1899-01-10"}, [("dates.deadline", "date_range")]),
        ({"established": "2016-12", "revised": "1958-05"}, [("dates.established", "date_order")]),
        # Compared at the precision both give.
        ({"established": "2010-02", "revised": "2010"}, []),
        ({"established": "2010-02-15", "revised": "2010-02"}, []),
        ({"established": "not a date"}, []),  # the schema check names it
    ],
)
def test_dates(dates: dict, expected: list) -> None:
    assert _found(_record(dates=dates)) == expected


def test_values_of_the_wrong_type_are_left_to_the_schema() -> None:
    record = {"salary": [{"min": "a lot"}, 7], "minimum_qualifications": {"paths": "x"}, "dates": []}
    assert check(record, TODAY) == []
    assert check("not a record", TODAY) == []


def test_parsed_records_carry_the_warnings() -> None:
    text = (
        "CLERK\n\nDEFINITION\nPerforms clerical work.\n\nDUTIES\n- Files records.\n\n"
        "MINIMUM QUALIFICATIONS\nTwo years of clerical experience.\n\n"
        "SALARY\n$250 per month\n"
    )
    (record,) = parse_text(text, "clerk.txt")
    assert [s.min for s in record.salary] == [250]
    said = "salary[0].min: 250 a month is 3,000 a year, outside the plausible 10,000\u20131,000,000 a year"
    assert said in record.warnings


@pytest.mark.corpus("philadelphia")
def test_philadelphia_3h08_history_out_of_order_is_flagged() -> None:
    # The spec itself says "Class Established: 1/1981" and "Latest Spec. Revision: 7/1978".
    (record,) = parse_file(PHILADELPHIA / "3h08.htm")
    assert (record.dates.established, record.dates.revised) == ("1981-01", "1978-07")
    assert "dates.established: 1981-01 is after the revision date 1978-07" in record.warnings
