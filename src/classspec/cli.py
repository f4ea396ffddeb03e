"""The `classspec` command: a thin layer over the library.

Data goes to stdout, messages to stderr. Exit codes: 0 all well, 1 some input
failed (the rest still processed and written), 2 usage error.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from classspec import __version__
from classspec.atomic import atomic_output, remove_temporaries
from classspec.batch import STDIN, Inputs, Options, Outcome, expand, output_names, run, stop_workers
from classspec.export import EXTENSIONS, FORMATS, writer_for
from classspec.readers import DEFAULT_MAX_BYTES, display_path

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn public-sector job class specifications (text, HTML, PDF) into validated "
    "JSON, JSON Lines, YAML or CSV.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
PROGRESS_MIN_FILES = 20
_MAIN_PID = os.getpid()
# Ctrl-C, kill / CI cancellation, and a closed terminal or SSH session.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


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
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """classspec: job class specifications to one data model."""


def _usage(message: str) -> None:
    error(message)
    raise typer.Exit(2)


def _check_parser(parser: str) -> None:
    from classspec.parsers import PARSER_IDS

    if parser not in PARSER_IDS:
        _usage(f"unknown parser {parser!r}; choose one of: {', '.join(PARSER_IDS)}")


def _check_area(area: str | None) -> None:
    if area is not None:
        from classspec.occupations import UnknownAreaError, resolve_area

        try:
            resolve_area(area)
        except UnknownAreaError as exc:
            _usage(f"--area: {exc}")


def _on_signal(signum: int, _frame) -> None:
    if os.getpid() != _MAIN_PID:  # a worker forked before it reset its handlers
        os._exit(128 + signum)
    stop_workers()
    remove_temporaries()
    if sys.stderr.isatty():
        sys.stderr.write("\x1b[?25h")  # the progress bar hides the cursor: give it back
    say(f"classspec: interrupted ({signal.Signals(signum).name}); no partial output left behind")
    os._exit(128 + signum)


class Batch:
    """Counts what happened, prints one line per failure and the closing summary."""

    def __init__(self, strict: bool, debug: bool) -> None:
        self.strict, self.debug = strict, debug
        self.parsed = self.records = self.warnings = self.failed = 0

    def accept(self, outcome: Outcome) -> bool:
        if outcome.error:
            self.failed += 1
            error(outcome.error)
            if self.debug and outcome.trace:
                say(outcome.trace.rstrip())
            return False
        if self.strict and outcome.warnings:
            self.failed += 1
            for record in outcome.records:
                for warning in record["warnings"]:
                    error(f"{outcome.path}: warning (--strict): {warning}")
            return False
        self.parsed += 1
        self.records += len(outcome.records)
        self.warnings += outcome.warnings
        return True

    def summary(self, skipped: int) -> str:
        return (
            f"classspec: {self.parsed} parsed, {self.records} records, {self.warnings} warnings, "
            f"{self.failed} failed, {skipped} skipped"
        )


def _progress(total: int):
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    # redirect_stdout=False: records must still go to stdout, not around the bar on stderr.
    return Progress(console=Console(stderr=True), transient=True, redirect_stdout=False)


def _output_name(folder: str, path: str, fmt: str) -> str:
    name = "stdin" if path == STDIN else Path(path).with_suffix(EXTENSIONS[fmt]).name
    return os.path.join(folder, name)


@app.command()
def parse(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    jurisdiction: Annotated[str, typer.Option("-j", "--jurisdiction", help="Parser id, or auto.")] = "auto",
    fmt: Annotated[str, typer.Option("-f", "--format", help="json, jsonl, yaml or csv.")] = "json",
    output: Annotated[
        Optional[str], typer.Option("-o", "--output", help="Output file, or a folder for one file per input.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Parallel worker processes.")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as failures.")] = False,
    provenance: Annotated[
        bool, typer.Option("--provenance", help="Add source line spans per field.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    max_pages: Annotated[
        Optional[int], typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages (default 500).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    soc: Annotated[bool, typer.Option("--soc", help="Add SOC 2018 occupation suggestions.")] = False,
    wages: Annotated[
        bool, typer.Option("--wages", help="Add OEWS market wages for the best SOC match.")
    ] = False,
    area: Annotated[
        Optional[str], typer.Option("--area", help="OEWS area for --wages: code, state or metro name.")
    ] = None,
) -> None:
    """Parse spec files into ClassSpec records."""
    _check_parser(jurisdiction)
    _check_area(area)
    if fmt not in FORMATS:
        _usage(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    inputs = expand(paths)
    per_file = output is not None and (os.path.isdir(output) or output.endswith(os.sep))
    if output is not None and not per_file:
        _check_not_an_input(output, inputs)
    for signum in _STOP_SIGNALS:
        signal.signal(signum, _on_signal)
    options = Options(jurisdiction, provenance, max_bytes, max_pages, debug, soc=soc, wages=wages, area=area)
    batch = Batch(strict, debug)
    progress = _progress(len(inputs.files))
    task = progress.add_task("parsing", total=len(inputs.files)) if progress else None
    if progress:
        progress.start()
    outcomes = run(inputs.files, options, jobs)
    try:
        if per_file:
            _write_per_file(output, fmt, inputs, outcomes, batch, progress, task)
        elif output:
            with atomic_output(output) as out:
                _stream(fmt, out, outcomes, batch, progress, task)
        else:
            _stream(fmt, sys.stdout, outcomes, batch, progress, task)
            sys.stdout.flush()
    except BrokenPipeError:
        _quiet_exit()
    except OSError as exc:
        outcomes.close()
        error(f"{output or '<stdout>'}: cannot write output: {exc.strerror or exc}")
        batch.failed += 1
    finally:
        if progress:
            progress.stop()
    if len(inputs.files) > 1 or inputs.skipped:
        say(batch.summary(len(inputs.skipped)))
    raise typer.Exit(1 if batch.failed else 0)


def _check_not_an_input(output: str, inputs: Inputs) -> None:
    """Writing the export over one of its own inputs would destroy the input."""
    for path in inputs.files:
        same = path != STDIN and os.path.exists(path) and os.path.exists(output)
        if same and os.path.samefile(path, output):
            _usage(f"output {output} is also an input; choose another output path")


def _write_per_file(folder: str, fmt: str, inputs: Inputs, outcomes, batch: Batch, progress, task) -> None:
    names = output_names(inputs, folder, EXTENSIONS[fmt])
    for outcome in outcomes:
        if batch.accept(outcome):
            target = names[outcome.path]
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with atomic_output(target) as out:
                    _write_all(fmt, out, outcome.records)
            except OSError as exc:
                # Counted as a failure of this input; the other outputs are still written.
                error(f"{display_path(target)}: cannot write output: {exc.strerror or exc}")
                batch.parsed -= 1
                batch.records -= len(outcome.records)
                batch.warnings -= outcome.warnings
                batch.failed += 1
        if progress:
            progress.advance(task)


def _quiet_exit() -> None:
    """The reader went away (e.g. `| head`): stop quietly, as Unix tools do."""
    stop_workers()
    remove_temporaries()
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), sys.stdout.fileno())
    os._exit(0)


def _write_all(fmt: str, out, records: list[dict]) -> None:
    writer = writer_for(fmt, out)
    for record in records:
        writer.write(record)
    writer.close()


def _stream(fmt: str, out, outcomes, batch: Batch, progress, task) -> None:
    writer = writer_for(fmt, out)
    for outcome in outcomes:
        if batch.accept(outcome):
            for record in outcome.records:
                writer.write(record)
        if progress:
            progress.advance(task)
    writer.close()


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="JSON, JSON Lines or YAML exports, or - for stdin.")],
) -> None:
    """Check exported records against the ClassSpec schema."""
    from classspec.validate import validate_path

    failed = False
    total = 0
    for path in paths:
        count, problems = validate_path(path)
        total += count
        for problem in problems:
            error(problem)
        failed = failed or bool(problems)
    say(f"classspec: {total} records checked, {'errors found' if failed else 'all valid'}")
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of ClassSpec."""
    from classspec.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def detect(
    paths: Annotated[list[str], typer.Argument(help="Files or folders.")],
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Show which parser auto would choose for each file, and how sure it is."""
    from classspec.api import read_file
    from classspec.detect import detect as detect_doc
    from classspec.errors import ClassSpecError

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


@app.command()
def text(
    path: Annotated[str, typer.Argument(help="A spec file.")],
) -> None:
    """Print the text classspec extracted from a file, with the line numbers provenance cites."""
    from classspec.api import read_file
    from classspec.errors import ClassSpecError

    try:
        doc = read_file(path)
    except ClassSpecError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    width = len(str(len(doc.lines)))
    for line in doc.lines:
        page = f"p{line.page} " if line.page else ""
        print(f"{page}{line.number:>{width}}  {line.text}".rstrip())


@app.command()
def soc(
    items: Annotated[list[str], typer.Argument(help="Job titles, or spec files to read whole.")],
    fmt: Annotated[str, typer.Option("-f", "--format", help="text or json.")] = "text",
    wages: Annotated[bool, typer.Option("--wages", help="Add OEWS wages for the best match.")] = False,
    area: Annotated[
        Optional[str], typer.Option("--area", help="OEWS area for --wages: code, state or metro name.")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=5, help="Suggestions per class.")] = 5,
) -> None:
    """Suggest SOC 2018 occupations for job titles or spec files, with the evidence."""
    from classspec.occupations.report import suggest_for

    if fmt not in ("text", "json"):
        _usage(f"unknown format {fmt!r}; choose one of: text, json")
    _check_area(area)
    failed = suggest_for(items, fmt=fmt, wages=wages, area=area, top=top, error=error)
    raise typer.Exit(1 if failed else 0)


def _reopen_closed_std_streams() -> None:
    """Started with stdout or stderr closed (`>&-`, some daemons)? Point them at
    /dev/null: otherwise messages fall through to stdout (print(file=None)) and the
    next file opened (an output's temporary file) would take descriptor 1 or 2."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            os.dup2(os.open(os.devnull, os.O_RDWR), fd)
        if getattr(sys, name) is None:
            stream = open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            setattr(sys, name, stream)  # lives as long as the process


def run_cli(argv: list[str] | None = None) -> None:
    """Entry point: usage errors exit 2 with one `classspec: error:` line; no traceback
    ever reaches the user unless --debug asked for it."""
    args = sys.argv[1:] if argv is None else argv
    _reopen_closed_std_streams()
    try:
        code = app(args=args, prog_name="classspec", standalone_mode=False)
    except typer.TyperException as exc:
        ctx = getattr(exc, "ctx", None)
        # Bare `classspec` / `classspec parse`: typer has already printed the help.
        if type(exc).__name__ != "NoArgsIsHelpError":
            hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
            error(f"{exc.format_message()}{hint}")
        code = getattr(exc, "exit_code", 2)
    except typer.Abort:
        code = 130
    except BrokenPipeError:
        _quiet_exit()
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
        _quiet_exit()
    sys.exit(code if isinstance(code, int) else 0)
