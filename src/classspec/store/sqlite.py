"""`-f sqlite`: records into normalized SQLite tables with a full-text index.

One run is one transaction: an interrupted run leaves the database as it was. A
source is its resolved path (`source_resolved`, the absolute path with symlinks
resolved) and its sha256: a file stored before, from whatever folder the earlier run
was started in, has its rows replaced (an edited file too), and stdin's are replaced
by the same bytes; re-running never duplicates anything. `classes_fts` is an FTS5
index whose content table is `classes` (the sqlite-utils layout, which Datasette
detects: its table page gets a search box); triggers keep it in step. The record's
full JSON is in `records`, one row a class, out of the way of the `classes` view, so
`compare`, `report` and `export` read back exactly what was written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from classspec.store.schema import FTS_COLUMNS, REQUIREMENT_FIELDS, Column, Layout, Table, layout, lookup

STORE_VERSION = 2
# Columns of `classes` beyond the model's: where the source is, and the joined text
# of the lists the full-text index covers (an FTS5 content table reads columns).
EXTRA_COLUMNS = ("source_resolved TEXT", "duties_text TEXT", "requirements_text TEXT")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statements(found: Layout) -> list[str]:
    classes = ",\n  ".join(f"{_quote(c.name)} {c.sql_type}" for c in found.classes)
    statements = [
        "CREATE TABLE IF NOT EXISTS classes (\n  id INTEGER PRIMARY KEY,\n  "
        f"{classes},\n  {', '.join(EXTRA_COLUMNS)},\n  record_index INTEGER NOT NULL\n)",
        "CREATE INDEX IF NOT EXISTS classes_source ON classes (source_resolved, source_sha256)",
        "CREATE INDEX IF NOT EXISTS classes_code ON classes (class_code)",
        "CREATE INDEX IF NOT EXISTS classes_jurisdiction ON classes (jurisdiction_id)",
        "CREATE INDEX IF NOT EXISTS classes_title ON classes (title)",
    ]
    for table in found.children.values():
        kind = "kind TEXT NOT NULL, " if len(table.kinds) > 1 or any(table.kinds.values()) else ""
        columns = ", ".join(f"{_quote(c.name)} {c.sql_type}" for c in table.columns)
        statements += [
            f"CREATE TABLE IF NOT EXISTS {_quote(table.name)} (class_id INTEGER NOT NULL "
            f"REFERENCES classes (id) ON DELETE CASCADE, {kind}position INTEGER NOT NULL, {columns})",
            f"CREATE INDEX IF NOT EXISTS {_quote(table.name + '_class')} ON {_quote(table.name)} (class_id)",
        ]
    statements += [
        "CREATE TABLE IF NOT EXISTS provenance (class_id INTEGER NOT NULL REFERENCES classes (id) "
        "ON DELETE CASCADE, field TEXT NOT NULL, line_start INTEGER, line_end INTEGER, page INTEGER)",
        "CREATE INDEX IF NOT EXISTS provenance_class ON provenance (class_id)",
        "CREATE TABLE IF NOT EXISTS records (class_id INTEGER PRIMARY KEY REFERENCES classes (id) "
        "ON DELETE CASCADE, record TEXT NOT NULL)",
        # content="classes" written exactly so: Datasette looks for that text.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS classes_fts USING fts5({', '.join(FTS_COLUMNS)}, "
        'content="classes", content_rowid="id")',
        *_fts_triggers(),
        "CREATE TABLE IF NOT EXISTS classspec_meta (key TEXT PRIMARY KEY, value TEXT)",
    ]
    return statements


def _fts_triggers() -> list[str]:
    """An external-content index is not updated by itself: these keep it in step with
    `classes` (the triggers sqlite-utils' enable_fts creates)."""
    names = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    insert = f"INSERT INTO classes_fts (rowid, {names}) VALUES (new.id, {new});"
    delete = f"INSERT INTO classes_fts (classes_fts, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE TRIGGER IF NOT EXISTS classes_ai AFTER INSERT ON classes BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS classes_ad AFTER DELETE ON classes BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS classes_au AFTER UPDATE ON classes BEGIN {delete} {insert} END",
    ]


def text_columns(record: dict) -> tuple[str | None, str | None]:
    """`duties_text` and `requirements_text`: the lists' items, a line each."""
    requirements = [r["text"] for key in REQUIREMENT_FIELDS for r in record.get(key) or []]
    duties = [d["text"] for d in record.get("duties") or []]
    return ("\n".join(duties) or None, "\n".join(requirements) or None)


