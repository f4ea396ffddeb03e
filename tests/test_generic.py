"""The generic parser on the three county specs in the hosted-platform layout
(shared/corpus/other), on the lexicon's heading variants, and on a series.

The counts below were made by hand from the documents."""

from __future__ import annotations

import pytest

from classspec.api import parse_bytes, parse_file, parse_text
from classspec.parsers import get_parser
from classspec.readers import read_path
from conftest import OTHER_CORPUS
from line_coverage import measure, output_blob, squash

SAN_BERNARDINO = OTHER_CORPUS / "sanbernardino-county-ca-01410-assistant-district-attorney.txt"
SAN_DIEGO = OTHER_CORPUS / "sandiego-county-ca-0265-assistant-sheriff.txt"
VENTURA = OTHER_CORPUS / "ventura-county-ca-09111-apcd-public-information-specialist.txt"


def _one(path):
    records = parse_file(path)
    assert len(records) == 1
    assert records[0].source.parser == "generic"
    return records[0]


@pytest.mark.corpus("other")
def test_san_bernardino_assistant_district_attorney():
    spec = _one(SAN_BERNARDINO)
    assert spec.summary.startswith("Under general administrative direction, assist the District Attorney")
    assert len(spec.distinguishing_features) == 1
    assert len(spec.duties) == 12
    assert spec.duties[0].text.startswith("Direct operations and supervise a large staff")
    assert spec.duties[11].text == "Provide vacation and temporary relief as required."
    # "Examples of Duties" does not say they are essential.
    assert all(d.category is None and d.essential is None for d in spec.duties)
    assert spec.pay_grade == "97B"
    # "Representation Unit: Exempt" is a bargaining unit, not the FLSA status.
    assert spec.flsa_status is None
    assert spec.taxonomy == {"representation_unit": "Exempt"}
    # No code and no title in the text (the file name has them; names are not read).
    assert spec.class_code is None
    assert spec.title is None
    assert "no class title found in the text" in spec.warnings
    assert spec.jurisdiction is None
    headings = [s.heading for s in spec.other_sections]
    assert "Supplemental Information" in headings


@pytest.mark.corpus("other")
def test_san_diego_assistant_sheriff():
    spec = _one(SAN_DIEGO)
    assert spec.title == "Assistant Sheriff"
    assert spec.class_code == "000265"
    assert spec.taxonomy == {"union_code": "NE"}
    assert spec.jurisdiction.model_dump() == {
        "id": "san-diego-county-ca",
        "name": "County of San Diego",
        "state": "CA",
    }
    assert spec.summary.startswith("To assist in developing department policies")
    assert len(spec.duties) == 16
    plain = [d for d in spec.duties if d.category is None]
    assert len(plain) == 7
    assert plain[0].text.startswith("Plans, organizes, staffs")
    categories = [d.category for d in spec.duties if d.category]
    assert (
        categories
        == [
            "Assistant Sheriff – Law Enforcement Services",
        ]
        * 3
        + ["Assistant Sheriff – Detention Facility Services"] * 3
        + ["Assistant Sheriff – Administrative Services"] * 3
    )
    assert len(spec.knowledge) == 13
    assert spec.knowledge[0].text == "Local law enforcement agencies in San Diego County"
    assert spec.knowledge[-1].text == "General Management System (GMS) in principle and in practice"
    assert len(spec.abilities) == 14
    assert (
        spec.abilities[0].text == "Plan, organize and direct the activities of a large law enforcement agency"
    )
    quals = spec.minimum_qualifications
    assert quals.min_education == "associate"
    assert quals.min_experience_months == 60
    assert len(quals.experience) == 3
    assert any("POST" in lic for lic in quals.licenses)
    assert spec.working_conditions == ["Office environment; exposure to computer screens."]
    assert spec.physical_demands.text.startswith("The physical characteristics described here")
    assert spec.physical_demands.strength == "sedentary"  # lifting files up to 10 pounds
    # The probationary period section states no length.
    assert spec.probation_months is None
    headings = {s.heading for s in spec.other_sections}
    assert {
        "CORE VALUES",
        "LEADERSHIP COMPETENCIES",
        "Background Investigation",
        "PROBATIONARY PERIOD",
    } <= headings
    assert not any(s.text.strip() in (".", ":") for s in spec.other_sections)


