"""The `classspec` command: a thin layer over the library.

Data goes to stdout, messages to stderr. Exit codes: 0 all well, 1 some input
failed (the rest still processed and written), 2 usage error. `parse` is in
cli_parse.py; `validate`, `compare` and `report` in cli_commands.py.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

from classspec import __version__
from classspec.atomic import remove_temporaries
from classspec.batch import stop_workers
from classspec.cli_commands import compare, report, validate
from classspec.cli_options import (
    FLAG,
    AreaOption,
    Command,
    Group,
    PdfEngine,
    PdfEngineOption,
    check_area,
    error,
    say,
)
from classspec.cli_parse import EXTENSIONS_HELP, parse
from classspec.errors import ClassSpecError, UsageError
from classspec.inputs import expand
from classspec.outputs import quiet_exit, reopen_closed_std_streams
from classspec.readers import display_path

app = typer.Typer(
    cls=Group,
    no_args_is_help=True,
    help="Turn public-sector job class specifications into validated JSON, JSON Lines, "
    f"YAML, CSV or SQLite; compare classes; report on a corpus. Reads {EXTENSIONS_HELP}.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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


app.command(cls=Command)(parse)
app.command(cls=Command)(validate)
app.command(cls=Command)(compare)
app.command(cls=Command)(report)


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
    from classspec.inputs import expand
    from classspec.occupations import report

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose one of: text, json")
    if any(not item.strip() for item in items):
        raise UsageError("an empty title; give a job title or a spec file")
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
