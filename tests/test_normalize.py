"""Shared normalizers, tested on phrasings copied from the seeds and the corpus
(Philadelphia HTML specs, California county specs)."""

from __future__ import annotations

import pytest

from classspec.model import EducationLevel, FlsaStatus, Frequency, Strength
from classspec.normalize import (
    TWO_DIGIT_YEAR_PIVOT,
    education_level,
    environment_frequency,
    experience_months,
    flsa_status,
    frequency,
    iso_date,
    strength,
    title_case,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March, 2022", "2022-03"),  # Chicago seed
        ("Last Edited: September 2002", "2002-09"),  # Chattanooga seed
        ("Class Established: 3/53", "1953-03"),  # Philadelphia seed
        ("CSC: 3/04, Ad Board: 5/04", "2004-03"),  # first date written wins
        ("as approved on 5/04.)", "2004-05"),
        ("Jan. 1990", "1990-01"),
        ("Sept. 2002", "2002-09"),
        ("March 15, 2022", "2022-03-15"),
        ("15 March 2022", "2022-03-15"),
        ("5/04/2004", "2004-05-04"),
        ("2022-03-15", "2022-03-15"),
        ("Class Established: 1/1953 Spec. Revision", "1953-01"),
        ("Class Established - 1//53", "1953-01"),  # doubled slash, corpus 2f33
        ("as approved on 3 / 19 .)", "2019-03"),  # spaced slash, corpus 1a20
        ("CSC \u2013 8/24; Ad. Board \u2013 9/24", "2024-08"),
        ("approved on. 04/01.)", "2001-04"),
        ("Revised 2019", "2019"),
        ("Latest Spec. Revision: CSC: 11/1998 ; Ad Board: 1/1999", "1998-11"),
        ("Revised: 03-29-16", "2016-03-29"),  # LA bulletins: month-day-year with dashes
        ("01-31-14 REV 3-29-16", "2014-01-31"),
    ],
)
def test_iso_date(text: str, expected: str) -> None:
    assert iso_date(text) == expected


@pytest.mark.parametrize(
    "text", ["00/00/00", "05/", "2/30/2020", "13/20", "Latest Spec. Revision:", "", None]
)
def test_iso_date_gives_none_for_placeholders_and_impossible_dates(text: str | None) -> None:
    assert iso_date(text) is None


def test_two_digit_year_pivot() -> None:
    assert iso_date(f"1/{TWO_DIGIT_YEAR_PIVOT:02d}") == f"20{TWO_DIGIT_YEAR_PIVOT:02d}-01"
    assert iso_date(f"1/{TWO_DIGIT_YEAR_PIVOT + 1:02d}") == f"19{TWO_DIGIT_YEAR_PIVOT + 1:02d}-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Non Exempt", FlsaStatus.non_exempt),
        ("FLSA: Non Exempt", FlsaStatus.non_exempt),
        ("Non-Exempt", FlsaStatus.non_exempt),
        ("Nonexempt", FlsaStatus.non_exempt),
        ("Not exempt", FlsaStatus.non_exempt),
        ("Exempt", FlsaStatus.exempt),
        ("FLSA: 2E", FlsaStatus.exempt),  # Philadelphia's code
        ("FLSA Status: E", FlsaStatus.exempt),
        ("NE", FlsaStatus.non_exempt),
        ("N", FlsaStatus.non_exempt),
        ("hourly", None),
        ("", None),
    ],
)
def test_flsa_status(text: str, expected: FlsaStatus | None) -> None:
    assert flsa_status(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Education equivalent to the completion of the twelfth school grade.", EducationLevel.high_school),
        ("Education equivalent to the completion of high school.", EducationLevel.high_school),
        ("Equivalent to the eighth school grade.", EducationLevel.none),
        ("Education equivalent to completion of the tenth school grade.", EducationLevel.none),
        (
            "Two years of college coursework or an associate degree with emphasis in business administration",
            EducationLevel.some_college,
        ),
        (
            "Knowledge is normally acquired through four years of college resulting in a Bachelor's degree",
            EducationLevel.bachelor,
        ),
        (
            "Completion of two years of study at an accredited college or university.",
            EducationLevel.some_college,
        ),
        ("Completion of an Associate Degree or 60 credits in computer science", EducationLevel.some_college),
        ("Completion of an associates degree at an accredited college", EducationLevel.associate),
        ("An Associate\u2019s Degree in Business Administration", EducationLevel.associate),
        ("Completion of a Bachelors Degree in Automotive Engineering", EducationLevel.bachelor),
        ("Completion of a Bachelor\u2019s degree program", EducationLevel.bachelor),
        ("Completion of a masters degree at an accredited college", EducationLevel.master),
        ("with a degree of Doctor of Medicine or Osteopathy", EducationLevel.doctorate),
        ("Possession of a Ph.D. in psychology", EducationLevel.doctorate),
        (
            "A bachelor's degree from an accredited U.S. college; a master's degree is preferred",
            EducationLevel.bachelor,
        ),
        (
            "Graduation from an accredited four-year college or university; and two years",
            EducationLevel.bachelor,
        ),
        (
            "Graduation from an accredited four year university with a major in finance",
            EducationLevel.bachelor,
        ),
        (
            "Graduation from a four-year college; or two years of college and two years of experience",
            EducationLevel.some_college,
        ),
        ("Completion of a two year post-high school business school course", None),
        ("Ability to read and write English.", None),
        # Units of college coursework are some college on their own, semester or quarter...
        ("Completion of 60 semester units from an accredited college", EducationLevel.some_college),
        ("Completion of 12 semester or 18 quarter units in electronics", EducationLevel.some_college),
        ("A bachelor's degree in biology, or 60 semester units of college", EducationLevel.some_college),
        # ... and part of the degree when the degree includes them.
        (
            "A Bachelor's degree in engineering from an accredited college or university, which includes"
            " at least 24 semester units or 36 quarter units of core courses in electrical engineering",
            EducationLevel.bachelor,
        ),
        (
            "Equivalent to graduation from college with a major in a biological science including at least"
            " ten semester units in plant biology and ten semester units in vertebrate biology.",
            EducationLevel.bachelor,
        ),
        (
            "Associate of Arts Degree from an accredited college with at least 12 semester or 18 quarter"
            " units",
            EducationLevel.associate,
        ),
        # Civil-service wording for a bachelor's degree.
        ("Education: Equivalent to graduation from college.", EducationLevel.bachelor),
        ("Graduation from an accredited college or university; and", EducationLevel.bachelor),
        ("Graduation from a community college", None),
    ],
)
def test_education_level_is_the_lowest_acceptable(text: str, expected: EducationLevel | None) -> None:
    assert education_level(text) == expected


