"""Variations a real corpus of the aptitudes template (Chattanooga and the many cities
and counties that use it) and of the Chicago template shows, as hand-made fixtures in
tests/templates/ (issue 16); goldens in tests/test_templates.py."""

from __future__ import annotations

import pytest

from classspec import parse_file, parse_text
from conftest import REPO

TEMPLATES = REPO / "tests" / "templates"


def only(path: str):
    (record,) = parse_file(TEMPLATES / path)
    return record


@pytest.mark.parametrize(
    ("name", "flsa", "dates", "place", "additional"),
    [
        ("no-additional-functions.txt", "exempt", {"edited": "2002-09-12"}, "hamilton-county-tn", 0),
        (
            "flsa-ne-dates.txt",
            "non_exempt",
            {"established": "1998-07-01", "revised": "2002-09-12", "edited": "2015-03-03"},
            "cleveland-tn",
            3,
        ),
        ("non-exempt-page-furniture.txt", "non_exempt", {"edited": "2002-09"}, "chattanooga-tn", 3),
    ],
)
def test_aptitudes_variants(name, flsa, dates, place, additional):
    record = only(f"aptitudes/{name}")
    assert record.source.parser == "aptitudes"
    assert (record.class_code, record.title) == ("2108", "Customer Service Coordinator")
    assert record.flsa_status == flsa
    assert {k: v for k, v in record.dates.model_dump().items() if v} == dates
    assert record.jurisdiction is not None and record.jurisdiction.id == place
    assert sum(d.essential is False for d in record.duties) == additional
    assert sum(d.essential is True for d in record.duties) == 15
    assert len(record.abilities) == 7  # the performance aptitudes
    assert record.warnings == []
    # page furniture is consumed, never text of a section
    assert not any("Page 1 of 2" in s.text for s in record.other_sections)


def test_chicago_without_department_grouping():
    record = only("chicago/no-department-grouping.txt")
    assert len(record.duties) == 18
    assert {d.category for d in record.duties} == {None}
    assert all(d.essential for d in record.duties)
    # several revision dates: the latest is the revision, the earlier kept in the footer
    assert record.dates.revised == "2022-03"
    assert {"heading": "Footer", "text": "Revised: June, 2015"} in [
        s.model_dump() for s in record.other_sections
    ]


def test_chicago_wrapped_items_and_dates_on_one_line():
    record = only("chicago/wrapped-items-several-dates.txt")
    assert record.dates.revised == "2022-03"
    knowledge = [k.text for k in record.knowledge]
    wrapped = (
        "applicable computer software packages and applications (e.g., Microsoft Word, Excel, Outlook email)"
    )
    assert wrapped in knowledge
    assert record.skills[0].name == "Active Learning"
    assert record.skills[0].text.endswith("for both current and future problem-solving and decision-making")
    assert not any(
        s.heading == "Other work requirements" and s.text.startswith("for both")
        for s in record.other_sections
    )


def test_aptitudes_other_labels_of_the_template():
    seed = (REPO / "seeds" / "chattanooga-2108-customer-service-coordinator.txt").read_text(encoding="utf-8")
    text = seed.replace("Class Code 2108", "Job Code: 2108\nPay Grade: 14").replace(
        "Last Edited: September 2002", "Edited: 9/12/2002"
    )
    (record,) = parse_text(text, parser="aptitudes")
    assert (record.class_code, record.pay_grade, record.dates.edited) == ("2108", "14", "2002-09-12")
    assert not any("Pay Grade" in s.text or "Edited" in s.text for s in record.other_sections)
