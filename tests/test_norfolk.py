"""City of Norfolk template: the seed, plus the variants other Norfolk specs and PDF
exports show (cells separated by runs of spaces, wrapped rows, other codes)."""

from __future__ import annotations

import hashlib

import pytest

from classspec import parse_file, parse_text
from classspec.detect import detect
from classspec.parsers import get_parser
from classspec.readers import read_path
from classspec.readers.text import read_text
from conftest import OTHER_CORPUS, SEED_FILES, SEEDS
from line_coverage import measure

SEED = SEEDS / "norfolk-customer-service-supervisor.txt"


@pytest.fixture(scope="module")
def spec():
    (record,) = parse_file(SEED)
    return record


def test_detected_as_norfolk(spec):
    assert spec.source.parser == "norfolk"
    assert detect(read_path(SEED)).confidence >= 0.5


@pytest.mark.parametrize(
    "path", [p for p in SEED_FILES if p != SEED] + sorted(OTHER_CORPUS.glob("*.txt")), ids=lambda p: p.stem
)
def test_other_templates_not_claimed(path):
    assert get_parser("norfolk").detect(read_path(path)).confidence < 0.5


def test_header_fields(spec):
    assert spec.jurisdiction.model_dump() == {"id": "norfolk-va", "name": "City of Norfolk", "state": "VA"}
    assert spec.title == "Customer Service Supervisor"
    assert spec.class_code is None  # the seed has no code: none is made up
    assert spec.summary.startswith("Oversees the day to day operations of a call center")
    assert spec.summary.endswith("employee morale and streamline processes.")


def test_duties_carry_strength_codes(spec):
    assert len(spec.duties) == 4
    assert all(d.physical_strength == "light" and d.essential for d in spec.duties)
    assert spec.duties[0].text.startswith("Oversees and evaluates the operations of subordinate staff")
    assert spec.duties[3].text == (
        "Offers suggestions to management with ideas on how to improve customer interaction, "
        "employee morale and streamline processes."
    )
    intro = [s for s in spec.other_sections if s.text.startswith("This information is intended")]
    assert intro[0].heading == "ESSENTIAL FUNCTIONS"


def test_class_requirements(spec):
    mq = spec.minimum_qualifications
    assert mq.education == [
        "Work requires broad knowledge in a general professional or technical field. Knowledge is "
        "normally acquired through four years of college resulting in a Bachelor's degree or equivalent."
    ]
    assert mq.min_education == "bachelor"
    assert mq.experience == [
        "Five years customer service management or municipal operations management experience."
    ]
    assert mq.min_experience_months == 60
    assert mq.licenses == ["City of Norfolk residency required within six (6) months of employment."]
    named = {r.name: r for r in spec.other_requirements}
    for label in (
        "Reading",
        "Math",
        "Writing",
        "Managerial",
        "Budget Responsibility",
        "Supervisory / Organizational Control",
        "Complexity",
        "Interpersonal / Human Relations Skills",
    ):
        assert named[label].text and named[label].level is None
    assert named["Reading"].text.startswith("Work requires the ability to read memoranda")


def test_physical_demands(spec):
    physical = spec.physical_demands
    assert physical.strength == "light"
    items = {item.name: item for item in physical.items}
    assert len(items) == 20  # the empty 'Other (specify)' row is structure, not a demand
    assert items["Standing"].frequency == "frequently"
    assert items["Standing"].note == "Copier, fax machine, presentations, managing customer service center"
    assert items["Lifting"].frequency == "rarely"
    assert items["Reaching"].frequency == "occasionally"
    assert items["Vision"].frequency == "continuously"
    assert items["Foot Controls"].note == "Driving"
    assert physical.text.startswith("This is a description of the way the job is currently performed")
    legends = [s for s in spec.other_sections if s.text.startswith("S = Sedentary")]
    assert legends and legends[0].heading == "OVERALL PHYSICAL STRENGTH DEMANDS"


def test_environment_and_location(spec):
    conditions = spec.working_conditions
    assert "Fumes and Odors: daily" in conditions
    assert "Mechanical Hazards: never" in conditions
    assert "Physical Danger or Abuse: never" in conditions
    assert "Office Environment" in conditions
    assert not any(c.startswith(("Other", "Warehouse", "Shop")) for c in conditions)
    assert len(conditions) == 14


def test_equipment_split_and_no_protective_equipment(spec):
    assert spec.equipment == [
        "Copy machine",
        "fax machine",
        "telephone",
        "calculator",
        "general office supplies",
        "computer",
        "printer",
        "Standard Windows and Office software",
        "occasionally City Vehicle",
    ]
    assert not any("N/A" in s.text for s in spec.other_sections)


def test_non_physical_demands_are_named_requirements(spec):
    named = {r.name: r for r in spec.other_requirements if r.level}
    assert named["Time Pressures"].level == "frequently"
    assert named["Time Pressures"].text == "Time Pressures: frequently"
    assert named["Working Closely with Others as Part of a Team"].level == "continuously"
    assert named["Noisy/Distracting Environment"].level == "rarely"
    assert len(named) == 8


