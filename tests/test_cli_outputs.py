"""What `-o` and `-f` write: the format an output file's extension names, a CSV that
Excel opens with its accents, CSV provenance, and the run that has nothing to read."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from cli_helpers import run, summary
from conftest import SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("specs.db", lambda p: sqlite3.connect(p).execute("SELECT count(*) FROM classes").fetchone()[0] == 7),
        (
            "specs.sqlite",
            lambda p: sqlite3.connect(p).execute("SELECT count(*) FROM classes").fetchone()[0] == 7,
        ),
        ("specs.csv", lambda p: len(list(csv.DictReader(io.StringIO(p.read_text("utf-8-sig"))))) == 7),
        ("specs.jsonl", lambda p: len(p.read_text().splitlines()) == 7),
        ("specs.yml", lambda p: p.read_text().count("\n---") + p.read_text().startswith("---") == 7),
        ("specs.json", lambda p: len(json.loads(p.read_text())) == 7),
    ],
)
def test_the_output_extension_picks_the_format(classspec_bin, tmp_path, name, check):
    target = tmp_path / name
    result = run(classspec_bin, "parse", SEEDS, "-o", target)
    assert result.returncode == 0, result.stderr
    assert check(target)


def test_an_extension_that_clashes_with_the_format_is_a_usage_error(classspec_bin, tmp_path):
    target = tmp_path / "specs.csv"
    result = run(classspec_bin, "parse", SEEDS, "-f", "json", "-o", target)
    assert result.returncode == 2 and not target.exists()
    assert result.stderr.startswith("classspec: error: -o ") and "names csv" in result.stderr
    # An extension that names no format leaves -f to decide.
    other = tmp_path / "specs.out"
    assert run(classspec_bin, "parse", SEEDS, "-f", "jsonl", "-o", other).returncode == 0
    assert len(other.read_text().splitlines()) == 7


def test_a_csv_file_opens_in_excel_with_its_accents(classspec_bin, tmp_path):
    spec = tmp_path / "café.txt"
    spec.write_bytes(CHICAGO.read_bytes())
    target = tmp_path / "specs.csv"
    assert run(classspec_bin, "parse", spec, "-o", target).returncode == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource_path,")  # the byte order mark Excel reads as UTF-8
    assert "café.txt" in data.decode("utf-8")
    piped = run(classspec_bin, "parse", spec, "-f", "csv")
    assert piped.stdout.startswith("source_path,")  # a pipe gets none unless asked
    assert run(classspec_bin, "parse", spec, "-f", "csv", "--bom").stdout.startswith("\ufeffsource_path,")
    assert not run(classspec_bin, "parse", spec, "-o", target, "--no-bom").returncode
    assert target.read_bytes().startswith(b"source_path,")


def test_provenance_in_csv_is_a_json_column(classspec_bin):
    result = run(classspec_bin, "parse", CHICAGO, "-f", "csv", "--provenance")
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = json.loads(run(classspec_bin, "parse", CHICAGO, "--provenance").stdout)[0]["provenance"]
    assert json.loads(row["provenance"]) == expected and expected["title"]
    plain = run(classspec_bin, "parse", CHICAGO, "-f", "csv")
    assert "provenance" not in plain.stdout.splitlines()[0].split(",")


def test_folders_skip_readme_license_changelog_and_hidden_files(classspec_bin, tmp_path):
    root = tmp_path / "specs"
    (root / ".git").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        (root / seed.name).write_bytes(seed.read_bytes())
    for name in ("README.md", "LICENSE", "LICENSE.txt", "CHANGELOG.md", ".notes.txt", ".git/HEAD.txt"):
        (root / name).write_text("# Not a spec\n\nMIT License. Copyright 2024.\n")
    # A class whose title starts like one of those names is still read.
    (root / "LICENSED VOCATIONAL NURSE 2332.txt").write_bytes(CHICAGO.read_bytes())
    result = run(classspec_bin, "parse", root, "-f", "jsonl", "-v")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 8
    counts = summary(result.stderr)
    assert counts["parsed"] == 6 and counts["failed"] == 0 and counts["skipped"] == 6
    for name in ("README.md", "LICENSE", "LICENSE.txt", "CHANGELOG.md", ".notes.txt", ".git"):
        assert f"classspec: skipped {root / name} (" in result.stderr


def test_exclude_globs(classspec_bin, tmp_path):
    root = tmp_path / "specs"
    (root / "drafts").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "drafts" / "x.txt").write_bytes(CHICAGO.read_bytes())
    result = run(classspec_bin, "parse", root, "-f", "jsonl", "--exclude", "drafts", "--exclude", "sucss-*")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4
    assert summary(result.stderr)["skipped"] == 2


def test_a_run_with_nothing_readable_fails_and_names_what_it_skipped(classspec_bin, tmp_path):
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "b.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = run(classspec_bin, "parse", tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("classspec: error: no readable input")
    assert (
        str(tmp_path / "a.doc") in result.stderr and "soffice --headless --convert-to docx" in result.stderr
    )
    assert str(tmp_path / "b.xls") in result.stderr


def test_help_lists_the_extensions(classspec_bin):
    top = run(classspec_bin, "--help").stdout
    assert "(text, HTML, PDF)" not in top
    for text in (top, run(classspec_bin, "parse", "--help").stdout):
        assert ".txt .md .htm .html .docx .rtf .odt .pdf" in " ".join(text.split())
