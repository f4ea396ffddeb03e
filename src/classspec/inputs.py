"""Inputs: the files a batch reads, from the paths a user gives (files, folders walked
recursively, or - for stdin), with what was skipped and why, and one output name each."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from classspec.readers import SUPPORTED_EXTENSIONS

STDIN = "-"
# Files a folder of specs often holds that are not specs: skipped (and counted) when a
# folder is walked, read when named on the command line.
# The name itself or the name then ".", "-" or "_": "LICENSED VOCATIONAL NURSE.txt" is a spec.
NOT_SPECS = re.compile(r"(?:README|LICEN[CS]E|CHANGELOG|COPYING)(?:[._-].*)?", re.I | re.S)


@dataclass(slots=True)
class Inputs:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)  # skipped path -> reason, for -v
    # Each file's path relative to the folder argument it was found under (or its bare
    # name when given as a file): per-input output files mirror it, so no two collide.
    relative: dict[str, str] = field(default_factory=dict)


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> Inputs:
    """Files as given; folders walked recursively in sorted order, keeping only the
    extensions classspec reads and leaving out hidden files and folders, README*,
    LICENSE*, CHANGELOG* and whatever an `exclude` glob matches (its name or its path
    under the folder); symlinked folders followed once (loops are cut)."""
    found = Inputs()
    patterns = tuple(exclude)
    for path in paths:
        if path == STDIN:
            found.files.append(STDIN)
            found.relative[STDIN] = "stdin"
        elif os.path.isdir(path):
            _walk(path, path, found, set(), patterns)
        elif _excluded(path, os.path.basename(path), patterns):
            _skip(found, path, "--exclude")
        else:
            # Missing or unreadable files are still listed: parsing reports the error in order.
            found.files.append(path)
            found.relative.setdefault(path, os.path.basename(path))
    return found


def _skip(found: Inputs, path: str, why: str) -> None:
    found.skipped.append(path)
    found.why[path] = why


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def _not_a_spec(name: str) -> str | None:
    """Why a file met in a folder is not read, or None to read it."""
    if name.startswith("."):
        return "hidden"
    if NOT_SPECS.fullmatch(name):
        return "not a spec: README, LICENSE or CHANGELOG"
    extension = Path(name).suffix.lower()
    if extension == ".doc":
        return "old binary Word .doc: convert it with soffice --headless --convert-to docx"
    if extension not in SUPPORTED_EXTENSIONS:
        return "not a spec file type"
    return None


def _walk(
    root: str, folder: str, found: Inputs, seen: set[tuple[int, int]], patterns: tuple[str, ...] = ()
) -> None:
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        found.files.append(folder)  # reading it reports why (permission denied ...)
        return
    for entry in entries:
        if _excluded(os.path.relpath(entry.path, root), entry.name, patterns):
            _skip(found, entry.path, "--exclude")
        elif entry.is_dir():
            if entry.name.startswith("."):  # .git, .venv, editors' folders
                _skip(found, entry.path, "hidden folder")
            else:
                _walk(root, entry.path, found, seen, patterns)
        elif why := _not_a_spec(entry.name):
            _skip(found, entry.path, why)
        elif entry.is_file() or entry.is_symlink():
            # Broken or looping symlinks are kept so that the error names them.
            found.files.append(entry.path)
            found.relative.setdefault(entry.path, os.path.relpath(entry.path, root))
        else:
            _skip(found, entry.path, "not a regular file")  # FIFOs, sockets, devices


def output_names(inputs: Inputs, folder: str, extension: str) -> dict[str, str]:
    """One output path per input in `folder`: the input's relative path with the export
    extension (`a/x.txt` -> `a/x.json`), or the full name plus extension (`x.txt.json`)
    where two inputs would otherwise share an output."""
    stems = {path: str(Path(inputs.relative[path]).with_suffix(extension)) for path in inputs.files}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem] = counts.get(stem, 0) + 1
    return {
        path: os.path.join(folder, stem if counts[stem] == 1 else inputs.relative[path] + extension)
        for path, stem in stems.items()
    }
