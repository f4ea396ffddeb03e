"""The ClassSpec model and its published JSON Schema: they agree, and both are strict."""

from __future__ import annotations

import copy
import json
import subprocess
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from classspec.model import SCHEMA_ID, ClassSpec, json_schema
from conftest import REPO

SCHEMA_FILE = REPO / "schemas" / "classspec.schema.json"

VALID: dict[str, Any] = {
    "schema_version": "1.0",
    "jurisdiction": {"id": "chicago-il", "name": "City of Chicago", "state": "IL"},
    "source": {"path": "a.txt", "sha256": "0" * 64, "format": "text", "parser": "chicago", "pages": None},
    "class_code": "7401",
    "title": "Customer Services Supervisor",
    "level": None,
    "series": None,
    "taxonomy": {"family": "Customer Service"},
    "flsa_status": "non_exempt",
    "pay_grade": None,
    "probation_months": 6,
    "summary": "Supervises customer service staff.",
    "distinguishing_features": [],
    "duties": [
        {"text": "Supervises staff.", "category": None, "essential": True, "physical_strength": "light"}
    ],
    "knowledge": [
        {"name": None, "text": "customer service", "level": "considerable", "required_at_entry": True}
    ],
    "skills": [],
    "abilities": [],
    "other_requirements": [],
    "minimum_qualifications": {
        "text": "Three years of experience.",
        "education": [],
        "experience": ["Three years of experience."],
        "licenses": [],
        "min_education": "high_school",
        "min_experience_months": 36,
    },
    "physical_demands": {
        "strength": "light",
        "items": [{"name": "Sitting", "frequency": "frequently", "note": None}],
        "text": None,
    },
    "working_conditions": [],
    "equipment": [],
    "specialties": [],
    "dates": {"established": "1953-03", "revised": "2004-05-01", "effective": None, "edited": "2002"},
    "other_sections": [{"heading": None, "text": "Leftover text."}],
    "warnings": [],
    "provenance": {"title": [{"line_start": 3, "line_end": 3, "page": None}]},
}


def _with(path: str, value: Any) -> dict[str, Any]:
    """VALID with one field (dotted path, list indexes as numbers) replaced."""
    record = copy.deepcopy(VALID)
    *parents, leaf = path.split(".")
    target: Any = record
    for name in parents:
        target = target[int(name)] if name.isdigit() else target[name]
    target[int(leaf) if leaf.isdigit() else leaf] = value
    return record


def _published_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_file_equals_the_model() -> None:
    assert _published_schema() == json_schema(), (
        "schemas/classspec.schema.json has drifted from the model; regenerate it with "
        "`classspec schema > schemas/classspec.schema.json`"
    )


def test_schema_file_is_byte_identical_to_the_schema_command(classspec_bin: str) -> None:
    printed = subprocess.run([classspec_bin, "schema"], capture_output=True, check=True).stdout
    assert printed == SCHEMA_FILE.read_bytes()


def test_schema_names_its_dialect_and_id() -> None:
    schema = _published_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    jsonschema.Draft202012Validator.check_schema(schema)


def test_valid_record_passes_model_and_schema() -> None:
    ClassSpec.model_validate(VALID)
    jsonschema.Draft202012Validator(_published_schema()).validate(VALID)


VALID_1_1: dict[str, Any] = {
    **copy.deepcopy(VALID),
    "schema_version": "1.1",
    "salary": [
        {
            "min": 65646,
            "max": 81536,
            "period": "year",
            "currency": "USD",
            "label": None,
            "text": "$65,646 to $81,536",
        },
        {"min": 31.25, "max": None, "period": "hour", "currency": "USD", "label": "DWP", "text": "$31.25"},
    ],
    "exam_types": ["open_competitive", "interdepartmental_promotional"],
    "soc": [{"code": "43-1011", "title": "First-Line Supervisors", "score": 0.82, "evidence": "title"}],
    "market_wages": {
        "soc_code": "43-1011",
        "area_code": "0016980",
        "area_name": "Chicago",
        "industry": "000000",
        "employment": 1200,
        "annual_p10": 40000,
        "annual_p25": None,
        "annual_median": 60000.5,
        "annual_p75": None,
        "annual_p90": None,
        "hourly_mean": 30.1,
        "release": "OEWS May 2025",
    },
}


def test_schema_1_0_record_still_validates_as_1_1_fills_defaults() -> None:
    record = ClassSpec.model_validate(VALID).to_dict()
    assert record["schema_version"] == "1.0"
    assert record["salary"] == [] and record["minimum_qualifications"]["paths"] == []
    assert "soc" not in record and "market_wages" not in record


