"""The "Personnel Class Specification" (aptitudes) template: the Chattanooga seed, plus
variants other cities and PDF exports of the same template show."""

from __future__ import annotations

import hashlib

import pytest

from classspec import parse_file, parse_text
from classspec.detect import detect
from classspec.parsers import get_parser
from classspec.parsers.aptitudes import jurisdiction_from_line
from classspec.readers import read_path
from classspec.readers.text import read_text
from conftest import OTHER_CORPUS, SEED_FILES, SEEDS
from line_coverage import measure

SEED = SEEDS / "chattanooga-2108-customer-service-coordinator.txt"


@pytest.fixture(scope="module")
def spec():
    (record,) = parse_file(SEED)
    return record


def test_detected_as_aptitudes(spec):
    assert spec.source.parser == "aptitudes"
    assert detect(read_path(SEED)).confidence >= 0.5


@pytest.mark.parametrize(
    "path", [p for p in SEED_FILES if p != SEED] + sorted(OTHER_CORPUS.glob("*.txt")), ids=lambda p: p.stem
)
def test_other_templates_not_claimed(path):
    assert get_parser("aptitudes").detect(read_path(path)).confidence < 0.5


def test_header_fields(spec):
    assert spec.jurisdiction.model_dump() == {
        "id": "chattanooga-tn",
        "name": "City of Chattanooga",
        "state": "TN",
    }
    assert spec.class_code == "2108"
    assert spec.flsa_status == "non_exempt"
    assert spec.title == "Customer Service Coordinator"
    assert spec.dates.edited == "2002-09"
    assert spec.summary.startswith(
        "The purpose of this classification is to coordinate Call Center operations"
    )
    assert spec.summary.endswith("and researching status of complaints.")


def test_essential_and_additional_duties(spec):
    essential = [d for d in spec.duties if d.essential]
    additional = [d for d in spec.duties if not d.essential]
    assert len(essential) == 15
    assert essential[0].text == (
        "Supervises customer service activities; ensures prompt, friendly, and efficient customer service."
    )
    assert essential[-1].text.startswith("Communicates with director, employees, interns")
    assert [d.text for d in additional] == [
        "Performs general/clerical tasks, which may include making copies, sending/receiving faxes, "
        "filing documentation, or processing incoming/outgoing mail.",
        "Provides assistance to other employees or departments as needed.",
        "Performs other related duties as required.",
    ]


def test_duty_boilerplate_goes_to_other_sections(spec):
    assert not any("normal for this position" in d.text for d in spec.duties)
    boilerplate = [s for s in spec.other_sections if "normal for this position" in s.text]
    assert len(boilerplate) == 1
    assert boilerplate[0].heading == "ESSENTIAL FUNCTIONS"


def test_minimum_qualifications(spec):
    mq = spec.minimum_qualifications
    assert mq.text.startswith("Two years of college coursework or an associate degree")
    assert mq.text.endswith("Must have experience using spreadsheet and word processing software.")
    assert mq.education == [
        "Two years of college coursework or an associate degree with emphasis in business administration"
    ]
    assert mq.experience[0] == (
        "Two years of experience and/or training involving call center operations, customer service, "
        "and/or complaint resolution"
    )
    assert mq.min_education == "some_college"
    assert mq.min_experience_months == 24
    assert mq.licenses == []


def test_performance_aptitudes_are_named_abilities(spec):
    assert [a.name for a in spec.abilities] == [
        "Data Utilization",
        "Human Interaction",
        "Equipment, Machinery, Tools, and Materials Utilization",
        "Verbal Aptitude",
        "Mathematical Aptitude",
        "Functional Reasoning",
        "Situational Reasoning",
    ]
    assert all(a.text.startswith("Requires the ability") for a in spec.abilities)
    # the seed breaks this paragraph across a blank line
    assert spec.abilities[-1].text.endswith("against measurable or verifiable criteria.")


def test_ada_compliance(spec):
    physical = spec.physical_demands
    assert physical.text.startswith("Tasks require the ability to exert light physical effort")
    assert physical.strength == "light"
    (sensory,) = physical.items
    assert sensory.name == "Sensory Requirements"
    assert sensory.note.startswith("Some tasks require the ability to perceive and discriminate visual cues")
    assert spec.working_conditions == [
        "Performance of essential functions may require exposure to adverse environmental conditions, "
        "such as or rude/irate customers."
    ]
    eeo = [s for s in spec.other_sections if "Equal Opportunity Employer" in s.text]
    assert len(eeo) == 1


