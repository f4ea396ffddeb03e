"""`-f sqlite`: records into normalized SQLite tables with a full-text index.

One run is one transaction: an interrupted run leaves the database as it was. A
source already in the database (same path, or for stdin the same sha256) has its
rows replaced, so re-running never duplicates anything. Each class row also keeps
the record's JSON (`record`), so `compare`, `report` and `export` read back exactly
what was written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from classspec.store.schema import FTS_COLUMNS, REQUIREMENT_FIELDS, Column, Layout, Table, layout, lookup

STORE_VERSION = 1


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statements(found: Layout) -> list[str]:
    classes = ",\n  ".join(f"{_quote(c.name)} {c.sql_type}" for c in found.classes)
    statements = [
        "CREATE TABLE IF NOT EXISTS classes (\n  id INTEGER PRIMARY KEY,\n  "
        f"{classes},\n  record_index INTEGER NOT NULL,\n  record TEXT NOT NULL\n)",
        "CREATE INDEX IF NOT EXISTS classes_source ON classes (source_path, source_sha256)",
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
        f"CREATE VIRTUAL TABLE IF NOT EXISTS classes_fts USING fts5({', '.join(FTS_COLUMNS)})",
        "CREATE TABLE IF NOT EXISTS classspec_meta (key TEXT PRIMARY KEY, value TEXT)",
    ]
    return statements


def fts_row(record: dict) -> tuple[str, ...]:
    requirements = [r["text"] for key in REQUIREMENT_FIELDS for r in record.get(key) or []]
    return (
        record.get("title") or "",
        record.get("summary") or "",
        "\n".join(d["text"] for d in record.get("duties") or []),
        "\n".join(requirements),
    )


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
        for statement in create_statements(self.layout):
            self.db.execute(statement)
        self._check_columns()
        self.db.execute(
            "INSERT OR REPLACE INTO classspec_meta VALUES ('store_version', ?)", (str(STORE_VERSION),)
        )
        self.replaced: set[tuple[str | None, str | None]] = set()
        self.positions: dict[tuple[str | None, str | None], int] = {}
        self.count = 0

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

    def _replace_source(self, path: str | None, sha256: str) -> None:
        """Forget what an earlier run stored for this source (same path; stdin: same bytes)."""
        if path is None:
            ids = self.db.execute(
                "SELECT id FROM classes WHERE source_path IS NULL AND source_sha256 = ?", (sha256,)
            )
        else:
            ids = self.db.execute("SELECT id FROM classes WHERE source_path = ?", (path,))
        doomed = [row[0] for row in ids]
        for start in range(0, len(doomed), 500):
            chunk = doomed[start : start + 500]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM classes_fts WHERE rowid IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM classes WHERE id IN ({marks})", chunk)  # children cascade

    def write(self, record: dict) -> None:
        source = record["source"]
        key = (source.get("path"), source["sha256"] if source.get("path") is None else None)
        if key not in self.replaced:
            self._replace_source(source.get("path"), source["sha256"])
            self.replaced.add(key)
        index = self.positions.get(key, 0)
        self.positions[key] = index + 1
        columns = self.layout.classes
        names = ", ".join(_quote(c.name) for c in columns)
        marks = ", ".join("?" * (len(columns) + 2))
        cursor = self.db.execute(
            f"INSERT INTO classes ({names}, record_index, record) VALUES ({marks})",
            [_cell(lookup(record, c.path)) for c in columns]
            + [index, json.dumps(record, ensure_ascii=False)],
        )
        class_id = cursor.lastrowid
        for table in self.layout.children.values():
            self._write_children(class_id, table, record)
        for field_path, spans in (record.get("provenance") or {}).items():
            self.db.executemany(
                "INSERT INTO provenance VALUES (?, ?, ?, ?, ?)",
                [(class_id, field_path, s["line_start"], s["line_end"], s.get("page")) for s in spans],
            )
        self.db.execute(
            f"INSERT INTO classes_fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            (class_id, *fts_row(record)),
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
        sql = "SELECT record FROM classes"
        params: list[str] = []
        if codes:
            sql += f" WHERE class_code IN ({','.join('?' * len(codes))})"
            params = list(codes)
        for (text,) in db.execute(sql + " ORDER BY id", params):
            yield json.loads(text)
    finally:
        db.close()
