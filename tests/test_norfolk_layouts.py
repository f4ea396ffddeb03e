"""City of Norfolk specs as Norfolk publishes them (issue 16), read through the
installed CLI: the current layout (code header, CSC Adopted/Revised dates, a wrapped
title, BRIEF DESCRIPTION with its text on the same line) and the 2001 layout (no
BRIEF DESCRIPTION heading, a Department line, the duty table headed "Strength Code |
ESSENTIAL FUNCTIONS" with rows as pdftotext -layout prints them); each as text and as
the PDF LibreOffice renders from it."""

from __future__ import annotations

import json

import pytest

from classspec import parse_text
from classspec.detect import detect
from classspec.readers import read_path
from cli_helpers import run
from conftest import REPO

CASES = REPO / "tests" / "templates" / "norfolk"
SUMMARY_START = "Oversees the day to day operations of a call center"
DUTY_STARTS = (
    "Oversees and evaluates",
    "Measures and provides",
    "Assists in the design",
    "Offers suggestions",
)


def parsed(classspec_bin: str, name: str, *options: str) -> dict:
    result = run(classspec_bin, "parse", CASES / name, "-f", "jsonl", *options)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    return json.loads(line)


LAYOUTS = [
    ("current-layout", {"established": "2004-03", "revised": "2019-08"}, None),
    ("layout-2001", {"established": "2001-09", "revised": None}, "Utilities"),
]


@pytest.mark.parametrize(
    ("name", "options", "dates", "department"),
    [(f"{stem}.txt", (), dates, department) for stem, dates, department in LAYOUTS]
    # the same, rendered to PDF by LibreOffice and read back by each PDF engine
    + [
        (f"{stem}.pdf", ("--pdf-engine", engine), dates, department)
        for stem, dates, department in LAYOUTS
        for engine in ("pdfium", "pdfplumber")
    ],
)
def test_layout_facts(classspec_bin, name, options, dates, department):
    record = parsed(classspec_bin, name, *options)
    assert record["source"]["parser"] == "norfolk"
    assert record["class_code"] == "200407"
    assert record["title"] == "Customer Service Supervisor"
    assert {k: record["dates"][k] for k in dates} == dates
    assert record["summary"].startswith(SUMMARY_START)
    assert record["taxonomy"].get("department") == department
    assert len(record["duties"]) == len(DUTY_STARTS)
    assert all(d["text"].startswith(s) for d, s in zip(record["duties"], DUTY_STARTS, strict=True))
    assert {d["physical_strength"] for d in record["duties"]} == {"light"}
    # the wrapped rows are whole: the first duty ends where the seed's does
    assert record["duties"][0]["text"].endswith("and enhanced customer satisfaction.")
    assert record["minimum_qualifications"]["experience"]
    assert record["warnings"] == []


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("name", ["current-layout.pdf", "layout-2001.pdf"])
def test_pdf_detected_as_norfolk(name, engine):
    found = detect(read_path(CASES / name, pdf_engine=engine))
    assert (found.parser, found.confidence >= 0.9) == ("norfolk", True)


def test_title_wrap_joins_only_title_words():
    text = (
        "Class Title: Assistant Fire\nMarshal\n\n"
        "BRIEF DESCRIPTION OF THE CLASSIFICATION: Leads fire inspections.\n"
    )
    (record,) = parse_text(text, parser="norfolk")
    assert record.title == "Assistant Fire Marshal"
    assert record.summary == "Leads fire inspections."


def test_heading_and_strength_code_header_both_present():
    text = (
        "Class Title: Customer Service Supervisor\n\nLeads the call center.\n\nESSENTIAL FUNCTIONS:\n\n"
        "        Strength Code     ESSENTIAL FUNCTIONS\n"
        "1       S                 Oversees the operations of the\n"
        "                          call center.\n"
        "2       M                 Moves files.\n"
    )
    (record,) = parse_text(text, parser="norfolk")
    assert [(d.text, d.physical_strength) for d in record.duties] == [
        ("Oversees the operations of the call center.", "sedentary"),
        ("Moves files.", "medium"),
    ]
    assert record.summary == "Leads the call center."


def test_missing_summary_and_duties_are_warned():
    text = "Class Title: Customer Service Supervisor\n\nCLASS REQUIREMENTS:\n"
    (record,) = parse_text(text, parser="norfolk")
    assert any("no summary" in w for w in record.warnings)
    assert any("no duties" in w for w in record.warnings)


def test_header_variants_a_pdf_may_give():
    text = (
        "City of Norfolk, Virginia\n"
        "Classification Specification 200407\n"
        "CSC Adopted: 03/2004 CSC Revised: June 2012; August 2019\n"
        "Class Title: Water and Sewer\n"
        "and Maintenance Supervisor\n\n"
        "BRIEF DESCRIPTION OF THE CLASSIFICATION: Leads the crews.\n\n"
        "ESSENTIAL FUNCTIONS:\n"
        "        Strength Code     ESSENTIAL FUNCTIONS\n"
        "1       M                 Leads the maintenance\n"
        "Page 1 of 2\n"
        "City of Norfolk, Virginia Classification Specification 200407\n"
        "                          crews on every shift.\n"
    )
    (record,) = parse_text(text, parser="norfolk")
    assert record.class_code == "200407"
    assert (record.dates.established, record.dates.revised) == ("2004-03", "2019-08")
    assert record.title == "Water and Sewer and Maintenance Supervisor"
    # page furniture inside a wrapped row is not part of the duty
    assert [d.text for d in record.duties] == ["Leads the maintenance crews on every shift."]


def test_summary_before_the_title_without_heading():
    text = (
        "City of Norfolk, Virginia Classification Specification 200407\n"
        "Adopted: September 2001, Revised: ____\n\n"
        "Oversees the day to day operations of a call center, assuring that customers enjoy a positive"
        " interaction.\n\n"
        "Class Title: Customer Service Supervisor\n\n"
        "ESSENTIAL FUNCTIONS:\n"
        "1       L                 Oversees the call center.\n"
    )
    (record,) = parse_text(text, parser="norfolk")
    assert record.summary.startswith("Oversees the day to day operations")
    assert (record.title, record.dates.established, record.dates.revised) == (
        "Customer Service Supervisor",
        "2001-09",
        None,
    )
    assert record.warnings == []