@pytest.mark.corpus("other")
def test_ventura_apcd_public_information_specialist():
    spec = _one(VENTURA)
    assert spec.title is None and spec.class_code is None
    assert len(spec.duties) == 9
    assert spec.duties[-1].text == "Assists in obtaining funding for public information projects."
    assert [(k.level, k.text) for k in spec.knowledge] == [
        ("some", "basic research techniques, methods, and procedures"),
        ("some", "federal, state, and local government organization"),
        ("some", "curriculum development"),
        ("working", "layout, printing display, and photography"),
        ("thorough", "written and oral communication"),
    ]
    assert [a.level for a in spec.abilities] == ["working"] * 4
    assert (
        spec.abilities[0].text
        == "understand, interpret, and present orally and in writing, technical data reports"
    )
    assert spec.abilities[3].text.startswith("establish and maintain effective working relationships")
    quals = spec.minimum_qualifications
    assert quals.min_education == "bachelor"
    # "One year ... is desirable" is not required: two years, not three.
    assert quals.min_experience_months == 24
    assert quals.licenses == ["Must possess and maintain a valid California driver license."]
    assert spec.physical_demands.strength == "medium"  # occasional lifting up to 40 pounds
    assert "Examples Of Duties" in [s.heading for s in spec.other_sections]


@pytest.mark.parametrize("path", [SAN_BERNARDINO, SAN_DIEGO, VENTURA], ids=lambda p: p.name.split("-")[0])
@pytest.mark.corpus("other")
def test_county_specs_drop_nothing(path):
    doc = read_path(path)
    records, coverage = measure(doc, get_parser("generic").parse(doc))
    blob = output_blob(records)
    # The measure looks for each line whole; a "Some knowledge of: a; b; c" line lands
    # as separate items (with the degree in `level`), so check its parts one by one.
    dropped = [
        ln.text
        for ln in coverage.dropped
        if ":" not in ln.text
        or not all(squash(part) in blob for part in ln.text.partition(":")[2].split(";"))
    ]
    assert dropped == []


def test_title_and_code_labels_and_inline_lists():
    text = """City of Springfield, IL
Class Title: WATER PLANT OPERATOR II
Class Code: 4410
FLSA Status: Non-Exempt
Probationary Period: six (6) months

Nature of Work:
Operates a water treatment plant on an assigned shift.

Essential Duties
- Monitors pumps and chemical feed.
- Takes water samples.
.
Knowledge of: water treatment processes; safety rules; and plant equipment.
Ability to: read gauges; keep records.
Pay Grade: W12
"""
    (spec,) = parse_text(text, parser="generic")
    assert spec.title == "Water Plant Operator II"
    assert spec.class_code == "4410"
    assert spec.flsa_status == "non_exempt"
    assert spec.probation_months == 6
    assert spec.pay_grade == "W12"
    assert spec.summary == "Operates a water treatment plant on an assigned shift."
    assert [d.text for d in spec.duties] == ["Monitors pumps and chemical feed.", "Takes water samples."]
    assert [k.text for k in spec.knowledge] == [
        "water treatment processes",
        "safety rules",
        "plant equipment",
    ]
    assert [a.text for a in spec.abilities] == ["read gauges", "keep records"]
    assert spec.jurisdiction.model_dump() == {
        "id": "springfield-il",
        "name": "City of Springfield",
        "state": "IL",
    }


def test_unknown_heading_in_capitals_is_kept_under_its_heading():
    text = (
        "Class Title: Clerk\n\nDefinition\nFiles records.\n\n"
        "SUPERVISORY CONTROLS\nWorks under close supervision.\n"
    )
    (spec,) = parse_text(text, parser="generic")
    assert spec.summary == "Files records."
    assert [(s.heading, s.text) for s in spec.other_sections] == [
        ("SUPERVISORY CONTROLS", "Works under close supervision.")
    ]


