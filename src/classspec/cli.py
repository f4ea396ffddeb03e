"""The `classspec` command: a thin layer over the library.

Data goes to stdout, messages to stderr. Exit codes: 0 all well, 1 some input
failed (the rest still processed and written), 2 usage error.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from typing import Annotated, Optional

import typer

from classspec import __version__
from classspec.atomic import atomic_output, remove_temporaries
from classspec.batch import (
    Batch,
    DelayedProgress,
    Options,
    expand,
    plural,
    run,
    stop_workers,
)
from classspec.cli_options import (
    FLAG,
    AreaOption,
    Command,
    FormatOption,
    Group,
    ParserOption,
    PdfEngine,
    PdfEngineOption,
    check_area,
    check_parser,
)
from classspec.errors import ClassSpecError, UsageError
from classspec.export import FORMATS, writer_for
from classspec.outputs import (
    check_not_an_input,
    make_parent,
    quiet_exit,
    reopen_closed_std_streams,
    stop_cleanly_on_signals,
    store,
    stream,
    write_per_file,
)
from classspec.readers import DEFAULT_MAX_BYTES, display_path

app = typer.Typer(
    cls=Group,
    no_args_is_help=True,
    help="Turn public-sector job class specifications (text, HTML, PDF) into validated "
    "JSON, JSON Lines, YAML, CSV or SQLite; compare classes; report on a corpus.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
READING = functools.partial(DelayedProgress, label="reading")  # compare, report: a bar if slow


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def error(message: str) -> None:
    say(f"classspec: error: {message}")


def _version(value: bool) -> None:
    if value:
        print(f"classspec {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", **FLAG, callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """classspec: job class specifications to one data model."""


def _usage(message: str) -> None:
    error(message)
    raise typer.Exit(2)


@app.command(cls=Command)
def parse(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH...", help="Files, folders (recursive) or - for stdin.")
    ],
    parser: ParserOption = "auto",
    jurisdiction: Annotated[Optional[str], typer.Option("-j", "--jurisdiction", hidden=True)] = None,
    fmt: FormatOption = "json",
    output: Annotated[
        Optional[str],
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="Output file (folders created), a folder/ for one file per input, "
            "or the .db file for -f sqlite (updated in place).",
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, metavar="N", help="Parallel worker processes.")] = 1,
    strict: Annotated[bool, typer.Option("--strict", **FLAG, help="Count warnings as failures.")] = False,
    provenance: Annotated[
        bool, typer.Option("--provenance", **FLAG, help="Add source line spans per field.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, metavar="N", help="Refuse input files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    max_pages: Annotated[
        Optional[int],
        typer.Option("--max-pages", min=1, metavar="N", help="Refuse PDFs with more pages (default 500)."),
    ] = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfium,
    soc: Annotated[bool, typer.Option("--soc", **FLAG, help="Add SOC 2018 occupation suggestions.")] = False,
    wages: Annotated[
        bool, typer.Option("--wages", **FLAG, help="Add OEWS market wages for the best SOC match.")
    ] = False,
    area: AreaOption = None,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", **FLAG, help="Name the skipped files at the end.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", **FLAG, help="Show tracebacks.")] = False,
) -> None:
    """Parse spec files into ClassSpec records."""
    parser = jurisdiction or parser  # -j/--jurisdiction: the old name, still accepted
    check_parser(parser)
    check_area(area)
    if fmt not in FORMATS:
        _usage(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    inputs = expand(paths)
    per_file = output is not None and (os.path.isdir(output) or output.endswith(os.sep))
    if fmt == "sqlite" and (output is None or per_file):
        _usage("-f sqlite writes one database: give -o FILE.db")
    if output is not None and not per_file:
        check_not_an_input(output, inputs)
        make_parent(output)
    stop_cleanly_on_signals()
    options = Options(
        parser, provenance, max_bytes, max_pages, debug, pdf_engine.value, soc=soc, wages=wages, area=area
    )
    batch = Batch(strict, debug)
    progress = DelayedProgress(len(inputs.files))
    outcomes = run(inputs.files, options, jobs)
    try:
        if per_file:
            write_per_file(output, fmt, inputs, outcomes, batch, progress)
        elif fmt == "sqlite":
            store(output, outcomes, batch, progress)
        elif output:
            with atomic_output(output) as out:
                stream(writer_for(fmt, out), outcomes, batch, progress)
        else:
            stream(writer_for(fmt, sys.stdout), outcomes, batch, progress)
            sys.stdout.flush()
    except BrokenPipeError:
        quiet_exit()
    except OSError as exc:
        outcomes.close()
        error(f"{output or '<stdout>'}: cannot write output: {exc.strerror or exc}")
        batch.failed += 1
    finally:
        progress.stop()
    if verbose:
        for path in inputs.skipped:
            say(f"classspec: skipped {display_path(path)} (not a spec file type)")
    if len(inputs.files) > 1 or inputs.skipped:
        say(batch.summary(len(inputs.skipped)))
    raise typer.Exit(1 if batch.failed else 0)


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="JSON, JSON Lines or YAML exports, folders of them (recursive), or -."
        ),
    ],
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", **FLAG, help="Name the files checked and skipped.")
    ] = False,
) -> None:
    """Check exports against the ClassSpec schema.

    Every error of every record is reported (record or line, field, value); the exit
    code is 1 if there is any. Folders are searched for .json .jsonl .yaml .yml files.
    """
    from classspec.validate import expand_exports, validate_paths

    total = errors = 0
    for path, count, problems in validate_paths(paths):
        total, errors = total + count, errors + len(problems)
        for problem in problems:
            error(problem)
        if verbose:
            say(f"classspec: {path}: {plural(count, 'record')}, {plural(len(problems), 'error')}")
    if verbose:
        for path in expand_exports(paths).skipped:
            say(f"classspec: skipped {path} (not .json .jsonl .yaml .yml)")
    say(f"classspec: {plural(total, 'record')} checked, {'errors found' if errors else 'all valid'}")
    raise typer.Exit(1 if errors else 0)


@app.command(cls=Command)
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Spec files, exports, a .db (with --code) or DB:CODE."),
    ],
    code: Annotated[
        Optional[list[str]],
        typer.Option("--code", metavar="CODE", help="Only the classes with this code (repeatable)."),
    ] = None,
    fmt: Annotated[str, typer.Option("-f", "--format", metavar="FORMAT", help="text or json.")] = "text",
    parser: ParserOption = "auto",
) -> None:
    """Line two or more classes up side by side.

    Identity, grade, FLSA, education, experience and probation, then duties and
    knowledge/skills/abilities matched by similarity; what has no match is listed per
    class. Give spec files, exports, a database with --code, or DB:CODE.
    """
    from classspec.compare import compare as compare_records
    from classspec.compare import print_comparison
    from classspec.records import load

    check_parser(parser)
    if fmt not in ("text", "json"):
        _usage(f"unknown format {fmt!r}; choose one of: text, json")
    loaded = load(paths, parser=parser, codes=code or (), progress=READING)
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


@app.command(cls=Command)
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

    One self-contained page (no network): counts by parser and jurisdiction, fill rate
    per field, charts, the records with warnings, the oldest specs.
    """
    from classspec.records import load
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


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of ClassSpec."""
    from classspec.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command(cls=Command)
def detect(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files or folders.")],
    debug: Annotated[bool, typer.Option("--debug", **FLAG, help="Show tracebacks.")] = False,
) -> None:
    """Show the parser auto would choose, and why. One line a file: path, parser, confidence, markers."""
    from classspec.api import read_file
    from classspec.detect import detect as detect_doc

    failed = False
    for path in expand(paths).files:
        try:
            found = detect_doc(read_file(path))
        except ClassSpecError as exc:
            error(str(exc) if exc.path else f"{display_path(path)}: {exc.reason}")
            failed = True
            continue
        except Exception as exc:  # one bad file must not end the listing
            if debug:
                raise
            error(f"{display_path(path)}: internal error ({type(exc).__name__}: {exc})")
            failed = True
            continue
        print(f"{path}\t{found.parser}\t{found.confidence:.2f}\t{'; '.join(found.markers)}")
    raise typer.Exit(1 if failed else 0)


@app.command(cls=Command)
def text(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A spec file.")],
    pdf_engine: PdfEngineOption = PdfEngine.pdfium,
) -> None:
    """Print the text read from a file, numbered. The numbers are the lines --provenance cites."""
    from classspec.api import read_file

    try:
        doc = read_file(path, pdf_engine=pdf_engine.value)
    except ClassSpecError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    width = len(str(len(doc.lines)))
    for line in doc.lines:
        page = f"p{line.page} " if line.page else ""
        print(f"{page}{line.number:>{width}}  {line.text}".rstrip())


@app.command(cls=Command)
def soc(
    items: Annotated[
        list[str], typer.Argument(metavar="TITLE_OR_FILE...", help="Job titles, or spec files to read whole.")
    ],
    fmt: Annotated[str, typer.Option("-f", "--format", metavar="FORMAT", help="text or json.")] = "text",
    wages: Annotated[
        bool, typer.Option("--wages", **FLAG, help="Add OEWS wages for the best match.")
    ] = False,
    area: AreaOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=5, metavar="N", help="Suggestions per class.")] = 5,
) -> None:
    """Suggest SOC 2018 occupations for job titles or spec files, with the evidence."""
    from classspec.api import parse_file
    from classspec.batch import expand
    from classspec.occupations import report

    if fmt not in ("text", "json"):
        _usage(f"unknown format {fmt!r}; choose one of: text, json")
    if any(not item.strip() for item in items):
        _usage("an empty title; give a job title or a spec file")
    check_area(area)
    failed, answers = False, []
    for item in items:
        found = []
        try:
            if not os.path.exists(item):
                if _looks_like_path(item):
                    raise ClassSpecError("no such file or folder", display_path(item))
                found.append(report.answer_title(item, wages=wages, area=area, top=top))
            for path in expand([item]).files if os.path.exists(item) else []:
                for record in parse_file(path):
                    found.append(report.answer_record(path, record, wages=wages, area=area, top=top))
        except ClassSpecError as exc:
            error(str(exc) if exc.path else f"{display_path(item)}: {exc.reason}")
            failed = True
            continue
        answers += found
        if fmt == "text":
            report.show(found, fmt)
    if fmt == "json":
        report.show(answers, fmt)
    raise typer.Exit(1 if failed else 0)


def _looks_like_path(item: str) -> bool:
    """`classspec soc` takes titles and files: a missing file must not become a title."""
    from pathlib import Path

    from classspec.readers import SUPPORTED_EXTENSIONS

    folder = os.path.dirname(item)
    return (
        item.startswith(("/", "./", "../", "~", ".\\"))
        or Path(item).suffix.lower() in (*SUPPORTED_EXTENSIONS, ".rtf", ".odt", ".doc")
        or (bool(folder) and os.path.isdir(folder))
    )


def run_cli(argv: list[str] | None = None) -> None:
    """Entry point: usage errors exit 2 with one `classspec: error:` line; no traceback
    ever reaches the user unless --debug asked for it."""
    args = sys.argv[1:] if argv is None else argv
    reopen_closed_std_streams()
    try:
        code = app(args=args, prog_name="classspec", standalone_mode=False)
    except typer.TyperException as exc:
        ctx = getattr(exc, "ctx", None)
        # Bare `classspec` / `classspec parse`: typer has already printed the help.
        if type(exc).__name__ != "NoArgsIsHelpError":
            hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
            error(f"{exc.format_message()}{hint}")
        code = getattr(exc, "exit_code", 2)
    except UsageError as exc:  # an option the checks in cli_options/outputs refused
        error(str(exc))
        code = 2
    except ClassSpecError as exc:
        error(str(exc))
        code = 1
    except typer.Abort:
        code = 130
    except BrokenPipeError:
        quiet_exit()
    except KeyboardInterrupt:
        stop_workers()
        remove_temporaries()
        say("classspec: interrupted (SIGINT); no partial output left behind")
        code = 130
    except Exception as exc:
        if "--debug" in args:
            raise
        error(f"internal error ({type(exc).__name__}: {exc}); please report it, with --debug output")
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_exit()
    sys.exit(code if isinstance(code, int) else 0)
