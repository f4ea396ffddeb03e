"""What is a way of qualifying and what only adds to them (issue #23's gold misses):
a specialty that asks only a skill, a list of competencies, a list of feeder classes,
and Philadelphia's CERTIFICATION requirement heading."""

from __future__ import annotations

import pytest

from classspec.api import parse_file
from classspec.normalize.paths import qualification_paths
from conftest import PHILADELPHIA


def _summary(text: str) -> list[tuple]:
    return [(p["label"], p["experience_months"], p["education"]) for p in qualification_paths(text)]


def test_a_specialty_that_asks_only_a_skill_is_no_way_in() -> None:
    text = (
        "EDUCATION:\n\nCompletion of the twelfth school grade.\n\nAND\n\nSPECIFIC EXPERIENCE:\n\n"
        "One year of experience performing field inspection work.\n\nBilingual Specialty:\n\n"
        "Sufficient training and/or experience to be able to read, write, and speak fluently "
        "a non-English language as required by the job assignment."
    )
    assert _summary(text) == [(None, 12, "high_school")]


def test_options_keep_their_paths_beside_a_skill_only_specialty() -> None:
    text = (
        "EDUCATION\n\nEducation equivalent to the completion of the twelfth school grade.\n\nAND\n\n"
        "Option 1\n\nCurrent Deputy Sheriff Training Act II-114 certification.\n\n"
        "Option 2\n\nCurrent Act 120 certification.\n\n"
        "BILINGUAL SPECIALTY\n\nSufficient training and/or experience to be able to understand and "
        "speak fluently in English and a designated non-English language.\n\n"
        "Note: Both Specialties\n\nEmployees must complete all certification training."
    )
    assert [label for label, _, _ in _summary(text)] == ["Option 1", "Option 2"]


@pytest.mark.parametrize(
    "text",
    [
        "Ability to read and write English.",
        "You think digital by default and embrace new ideas that put users first.\n\n"
        "You have experience applying lean and leading continuous improvement.",
    ],
)
def test_a_list_of_competencies_has_no_paths(text: str) -> None:
    assert qualification_paths(text) == []


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Five hundred hours of volunteer or paid experience in an art gallery.", None),
        ("No previous experience or training required.", 0),
    ],
)
def test_a_way_in_stated_in_words_the_months_do_not_read_stays(text: str, months) -> None:
    assert [p["experience_months"] for p in qualification_paths(text)] == [months]


def test_feeder_classes_grouped_by_specialty_are_prior_classes_not_a_way_in() -> None:
    text = (
        "HEALTH SPECIALTY:\n\nEDUCATION:\n\nA master's degree in public health.\n\nAND\n\n"
        "EXPERIENCE:\n\nFive years of public health administration experience.\n\n"
        "DISEASE CONTROL SPECIALTY:\n\nEDUCATION:\n\nA bachelor's degree.\n\nAND\n\n"
        "EXPERIENCE:\n\nSix years of public health administration experience.\n\n"
        "FEEDER CLASSES:\n\nHEALTH SPECIALTY\n\nHealth Services Administrator 3 (5F22)\n\n"
        "DISEASE CONTROL SPECIALTY\n\n1. HIV Program Director (5F52)"
    )
    paths = qualification_paths(text)
    assert [(p["experience_months"], p["education"]) for p in paths] == [(60, "master"), (72, "bachelor")]
    feeders = ["Health Services Administrator 3 (5F22)", "HIV Program Director (5F52)"]
    assert paths[0]["prior_classes"] == feeders


@pytest.mark.corpus("philadelphia")
def test_philadelphia_certification_heading_is_a_requirement_of_the_qualifications() -> None:
    """2D18: EDUCATION AND CERTIFICATION: AND GENERAL EXPERIENCE AND SPECIFIC EXPERIENCE;
    the licences section is the later LICENSES, REGISTRATIONS AND/OR CERTIFICATES."""
    [record] = parse_file(PHILADELPHIA / "2d18.htm")
    quals = record.minimum_qualifications
    assert [(p.experience_months, p.education) for p in quals.paths] == [(36, "bachelor")]
    assert any("Certified Pennsylvania Evaluator" in name for name in quals.paths[0].licenses)
    assert "CERTIFICATION:" in quals.text and "GENERAL EXPERIENCE:" in quals.text


def test_a_calhr_patterns_labelled_paragraphs_joined_by_or_are_its_ways() -> None:
    """CalHR 1095: 'Either I / Experience: Thirty-six months ... appointment.). or /
    Experience: Thirty-six months ... or / Experience: ...' - three ways in pattern I."""
    text = (
        "Either I Experience: Thirty-six months of full-time experience as a Fire Apparatus Engineer. or\n\n"
        "Experience: Thirty-six months of full-time experience as an Engineer before 1983. or\n\n"
        "Experience: Forty-eight months of full-time experience as a Fire Apparatus Engineer.\n\n"
        "Or II\n\nExperience: Twenty-four months of experience as a full-time paid Company Officer."
    )
    assert [(label, months) for label, months, _ in _summary(text)] == [
        ("I", 36),
        ("I", 36),
        ("I", 48),
        ("II", 24),
    ]


def test_numbered_items_after_either_are_the_patterns_alternatives() -> None:
    """CalHR 9904: 'Either I / In a ... institution either / 1. ... or / 2. ... or / 3. ...
    / and / Education: ...' - three ways, each with the pattern's education."""
    text = (
        "Either I\n\nIn a California state correctional institution either\n\n"
        "1. One year performing the duties of a Correctional Program Supervisor I. or\n\n"
        "2. One year performing the duties of a Youth Counselor. or\n\n"
        "3. Two years performing the duties of a Correctional Officer.\n\nand\n\n"
        "Education: Equivalent to graduation from a recognized four-year college.\n\n"
        "Or II\n\nExperience: One year of experience in correctional casework."
    )
    assert _summary(text) == [
        ("I", 12, "bachelor"),
        ("I", 12, "bachelor"),
        ("I", 24, "bachelor"),
        ("II", 12, None),
    ]


def test_a_trades_program_is_schooling_below_college() -> None:
    text = "Completion of post high school electrician trades program from an accredited technical institute."
    assert _summary(text) == [(None, 0, "high_school")]


@pytest.mark.corpus("california")
def test_a_calhr_class_with_alternate_ranges_owns_its_level_block() -> None:
    """9594: the table's 'Real Estate Officer, Range A, Range B, and Range C' heads its
    qualifications 'Real Estate Officer'; the other levels do not inherit them."""
    from conftest import SHARED

    records = {r.class_code: r for r in parse_file(SHARED / "corpus" / "california" / "9594.html")}
    months = {
        code: [p.experience_months for p in r.minimum_qualifications.paths] for code, r in records.items()
    }
    assert months["9594"] == [0, 24, 12]
    assert months["9595"] == [12, 48]
    assert records["9595"].minimum_qualifications.min_experience_months == 12


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Three years at the full performance level or above performing networking activities.", 36),
        ("One year performing the duties of a Youth Counselor.", 12),
        # 'performing' alone names no experience: the items of a list of who was supervised.
        ("Supervising for at least two years either: a. Accounting professionals performing audits", None),
    ],
)
def test_experience_in_civil_service_words(text: str, months) -> None:
    from classspec.normalize.experience import experience_months

    assert experience_months(text) == months