def resolved(path: str | None) -> str | None:
    import os

    return None if path is None else os.path.realpath(path)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class SqliteWriter:
    """Writes records as they come; `close()` commits, `abort()` leaves the file as it was."""

    def __init__(self, path: str) -> None:
        self.layout = layout()
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("BEGIN IMMEDIATE")
        self._check_version()
        for statement in create_statements(self.layout):
            self.db.execute(statement)
        self._check_columns()
        self.db.execute(
            "INSERT OR REPLACE INTO classspec_meta VALUES ('store_version', ?)", (str(STORE_VERSION),)
        )
        self.replaced: set[tuple[str | None, str | None]] = set()
        self.positions: dict[tuple[str | None, str | None], int] = {}
        self.count = 0

    def _check_version(self) -> None:
        """A store of another layout (version 1 kept the JSON in `classes` and a
        free-standing index) is not patched over: the user is told to start a new one."""
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "classspec_meta" not in tables:
            if "classes" in tables:
                raise sqlite3.DatabaseError("it has a classes table classspec did not make")
            return
        row = self.db.execute("SELECT value FROM classspec_meta WHERE key = 'store_version'").fetchone()
        if row is not None and row[0] != str(STORE_VERSION):
            raise sqlite3.DatabaseError(
                f"store version {row[0]} from another classspec release, this one writes version "
                f"{STORE_VERSION}; write to a new file"
            )

    def _check_columns(self) -> None:
        """A database from an older schema gains the new columns (added fields are nullable)."""
        tables = {"classes": self.layout.classes}
        tables.update((t.name, t.columns) for t in self.layout.children.values())
        for name, columns in tables.items():
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({_quote(name)})")}
            for column in columns:
                if column.name not in have:
                    self.db.execute(
                        f"ALTER TABLE {_quote(name)} ADD COLUMN {_quote(column.name)} {column.sql_type}"
                    )

    def _replace_source(self, where: str | None, sha256: str) -> None:
        """Forget what an earlier run stored for this source: the same file wherever
        that run was started (edited since or not); for stdin, the same bytes."""
        if where is None:
            self.db.execute(
                "DELETE FROM classes WHERE source_resolved IS NULL AND source_sha256 = ?", (sha256,)
            )
        else:  # children, the record and the index entries go with it (cascade, triggers)
            self.db.execute("DELETE FROM classes WHERE source_resolved = ?", (where,))

    def write(self, record: dict) -> None:
        source = record["source"]
        where = resolved(source.get("path"))
        key = (where, source["sha256"] if where is None else None)
        if key not in self.replaced:
            self._replace_source(where, source["sha256"])
            self.replaced.add(key)
        index = self.positions.get(key, 0)
        self.positions[key] = index + 1
        columns = self.layout.classes
        names = ", ".join(_quote(c.name) for c in columns)
        marks = ", ".join("?" * (len(columns) + 4))
        cursor = self.db.execute(
            f"INSERT INTO classes ({names}, source_resolved, duties_text, requirements_text, "
            f"record_index) VALUES ({marks})",
            [_cell(lookup(record, c.path)) for c in columns] + [where, *text_columns(record), index],
        )
        class_id = cursor.lastrowid
        self.db.execute(
            "INSERT INTO records VALUES (?, ?)", (class_id, json.dumps(record, ensure_ascii=False))
        )
        for table in self.layout.children.values():
            self._write_children(class_id, table, record)
        for field_path, spans in (record.get("provenance") or {}).items():
            self.db.executemany(
                "INSERT INTO provenance VALUES (?, ?, ?, ?, ?)",
                [(class_id, field_path, s["line_start"], s["line_end"], s.get("page")) for s in spans],
            )
        self.count += 1

    def _write_children(self, class_id: int, table: Table, record: dict) -> None:
        has_kind = len(table.kinds) > 1 or any(table.kinds.values())
        names = ", ".join(_quote(c.name) for c in table.columns)
        marks = ", ".join("?" * (len(table.columns) + (3 if has_kind else 2)))
        sql = (
            f"INSERT INTO {_quote(table.name)} (class_id, {'kind, ' if has_kind else ''}position, "
            f"{names}) VALUES ({marks})"
        )
        rows = []
        for dotted, kind in table.kinds.items():
            items = lookup(record, tuple(dotted.split(".")))
            if isinstance(items, dict):
                items = [{"key": k, "value": v} for k, v in items.items()]
            for position, item in enumerate(items or []):
                values = [_value(item, c, table) for c in table.columns]
                rows.append([class_id, *([kind or dotted] if has_kind else []), position, *values])
        if rows:
            self.db.executemany(sql, rows)

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()

    def abort(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()


def _value(item: Any, column: Column, table: Table) -> Any:
    if table.value_column:
        return _cell(item)
    return _cell(lookup(item, column.path))


def read_records(path: str, codes: list[str] | None = None) -> Iterator[dict]:
    """The records a database holds, in the order they were stored (optionally only
    the classes with these codes)."""
    import os

    if not os.path.isfile(path):
        raise OSError(f"no such database: {path}")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sql = "SELECT r.record FROM classes c JOIN records r ON r.class_id = c.id"
        params: list[str] = []
        if codes:
            sql += f" WHERE c.class_code IN ({','.join('?' * len(codes))})"
            params = list(codes)
        for (text,) in db.execute(sql + " ORDER BY c.id", params):
            yield json.loads(text)
    finally:
        db.close()


def jurisdictions_of(path: str, code: str) -> list[str | None]:
    """The jurisdictions (ids) whose classes in the database at `path` have this code."""
    import os

    if not os.path.isfile(path):
        raise OSError(f"no such database: {path}")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT DISTINCT jurisdiction_id FROM classes WHERE class_code = ? ORDER BY 1", (code,)
        )
        return [row[0] for row in rows]
    finally:
        db.close()
