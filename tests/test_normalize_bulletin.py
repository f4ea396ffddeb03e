"""Bulletin facts stated in a sentence (classspec.normalize.bulletin)."""

from __future__ import annotations

import pytest

from classspec.normalize.bulletin import (
    application_deadline,
    drivers_license,
    exam_types,
    open_date,
    probation_months,
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Open Date:  12-21-18", "2018-12-21"),
        ("Open Date: 02-05-99", "1999-02-05"),
        ("Open Date: 12-11-2015", "2015-12-11"),
        ("Opening Date: March 3, 2020", "2020-03-03"),
        ("Open Date: 13-45-18", None),
        ("no date here", None),
    ],
)
def test_open_date(text: str, date: str | None) -> None:
    assert open_date(text) == date


def test_application_deadline() -> None:
    text = "APPLICATION DEADLINE\n\nApplications must be received by THURSDAY, JANUARY 10, 2019."
    assert application_deadline(text) == "2019-01-10"
    # A continuous filing period states no date.
    assert (
        application_deadline(
            "APPLICATION DEADLINE\nFor administrative purposes, filing may close periodically."
        )
        is None
    )


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "THIS EXAMINATION IS TO BE GIVEN ONLY\nON AN INTERDEPARTMENTAL PROMOTIONAL BASIS",
            ["interdepartmental_promotional"],
        ),
        (
            "THIS EXAMINATION IS TO BE GIVEN BOTH ON AN\nINTERDEPARTMENTAL PROMOTIONAL AND "
            "AN OPEN COMPETITIVE BASIS",
            ["interdepartmental_promotional", "open_competitive"],
        ),
        (
            "(Exam Open to All, including Current City Employees)",
            ["open_competitive", "interdepartmental_promotional"],
        ),
        ("(Exam Open to Current City Employees)", ["interdepartmental_promotional"]),
        ("The City does not discriminate on the basis of race.", []),
    ],
)
def test_exam_types(text: str, kinds: list[str]) -> None:
    assert exam_types(text) == kinds


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("A valid California driver's license is required.", "required"),
        ("Some positions may require a valid California driver's license.", "may_be_required"),
        ("A valid California driver's license may be required.", "may_be_required"),
        ("Valid Illinois driver's license if an essential function of the position", "may_be_required"),
        (
            "For positions requiring a valid Class B driver's license, candidates must "
            "submit a driving history.",
            "may_be_required",
        ),
        (
            "Some positions may require a valid driver's license. A valid California "
            "driver's license is required.",
            "required",
        ),
        ("Must be able to lift 50 pounds.", None),
        # Philadelphia's wording (curly apostrophes and plurals included, from its specs).
        (
            "Possession of a valid proper class motor vehicle operator\u2019s license as issued by "
            "the Commonwealth of Pennsylvania prior to appointment and during tenure of employment.",
            "required",
        ),
        (
            "Possession of a valid proper class motor vehicle's operator's license issued by the "
            "Commonwealth of Pennsylvania ..., if required by work assignment.",
            "may_be_required",
        ),
        ("Possession of a valid proper class motor vehicle operator's licenses.", "required"),
        ("A valid driver\u2019s license is required.", "required"),
        # Other operators' licences are not driving ones.
        ("A valid operator's license issued by the United States Coast Guard must be obtained.", None),
        ("Possession of a valid Water Treatment Operator license is required.", None),
    ],
)
def test_drivers_license(text: str, rule: str | None) -> None:
    assert drivers_license(text) == rule


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("a probationary period of six months", 6),
        ("a one-year probationary period", 12),
        ("Probation period: 12 months", 12),
        ("no probation stated", None),
    ],
)
def test_probation_months(text: str, months: int | None) -> None:
    assert probation_months(text) == months
