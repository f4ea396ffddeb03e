"""`classspec compare` through the installed CLI: the JSON answers what the records
say, matched and unmatched items partition each class's duties and KSAs, and the
text table names every class."""

from __future__ import annotations

import json

import pytest

from cli_helpers import error_lines, run
from conftest import SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"
CHATTANOOGA = SEEDS / "chattanooga-2108-customer-service-coordinator.txt"
SUCSS = SEEDS / "sucss-4807-4809-customer-service-representative-series.txt"
KSAS = ("knowledge", "skills", "abilities")


def _records(classspec_bin, *paths) -> list[dict]:
    result = run(classspec_bin, "parse", *paths, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _compare_json(classspec_bin, *args) -> dict:
    result = run(classspec_bin, "compare", *args, "-f", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _check_partition(matching: dict, lists: list[list[str]]) -> None:
    """Every item of every class is either in exactly one match or listed as unmatched."""
    for index, items in enumerate(lists):
        matched = [m["items"][index] for m in matching["matched"] if m["items"][index] is not None]
        assert sorted(matched + matching["unmatched"][index]) == sorted(items)
    for match in matching["matched"]:
        assert sum(item is not None for item in match["items"]) >= 2
        assert 60 <= match["score"] <= 100


def test_json_holds_the_records_facts(classspec_bin):
    records = _records(classspec_bin, CHICAGO, CHATTANOOGA)
    data = _compare_json(classspec_bin, CHICAGO, CHATTANOOGA)
    assert [c["class_code"] for c in data["classes"]] == [r["class_code"] for r in records]
    fields = {row["field"]: row for row in data["fields"]}
    assert fields["FLSA"]["values"] == [r["flsa_status"] for r in records]
    assert fields["experience (months)"]["values"] == [
        r["minimum_qualifications"]["min_experience_months"] for r in records
    ]
    assert fields["minimum education"]["values"] == [
        r["minimum_qualifications"]["min_education"] for r in records
    ]
    assert fields["probation (months)"]["values"] == [r["probation_months"] for r in records]
    assert fields["title"]["same"] is False
    _check_partition(data["duties"], [[d["text"] for d in r["duties"]] for r in records])
    _check_partition(data["ksas"], [[k["text"] for f in KSAS for k in r[f]] for r in records])


def test_a_class_against_itself_matches_everything(classspec_bin, tmp_path):
    export = tmp_path / "chicago.json"
    assert run(classspec_bin, "parse", CHICAGO, "-o", export).returncode == 0
    data = _compare_json(classspec_bin, CHICAGO, export)
    (record,) = _records(classspec_bin, CHICAGO)
    assert len(data["duties"]["matched"]) == len(record["duties"])
    assert all(m["score"] == 100 and m["items"][0] == m["items"][1] for m in data["duties"]["matched"])
    assert data["duties"]["unmatched"] == [[], []]
    assert all(row["same"] for row in data["fields"] if row["field"] != "source")


def test_three_classes_from_a_database_by_code(classspec_bin, tmp_path):
    db = tmp_path / "specs.db"
    assert run(classspec_bin, "parse", SEEDS, "-f", "sqlite", "-o", db).returncode == 0
    data = _compare_json(classspec_bin, db, "--code", "4807", "--code", "4808", "--code", "4809")
    assert [c["class_code"] for c in data["classes"]] == ["4807", "4808", "4809"]
    records = _records(classspec_bin, SUCSS)
    _check_partition(data["duties"], [[d["text"] for d in r["duties"]] for r in records])
    # The series shares wording across levels: some duties match in all three.
    assert any(all(item is not None for item in m["items"]) for m in data["duties"]["matched"])


def test_text_output_is_a_table_naming_each_class(classspec_bin):
    result = run(classspec_bin, "compare", CHICAGO, CHATTANOOGA, env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "7401 Customer Services Supervisor" in lines[0] and "2108 Customer Service Coordinator" in lines[0]
    assert any(line.startswith("Duties: ") and line.endswith(" matched") for line in lines)
    assert any(line.startswith("Only in 7401 Customer Services Supervisor (") for line in lines)
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("args", [[str(CHICAGO)], [str(SEEDS / "missing.txt"), str(CHICAGO)]])
def test_fewer_than_two_classes_is_an_error(classspec_bin, args):
    result = run(classspec_bin, "compare", *args)
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == "classspec: error: compare needs two or more classes; found 1"
    assert len(error_lines(result.stderr)) == len(args) - 1  # the missing file, named


def test_database_colon_code(classspec_bin, tmp_path):
    db = tmp_path / "specs.db"
    assert run(classspec_bin, "parse", SEEDS, "-f", "sqlite", "-o", db).returncode == 0
    data = _compare_json(classspec_bin, f"{db}:7401", f"{db}:4808")
    assert [c["class_code"] for c in data["classes"]] == ["7401", "4808"]
    missing = run(classspec_bin, "compare", f"{db}:7401", f"{db}:NOPE", f"{db}:4808", "-f", "json")
    assert missing.returncode == 1  # reported, and the two found are still compared
    assert [m["reason"] for m in error_lines(missing.stderr)] == ["no class with code 'NOPE'"]
    assert [c["class_code"] for c in json.loads(missing.stdout)["classes"]] == ["7401", "4808"]


def test_a_code_shared_by_two_jurisdictions_needs_a_choice(classspec_bin, tmp_path):
    """`specs.db:7401` where Chicago and Chattanooga both have a class 7401 must not
    pick one silently: a usage error lists them, --jurisdiction chooses."""
    other = tmp_path / "chattanooga-7401.txt"
    other.write_text(CHATTANOOGA.read_text().replace("2108", "7401"))
    db = tmp_path / "specs.db"
    assert run(classspec_bin, "parse", CHICAGO, other, "-o", db).returncode == 0
    ambiguous = run(classspec_bin, "compare", f"{db}:7401", CHATTANOOGA)
    assert ambiguous.returncode == 2 and ambiguous.stdout == ""
    assert "code 7401 is used by 2 jurisdictions (chattanooga-tn, chicago-il)" in ambiguous.stderr
    assert "--jurisdiction" in ambiguous.stderr
    chosen = _compare_json(classspec_bin, f"{db}:7401", "--jurisdiction", "chicago-il", CHATTANOOGA)
    assert [c["jurisdiction"] for c in chosen["classes"]] == ["chicago-il", "chattanooga-tn"]
    assert chosen["classes"][0]["title"] == "Customer Services Supervisor"
    with_code = _compare_json(
        classspec_bin, db, "--code", "7401", "--jurisdiction", "chattanooga-tn", CHICAGO
    )
    assert [c["jurisdiction"] for c in with_code["classes"]] == ["chattanooga-tn", "chicago-il"]
