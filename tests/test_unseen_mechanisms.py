"""The shared mechanisms the unseen-layout scoreboard (test_unseen_layouts.py) led to,
each on the wording that needs it and on wording it must leave alone."""

from __future__ import annotations

import pytest

from classspec.api import parse_text
from classspec.document import Line
from classspec.normalize import iso_date
from classspec.normalize.bulletin import application_deadline, drivers_license, exam_types
from classspec.normalize.pay import document_currency, salary_ranges
from classspec.normalize.vocab import strength
from classspec.parsers.generic.tables import label_rows


def _texts(lines: list[str]) -> list[str]:
    out, _ = label_rows([Line(text, number) for number, text in enumerate(lines, 1)])
    return [line.text for line in out]


def test_label_and_value_cells_side_by_side_become_labelled_lines() -> None:
    assert _texts(["Post title\tHousing Officer", "Grade\tGrade 6"]) == [
        "Post title: Housing Officer",
        "Grade: Grade 6",
    ]
    assert _texts(["Date Adopted:\tJune 1, 2012\tDate Revised:\tMarch 15, 2024"]) == [
        "Date Adopted: June 1, 2012",
        "Date Revised: March 15, 2024",
    ]


def test_a_row_of_column_labels_gives_its_names_to_the_row_of_values_below() -> None:
    lines = [Line("Class Code\tPay Grade\tFLSA", 1), Line("061512\t24\tNon-Exempt", 2)]
    out, headers = label_rows(lines)
    assert [line.text for line in out] == [
        "Class Code\tPay Grade\tFLSA",
        "Class Code: 061512",
        "Pay Grade: 24",
        "FLSA: Non-Exempt",
    ]
    assert headers == {1}


def test_labels_run_together_on_one_line_are_cut_apart() -> None:
    assert _texts(["Date Established: 10/01/2008 Last Revised: 02/14/2023"]) == [
        "Date Established: 10/01/2008",
        "Last Revised: 02/14/2023",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Class Code  1794. . . . . . . . . . 04-01-16",  # a bulletin's dotted footer: not a table
        "Duties\tResponsibilities",  # section names, not labels
        "Plans and assigns work.  Reviews reports.",  # sentences, not cells
        "Revised: 03/2021 \u00b7 Vermont is an equal opportunity employer.",
    ],
)
def test_lines_that_are_not_header_tables_are_left_as_they_are(text: str) -> None:
    assert _texts([text]) == [text]


def test_dollars_are_us_dollars_unless_the_document_places_itself_elsewhere() -> None:
    assert document_currency("Salary: $50,000 - $60,000 annually. AutoCAD and CAD drafting.") == "USD"
    assert document_currency("Ontario, California. Salary $50,000") == "USD"
    # A province and a city: a posting of the Ontario Public Service.
    assert document_currency("Area: Ontario Digital Service\nLocation: Toronto\nSalary: $74,877") == "CAD"
    assert document_currency("$38.52 per hour. CUPE Local 1845. Valid British Columbia licence.") == "CAD"
    assert document_currency("$92,455 per annum plus superannuation, Shire Council") == "AUD"
    assert document_currency("NZ$98,500 per annum") == "NZD"
    [pounds] = salary_ranges("\u00a329,269 - \u00a332,076 per annum")
    assert (pounds["min"], pounds["max"], pounds["period"], pounds["currency"]) == (
        29269,
        32076,
        "year",
        "GBP",
    )
    [nz] = salary_ranges("Band 14: NZ$98,500 - NZ$115,900 per annum", dollar="NZD")
    assert (nz["min"], nz["max"], nz["currency"]) == (98500, 115900, "NZD")


def test_day_first_dates_are_read_where_they_can_only_be_day_first() -> None:
    assert iso_date("14/02/2024") == "2024-02-14"
    assert iso_date("02/14/2023") == "2023-02-14"
    assert iso_date("04/05/2023") == "2023-04-05"  # ambiguous: the US reading stands


def test_licence_exam_and_deadline_wordings_of_other_countries_and_postings() -> None:
    assert drivers_license("Full UK driving licence and access to a vehicle.") == "required"
    assert drivers_license("Current Victorian driver's licence.") == "required"
    assert (
        drivers_license("Some positions may require a valid New York State\ndriver's license.")
        == "may_be_required"
    )
    assert drivers_license("Knowledge of driving licence rules.") is None
    assert exam_types("Exam Type: Open Competitive") == ["open_competitive"]
    assert application_deadline("Apply by: March 24, 2025") == "2025-03-24"


def test_the_work_is_sedentary() -> None:
    assert strength("The work is sedentary. Some walking is required.") == "sedentary"
    assert strength("The work requires judgment.") is None