# A Norfolk spec as PDF text extraction gives it: cells separated by runs of spaces,
# a duty wrapped onto a second line, a medium strength, protective equipment required,
# an FLSA line, a legend-less environmental table and no NON-PHYSICAL DEMANDS section.
PDF_VARIANT = """\
Class Title:   Refuse Collector
FLSA Status: Non-Exempt
BRIEF DESCRIPTION OF THE CLASSIFICATION:
Collects refuse along an assigned route.
ESSENTIAL FUNCTIONS:
         Physical Strength Code    ESSENTIAL FUNCTIONS
1        M     Lifts and empties refuse containers into the collection vehicle; Operates the
               hydraulic packer.
2        H     Loads bulk items and yard waste.
CLASS REQUIREMENTS:
Formal Education / Knowledge     Work requires the ability to read and write. Knowledge is normally
acquired through completion of high school or equivalent.
Experience     One year of manual labor experience.
Reading        Work requires the ability to read route sheets.
OVERALL PHYSICAL STRENGTH DEMANDS:
Sedentary    Light    Medium    X    Heavy    Very Heavy
PHYSICAL DEMANDS:
PHYSICAL DEMANDS    FREQUENCY CODE    DESCRIPTION
Lifting     C     Refuse containers
Walking     F     Along route
Other (specify)     N
MACHINES, TOOLS, EQUIPMENT, AND WORK AIDS:
Refuse truck, hand tools (shovel, rake), radio.
ENVIRONMENTAL FACTORS:
Mechanical Hazards     W     Dirt and Dust     D
Fire Hazards     N     Extreme Temperatures     S
PRIMARY WORK LOCATION
Office Environment     --
Vehicle     X
Outdoors     X
PROTECTIVE EQUIPMENT REQUIRED:
Safety shoes, gloves, reflective vest
"""


@pytest.fixture(scope="module")
def variant():
    (record,) = parse_text(PDF_VARIANT)
    return record


def test_variant_detected_and_header(variant):
    assert variant.source.parser == "norfolk"
    assert variant.title == "Refuse Collector"
    assert variant.flsa_status == "non_exempt"
    assert variant.summary == "Collects refuse along an assigned route."


def test_variant_duties_from_space_separated_rows(variant):
    assert [(d.physical_strength, d.text) for d in variant.duties] == [
        (
            "medium",
            "Lifts and empties refuse containers into the collection vehicle; Operates the hydraulic packer.",
        ),
        ("heavy", "Loads bulk items and yard waste."),
    ]


def test_variant_requirements_with_wrapped_row(variant):
    mq = variant.minimum_qualifications
    assert mq.education[0].endswith("completion of high school or equivalent.")
    assert mq.min_education == "high_school"
    assert mq.min_experience_months == 12
    assert [(r.name, r.text) for r in variant.other_requirements] == [
        ("Reading", "Work requires the ability to read route sheets.")
    ]


def test_variant_demands_environment_location_equipment(variant):
    assert variant.physical_demands.strength == "medium"
    assert [(i.name, i.frequency, i.note) for i in variant.physical_demands.items] == [
        ("Lifting", "continuously", "Refuse containers"),
        ("Walking", "frequently", "Along route"),
    ]
    assert variant.working_conditions == [
        "Mechanical Hazards: several times per week",
        "Dirt and Dust: daily",
        "Fire Hazards: never",
        "Extreme Temperatures: seasonally",
        "Vehicle",
        "Outdoors",
    ]
    assert variant.equipment == [
        "Refuse truck",
        "hand tools (shovel, rake)",
        "radio",
        "Safety shoes",
        "gloves",
        "reflective vest",
    ]


def test_variant_nothing_dropped():
    data = PDF_VARIANT.encode()
    doc = read_text(data, None, hashlib.sha256(data).hexdigest())
    records, coverage = measure(doc, get_parser("norfolk").parse(doc))
    assert [ln.text for ln in coverage.dropped] == []
    assert records[0].other_sections == []


def test_missing_title_warns():
    text = PDF_VARIANT.replace("Class Title:   Refuse Collector\n", "")
    (record,) = parse_text(text, parser="norfolk")
    assert record.title is None
    assert any("Class Title" in w for w in record.warnings)


PDF_SEED = SEEDS.parent / "tests" / "pdf" / "seeds" / "norfolk-customer-service-supervisor.pdf"


def test_pdf_of_the_seed_gives_the_same_fields(spec):
    """Regression: in the PDF, narrow gaps leave a code in its name's cell
    ('Chemical Hazards N') and legends wrap over two lines."""
    (from_pdf,) = parse_file(PDF_SEED)
    for field in ("title", "summary", "duties", "minimum_qualifications", "other_requirements"):
        assert getattr(from_pdf, field) == getattr(spec, field), field
    assert from_pdf.physical_demands == spec.physical_demands
    assert from_pdf.working_conditions == spec.working_conditions
    assert from_pdf.equipment == spec.equipment
