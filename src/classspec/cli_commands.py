"""`classspec validate`, `compare` and `report`: the commands that read records back."""

from __future__ import annotations

import functools
import json
from typing import Annotated, Optional

import typer

from classspec.atomic import atomic_output
from classspec.batch import DelayedProgress, plural
from classspec.cli_options import FLAG, ParserOption, check_parser, error, say
from classspec.errors import UsageError
from classspec.outputs import make_parent

READING = functools.partial(DelayedProgress, label="reading")  # compare, report: a bar if slow


def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="JSON, JSON Lines or YAML exports, folders of them (recursive), or -."
        ),
    ],
    require: Annotated[
        Optional[str],
        typer.Option(
            "--require",
            metavar="FIELD,...",
            help="Fields every record must fill, e.g. title,class_code,minimum_qualifications.text.",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", **FLAG, help="Name the files checked and skipped.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", **FLAG, help="Implausible values (salary band, dates, experience) are errors."
        ),
    ] = False,
) -> None:
    """Check exports against the ClassSpec schema.

    Every error of every record is reported (record or line, field, value), one per
    bad value; the exit code is 1 if there is any. Implausible values (a salary outside
    $10,000-$1,000,000 a year or min above max, experience over 40 years, a date before
    1900 or after today, established after revised, min_experience_months not the
    smallest path's) are warnings, errors with --strict. Folders are searched for .json
    .jsonl .yaml .yml files. CSV exports cannot be validated: export JSON Lines.
    """
    from classspec.validate import check_required_names, expand_exports, validate_paths

    required = tuple(name.strip() for name in (require or "").split(",") if name.strip())
    unknown = check_required_names(required)
    if unknown:
        raise UsageError(f"--require: no field {', '.join(unknown)} in ClassSpec")
    total = errors = warned = 0
    for path, count, problems, warnings in validate_paths(paths, required, strict=strict):
        total, errors, warned = total + count, errors + len(problems), warned + len(warnings)
        for problem in problems:
            error(problem)
        for warning in warnings:
            say(f"classspec: warning: {warning}")
        if verbose:
            say(f"classspec: {path}: {plural(count, 'record')}, {plural(len(problems), 'error')}")
    if verbose:
        for path in expand_exports(paths).skipped:
            say(f"classspec: skipped {path} (not .json .jsonl .yaml .yml)")
    flagged = f", {plural(warned, 'plausibility warning')}" if warned else ""
    say(f"classspec: {plural(total, 'record')} checked, {'errors found' if errors else 'all valid'}{flagged}")
    raise typer.Exit(1 if errors else 0)


def compare(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Spec files, exports, a .db (with --code) or DB:CODE."),
    ],
    code: Annotated[
        Optional[list[str]],
        typer.Option("--code", metavar="CODE", help="Only the classes with this code (repeatable)."),
    ] = None,
    jurisdiction: Annotated[
        Optional[str],
        typer.Option(
            "--jurisdiction",
            metavar="ID",
            help="From a database, only this jurisdiction's classes (when several share a code).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("-f", "--format", metavar="FORMAT", help="text or json.")] = "text",
    parser: ParserOption = "auto",
) -> None:
    """Line two or more classes up side by side.

    Identity, grade, FLSA, education, experience and probation, then duties and
    knowledge/skills/abilities matched by similarity; what has no match is listed per
    class. Give spec files, exports, a database with --code, or DB:CODE; a code that
    several jurisdictions use needs --jurisdiction.
    """
    from classspec.compare import compare as compare_records
    from classspec.compare import print_comparison
    from classspec.record_loader import load

    check_parser(parser)
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose one of: text, json")
    _check_unambiguous(paths, code or (), jurisdiction)
    loaded = load(paths, parser=parser, codes=code or (), progress=READING, jurisdiction=jurisdiction)
    for problem in loaded.problems:
        error(problem)
    if len(loaded.records) < 2:
        error(f"compare needs two or more classes; found {len(loaded.records)}")
        raise typer.Exit(1)
    comparison = compare_records(loaded.records)
    if fmt == "json":
        print(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_comparison(comparison)
    raise typer.Exit(1 if loaded.problems else 0)


def _check_unambiguous(paths: list[str], codes, jurisdiction: str | None) -> None:
    """`specs.db:4213` where California and Los Angeles both have a class 4213 would
    silently compare the wrong pair: ask which one is meant."""
    import sqlite3

    from classspec.record_loader import database_code
    from classspec.store import DATABASE_EXTENSIONS, jurisdictions_of

    asked = []
    for path in paths:
        one = database_code(path)
        if one is not None:
            asked.append(one)
        elif path.lower().endswith(DATABASE_EXTENSIONS):
            asked += [(path, c) for c in codes]
    for database, wanted in asked:
        try:
            found = jurisdictions_of(database, wanted)
        except (OSError, sqlite3.Error):
            continue  # loading reports the unreadable database
        if jurisdiction is None and len(found) > 1:
            raise UsageError(
                f"{database}: code {wanted} is used by {len(found)} jurisdictions "
                f"({', '.join(j or 'unknown' for j in found)}); choose one with --jurisdiction"
            )


def report(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Spec files, exports, databases, folders.")
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", metavar="FILE", help="The HTML page to write (folders created).")
    ] = "report.html",
    title: Annotated[str, typer.Option("--title", help="The page title.")] = "classspec corpus report",
    jobs: Annotated[int, typer.Option("--jobs", min=1, metavar="N", help="Parallel worker processes.")] = 1,
    parser: ParserOption = "auto",
) -> None:
    """Write an HTML report on a corpus.

    One self-contained page (no network): counts by parser and jurisdiction, exact
    fill counts per field, pay by class and jurisdiction (against the OEWS market
    median where the records carry --wages data), the SOC distribution, charts, the
    records with warnings, the oldest specs.
    """
    from classspec.record_loader import load
    from classspec.report import figures, render

    check_parser(parser)
    loaded = load(paths, parser=parser, progress=READING, jobs=jobs)
    for problem in loaded.problems:
        error(problem)
    make_parent(output)
    try:
        with atomic_output(output) as out:
            out.write(render(figures(loaded.records, loaded.problems), title))
    except OSError as exc:
        error(f"{output}: cannot write output: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    say(f"classspec: {output}: {plural(len(loaded.records), 'record')} from {plural(loaded.files, 'file')}")
    raise typer.Exit(1 if loaded.problems else 0)