SERIES = """ACCOUNTANT SERIES

Definition
Performs professional accounting work for County departments.

Accountant I
A1101
Entry level: learns the County's accounting systems under close supervision.
Examples of Duties
1. Prepares journal entries.
2. Reconciles accounts.

Accountant II
A1102
Journey level: performs the full range of accounting work independently.
Examples of Duties
1. Prepares financial statements.
2. Reviews the work of Accountant I staff.
3. Audits departmental records.

Minimum Qualifications
A bachelor's degree in accounting.
"""


def test_a_series_gives_one_record_per_level_with_shared_text():
    records = parse_text(SERIES, parser="generic")
    assert [(r.title, r.level, r.class_code) for r in records] == [
        ("Accountant I", "I", "A1101"),
        ("Accountant II", "II", "A1102"),
    ]
    first, second = records
    assert first.series == second.series == "Accountant Series"
    shared = "Performs professional accounting work for County departments."
    assert (
        first.summary
        == shared + "\n\nEntry level: learns the County's accounting systems under close supervision."
    )
    assert second.summary.startswith(shared + "\n\nJourney level:")
    assert [d.text for d in first.duties] == ["Prepares journal entries.", "Reconciles accounts."]
    assert len(second.duties) == 3
    assert first.minimum_qualifications.min_education == "bachelor"
    assert second.minimum_qualifications.min_education == "bachelor"


COUNTY_SERIES = "\n".join(
    [
        "Probation Officer I/II",
        "",
        "Bargaining Unit: 21   FLSA Non-Exempt",
        "Pay Level: 10",
        "Job Family: Public Safety",
        "",
        "DEFINITION",
        "Under supervision, investigates and supervises adult and juvenile offenders.",
        "",
        (
            "The complete Probation Officer series includes: Assistant Probation Officer "
            "(Class No. 004711), Associate Probation Officer (Class No. 004712) and Senior "
            "Probation Officer (Class No. 004713)."
        ),
        "",
        "EXAMPLES OF DUTIES",
        (
            "The examples of functions listed in this class specification are representative "
            "but not necessarily exhaustive or descriptive of any one position in the class."
        ),
        "Trainee/I",
        "- Interviews offenders and their families.",
        "- Prepares pre-sentence reports.",
        (
            "Reasonable accommodations may be made to enable individuals with disabilities to "
            "perform the essential functions."
        ),
        "",
        "MINIMUM QUALIFICATIONS",
        (
            "Either (1) a bachelor's degree in criminal justice, or (2) four years of "
            "experience in corrections."
        ),
        "",
        "SPECIAL PERSONAL CHARACTERISTICS",
        "Knowledge of:",
        "Principles of case management.",
        "Community resources.",
        "Ability to:",
        "Write clear reports.",
        "",
        "Probation Officer I (Class No. 004710)   Union Code: PR   Variable Entry: Y",
        "",
    ]
)


def test_county_conventions_labels_boilerplate_and_series_lists():
    (spec,) = parse_text(COUNTY_SERIES, parser="generic")
    # The footer names the class; the series list inside the text never does.
    assert spec.title == "Probation Officer I"
    assert spec.class_code == "004710"
    assert spec.flsa_status == "non_exempt"
    assert spec.pay_grade == "10"
    assert spec.taxonomy == {
        "bargaining_unit": "21",
        "job_family": "Public Safety",
        "union_code": "PR",
        "variable_entry": "Y",
    }
    assert [d.text for d in spec.duties] == [
        "Interviews offenders and their families.",
        "Prepares pre-sentence reports.",
    ]
    # "Examples of duties" does not say whether they are essential.
    assert all(d.essential is None for d in spec.duties)
    notices = " ".join(s.text for s in spec.other_sections)
    assert "are representative" in notices and "Reasonable accommodations" in notices
    assert "series includes" in spec.summary  # kept as written, but it named no class
    assert [k.text for k in spec.knowledge] == ["Principles of case management.", "Community resources."]
    assert [a.text for a in spec.abilities] == ["Write clear reports."]
    assert spec.other_requirements == []
    assert spec.minimum_qualifications.min_education == "bachelor"


