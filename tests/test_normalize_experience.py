"""The AND/OR/option algebra of the one experience normalizer (issue 17 additions)."""

from __future__ import annotations

import pytest

from classspec.normalize import experience_months


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Any one or any combination that equals 18 months from the categories below: (a) x (b) y", 18),
        (
            "Any combination of Fireboat Mate and fire suppression certified experience "
            "equating to five years.",
            60,
        ),
        (
            "Any one or any combination that equals 3 years (36 months) from the categories below: (a) x AND "
            "One year (12 months) of work experience comparable to that gained as a Customer "
            "Service Representative II",
            48,
        ),
        # Subsets are not added: 'two years of the required experience', 'with two years of'.
        (
            "Four years of full-time paid professional engineering experience. Two years of "
            "the required experience "
            "must have been as a lead.",
            48,
        ),
        (
            "Three years of full-time paid office clerical experience with two years of "
            "accounts payable work.",
            36,
        ),
        # An OR listing the kinds of one requirement is not an alternative of the whole.
        (
            "One year of general experience AND Two years of experience in one of the following areas:\n"
            "Registering citizens to vote, OR\nPreparing voting machine material",
            36,
        ),
        ("Two years of experience which has included:\ngathering data, OR\nprocessing data.", 24),
        # A four-year apprenticeship is schooling, not experience.
        ("Completion of a four-year apprenticeship and two years of full-time paid experience.", 24),
    ],
)
def test_experience_months(text: str, months: int) -> None:
    assert experience_months(text) == months


@pytest.mark.parametrize(
    ("text", "months"),
    [
        # A range takes its minimum.
        ("Two to four years of experience in accounting.", 24),
        ("2-4 years of professional experience in human resources.", 24),
        ("3 \u2013 5 years of experience managing projects.", 36),
        # "N or more years" is N; "N+ years" too.
        ("3 or more years of experience in HR.", 36),
        ("5+ years of experience building web services.", 60),
        # "No experience is required" is a requirement of none, not an unknown.
        ("No experience is required.", 0),
        ("No prior experience necessary; training is provided.", 0),
        # Per route: each route's own duration, the smallest route counts.
        (
            "A bachelor's degree with two years of experience, or a high school diploma with "
            "six years of experience.",
            24,
        ),
        # ... while a subset of a duration still does not add up.
        ("Three years of clerical experience with two years of accounts payable work.", 36),
        # Schooling is no experience; "N months must have been in ..." is a subset.
        (
            "High school graduation and two years of training in an approved technical school "
            "and seven years full-time paid experience as a commercial artist, four years of "
            "which must have been in supervision",
            84,
        ),
        (
            "four years of experience, one year of which must have been in a highly specialized "
            "capacity and 18 months must have been in an executive capacity",
            48,
        ),
        # ", at least N years on …" after a duration of the same sentence is a part of it.
        (
            "Four years of professional architectural experience, at least two years on "
            "historical restoration projects.",
            48,
        ),
        # A duration used as an adjective names a kind of thing.
        (
            "Three years of experience purchasing or selling 0-5 year fixed income instruments "
            "and short-term (1-5 year) investments.",
            36,
        ),
    ],
)
def test_ranges_at_least_and_none_required(text: str, months: int) -> None:
    assert experience_months(text) == months


def test_the_admission_clause_restates_the_requirement() -> None:
    """CalHR 6882, 8337, 9594: 'admitted to the examination, but ... must complete one year
    of this experience before ... eligible for appointment' adds nothing, and its six
    months are not the requirement; a duration before such an aside still counts."""
    assert (
        experience_months(
            "One year of experience performing the duties of an Aviation Officer I. (Applicants who "
            "have completed six months of service will be admitted to the examination, but they "
            "must satisfactorily complete one year of this experience before they can be eligible "
            "for appointment.)"
        )
        == 12
    )
    assert (
        experience_months(
            "One year of experience performing the duties of a Staff Real Estate Officer (persons with six "
            "months of qualifying experience may compete in the examination; however, the required "
            "experience must be completed before they can be considered eligible for appointment)."
        )
        == 12
    )
