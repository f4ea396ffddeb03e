"""City of Chicago DHR template: the seed, plus variants real Chicago specs show."""

from __future__ import annotations

import pytest

from classspec import parse_file, parse_text
from conftest import SEEDS

SEED = SEEDS / "chicago-7401-customer-services-supervisor.txt"


@pytest.fixture(scope="module")
def spec():
    (record,) = parse_file(SEED)
    return record


def test_header_fields(spec):
    assert spec.source.parser == "chicago"
    assert spec.jurisdiction.id == "chicago-il"
    assert spec.class_code == "7401"
    assert spec.title == "Customer Services Supervisor"
    assert spec.series == "Parking Attendance"
    assert spec.taxonomy == {
        "family": "Clerical and Office Administration",
        "service": "Operation and Construction",
        "group": "River, Harbor, and Transportation",
    }
    assert spec.dates.revised == "2022-03"


def test_summary(spec):
    assert spec.summary.startswith("Under general supervision, coordinates customer service activities")


def test_duties_grouped_by_department(spec):
    categories = [d.category for d in spec.duties]
    assert categories.count("Chicago Department of Aviation") == 6
    # 12 Finance duties, one of them after a page-break blank line.
    assert categories.count("Department of Finance") == 12
    assert spec.duties[-1].text.startswith("Processes and reviews refund requests")
    assert all(d.essential for d in spec.duties)


def test_knowledge_levels_and_entry_marks(spec):
    considerable = [k for k in spec.knowledge if k.level == "considerable"]
    some = [k for k in spec.knowledge if k.level == "some"]
    assert len(considerable) == 4 and len(some) == 1
    assert [k.required_at_entry for k in considerable] == [True, True, True, False]
    assert considerable[3].text == "basic arithmetic calculations"
    unlevelled = [k for k in spec.knowledge if k.level is None]
    assert [k.text for k in unlevelled] == [
        "Knowledge of applicable City and department policies, procedures, rules, and regulations"
    ]


def test_named_skills_abilities_and_other_requirements(spec):
    assert [s.name for s in spec.skills] == [
        "Active Learning",
        "Active Listening",
        "Monitoring",
        "Service Orientation",
        "Social Perceptiveness",
        "Mathematics",
    ]
    assert spec.skills[0].text.startswith("Understand the implications")
    assert spec.skills[-1].required_at_entry is False
    assert [a.name for a in spec.abilities] == [
        "Comprehend Oral Information",
        "Speak",
        "Comprehend Written Information",
        "Write",
    ]
    assert [o.name for o in spec.other_requirements] == ["Initiative", "Cooperation", "Dependability"]


def test_qualifications_conditions_equipment(spec):
    mq = spec.minimum_qualifications
    assert mq.experience == [
        "Three years of customer service experience; or an equivalent combination of education, "
        "training, and experience"
    ]
    assert mq.min_experience_months == 36
    assert mq.licenses == [
        "Positions located in the Department of Aviation may require a State of Illinois driver's license"
    ]
    assert spec.working_conditions == ["General office environment", "Airport facility"]
    assert len(spec.equipment) == 2
    assert spec.physical_demands.text == "No specific requirements"


def test_closing_paragraphs_are_kept(spec):
    texts = " ".join(s.text for s in spec.other_sections)
    assert "must demonstrate commitment to and compliance" in texts
    assert "equivalent foreign degrees" in texts


VARIANT = """\
Code: 0301
Family: Administrative Services
Service: Administrative and Clerical
Group: Administrative Support
Series: Management Analysis

CLASS TITLE: SENIOR MANAGEMENT ANALYST II

CHARACTERISTICS OF THE CLASS
Under direction, performs complex analyses of department operations.

ESSENTIAL DUTIES
- Analyzes operations and recommends improvements
- Prepares reports

MINIMUM QUALIFICATIONS
Education, Training, and Experience
- Graduation from an accredited college or university with a Bachelor's degree, plus two years of
analytical experience

KNOWLEDGE, SKILLS, ABILITIES, AND OTHER WORK REQUIREMENTS
Knowledge
Thorough knowledge of:
- *principles of management analysis
* May be required at entry.
City of Chicago
Department of Human Resources
September, 2019
"""


def test_variant_without_department_groups_and_wrapped_item():
    (spec,) = parse_text(VARIANT)
    assert spec.source.parser == "chicago"
    assert spec.title == "Senior Management Analyst II"
    assert [d.category for d in spec.duties] == [None, None]
    assert spec.minimum_qualifications.experience[0].endswith("two years of analytical experience")
    assert spec.minimum_qualifications.min_education == "bachelor"
    assert spec.minimum_qualifications.min_experience_months == 24
    assert spec.knowledge[0].level == "thorough"
    assert spec.knowledge[0].required_at_entry is True
    assert spec.dates.revised == "2019-09"
