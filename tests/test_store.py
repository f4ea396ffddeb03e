"""`-f sqlite`: the store as an analyst uses it, through the installed CLI. Row counts
equal the records, the full-text index finds a phrase, a re-run changes nothing, a
changed file replaces its rows, and a fresh sqlite3 connection reads it all."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import error_lines, run, summary
from conftest import SEEDS

CHICAGO = "chicago-7401-customer-services-supervisor.txt"


def _records(classspec_bin: str, *paths) -> list[dict]:
    result = run(classspec_bin, "parse", *paths, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _store(classspec_bin: str, db: Path, *paths) -> None:
    result = run(classspec_bin, "parse", *paths, "-f", "sqlite", "-o", db)
    assert result.returncode == 0, result.stderr


def _dump(db: Path) -> dict[str, list]:
    """Every table's rows without the surrogate keys (they may be reassigned)."""
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = {}
        for table in tables:
            if table.startswith("classes_fts_"):
                continue  # FTS5's own shadow tables
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            keep = [c for c in columns if c not in ("id", "class_id")]
            if table == "classes_fts":
                keep = columns
            rows = con.execute(f'SELECT {", ".join(keep)} FROM "{table}"').fetchall()
            dump[table] = sorted(map(repr, rows))
    return dump


@pytest.fixture(scope="module")
def seeds_db(classspec_bin, tmp_path_factory) -> tuple[Path, list[dict]]:
    db = tmp_path_factory.mktemp("store") / "specs.db"
    _store(classspec_bin, db, SEEDS)
    return db, _records(classspec_bin, SEEDS)


def test_row_counts_equal_the_records(seeds_db):
    db, records = seeds_db
    con = sqlite3.connect(db)  # a fresh connection, as any tool would open it
    count = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    assert count("SELECT count(*) FROM classes") == len(records)
    assert count("SELECT count(*) FROM classes_fts") == len(records)
    assert count("SELECT count(*) FROM duties") == sum(len(r["duties"]) for r in records)
    for kind, field in (("knowledge", "knowledge"), ("skill", "skills"), ("ability", "abilities")):
        expected = sum(len(r[field]) for r in records)
        assert count(f"SELECT count(*) FROM requirements WHERE kind = '{kind}'") == expected
    quals = [r["minimum_qualifications"] for r in records]
    assert count("SELECT count(*) FROM qualifications") == sum(
        len(q["education"]) + len(q["experience"]) + len(q["licenses"]) for q in quals
    )
    assert count("SELECT count(*) FROM qualification_paths") == sum(len(q["paths"]) for q in quals)
    assert count("SELECT count(*) FROM salaries") == sum(len(r["salary"]) for r in records)
    assert count("SELECT count(*) FROM other_sections") == sum(len(r["other_sections"]) for r in records)
    assert count("SELECT count(*) FROM demands") == sum(len(r["physical_demands"]["items"]) for r in records)
    assert count("SELECT count(*) FROM warnings") == sum(len(r["warnings"]) for r in records)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_class_columns_hold_the_record_values(seeds_db):
    db, records = seeds_db
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = {(row["source_path"], row["record_index"]): row for row in con.execute("SELECT * FROM classes")}
    seen: dict[str, int] = {}
    for record in records:
        path = record["source"]["path"]
        index = seen.get(path, 0)
        seen[path] = index + 1
        row = rows[(path, index)]
        mq = record["minimum_qualifications"]
        assert row["class_code"] == record["class_code"]
        assert row["title"] == record["title"]
        assert row["source_sha256"] == record["source"]["sha256"]
        assert row["source_parser"] == record["source"]["parser"]
        assert row["min_education"] == mq["min_education"]
        assert row["min_experience_months"] == mq["min_experience_months"]
        assert row["revised"] == record["dates"]["revised"]
        assert row["jurisdiction_id"] == (record["jurisdiction"] or {}).get("id")
        first = record["salary"][0] if record["salary"] else {}
        assert row["salary_min"] == first.get("min")
        (stored,) = con.execute("SELECT record FROM records WHERE class_id = ?", (row["id"],)).fetchone()
        assert json.loads(stored) == record