def test_a_federal_position_description_reads_its_weighted_duties_and_factors() -> None:
    text = (
        "POSITION DESCRIPTION\n\nPosition Title: Budget Analyst\nFLSA Determination: Exempt\n\n"
        "MAJOR DUTIES\n\nBudget Formulation (40%)\n"
        "Develops budget estimates for assigned programs for the budget year and out-years, based\n"
        "on analysis of program plans. Prepares narrative justifications and exhibits for the budget.\n\n"
        "Budget Execution (60%)\n"
        "Monitors obligations and expenditures against approved funding levels and recommends the\n"
        "reprogramming of funds.\n\n"
        "FACTOR 1. KNOWLEDGE REQUIRED BY THE POSITION (FL 1-7, 1250 points)\n"
        "Knowledge of budgetary principles, concepts and methods.\n\n"
        "FACTOR 8. PHYSICAL DEMANDS (FL 8-1, 5 points)\nThe work is sedentary.\n"
    )
    [spec] = parse_text(text)
    assert spec.title == "Budget Analyst"
    assert spec.flsa_status == "exempt"
    assert [d.category for d in spec.duties] == ["Budget Formulation (40%)", "Budget Execution (60%)"]
    assert spec.duties[1].text.endswith("recommends the reprogramming of funds.")
    assert [k.text for k in spec.knowledge] == ["Knowledge of budgetary principles, concepts and methods."]
    assert spec.physical_demands.strength == "sedentary"
    assert any("1250 points" in section.text for section in spec.other_sections)


def test_person_specification_criteria_feed_knowledge_and_abilities() -> None:
    text = (
        "Job title: Housing Officer\n\nKey responsibilities\n- Manage a caseload of tenancies.\n\n"
        "Person specification\n- At least two years' experience in housing.\n"
        "- Knowledge of housing law.\n- Demonstrated ability to manage a caseload.\n"
    )
    [spec] = parse_text(text)
    assert [k.text for k in spec.knowledge] == ["Knowledge of housing law."]
    assert [(a.text, a.level) for a in spec.abilities] == [
        ("Demonstrated ability to manage a caseload.", "demonstrated")
    ]
    assert spec.minimum_qualifications.min_experience_months == 24


def test_probation_called_an_introductory_period_or_counted_in_days() -> None:
    from classspec.normalize.bulletin import probation_months

    assert probation_months("New employees serve a 90-day introductory period.") == 3
    assert probation_months("a six-month probationary period") == 6
    assert probation_months("during the trial period") is None


def test_labels_job_descriptions_and_commonwealth_classifications_use() -> None:
    from classspec.parsers.generic.labels import label_line

    def fields(text: str) -> dict[str, str] | None:
        labels = label_line(Line(text, 1))
        return None if labels is None else {label.field: label.value.text for label in labels}

    assert fields("Job Description: Registered Nurse II") == {"title": "Registered Nurse II"}
    assert fields("Classification: PM-04") == {"pay_grade": "PM-04"}
    assert fields("Classification:  Administrative Officer R24") == {
        "pay_grade": "R24",
        "taxonomy.classification": "Administrative Officer R24",
    }
    assert fields("Classification: Competitive") is None  # no grade: left as text
    assert fields("Position Number: PLN-112") == {"class_code": "PLN-112"}


def test_column_labels_run_together_by_a_pdf_are_told_apart() -> None:
    lines = [
        Line("Class Title Class Code\tSalary Range\tFLSA", 4, 1),
        Line("Electrician\tE-2210\t$39.12 - $47.55 per hour\tNon-Exempt", 5, 1),
    ]
    out, headers = label_rows(lines)
    assert [line.text for line in out[1:]] == [
        "Class Title: Electrician",
        "Class Code: E-2210",
        "Salary Range: $39.12 - $47.55 per hour",
        "FLSA: Non-Exempt",
    ]
    assert headers == {4}


def test_a_salary_column_of_a_header_table_is_the_salary() -> None:
    text = (
        "Class Title\tClass Code\tSalary Range\n"
        "Electrician\tE-2210\t$39.12 - $47.55 per hour\n\nDEFINITION\nWires things.\n"
    )
    [spec] = parse_text(text)
    assert (spec.title, spec.class_code) == ("Electrician", "E-2210")
    assert [(s.min, s.max, s.period) for s in spec.salary] == [(39.12, 47.55, "hour")]


def test_revision_lines_page_headers_and_preferred_clauses() -> None:
    text = (
        "Clearwater Water District\n\nMaintenance Mechanic II - Job Code 3340\n\n"
        "Summary\nRepairs pumps.\n\n"
        "Minimum Qualifications\nAssociate degree in engineering; a bachelor's degree is preferred.\n\n"
        "Revised 04/2022. The District is an equal opportunity employer.\n"
    )
    [spec] = parse_text(text)
    assert (spec.title, spec.class_code) == ("Maintenance Mechanic II", "3340")
    assert spec.dates.revised == "2022-04"
    assert spec.minimum_qualifications.min_education == "associate"
    # The words after the date on its line are kept, under the label.
    assert ("Revised", "04/2022. The District is an equal opportunity employer") in [
        (s.heading, s.text) for s in spec.other_sections
    ]