PHILADELPHIA_SEED_QUALIFICATIONS = """EDUCATIONBOTH SPECIALTIES
- Education equivalent to the completion of the twelfth school grade.
CALL CENTER SPECIALTY:
GENERAL EXPERIENCE
- Two years of customer service experience working in a centralized call center handling in-bound \
call volume at least 90% of the time, giving information and eliciting information from the public.
AND
SPECIFIC EXPERIENCE
- Two years of experience as a supervisor managing a staff engaged in performing customer service.
REVENUE COLLECTIONS SPECIALTY:
GENERAL EXPERIENCE
- Two years of customer service experience giving information and eliciting information from the \
public, or two years of field work investigating tax and/or water/sewer delinquents.
AND
SPECIFIC EXPERIENCE
- Two years of experience supervising employees engaged in high-volume utility or municipal revenue \
billing and/or collections or two years of experience supervising employees investigating tax.
OR
Any equivalent combination of education and experience determined to be acceptable by the Personnel \
Department that has included the specific experience described above."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three years of customer service experience; or an equivalent combination of education", 36),
        ("18 months of clerical experience", 18),
        ("Two years of clerical experience AND two years of supervisory experience", 48),
        ("one year (12 months) of experience", 12),
        ("five (5) years of related management level experience", 60),
        ("Five years customer service management or municipal operations management experience.", 60),
        ("One and one-half years of experience as a clerk", 18),
        (
            "Two years of college coursework or an associate degree; supplemented by two years of experience "
            "and/or training involving call center operations; or any equivalent combination",
            24,
        ),
        # Alternatives give the smallest.
        (
            "A bachelor's degree, AND, five (5) years of related management level experience OR\n"
            "An associate's degree, AND, seven (7) years of related management level experience OR\n"
            "Nine (9) years of related management level experience.",
            60,
        ),
        (
            "EXPERIENCE : Two years experience as a Police Officer. OR One year of experience as a Corporal.",
            12,
        ),
        (PHILADELPHIA_SEED_QUALIFICATIONS, 48),
        # Subsets, substitutions, preferences, deadlines and ages are not added.
        ("Three years of experience in clerical work, two years of which have involved legal documents.", 36),
        ("Four years of engineering experience, two years which shall have included CBIS inspections.", 48),
        ("Five years of experience in accounting, including one year of supervisory experience.", 60),
        (
            "One year of experience as a Clerk Typist. Completion of a two year post-high school business "
            "school course may be substituted for the one year of experience.",
            12,
        ),
        (
            "at least two (2) years of experience in the public information field. One year of experience "
            "in air pollution control or closely related field is desirable.",
            24,
        ),
        (
            "AND EXPERIENCE: Four years of experience in the machinist trade. OR Any equivalent combination. "
            "NOTE : Training in a trade school for a minimum of six months up to a maximum of one year can "
            "be equated on a month by month basis for the experience requirement.",
            48,
        ),
        # Specialties and options are alternatives; text before them is shared by each.
        (
            "GENERAL EXPERIENCE : Three years of social work experience. AND SPECIFIC EXPERIENCE : Option 1 "
            "One year of program analysis work. OR Option 2 One year of provider relations experience.",
            48,
        ),
        (
            "Health Center Services Specialty EDUCATION : Possession of a master's degree. AND GENERAL "
            "EXPERIENCE : Five years of administration experience. AND SPECIFIC EXPERIENCE : Four years of "
            "experience directing health services. DISEASE CONTROL SPECIALTY : EDUCATION : Possession of a "
            "bachelor's degree. AND GENERAL EXPERIENCE : Five years of administration experience. AND "
            "SPECIFIC EXPERIENCE : Five years of management experience.",
            108,
        ),
    ],
)
def test_experience_months(text: str, expected: int) -> None:
    assert experience_months(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Four years of college resulting in a bachelor's degree.",
        "City of Norfolk residency required within six (6) months of employment.",
        "Applicants must be 21 years of age by the time of appointment.",
        "No previous experience or training required.",
        "",
    ],
)
def test_experience_months_none_when_no_experience_is_required(text: str) -> None:
    assert experience_months(text) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("C", Frequency.continuously),
        ("F", Frequency.frequently),
        ("O", Frequency.occasionally),
        ("R", Frequency.rarely),
        ("N", Frequency.never),
        (" f ", Frequency.frequently),
        ("Frequently", Frequency.frequently),
        ("occasional", Frequency.occasionally),
        ("Constantly", Frequency.continuously),
        ("N/A", None),
        ("--", None),
        ("X", None),
    ],
)
def test_frequency(code: str, expected: Frequency | None) -> None:
    assert frequency(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("D", Frequency.continuously),
        ("W", Frequency.frequently),
        ("M", Frequency.occasionally),
        ("S", Frequency.rarely),
        ("N", Frequency.never),
        ("--", None),
    ],
)
def test_environment_frequency(code: str, expected: Frequency | None) -> None:
    assert environment_frequency(code) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L", Strength.light),
        ("S", Strength.sedentary),
        ("M", Strength.medium),
        ("H", Strength.heavy),
        ("VH", Strength.very_heavy),
        ("V", Strength.very_heavy),
        ("Sedentary", Strength.sedentary),
        ("Light work", Strength.light),
        ("Work requires light physical effort", Strength.light),
        ("very heavy", Strength.very_heavy),
        ("X", None),
    ],
)
def test_strength(text: str, expected: Strength | None) -> None:
    assert strength(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CUSTOMER SERVICE REPRESENTATIVE III", "Customer Service Representative III"),
        ("HVAC MECHANIC II", "HVAC Mechanic II"),
        ("911 DISPATCHER", "911 Dispatcher"),
        ("CUSTOMER  SERVICES\tSUPERVISOR", "Customer Services Supervisor"),
        ("DIRECTOR OF DENTAL SERVICES", "Director of Dental Services"),
        ("TRADES HELPER (VOTING MACHINE MECHANIC)", "Trades Helper (Voting Machine Mechanic)"),
        ("MINORITY/DISADVANTAGED BUSINESS SPECIALIST", "Minority/Disadvantaged Business Specialist"),
        ("IT/GIS MANAGER", "IT/GIS Manager"),
        ("APCD PUBLIC INFORMATION SPECIALIST", "APCD Public Information Specialist"),
        ("ATTORNEY'S AIDE", "Attorney's Aide"),
        ("CLERK 2ND CLASS", "Clerk 2nd Class"),
        ("SECRETARY - 1A18", "Secretary - 1A18"),
        ("MIX OPERATOR", "Mix Operator"),  # not a roman numeral
        ("Clerk Typist 1 (B)", "Clerk Typist 1 (B)"),  # mixed case is left as written
    ],
)
def test_title_case(text: str, expected: str) -> None:
    assert title_case(text) == expected
