"""The document-wide facts step runs after every parser and fills only what it left empty."""

from __future__ import annotations

import pytest

from classspec.api import parse_text
from classspec.builder import RecordBuilder, finish_records
from classspec.readers.text import read_text
from conftest import PHILADELPHIA
from line_coverage import output_blob, squash

BULLETIN = """SENIOR WIDGET INSPECTOR

Class Code:      9999
Open Date:  12-21-18
(Exam Open to All, including Current City Employees)

ANNUAL SALARY

$65,646 to $81,536; $93,584 to $98,804

The salary in the Department of Water and Power is $70,845 to $88,030.

NOTES:

1. Annual salary is at the start of the pay range.

DUTIES

A Senior Widget Inspector inspects widgets and supervises widget inspectors in the field.

REQUIREMENT/MINIMUM QUALIFICATION

1. Two years of full-time paid experience as a Widget Inspector with the City of Los Angeles; or
2. Four years of full-time paid experience inspecting widgets.

A valid California driver's license is required prior to appointment.

APPLICATION DEADLINE

Applications must be received by THURSDAY, JANUARY 10, 2019.

THIS EXAMINATION IS TO BE GIVEN BOTH ON AN
INTERDEPARTMENTAL PROMOTIONAL AND AN OPEN COMPETITIVE BASIS

Appointees serve a probationary period of six months.
"""


def _record(provenance: bool = False):
    (record,) = parse_text(BULLETIN, "bulletin.txt", provenance=provenance)
    return record


def test_salary_ranges_in_order_with_labels() -> None:
    record = _record()
    assert [(r.min, r.max, r.period, r.label) for r in record.salary] == [
        (65646, 81536, "year", None),
        (93584, 98804, "year", None),
        (70845, 88030, "year", "Department of Water and Power"),
    ]


def test_bulletin_facts() -> None:
    record = _record()
    assert record.dates.opened == "2018-12-21"
    assert record.dates.deadline == "2019-01-10"
    assert record.exam_types == ["interdepartmental_promotional", "open_competitive"]
    assert record.probation_months == 6
    assert record.minimum_qualifications.drivers_license == "required"


def test_salary_and_application_lines_still_land_in_the_output() -> None:
    record = _record()
    others = " ".join(section.text for section in record.other_sections)
    assert "$65,646 to $81,536; $93,584 to $98,804" in others
    assert squash("Applications must be received by THURSDAY, JANUARY 10, 2019.") in output_blob([record])


def test_values_cite_their_lines() -> None:
    record = _record(provenance=True)
    assert record.provenance["salary[0]"][0].line_start == 9
    assert record.provenance["salary[2]"][0].line_start == 11
    assert record.provenance["dates.opened"][0].line_start == 4
    assert record.provenance["dates.deadline"][0].line_start == 30


def _builder(**values) -> RecordBuilder:
    """A record of the bulletin as a parser might leave it: only `values` set."""
    doc = read_text(BULLETIN.encode(), "bulletin.txt", "0" * 64)
    record = RecordBuilder(doc, "generic")
    for path, value in values.items():
        record.set(path.replace("__", "."), value)
    return record


def test_paths_and_the_smallest_paths_months_from_the_qualification_text() -> None:
    text = (
        "1. Two years of experience as a Clerk Typist with the City; or\n"
        "2. Graduation from an accredited four-year college or university."
    )
    (record,) = finish_records([_builder(minimum_qualifications__text=text)])
    quals = record.minimum_qualifications
    assert [(p.label, p.experience_months, p.education) for p in quals.paths] == [
        ("1", 24, None),
        ("2", 0, "bachelor"),
    ]
    assert quals.paths[0].prior_classes == ["Clerk Typist"]
    assert quals.min_experience_months == 0


def test_what_the_parser_set_is_kept() -> None:
    salary = [{"min": 1, "max": 2, "currency": "USD", "period": "year", "text": "$1 to $2"}]
    (record,) = finish_records([_builder(salary=salary, dates__opened="2001-01-01")])
    assert len(record.salary) == 1
    assert record.dates.opened == "2001-01-01"
    assert record.dates.deadline == "2019-01-10"  # what it left empty is filled


@pytest.mark.corpus("philadelphia")
def test_the_least_months_are_the_smallest_paths_on_every_record() -> None:
    """One owner: whatever a parser reads, `min_experience_months` is the smallest
    path's months (the Philadelphia parser and the facts step once disagreed)."""
    from classspec.api import parse_file

    folder = PHILADELPHIA
    for name in ("2f26.htm", "2f65.htm", "2h30.htm", "3b85.htm"):
        for spec in parse_file(folder / name):
            quals = spec.minimum_qualifications
            months = [p.experience_months for p in quals.paths if p.experience_months is not None]
            assert quals.min_experience_months == (min(months) if months else None), name


def test_the_least_education_is_the_lowest_a_path_states() -> None:
    """min_education has one owner, the requirements algebra: the lowest education any
    path accepts. A path that states none (experience alone) is silent on education and
    does not lower it, as a path that states no months does not lower the months."""
    text = (
        "1. A master's degree in public administration; or\n"
        "2. A bachelor's degree and two years of experience as a Budget Analyst; or\n"
        "3. Six years of experience as a Budget Analyst."
    )
    (record,) = finish_records([_builder(minimum_qualifications__text=text)])
    quals = record.minimum_qualifications
    assert [p.education for p in quals.paths] == ["master", "bachelor", None]
    assert quals.min_education == "bachelor"


def test_the_least_education_of_paths_that_state_none_is_null() -> None:
    # A substitution names college units; it is no way in and sets no level.
    text = (
        "Two years of experience as a Library Clerical Assistant.\n\n"
        "Completion of 16 semester units in library science may be substituted for one year."
    )
    (record,) = finish_records([_builder(minimum_qualifications__text=text)])
    assert [p.experience_months for p in record.minimum_qualifications.paths] == [24]
    assert record.minimum_qualifications.min_education is None


def test_a_text_with_no_way_in_gives_its_required_education() -> None:
    """The one fallback: a qualification text the algebra finds no path in (only a
    catch-all) gives the level it names as required, its preferences left out."""
    text = (
        "Any combination of education and experience equivalent to graduation from high school; "
        "a bachelor's degree is preferred."
    )
    (record,) = finish_records([_builder(minimum_qualifications__text=text)])
    assert record.minimum_qualifications.paths == []
    assert record.minimum_qualifications.min_education == "high_school"


@pytest.mark.corpus("philadelphia")
def test_no_parser_writes_the_least_education() -> None:
    """Whatever a template reads into its education list, min_education is the paths'."""
    from classspec.api import parse_file

    for name in ("1d55.htm", "2e07.htm", "7k02.htm"):
        for spec in parse_file(PHILADELPHIA / name):
            quals = spec.minimum_qualifications
            stated = [p.education for p in quals.paths if p.education is not None]
            order = ["none", "high_school", "some_college", "associate", "bachelor", "master", "doctorate"]
            assert quals.min_education == (min(stated, key=order.index) if stated else None), name
