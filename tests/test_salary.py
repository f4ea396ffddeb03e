"""Salary ranges as documents write them (classspec.normalize.pay)."""

from __future__ import annotations

import pytest

from classspec.normalize.pay import pay_period, salary_ranges


def _short(text: str, period: str | None = None) -> list[tuple]:
    return [(r["min"], r["max"], r["period"], r["label"], r["text"]) for r in salary_ranges(text, period)]


def test_every_range_of_a_list_in_order() -> None:
    text = (
        "$65,646 to $81,536; $93,584 to $98,804; $95,588 to $100,913; $101,831 to "
        "$107,511; and $102,980 to $108,722"
    )
    ranges = salary_ranges(text, "year")
    assert [(r["min"], r["max"]) for r in ranges] == [
        (65646, 81536),
        (93584, 98804),
        (95588, 100913),
        (101831, 107511),
        (102980, 108722),
    ]
    assert {r["period"] for r in ranges} == {"year"}
    assert ranges[0]["text"] == "$65,646 to $81,536"


def test_flat_rated_amounts_and_department_label() -> None:
    assert _short(
        "The salary in the Department of Water and Power is $61,032 or $75,836 (flat-rated).", "year"
    ) == [
        (61032, None, "year", "Department of Water and Power", "$61,032"),
        (75836, None, "year", "Department of Water and Power", "$75,836 (flat-rated)"),
    ]


def test_range_labels_and_periods_written_next_to_amounts() -> None:
    assert _short("Range A: $24.50 - $31.25 per hour; Range B: $3,400 - $4,100 monthly") == [
        (24.5, 31.25, "hour", "Range A", "$24.50 - $31.25"),
        (3400, 4100, "month", "Range B", "$3,400 - $4,100"),
    ]


def test_county_salary_range_line() -> None:
    assert _short("Salary Range: $4,410.40 - $5,372.80 Monthly") == [
        (4410.4, 5372.8, "month", None, "$4,410.40 - $5,372.80")
    ]


@pytest.mark.parametrize("text", ["97B", "EP17", "Pay Range: N32", "", None])
def test_grades_are_never_money(text: str | None) -> None:
    assert salary_ranges(text) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("ANNUAL SALARY", "year"),
        ("Bi-Weekly", "biweek"),
        ("semi-monthly", "semimonth"),
        ("per hour", "hour"),
        ("Salary", None),
    ],
)
def test_pay_period(text: str, period: str | None) -> None:
    assert pay_period(text) == period