def test_essential_and_marginal_headings_set_essential():
    text = (
        "Class Title: Clerk\n\nESSENTIAL FUNCTIONS\n- Files records.\n\n"
        "MARGINAL FUNCTIONS\n- Waters plants.\n\nMINIMUM QUALIFICATIONS\nHigh school diploma.\n"
    )
    (spec,) = parse_text(text, parser="generic")
    assert [(d.text, d.essential) for d in spec.duties] == [
        ("Files records.", True),
        ("Waters plants.", False),
    ]


def test_combined_misspelt_and_numbered_headings():
    text = (
        "JOB TITLE: Water Meter Reader\n\n1. DEFINITION\nReads water meters.\n\n"
        "REQUIREMENT/MINIMUM QUALIFICAITON\nSix months of experience reading meters.\n\n"
        "KNOWLEDGES AND ABILITIES\nKnowledge of: meters; routes.\n\n"
        "WHERE TO APPLY\nApply on-line.\n\nSELECTION PROCESS\nAn interview.\n"
    )
    (spec,) = parse_text(text)
    assert spec.source.parser == "generic"
    assert spec.summary == "Reads water meters."
    assert spec.minimum_qualifications.text == "Six months of experience reading meters."
    assert spec.minimum_qualifications.min_experience_months == 6
    assert [k.text for k in spec.knowledge] == ["meters", "routes"]
    assert spec.duties == []
    assert [s.heading for s in spec.other_sections] == ["WHERE TO APPLY", "SELECTION PROCESS"]
    assert "no duties read, although a heading seems to name them" not in spec.warnings


def test_headings_inside_one_long_line_start_sections():
    page = (
        "Class Title: Account Clerk DEFINITION Performs routine accounting work. "
        "EXAMPLES OF DUTIES Posts entries to ledgers and reconciles accounts each month. "
        "MINIMUM QUALIFICATIONS One year of clerical experience. " + "Further text. " * 20
    )
    (spec,) = parse_text(page, parser="generic")
    assert spec.summary == "Performs routine accounting work."
    assert [d.text for d in spec.duties] == ["Posts entries to ledgers and reconciles accounts each month."]
    assert spec.minimum_qualifications.text.startswith("One year of clerical experience.")


def test_empty_fields_are_warned_about():
    text = "Class Title: Clerk\n\nDefinition\nFiles records.\n\nDuties\n\nQualifications\n"
    (spec,) = parse_text(text, parser="generic")
    assert "no duties read, although a heading seems to name them" in spec.warnings
    assert "no minimum qualifications read, although a heading seems to name them" in spec.warnings


def test_letters_and_recipes_are_still_refused():
    from classspec.errors import NotASpecError

    letter = "Dear Ms. Smith,\n\nThank you for your letter.\n\nSummary\nWe will reply soon.\n\nSincerely,\nJo"
    recipe = "Pancakes\n\nIngredients\n2 eggs\n\nDirections\nMix and fry.\n"
    for text in (letter, recipe):
        with pytest.raises(NotASpecError):
            parse_text(text)


MARKDOWN_SPEC = b"""# Senior Gardener

Job code: G-204

## Role purpose

Looks after the borough's parks and open spaces.

## Typical Work

- Plants and prunes trees and shrubs.
- Mows and edges lawns.

## Person specification

- Two years of experience in horticulture.
"""


def test_a_markdown_job_description_from_another_country():
    (spec,) = parse_bytes(MARKDOWN_SPEC, "senior-gardener.md")
    assert spec.source.parser == "generic"
    assert (spec.title, spec.class_code) == ("Senior Gardener", "G-204")
    assert spec.summary == "Looks after the borough's parks and open spaces."
    assert [d.text for d in spec.duties] == ["Plants and prunes trees and shrubs.", "Mows and edges lawns."]
    assert spec.minimum_qualifications.min_experience_months == 24


