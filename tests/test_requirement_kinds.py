"""The one qualification sorter every parser uses, generic engine included."""

from __future__ import annotations

import pytest

from classspec.parsers.requirement_kinds import qualification_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Licences, certificates, registrations and credentials, as bulletins write them.
        ("Possession of a valid Multiple Subject Teaching Credential.", "licenses"),
        ("Certified as a Basic Life Support (BLS) Provider.", "licenses"),
        (
            "Microsoft SQL Server 2005 or higher - Microsoft Certified Database Administrator (MCDBA)",
            "licenses",
        ),
        ("Registration as a Professional Engineer with the California State Board.", "licenses"),
        ("A valid California driver's license.", "licenses"),
        # The words in other senses.
        ("Be selectively certified (considered for hire prior to other candidates).", None),
        ("Completed a POST-certified Basic Police Academy within the last three years; or", None),
        ("Responsible for voters' registration drives.", None),
        # Work and schooling.
        ("Two years of full-time paid professional library work as a Librarian.", "experience"),
        ("Two years of experience as a licensed vocational nurse.", "experience"),
        ("Graduation from an accredited four-year college or university.", "education"),
    ],
)
def test_a_qualification_goes_to_its_kind(text, kind):
    assert qualification_kind(text) == kind
