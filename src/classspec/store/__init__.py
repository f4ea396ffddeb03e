"""The embedded store: ClassSpec records in SQLite (`-f sqlite -o specs.db`)."""

from __future__ import annotations

from classspec.store.sqlite import SqliteWriter, jurisdictions_of, read_records

DATABASE_EXTENSIONS = (".db", ".sqlite", ".sqlite3")

__all__ = ["DATABASE_EXTENSIONS", "SqliteWriter", "jurisdictions_of", "read_records"]
