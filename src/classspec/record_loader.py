"""Records from whatever an analyst has at hand: spec files (parsed), exports (JSON,
JSON Lines, YAML) or a classspec SQLite database. `compare` and `report` read through
this, so each accepts all three."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from classspec.readers import SUPPORTED_EXTENSIONS, display_path
from classspec.store import DATABASE_EXTENSIONS
from classspec.validate import EXPORT_EXTENSIONS, ExportError, items, read_text, record_problems


@dataclass(slots=True)
class Loaded:
    records: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each: "PATH: reason"
    skipped: list[str] = field(default_factory=list)
    files: int = 0


def _kind(path: str) -> str | None:
    extension = os.path.splitext(path)[1].lower()
    if extension in EXPORT_EXTENSIONS:
        return "export"
    if extension in DATABASE_EXTENSIONS:
        return "database"
    if extension in SUPPORTED_EXTENSIONS:
        return "spec"
    return None


def _files(paths: Iterable[str], loaded: Loaded) -> Iterator[str]:
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                full = os.path.join(folder, name)
                if _kind(full):
                    yield full
                else:
                    loaded.skipped.append(full)


def load(
    paths: Iterable[str],
    *,
    parser: str = "auto",
    codes: Iterable[str] = (),
    progress: Callable[[int], Any] | None = None,
    jobs: int = 1,
    jurisdiction: str | None = None,
) -> Loaded:
    """Every record under `paths` (folders walked), keeping only `codes` when given.
    A file that cannot be read is one problem; the others are still loaded. Spec files
    are parsed as `parse` does (`jobs` worker processes), in order.
    `progress(total)` makes a tracker with advance() and stop() (a progress bar).
    `jurisdiction`: of a database's classes, only this jurisdiction's."""
    from classspec.batch import Options, run

    wanted = set(codes)
    loaded = Loaded()
    files = list(_files(paths, loaded))
    is_spec = [_kind(path) in ("spec", None) and database_code(path) is None for path in files]
    parsed = run([path for path, spec in zip(files, is_spec, strict=True) if spec], Options(parser), jobs)
    tracker = progress(len(files)) if progress else None
    try:
        for path, spec in zip(files, is_spec, strict=True):
            if spec:  # outcomes come back in input order
                _take(next(parsed), wanted, loaded)
            else:
                _load_one(path, wanted, loaded, jurisdiction)
            if tracker:
                tracker.advance()
    finally:
        if tracker:
            tracker.stop()
    return loaded


def database_code(path: str) -> tuple[str, str] | None:
    """`specs.db:6J27` -> ("specs.db", "6J27"): one class of a database, by its code."""
    name, colon, code = path.rpartition(":")
    if colon and code and not os.path.exists(path) and _kind(name) == "database":
        return name, code
    return None


def _take(outcome, wanted: set[str], loaded: Loaded) -> None:
    loaded.files += 1
    if outcome.error:
        loaded.problems.append(outcome.error)
    loaded.records += [r for r in outcome.records if not wanted or r.get("class_code") in wanted]


def _load_one(path: str, wanted: set[str], loaded: Loaded, jurisdiction: str | None = None) -> None:
    loaded.files += 1
    one = database_code(path)
    if one is not None:
        path, wanted = one[0], {one[1]}
    try:
        found = list(_records_of(path, loaded))
    except Exception as exc:  # any unreadable input is one problem line, not the end
        from classspec.errors import ClassSpecError

        reason = exc.reason if isinstance(exc, ClassSpecError) else str(exc)
        loaded.problems.append(f"{display_path(path)}: {reason}")
        return
    kept = [r for r in found if not wanted or r.get("class_code") in wanted]
    if jurisdiction is not None and _kind(path) == "database":
        kept = [r for r in kept if (r.get("jurisdiction") or {}).get("id") == jurisdiction]
    if one is not None and not kept:
        where = f" in {jurisdiction}" if jurisdiction else ""
        loaded.problems.append(f"{path}: no class with code {one[1]!r}{where}")
    loaded.records += kept


def _records_of(path: str, loaded: Loaded) -> Iterator[dict]:
    """The records of a database or an export file."""
    if _kind(path) == "database":
        import sqlite3

        from classspec.store import read_records

        try:
            yield from read_records(path)
        except sqlite3.Error as exc:
            raise ExportError(f"not a classspec database ({exc})") from None
    else:
        from classspec.model import ClassSpec

        for item in items(read_text(path)):
            problems = [item.error] if item.error else record_problems(item.data)
            if problems:
                loaded.problems.append(f"{path}: {item.where}: {problems[0]}")
                continue
            # Through the model, so an older export gains the newer fields' defaults.
            yield ClassSpec.model_validate(item.data).to_dict()