LEVELLED_DUTIES = """ENGINEERING TECHNICIAN SERIES

Engineering Technician Trainee
Engineering Technician I
Engineering Technician II

DEFINITION
Performs technical engineering work.

EXAMPLES OF DUTIES
Trainee/I
- Learns to draft plans.
- Collects field data.
II
- Reviews plans prepared by others.
"""


def test_a_level_sub_heading_inside_duties_gives_those_duties_to_those_levels_only():
    records = parse_text(LEVELLED_DUTIES, parser="generic")
    assert [(r.title, r.level) for r in records] == [
        ("Engineering Technician Trainee", "Trainee"),
        ("Engineering Technician I", "I"),
        ("Engineering Technician II", "II"),
    ]
    own = [[d.text for d in r.duties] for r in records]
    assert own == [
        ["Learns to draft plans.", "Collects field data."],
        ["Learns to draft plans.", "Collects field data."],
        ["Reviews plans prepared by others."],
    ]
    assert all(d.category is None for r in records for d in r.duties)
    assert all(r.summary == "Performs technical engineering work." for r in records)


MUNICIPAL = """CITY OF RIVERTON
JOB DESCRIPTION

Job Title: Maintenance Worker II          Department: Public Works
FLSA Status: Non-Exempt                   Pay Grade: 12
Reports To: Streets Supervisor

JOB SUMMARY:
Performs semi-skilled maintenance work on city streets, parks and facilities.

ESSENTIAL JOB FUNCTIONS:
1. Operates light and medium equipment such as dump trucks and loaders.
2. Repairs potholes, curbs and sidewalks.

MINIMUM REQUIREMENTS:
High school diploma or GED and two (2) years of maintenance experience.

KNOWLEDGE, SKILLS, AND ABILITIES:
- Knowledge of safe work practices.
- Skill in operating heavy equipment.
- Ability to follow oral and written instructions.

PHYSICAL DEMANDS:
Frequently lifts up to 50 pounds.

WORK ENVIRONMENT:
Exposure to traffic, noise and fumes.
The City of Riverton is an Equal Opportunity Employer.
"""


def test_a_municipal_job_description_of_an_unseen_template():
    (spec,) = parse_text(MUNICIPAL)
    assert spec.source.parser == "generic"
    assert (spec.title, spec.flsa_status, spec.pay_grade) == ("Maintenance Worker II", "non_exempt", "12")
    assert spec.taxonomy == {"department": "Public Works", "reports_to": "Streets Supervisor"}
    assert spec.summary == "Performs semi-skilled maintenance work on city streets, parks and facilities."
    assert [d.essential for d in spec.duties] == [True, True]
    assert spec.minimum_qualifications.min_experience_months == 24
    assert [len(spec.knowledge), len(spec.skills), len(spec.abilities)] == [1, 1, 1]
    assert spec.physical_demands.strength == "medium"
    assert spec.working_conditions == ["Exposure to traffic, noise and fumes."]
    assert any("Equal Opportunity Employer" in s.text for s in spec.other_sections)


def test_documents_with_only_everyday_headings_are_refused():
    from classspec.errors import NotASpecError

    readme = "Overview\nA tool that converts files.\n\nRequirements\nPython 3.10.\n\nTasks\n- Write docs.\n"
    with pytest.raises(NotASpecError):
        parse_text(readme)


def test_a_short_title_case_line_before_a_paragraph_is_a_heading():
    text = (
        "Class Title: Planner\n\nDefinition\nPlans land use for the city and its districts.\n\n"
        "Supervision Received and Exercised\n"
        "Receives general direction from the Planning Manager and supervises interns.\n"
    )
    (spec,) = parse_text(text, parser="generic")
    assert spec.summary == "Plans land use for the city and its districts."
    assert [(s.heading, s.text[:8]) for s in spec.other_sections] == [
        ("Supervision Received and Exercised", "Receives")
    ]
