"""`classspec validate` as a CI step runs it: exports round-trip, every error names the
record and field, bad files are one clear line with exit 1, and YAML is data only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_helpers import error_lines, run
from conftest import SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"


@pytest.fixture(scope="module")
def exports(classspec_bin, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    paths = {}
    for fmt in ("json", "jsonl", "yaml"):
        paths[fmt] = folder / f"seeds.{fmt}"
        result = run(classspec_bin, "parse", SEEDS, "-f", fmt, "-o", paths[fmt])
        assert result.returncode == 0, result.stderr
    return paths


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_exports_validate(classspec_bin, exports, fmt):
    result = run(classspec_bin, "validate", exports[fmt])
    assert result.returncode == 0, result.stderr
    count = len(json.loads(exports["json"].read_text()))
    assert result.stderr.strip() == f"classspec: {count} records checked, all valid"
    assert result.stdout == ""


def test_validate_from_stdin(classspec_bin, exports):
    result = run(classspec_bin, "validate", "-", stdin=exports["jsonl"].read_bytes())
    assert result.returncode == 0, result.stderr


def test_utf8_bom_is_accepted(classspec_bin, exports, tmp_path):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + exports["json"].read_bytes())
    assert run(classspec_bin, "validate", bom).returncode == 0


def test_errors_name_record_line_and_field(classspec_bin, exports, tmp_path):
    records = json.loads(exports["json"].read_text())
    records[1]["flsa_status"] = "sometimes"
    records[1]["duties"].append({"text": 7})
    del records[0]["source"]
    broken = tmp_path / "broken.json"
    text = json.dumps(records, indent=2)
    broken.write_text(text)
    starts = [number for number, line in enumerate(text.splitlines(), start=1) if line == "  {"]
    result = run(classspec_bin, "validate", broken)
    assert result.returncode == 1
    reasons = [m["reason"] for m in error_lines(result.stderr)]
    first, second = f"record 1 (line {starts[0]})", f"record 2 (line {starts[1]})"
    assert any(r.startswith(f"{first}: source:") for r in reasons), reasons
    assert f"{second}: flsa_status: Input should be 'exempt' or 'non_exempt' (got \"sometimes\")" in reasons
    duty = len(records[1]["duties"]) - 1
    assert f"{second}: duties[{duty}].text: Input should be a valid string (got 7)" in reasons
    assert result.stderr.splitlines()[-1].endswith("errors found")


def test_yaml_errors_name_the_line_a_record_starts_on(classspec_bin, exports, tmp_path):
    text = exports["yaml"].read_text()
    documents = text.split("---\n")[1:]
    documents[2] = documents[2].replace("schema_version: '1.1'", "schema_version: '7'")
    broken = tmp_path / "broken.yaml"
    broken.write_text("".join("---\n" + d for d in documents))
    starts = [n + 1 for n, line in enumerate(broken.read_text().splitlines(), start=1) if line == "---"]
    result = run(classspec_bin, "validate", broken)
    (match,) = error_lines(result.stderr)
    assert match["reason"].startswith(f"record 3 (line {starts[2]}): schema_version: ")


def test_jsonl_errors_name_the_line(classspec_bin, exports, tmp_path):
    lines = exports["jsonl"].read_text().splitlines()
    assert '"schema_version": "1.1"' in lines[2]
    lines[2] = lines[2].replace('"schema_version": "1.1"', '"schema_version": "9.9"')
    lines.insert(1, "{not json")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(lines) + "\n")
    result = run(classspec_bin, "validate", broken)
    assert result.returncode == 1
    first, second = error_lines(result.stderr)
    assert first["reason"].startswith("line 2: not JSON")
    assert second["reason"].startswith("line 4: schema_version: ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\xff\xfe\x80garbage" * 50, "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"a: " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
        (b"- 1\n- {a: b}\n", "not an object"),
        (b"key: [unclosed\n", "neither JSON nor YAML"),
    ],
    ids=["empty", "binary", "deep-json", "deep-yaml", "not-objects", "bad-yaml"],
)
def test_bad_export_files(classspec_bin, tmp_path, content, reason):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    result = run(classspec_bin, "validate", bad, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    matches = error_lines(result.stderr)
    assert matches and all(m["path"] == str(bad) for m in matches)
    assert reason in matches[0]["reason"], matches[0]["reason"]


def test_missing_file_and_folder_without_exports(classspec_bin, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an export")
    result = run(classspec_bin, "validate", tmp_path / "nope.json", empty)
    assert result.returncode == 1
    reasons = {m["path"]: m["reason"] for m in error_lines(result.stderr)}
    assert reasons[str(tmp_path / "nope.json")].startswith("cannot read")
    assert reasons[str(empty)].startswith("no .json .jsonl .yaml .yml file")


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']\n",
        "- !!python/object/apply:os.system ['touch {marker}']\n",
        "schema_version: !!python/object/new:os.system ['touch {marker}']\n",
        "x: !!python/name:os.system\n",
        "--- !!python/object:pathlib.Path {{}}\n",
    ],
)
def test_yaml_python_objects_refused(classspec_bin, tmp_path, payload):
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(payload.format(marker=marker))
    result = run(classspec_bin, "validate", evil)
    assert result.returncode == 1
    assert not marker.exists()
    (match,) = error_lines(result.stderr)
    assert match["reason"].startswith("refused: YAML tag !!python/"), match["reason"]


def test_yaml_alias_bomb_refused(classspec_bin, tmp_path):
    # "billion laughs": nine levels of ten aliases each would be 10**9 list items.
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        levels.append(f"a{level}: &a{level} [{refs}]")
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text("\n".join(levels) + "\n")
    result = run(classspec_bin, "validate", bomb, timeout=30)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert "aliases" in match["reason"]


def test_mixed_good_and_bad_files(classspec_bin, exports, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"schema_version": "1.0"}]')
    result = run(classspec_bin, "validate", exports["json"], bad, exports["yaml"])
    assert result.returncode == 1
    assert {m["path"] for m in error_lines(result.stderr)} == {str(bad)}


def test_folders_are_walked_for_exports(classspec_bin, exports, tmp_path):
    tree = tmp_path / "tree"
    (tree / "a" / "b").mkdir(parents=True)
    shutil.copy(exports["json"], tree / "seeds.json")
    shutil.copy(exports["jsonl"], tree / "a" / "seeds.jsonl")
    shutil.copy(exports["yaml"], tree / "a" / "b" / "seeds.yml")
    (tree / "a" / "README.txt").write_text("not an export")
    count = len(json.loads(exports["json"].read_text()))
    result = run(classspec_bin, "validate", tree, "--verbose")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == f"classspec: {3 * count} records checked, all valid"
    assert f"classspec: skipped {tree / 'a' / 'README.txt'} (not .json .jsonl .yaml .yml)" in lines


def test_every_bad_line_and_value_is_reported(classspec_bin, exports, tmp_path):
    lines = exports["jsonl"].read_text().splitlines()
    first, third = json.loads(lines[0]), json.loads(lines[2])
    first["flsa_status"] = "sometimes"
    first["probation_months"] = -3
    third["title"] = 42
    broken_lines = [json.dumps(first), "{not json", lines[1], json.dumps(third), "also not json", *lines[3:]]
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(broken_lines) + "\n")
    result = run(classspec_bin, "validate", broken)
    assert result.returncode == 1
    reasons = [m["reason"] for m in error_lines(result.stderr)]
    assert reasons == [
        "line 1: flsa_status: Input should be 'exempt' or 'non_exempt' (got \"sometimes\")",
        "line 1: probation_months: Input should be greater than or equal to 0 (got -3)",
        "line 2: not JSON (Expecting property name enclosed in double quotes)",
        "line 4: title: Input should be a valid string (got 42)",
        "line 5: not JSON (Expecting value)",
    ]
    # The records on readable lines were all checked, the bad lines were not counted.
    assert result.stderr.splitlines()[-1] == f"classspec: {len(lines)} records checked, errors found"


@pytest.mark.parametrize(
    "content",
    [
        "".join("  " * depth + "a:\n" for depth in range(70)) + "  " * 70 + "b: 1\n",
        "a: " + "{b: " * 2500 + "1" + "}" * 2500 + "\n",
        "- " * 3000 + "x\n",
    ],
    ids=["block-mappings", "flow-mappings", "block-sequences"],
)
def test_deep_nesting_is_refused_at_once(classspec_bin, tmp_path, content):
    """~10 KB of nesting: refused before anything is built (a timeout, not a timing)."""
    deep = tmp_path / "deep.yaml"
    deep.write_text(content)
    result = run(classspec_bin, "validate", deep, timeout=20)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert "nested too deeply" in match["reason"], match["reason"]


def test_yaml_from_stdin_is_read_once(classspec_bin, exports):
    result = run(classspec_bin, "validate", "-", stdin=exports["yaml"].read_bytes())
    count = len(json.loads(exports["json"].read_text()))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"classspec: {count} records checked, all valid"


def _as_schema_1_0(record: dict) -> dict:
    """A record as classspec 0.1 wrote it: schema 1.0, none of the fields 1.1 added."""
    old = json.loads(json.dumps(record))
    old["schema_version"] = "1.0"
    for key in ("salary", "exam_types"):
        del old[key]
    del old["source"]["confidence"]
    for key in ("paths", "drivers_license"):
        del old["minimum_qualifications"][key]
    for key in ("opened", "deadline"):
        del old["dates"][key]
    for duty in old["duties"]:
        duty["essential"] = True  # 1.0 had no null here
    return old


def test_schema_1_0_and_1_1_exports_both_validate(classspec_bin, exports, tmp_path):
    records = json.loads(exports["json"].read_text())
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(r) + "\n" for r in [_as_schema_1_0(records[0]), *records]))
    result = run(classspec_bin, "validate", mixed)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"classspec: {len(records) + 1} records checked, all valid"


def _implausible(exports: dict[str, Path], tmp_path: Path) -> tuple[Path, int]:
    """The seeds' JSON Lines export with two implausible values put into record 2: a
    salary of $250 a month (CalHR 9594's 'commit funds up to $250K per month') and a
    class established after its revision."""
    lines = exports["jsonl"].read_text().splitlines()
    record = json.loads(lines[1])
    record["salary"] = [{"min": 250, "max": None, "period": "month", "currency": "USD", "text": "$250"}]
    record["dates"].update(established="2016-12", revised="1958-05")
    lines[1] = json.dumps(record)
    path = tmp_path / "implausible.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path, len(lines)


def test_implausible_values_are_warnings_naming_record_and_field(classspec_bin, exports, tmp_path):
    path, count = _implausible(exports, tmp_path)
    result = run(classspec_bin, "validate", path)
    assert result.returncode == 0, result.stderr
    assert error_lines(result.stderr) == []
    assert result.stderr.splitlines() == [
        f"classspec: warning: {path}: line 2: salary[0].min: 250 a month is 3,000 a year, "
        "outside the plausible 10,000\u20131,000,000 a year",
        f"classspec: warning: {path}: line 2: dates.established: 2016-12 is after the revision date 1958-05",
        f"classspec: {count} records checked, all valid, 2 plausibility warnings",
    ]


def test_strict_makes_implausible_values_errors(classspec_bin, exports, tmp_path):
    path, count = _implausible(exports, tmp_path)
    result = run(classspec_bin, "validate", "--strict", path)
    assert result.returncode == 1
    assert [(m["path"], m["reason"].split(": ")[:2]) for m in error_lines(result.stderr)] == [
        (str(path), ["line 2", "salary[0].min"]),
        (str(path), ["line 2", "dates.established"]),
    ]
    assert result.stderr.splitlines()[-1] == f"classspec: {count} records checked, errors found"


def test_strict_passes_plausible_exports(classspec_bin, exports):
    assert run(classspec_bin, "validate", "--strict", exports["json"]).returncode == 0


def test_require_makes_fields_mandatory(classspec_bin, exports, tmp_path):
    record = json.loads(exports["jsonl"].read_text().splitlines()[0])
    record["title"] = None
    bad = tmp_path / "untitled.jsonl"
    bad.write_text(json.dumps(record) + "\n")
    assert run(classspec_bin, "validate", bad).returncode == 0  # the schema allows a null title
    result = run(classspec_bin, "validate", bad, "--require", "title,class_code,minimum_qualifications.text")
    assert result.returncode == 1
    assert [(m["path"], m["reason"]) for m in error_lines(result.stderr)] == [
        (str(bad), "record 1: title: required (--require) but empty or missing")
    ]
    unknown = run(classspec_bin, "validate", bad, "--require", "titel")
    assert unknown.returncode == 2 and "no field titel" in unknown.stderr


def test_one_error_per_bad_value(classspec_bin, exports, tmp_path):
    """An amount is int or float: pydantic reports one error per member of the union."""
    record = json.loads(exports["jsonl"].read_text().splitlines()[0])
    record["salary"] = [{"min": "lots", "max": 5, "period": "year", "currency": "USD", "text": "x"}]
    bad = tmp_path / "pay.jsonl"
    bad.write_text(json.dumps(record) + "\n")
    result = run(classspec_bin, "validate", bad)
    assert [m["reason"] for m in error_lines(result.stderr)] == [
        'record 1: salary[0].min: Input should be a valid number (got "lots")'
    ]


def test_csv_exports_get_a_clear_message(classspec_bin, tmp_path):
    csv_file = tmp_path / "specs.csv"
    assert run(classspec_bin, "parse", SEEDS, "-o", csv_file).returncode == 0
    result = run(classspec_bin, "validate", csv_file)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["reason"].startswith("CSV exports cannot be validated: export JSON Lines")
    piped = run(classspec_bin, "validate", "-", stdin=csv_file.read_bytes())
    assert "CSV exports cannot be validated" in piped.stderr
