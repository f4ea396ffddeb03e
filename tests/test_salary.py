"""Salary ranges as documents write them (classspec.normalize.pay)."""

from __future__ import annotations

import pytest

from classspec.api import parse_file
from classspec.normalize.pay import pay_period, salary_ranges, unlisted_period
from conftest import SHARED


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
        ("$2,950.40 per fortnight", "biweek"),
        ("Fortnightly", "biweek"),
        ("Salary", None),
        ("$1,457.67 - $1,783.61 Per Week", None),
    ],
)
def test_pay_period(text: str, period: str | None) -> None:
    assert pay_period(text) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Per Week*", "week"),
        ("weekly", "week"),
        ("/wk", "week"),
        ("per day", "day"),
        ("Bi-Weekly", None),
        ("biweekly", None),
        ("per annum", None),
    ],
)
def test_periods_the_schema_has_no_value_for(text: str, period: str | None) -> None:
    assert unlisted_period(text) == period


def test_a_range_stated_twice_is_one_range_and_a_weekly_one_is_flagged(tmp_path) -> None:
    """A posting states its pay in its header and again in its details: one range, cited
    where it first appears. Weekly pay has no period in the schema: the range keeps a null
    period, and the record says why (it is not annualised)."""
    posting = tmp_path / "posting.md"
    posting.write_text(
        "# Web Editor\n\nSalary: $1,457.67 - $1,783.61 Per Week\n\n## What you will do\n\n"
        "- Edit web pages for the public.\n\n## Job details\n\n"
        "- Salary: $1,457.67 - $1,783.61 Per Week\n- Location: Toronto, Ontario\n",
        encoding="utf-8",
    )
    (record,) = parse_file(posting, provenance=True)
    assert [(s.min, s.max, s.period, s.currency) for s in record.salary] == [(1457.67, 1783.61, None, "CAD")]
    assert record.provenance["salary[0]"][0].line_start == 3
    assert [w for w in record.warnings if w.startswith("salary ")] == [
        "salary $1,457.67 - $1,783.61 is stated per week, a period the schema has no value for: its "
        "period is left null and it is not annualised"
    ]


# Issue 23: an amount is salary only in a pay context.
@pytest.mark.parametrize(
    "text",
    [
        # CalHR 9594: the only amounts of the page, on all six records of its series.
        "incumbent ... appears before the Victims Compensation and Government Claims Board, Legislative "
        "Committees, and interested private groups; and performs negotiations with the authority to "
        "commit funds up to $250K per month.",
        "management of leased commercial space with the authority to commit funds up to $25K per month",
        "are entitled to a $25 and $50 biweekly bonus, respectively.",
        "plan and manage the digital and customer services budget of around \u00a340m resource budget",
        "monetary penalties of up to $50,000, as well as awarding unlimited investigation costs",
        "provincial revenues in excess of $100 million",
        "negotiating purchases for annual contracts or purchase orders over $1,000 per year",
        "a filing fee of $25 per year",
    ],
)
def test_money_that_is_not_pay_is_never_salary(text: str) -> None:
    assert salary_ranges(text, pay_context=False) == []
    # Named as other money, it is not salary even under a pay heading.
    assert salary_ranges(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary: $58,700 \u2013 $120,000 (Annual)", [(58700, 120000, "year")]),
        (
            "1. The salary in the Department of Water and Power is $90,180 (flat-rated) or $92,080.",
            [(90180, None, None), (92080, None, None)],
        ),
        ("Interns are paid $18.50 and $21.00 per hour", [(18.5, None, "hour"), (21, None, "hour")]),
        ("Hourly rate: $20/hr", [(20, None, "hour")]),
    ],
)
def test_running_text_that_calls_an_amount_pay(text: str, expected: list[tuple]) -> None:
    assert [(r["min"], r["max"], r["period"]) for r in salary_ranges(text, pay_context=False)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Salary: $52,000; relocation costs are covered",
        "Salary Range: $52,000 (plus a uniform allowance)",
    ],
)
def test_other_money_in_another_clause_leaves_pay_alone(text: str) -> None:
    assert [r["min"] for r in salary_ranges(text, pay_context=False)] == [52000]


def test_an_amount_in_running_text_without_pay_words_is_not_salary() -> None:
    text = "Positions authorize settlements up to $4,000 and attend a $300 course"
    assert salary_ranges(text, pay_context=False) == []


def test_template_placeholders_are_not_amounts() -> None:
    assert salary_ranges("$00,000-$000,000, commensurate with experience") == []


def test_a_thousands_group_after_a_stray_space_and_a_k_suffix() -> None:
    # LA 3980's bulletin writes "$166, 935"; read as 166 it gave a range whose max is below its min.
    ranges = salary_ranges("$134,362 to $166, 935; and $142,986 to $177,647")
    assert [(r["min"], r["max"]) for r in ranges] == [(134362, 166935), (142986, 177647)]
    assert [(r["min"], r["max"]) for r in salary_ranges("Salary: $85K - $95.5K")] == [(85000, 95500)]


CALHR_9594 = SHARED / "corpus" / "california" / "9594.html"
LA_3980 = (
    SHARED
    / "corpus"
    / "losangeles"
    / ("SENIOR EXAMINER OF QUESTIONED DOCUMENTS 3231 072216 REVISED 072716.txt")
)


@pytest.mark.corpus("california")
def test_calhr_9594_commit_funds_is_not_salary() -> None:
    records = parse_file(CALHR_9594)
    assert len(records) == 6
    assert [record.salary for record in records] == [[]] * 6


@pytest.mark.corpus("losangeles")
def test_la_3980_every_range_ordered() -> None:
    (record,) = parse_file(LA_3980)
    assert [(s.min, s.max) for s in record.salary] == [(119433, 148394), (134362, 166935), (142986, 177647)]
