"""`classspec parse`: its options, where its records go, and the closing summary."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer

from classspec.atomic import atomic_output
from classspec.batch import Batch, DelayedProgress, Options, run
from classspec.cli_options import (
    FLAG,
    AreaOption,
    FormatOption,
    ParserOption,
    PdfEngine,
    PdfEngineOption,
    check_area,
    check_parser,
    error,
    output_format,
    say,
)
from classspec.errors import UsageError
from classspec.export import writer_for
from classspec.inputs import Inputs, expand
from classspec.outputs import (
    check_not_an_input,
    make_parent,
    quiet_exit,
    stop_cleanly_on_signals,
    store,
    stream,
    write_per_file,
)
from classspec.readers import DEFAULT_MAX_BYTES, READ_EXTENSIONS, display_path

EXTENSIONS_HELP = " ".join(READ_EXTENSIONS)
SKIPPED_NAMED = 10  # a run with nothing to read names this many of the files it skipped


def parse(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help=f"Files, folders (recursive: {EXTENSIONS_HELP}; README*, LICENSE*, CHANGELOG* and "
            "hidden files skipped) or - for stdin.",
        ),
    ],
    parser: ParserOption = "auto",
    jurisdiction: Annotated[Optional[str], typer.Option("-j", "--jurisdiction", hidden=True)] = None,
    fmt: FormatOption = None,
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
    exclude: Annotated[
        Optional[list[str]],
        typer.Option("--exclude", metavar="GLOB", help="Skip files and folders matching (repeatable)."),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, metavar="N", help="Parallel worker processes.")] = 1,
    strict: Annotated[bool, typer.Option("--strict", **FLAG, help="Count warnings as failures.")] = False,
    provenance: Annotated[
        bool,
        typer.Option("--provenance", **FLAG, help="Add source line spans per field (CSV: a JSON column)."),
    ] = False,
    bom: Annotated[
        Optional[bool],
        typer.Option(
            "--bom/--no-bom",
            help="CSV: start with a UTF-8 byte order mark, so Excel keeps accents. "
            "Default: on for a .csv file, off on stdout.",
        ),
    ] = None,
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
    if jurisdiction is not None:
        # It was once an alias of --parser, which invited forcing a template onto
        # another employer's spec and stamping that employer's name on it.
        raise UsageError(
            "parse has no --jurisdiction: the jurisdiction is read from each document; "
            "to force a template, use -p/--parser"
        )
    check_parser(parser)
    check_area(area)
    per_file = output is not None and (os.path.isdir(output) or output.endswith(os.sep))
    fmt = output_format(fmt, output, per_file)
    inputs = expand(paths, exclude or ())
    if fmt == "sqlite" and (output is None or per_file):
        raise UsageError("-f sqlite writes one database: give -o FILE.db")
    if not inputs.files:
        _nothing_to_read(inputs)
    if output is not None and not per_file:
        check_not_an_input(output, inputs)
        make_parent(output)
    stop_cleanly_on_signals()
    options = Options(
        parser, provenance, max_bytes, max_pages, debug, pdf_engine.value, soc=soc, wages=wages, area=area
    )
    writing = {"bom": output is not None if bom is None else bom, "provenance": provenance}
    batch = Batch(strict, debug)
    progress = DelayedProgress(len(inputs.files))
    outcomes = run(inputs.files, options, jobs)
    try:
        if per_file:
            write_per_file(output, fmt, inputs, outcomes, batch, progress, writing)
        elif fmt == "sqlite":
            store(output, outcomes, batch, progress)
        elif output:
            with atomic_output(output) as out:
                stream(writer_for(fmt, out, **writing), outcomes, batch, progress)
        else:
            stream(writer_for(fmt, sys.stdout, **writing), outcomes, batch, progress)
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
        _name_skipped(inputs)
    if len(inputs.files) > 1 or inputs.skipped:
        say(batch.summary(len(inputs.skipped)))
    raise typer.Exit(1 if batch.failed else 0)


def _name_skipped(inputs: Inputs) -> None:
    for path in inputs.skipped:
        say(f"classspec: skipped {display_path(path)} ({inputs.why.get(path, 'not a spec file type')})")


def _nothing_to_read(inputs: Inputs) -> None:
    """Every path given was skipped: that is a failed run, not an empty success."""
    shown = [f"{display_path(p)} ({inputs.why.get(p, 'skipped')})" for p in inputs.skipped[:SKIPPED_NAMED]]
    more = len(inputs.skipped) - len(shown)
    listing = "; ".join(shown) + (f"; and {more} more (-v names them all)" if more > 0 else "")
    error(
        f"no readable input (classspec reads {EXTENSIONS_HELP})"
        + (f"; skipped {len(inputs.skipped)}: {listing}" if inputs.skipped else "")
    )
    raise typer.Exit(1)
