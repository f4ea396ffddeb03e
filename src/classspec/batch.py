"""Batches: expand paths into input files, parse them (in worker processes with
--jobs), and hand results back in input order, one at a time, so memory stays flat."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from classspec.errors import ClassSpecError
from classspec.readers import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS

STDIN = "-"


@dataclass(slots=True)
class Inputs:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def expand(paths: Iterable[str]) -> Inputs:
    """Files as given; folders walked recursively in sorted order, keeping only the
    extensions classspec reads; symlinked folders followed once (loops are cut)."""
    found = Inputs()
    for path in paths:
        if path == STDIN:
            found.files.append(STDIN)
        elif os.path.isdir(path):
            _walk(path, found, set())
        elif os.path.lexists(path) or not os.path.exists(path):
            # Missing files are still listed: parsing them reports the error in order.
            found.files.append(path)
    return found


def _walk(folder: str, found: Inputs, seen: set[tuple[int, int]]) -> None:
    try:
        info = os.stat(folder)
    except OSError:
        found.files.append(folder)
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        found.files.append(folder)
        return
    for entry in entries:
        if entry.is_dir():
            _walk(entry.path, found, seen)
        elif Path(entry.name).suffix.lower() in SUPPORTED_EXTENSIONS:
            found.files.append(entry.path)
        else:
            found.skipped.append(entry.path)


@dataclass(slots=True)
class Options:
    parser: str = "auto"
    provenance: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int | None = None
    debug: bool = False


@dataclass(slots=True)
class Outcome:
    path: str
    records: list[dict] = field(default_factory=list)
    error: str | None = None
    trace: str | None = None

    @property
    def warnings(self) -> int:
        return sum(len(r["warnings"]) for r in self.records)


def parse_one(path: str, options: Options) -> Outcome:
    from classspec.api import parse_bytes, parse_file

    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                return Outcome(path, error=f"{STDIN}: input too large (over {options.max_bytes} bytes)")
            records = parse_bytes(
                data, None, options.parser, provenance=options.provenance, max_pages=options.max_pages
            )
        else:
            records = parse_file(
                path,
                options.parser,
                provenance=options.provenance,
                max_bytes=options.max_bytes,
                max_pages=options.max_pages,
            )
        return Outcome(path, [r.to_dict() for r in records])
    except ClassSpecError as exc:
        return Outcome(
            path,
            error=f"{exc.path or path}: {exc.reason}",
            trace=traceback.format_exc() if options.debug else None,
        )
    except RecursionError:
        return Outcome(
            path,
            error=f"{path}: document nested too deeply to read",
            trace=traceback.format_exc() if options.debug else None,
        )
    except Exception as exc:  # a bug of ours must not stop the batch; it is reported as one
        return Outcome(
            path,
            error=f"{path}: internal error ({type(exc).__name__}: {exc}); "
            "please report it, with --debug output",
            trace=traceback.format_exc(),
        )


def _parse_star(args: tuple[str, Options]) -> Outcome:
    return parse_one(*args)


def run(files: list[str], options: Options, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1 workers parse ahead, a bounded window."""
    if jobs <= 1 or len(files) <= 1 or STDIN in files:
        for path in files:
            yield parse_one(path, options)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs) as pool:
        yield from pool.imap(_parse_star, ((path, options) for path in files), chunksize=4)