def test_full_text_search_finds_a_phrase(seeds_db):
    db, records = seeds_db
    chicago = next(r for r in records if r["class_code"] == "7401")
    words = chicago["duties"][0]["text"].split()[2:5]
    phrase = " ".join(w.strip(",.;:()") for w in words)
    con = sqlite3.connect(db)
    found = con.execute(
        "SELECT c.class_code FROM classes_fts JOIN classes c ON c.id = classes_fts.rowid "
        "WHERE classes_fts MATCH ?",
        (f'"{phrase}"',),
    ).fetchall()
    expected = {
        r["class_code"]
        for r in records
        if phrase.lower()
        in "\n".join(
            [
                r["title"] or "",
                r["summary"] or "",
                *(d["text"] for d in r["duties"]),
                *(
                    k["text"]
                    for f in ("knowledge", "skills", "abilities", "other_requirements")
                    for k in r[f]
                ),
            ]
        ).lower()
    }
    assert "7401" in expected
    assert {code for (code,) in found} == expected


def test_a_rerun_changes_nothing(classspec_bin, seeds_db, tmp_path):
    db, _ = seeds_db
    copy = tmp_path / "again.db"
    shutil.copy(db, copy)
    before = _dump(copy)
    _store(classspec_bin, copy, SEEDS)
    assert _dump(copy) == before