def test_schema_1_1_record_passes_model_and_schema() -> None:
    record = copy.deepcopy(VALID_1_1)
    record["minimum_qualifications"] = {
        **record["minimum_qualifications"],
        "drivers_license": "may_be_required",
        "paths": [
            {
                "label": "1",
                "text": "Two years as a Clerk Typist",
                "experience_months": 24,
                "prior_classes": ["Clerk Typist"],
                "courses": {"count": 3, "units": 9, "subject": None},
            }
        ],
    }
    record["dates"] = {**record["dates"], "opened": "2018-12-21", "deadline": "2019-01-10"}
    data = ClassSpec.model_validate(record).to_dict()
    assert data["salary"][0]["min"] == 65646 and isinstance(data["salary"][0]["min"], int)
    assert data["market_wages"]["annual_median"] == 60000.5
    jsonschema.Draft202012Validator(_published_schema()).validate(record)


def test_provenance_is_optional() -> None:
    record = copy.deepcopy(VALID)
    del record["provenance"]
    assert "provenance" not in ClassSpec.model_validate(record).to_dict()
    jsonschema.Draft202012Validator(_published_schema()).validate(record)


BAD = [
    ("probation_months", "6"),
    ("probation_months", 6.5),
    ("probation_months", -1),
    ("title", 7401),
    ("class_code", 7401),
    ("title", ""),
    ("summary", ""),
    ("flsa_status", "Non Exempt"),
    ("flsa_status", "nonexempt"),
    ("minimum_qualifications.min_education", "college"),
    ("minimum_qualifications.min_experience_months", "36"),
    ("physical_demands.strength", "L"),
    ("physical_demands.items.0.frequency", "F"),
    ("duties.0.essential", "yes"),
    ("duties.0.text", ""),
    ("knowledge.0.required_at_entry", 1),
    ("dates.established", "March, 2022"),
    ("dates.revised", "2004/05"),
    ("schema_version", "2.0"),
    ("source.format", "word"),
    ("source.confidence", 1.5),
    ("salary", [{"min": -1, "text": "$-1"}]),
    ("salary", [{"min": 100, "period": "week", "text": "$100 a week"}]),
    ("salary", [{"min": "65,646", "text": "$65,646"}]),
    ("exam_types", [""]),
    ("minimum_qualifications.paths", [{"text": "x", "experience_months": -6}]),
    ("minimum_qualifications.drivers_license", "yes"),
    ("dates.deadline", "January 10, 2019"),
    ("soc", [{"code": "431011", "title": "x", "score": 0.5, "evidence": "title"}]),
    ("soc", [{"code": "43-1011", "title": "x", "score": 2, "evidence": "title"}]),
    ("market_wages", {"soc_code": "43-1011"}),
    ("source.sha256", "abc"),
    ("jurisdiction.state", "Illinois"),
    ("duties", "Supervises staff."),
    ("taxonomy", {"family": ""}),
    ("warnings", [1]),
    ("provenance", {"title": [{"line_start": 0, "line_end": 1, "page": None}]}),
]


@pytest.mark.parametrize(("path", "value"), BAD, ids=[f"{p}={v!r}" for p, v in BAD])
def test_wrong_values_are_rejected_by_model_and_schema(path: str, value: Any) -> None:
    record = _with(path, value)
    with pytest.raises(ValidationError):
        ClassSpec.model_validate(record)
    assert list(jsonschema.Draft202012Validator(_published_schema()).iter_errors(record))


@pytest.mark.parametrize(
    "path", ["", "duties.0", "minimum_qualifications", "physical_demands.items.0", "dates", "source"]
)
def test_unknown_fields_are_rejected(path: str) -> None:
    record = copy.deepcopy(VALID)
    target: Any = record
    for name in filter(None, path.split(".")):
        target = target[int(name)] if name.isdigit() else target[name]
    target["surprise"] = "x"
    with pytest.raises(ValidationError):
        ClassSpec.model_validate(record)
    assert list(jsonschema.Draft202012Validator(_published_schema()).iter_errors(record))


@pytest.mark.parametrize("missing", ["source"])
def test_required_fields(missing: str) -> None:
    record = copy.deepcopy(VALID)
    del record[missing]
    with pytest.raises(ValidationError):
        ClassSpec.model_validate(record)


def test_every_list_is_present_after_a_round_trip() -> None:
    minimal = {"source": VALID["source"]}
    data = ClassSpec.model_validate(minimal).to_dict()
    lists = [name for name, value in VALID.items() if isinstance(value, list)]
    assert all(data[name] == [] for name in lists)
    assert data["minimum_qualifications"]["education"] == []
    assert data["physical_demands"]["items"] == []
    assert ClassSpec.model_validate(data).to_dict() == data