def test_provenance_points_at_source_lines():
    (record,) = parse_file(SEED, provenance=True)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    title_span = record.provenance["title"][0]
    assert "CUSTOMER SERVICE COORDINATOR" in lines[title_span.line_start - 1]
    last = record.provenance[f"abilities[{len(record.abilities) - 1}]"]
    assert lines[last[-1].line_end - 1] == "verifiable criteria."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("City of Chattanooga, TN", ("chattanooga-tn", "City of Chattanooga", "TN")),
        ("County of Volusia, Florida", ("volusia-county-fl", "County of Volusia", "FL")),
        ("Hamilton County, Tennessee", ("hamilton-county-tn", "Hamilton County", "TN")),
        ("City of Winter Park, FL", ("winter-park-fl", "City of Winter Park", "FL")),
        ("Town of Cary, North Carolina", ("cary-nc", "Town of Cary", "NC")),
        ("Salt Lake City, UT", ("salt-lake-city-ut", "Salt Lake City", "UT")),
    ],
)
def test_jurisdiction_lines(line, expected):
    found = jurisdiction_from_line(line)
    assert (found.id, found.name, found.state) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Chattanooga, Tennessee, is an Equal Opportunity Employer.",
        "City of Norfolk residency required within six (6) months of employment.",
        "Personnel Class Specification",
        "City of Springfield",
    ],
)
def test_lines_that_are_not_jurisdictions(line):
    assert jurisdiction_from_line(line) is None


# Another county's spec in the same template, as a PDF export gives it: page headers
# repeated, paragraphs wrapped without blank lines (some wraps before a capital), the
# title on the line after its label, "FLSA Status:", a license sentence, a heading the
# template does not define, and no ADDITIONAL FUNCTIONS.
PDF_VARIANT = """\
Hamilton County, Tennessee
Personnel Class Specification
Class Code: 5110
FLSA Status: Exempt
CLASSIFICATION TITLE:
EQUIPMENT OPERATOR II
Purpose of Classification
The purpose of this classification is to operate heavy equipment for the County
Highway Department.
ESSENTIAL FUNCTIONS
The following duties are normal for this position. These are not to be construed as
exclusive or all-inclusive. Other duties may be required and assigned.
Operates a motor grader, front-end loader, backhoe, or other heavy equipment used in
County road maintenance projects.
Performs routine maintenance on assigned equipment.
Page 1 of 2
Hamilton County, Tennessee
Personnel Class Specification
MINIMUM QUALIFICATIONS
High school diploma or GED; supplemented by three years of previous experience and/or
training involving operation of heavy equipment; or any equivalent combination of
education, training, and experience. Must possess and maintain a valid Commercial
Driver's License.
PERFORMANCE APTITUDES
DATA UTILIZATION: Requires the ability to compare and/or judge the readily observable
characteristics of data.
SUPPLEMENTAL INFORMATION
Employees in this class are subject to random drug testing.
ADA COMPLIANCE
Physical Ability: Tasks require the ability to exert heavy physical effort in heavy
work.
Environmental Factors: Performance of essential functions may require exposure to
noise, vibration, and extreme temperatures.
Page 2 of 2
Revised: March 2015
"""


@pytest.fixture(scope="module")
def variant():
    (record,) = parse_text(PDF_VARIANT)
    return record


def test_variant_detected_and_header_read(variant):
    assert variant.source.parser == "aptitudes"
    assert variant.jurisdiction.id == "hamilton-county-tn"
    assert variant.class_code == "5110"
    assert variant.flsa_status == "exempt"
    assert variant.title == "Equipment Operator II"
    assert variant.dates.revised == "2015-03"


def test_variant_wrapped_paragraphs_are_mended(variant):
    assert variant.summary == (
        "The purpose of this classification is to operate heavy equipment for the County Highway Department."
    )
    assert [d.text for d in variant.duties] == [
        "Operates a motor grader, front-end loader, backhoe, or other heavy equipment used in "
        "County road maintenance projects.",
        "Performs routine maintenance on assigned equipment.",
    ]
    assert all(d.essential for d in variant.duties)


def test_variant_qualifications_and_license(variant):
    mq = variant.minimum_qualifications
    assert mq.education == ["High school diploma or GED"]
    assert mq.min_education == "high_school"
    assert mq.min_experience_months == 36
    assert mq.licenses == ["Must possess and maintain a valid Commercial Driver's License."]


def test_variant_aptitudes_ada_and_unknown_heading(variant):
    assert [(a.name, a.text[:20]) for a in variant.abilities] == [
        ("Data Utilization", "Requires the ability")
    ]
    assert variant.physical_demands.strength == "heavy"
    assert variant.working_conditions[0].endswith("noise, vibration, and extreme temperatures.")
    supplemental = [s for s in variant.other_sections if s.heading == "SUPPLEMENTAL INFORMATION"]
    assert supplemental[0].text == "Employees in this class are subject to random drug testing."


def test_variant_nothing_dropped():
    data = PDF_VARIANT.encode()
    doc = read_text(data, None, hashlib.sha256(data).hexdigest())
    _, coverage = measure(doc, get_parser("aptitudes").parse(doc))
    assert [ln.text for ln in coverage.dropped] == []


def test_no_jurisdiction_line_warns_instead_of_guessing():
    text = PDF_VARIANT.replace("Hamilton County, Tennessee\n", "")
    (record,) = parse_text(text, parser="aptitudes")
    assert record.jurisdiction is None
    assert any("does not name its city or county" in w for w in record.warnings)
