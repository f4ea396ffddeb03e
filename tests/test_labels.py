"""Identity and labelled fields of unknown templates (parsers/generic/labels.py)."""

from __future__ import annotations

import pytest

from classspec.document import Line, lines_from_text
from classspec.parsers.generic.labels import footer, label_line
from classspec.parsers.generic.titles import choose_title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay Level: 10", [("pay_grade", "10")]),
        ("Pay Grade: EP17", [("pay_grade", "EP17")]),
        ("FLSA Non-Exempt", [("flsa_status", "non_exempt")]),
        ("FLSA: 2E", [("flsa_status", "exempt")]),
        ("Job Family: Public Safety", [("taxonomy.job_family", "Public Safety")]),
        (
            "Union Code: PR   Variable Entry: Y",
            [("taxonomy.union_code", "PR"), ("taxonomy.variable_entry", "Y")],
        ),
        ("Class Code:       1119", [("class_code", "1119")]),
        ("Job Code 2108", [("class_code", "2108")]),
        (
            "Class Title: WATER PLANT OPERATOR II\tClass No. 4410",
            [("title", "Water Plant Operator II"), ("class_code", "4410")],
        ),
        (
            "Bargaining Unit: 21   FLSA Non-Exempt",
            [("taxonomy.bargaining_unit", "21"), ("flsa_status", "non_exempt")],
        ),
    ],
)
def test_labelled_lines(text, expected):
    labels = label_line(Line(text, 1))
    assert [(label.field, label.value.text) for label in labels] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grade: Bachelor's degree",  # a grade has a digit
        "Salary Range: $55,332 to $80,930",  # salary, not a grade
        "Open Date: 07-27-18",  # no field takes it: left to the sections
        "Knowledge of: budgeting; accounting",
        "The incumbent must possess a valid license: Class C.",
    ],
)
def test_lines_that_are_not_labelled_fields(text):
    assert label_line(Line(text, 1)) is None


def test_footers():
    found = footer(Line("Assistant Sheriff (Class No. 000265)          Union Code: NE", 9))
    assert (found.title.text, found.code.text) == ("Assistant Sheriff", "000265")
    assert [(label.field, label.value.text) for label in found.labels] == [("taxonomy.union_code", "NE")]
    assert footer(Line("END OF JOB CLASS SPECIFICATION - 1A11", 3)).code.text == "1A11"
    series = "The complete Deputy series includes: Deputy I (Class No. 001), Deputy II (Class No. 002)"
    assert footer(Line(series, 1)) is None
    # A Word page header's title and code, in any case the regex accepts.
    for header in ("Maintenance Mechanic II - Job Code 3340", "Maintenance Mechanic II - job code 3340"):
        found = footer(Line(header, 1))
        assert (found.title.text, found.code.text) == ("Maintenance Mechanic II", "3340")


def test_title_is_the_line_above_the_code_not_the_letterhead_or_navigation():
    lines = lines_from_text(
        "Skip to main content\nCAMPUS INTERVIEWS ONLY\nARCHITECTURAL ASSOCIATE\nClass Code: 7926"
    )
    assert [ln.text for ln in choose_title(lines, "7926", 4)] == ["ARCHITECTURAL ASSOCIATE"]
    broken = lines_from_text("BUILDING CONSTRUCTION AND MAINTENANCE\nSUPERINTENDENT\nClass Code: 3124")
    assert [ln.text for ln in choose_title(broken, "3124", 3)] == [
        "BUILDING CONSTRUCTION AND MAINTENANCE",
        "SUPERINTENDENT",
    ]
    named = lines_from_text(
        "City of Springfield\nHuman Resources\nFire Apparatus Engineer (1077)\nOther Title"
    )
    assert [ln.text for ln in choose_title(named, "1077", None)] == ["Fire Apparatus Engineer (1077)"]
