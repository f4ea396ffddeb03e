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