def test_a_changed_file_replaces_its_rows(classspec_bin, tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    db = tmp_path / "specs.db"
    _store(classspec_bin, db, folder)
    spec = folder / CHICAGO
    old_sha = _records(classspec_bin, spec)[0]["source"]["sha256"]
    text = spec.read_text()
    spec.write_text(text.replace("CUSTOMER SERVICES SUPERVISOR", "CUSTOMER SERVICES CHIEF", 1))
    _store(classspec_bin, db, folder)
    (new,) = _records(classspec_bin, spec)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM classes WHERE source_sha256 = ?", (old_sha,)).fetchone()[0] == 0
    rows = con.execute("SELECT id, title FROM classes WHERE source_path = ?", (str(spec),)).fetchall()
    assert [title for _, title in rows] == [new["title"]] == ["Customer Services Chief"]
    (class_id,) = [i for i, _ in rows]
    assert con.execute("SELECT count(*) FROM duties WHERE class_id = ?", (class_id,)).fetchone()[0] == len(
        new["duties"]
    )
    # Nothing left behind from the old version, and nothing doubled.
    all_records = _records(classspec_bin, folder)
    assert con.execute("SELECT count(*) FROM classes").fetchone()[0] == len(all_records)
    assert con.execute("SELECT count(*) FROM duties").fetchone()[0] == sum(
        len(r["duties"]) for r in all_records
    )
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_needs_an_output_file(classspec_bin, tmp_path):
    for args in (["-f", "sqlite"], ["-f", "sqlite", "-o", f"{tmp_path}/"]):
        result = run(classspec_bin, "parse", SEEDS / CHICAGO, *args)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith("classspec: error: -f sqlite writes one database")


def test_not_a_database_is_one_error_line(classspec_bin, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite\n" * 100)
    result = run(classspec_bin, "parse", SEEDS, "-f", "sqlite", "-o", bogus)
    assert result.returncode == 1
    assert "cannot write output" in result.stderr and "Traceback" not in result.stderr
    assert bogus.read_text().startswith("this is not sqlite")
    assert summary(result.stderr)["failed"] >= 1


def test_provenance_spans_are_stored(classspec_bin, tmp_path):
    db = tmp_path / "prov.db"
    result = run(classspec_bin, "parse", SEEDS, "--provenance", "-f", "sqlite", "-o", db)
    assert result.returncode == 0, result.stderr
    records = [
        json.loads(line)
        for line in run(classspec_bin, "parse", SEEDS, "--provenance", "-f", "jsonl").stdout.splitlines()
    ]
    spans = sum(len(s) for r in records for s in r["provenance"].values())
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM provenance").fetchone()[0] == spans > 0


@pytest.mark.corpus("philadelphia")
def test_an_interrupted_run_leaves_the_database_as_it_was(classspec_bin, seeds_db, tmp_path):
    import signal
    import subprocess
    import time

    from conftest import PHILADELPHIA

    db, _ = seeds_db
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    before = _dump(copy)
    proc = subprocess.Popen(
        [classspec_bin, "parse", SEEDS, PHILADELPHIA, "-f", "sqlite", "-o", copy],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    journal = Path(f"{copy}-journal")  # exists once the run's transaction has begun
    deadline = time.monotonic() + 60
    while not journal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert _dump(copy) == before  # the open transaction was rolled back


def test_another_programs_database_is_left_alone(classspec_bin, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE classes (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO classes (name) VALUES ('mine')")
    before = _dump(other)
    result = run(classspec_bin, "parse", SEEDS, "-f", "sqlite", "-o", other)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(other) and match["reason"].startswith("cannot write output")
    assert _dump(other) == before


def test_the_record_json_is_out_of_the_classes_table(seeds_db):
    db, records = seeds_db
    con = sqlite3.connect(db)
    columns = {row[1] for row in con.execute("PRAGMA table_info(classes)")}
    assert "record" not in columns
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == len(records)


def test_the_index_is_a_content_table_of_classes(seeds_db):
    """The sqlite-utils layout Datasette looks for: content="classes" in the index's SQL."""
    db, _ = seeds_db
    con = sqlite3.connect(db)
    (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'classes_fts'").fetchone()
    assert 'content="classes"' in sql and 'content_rowid="id"' in sql
    con.execute("INSERT INTO classes_fts (classes_fts) VALUES ('integrity-check')")  # raises if out of step


def test_full_text_search_covers_the_qualifications(seeds_db):
    db, records = seeds_db
    con = sqlite3.connect(db)
    found = con.execute(
        "SELECT c.class_code FROM classes_fts JOIN classes c ON c.id = classes_fts.rowid "
        "WHERE classes_fts MATCH ?",
        ('"semester hours"',),
    ).fetchall()
    expected = {
        r["class_code"]
        for r in records
        if "semester hours" in (r["minimum_qualifications"]["text"] or "").lower()
    }
    assert len(expected) == 3 and {code for (code,) in found} == expected


def test_a_rerun_from_another_folder_replaces_the_rows(classspec_bin, tmp_path):
    """The same files named by another path (relative from elsewhere, absolute) are the
    same sources: nothing doubles."""
    folder = tmp_path / "specs"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "specs.db"
    result = run(classspec_bin, "parse", "specs", "-o", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    count = sqlite3.connect(db).execute("SELECT count(*) FROM classes").fetchone()[0]
    for cwd, path in ((folder, "."), (tmp_path / "specs" / "..", folder)):
        result = run(classspec_bin, "parse", path, "-o", db, cwd=cwd)
        assert result.returncode == 0, result.stderr
        assert sqlite3.connect(db).execute("SELECT count(*) FROM classes").fetchone()[0] == count == 7


def test_a_store_of_the_older_layout_is_left_alone(classspec_bin, tmp_path):
    """Version 1 kept the JSON in `classes` and a free-standing index: not patched over."""
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as con:
        con.execute("CREATE TABLE classes (id INTEGER PRIMARY KEY, record TEXT)")
        con.execute("CREATE TABLE classspec_meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("INSERT INTO classspec_meta VALUES ('store_version', '1')")
    before = _dump(old)
    result = run(classspec_bin, "parse", SEEDS, "-o", old)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (match,) = error_lines(result.stderr)
    assert "store version 1" in match["reason"] and "write to a new file" in match["reason"]
    assert _dump(old) == before
