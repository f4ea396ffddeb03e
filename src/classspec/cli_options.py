"""What the CLI's options look like to a user: help with `PATH...` usage lines, flags
shown as flags, parser ids listed, and shell completion of parser ids and formats."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from classspec.errors import UsageError
from classspec.export import FORMATS


class Command(typer.core.TyperCommand):
    """Help as a Unix user expects it: `PATH...` in the usage line, no Python type
    names, and the parser ids, looked up only when help is shown (importing every
    parser to build the help text would slow every start-up)."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar]
        for param in self.get_params(ctx):
            if isinstance(param, typer.core.TyperArgument):
                pieces.append(_argument_name(param) if param.required else f"[{_argument_name(param)}]")
        return pieces

    def format_help(self, ctx, formatter) -> None:
        from classspec.parsers import PARSER_IDS

        for param in self.params:
            if param.help and "{parsers}" in param.help:
                param.help = param.help.replace("{parsers}", ", ".join(PARSER_IDS))
            if isinstance(param, typer.core.TyperArgument):
                param.metavar = _argument_name(param)
            if isinstance(param, typer.core.TyperArgument) or getattr(param, "is_flag", False):
                # An argument's name says what it is; a flag takes no value.
                param.display_type_rich = lambda ctx: None
            elif param.metavar is None:  # "--area AREA", not "--area <str>"
                param.metavar = param.name.upper()
        super().format_help(ctx, formatter)


def _argument_name(param) -> str:
    """PATH, or PATH... for an argument taking several values."""
    name = param.metavar or param.name.upper()
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


class Group(typer.core.TyperGroup):
    """The top-level command: every subcommand gets `Command`'s help, also one added
    with a plain `@app.command()`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            if type(command) is typer.core.TyperCommand:
                command.__class__ = Command


PARSER_HELP = "Parser id: {parsers}."


def complete_parser(incomplete: str) -> list[str]:
    from classspec.parsers import PARSER_IDS

    return [p for p in PARSER_IDS if p.startswith(incomplete)]


def complete_format(incomplete: str) -> list[str]:
    return [f for f in FORMATS if f.startswith(incomplete)]


ParserOption = Annotated[
    str, typer.Option("-p", "--parser", metavar="ID", help=PARSER_HELP, autocompletion=complete_parser)
]

FLAG = {"metavar": ""}  # boolean options show as flags, not as "<bool>"


FormatOption = Annotated[
    Optional[str],
    typer.Option(
        "-f",
        "--format",
        metavar="FORMAT",
        help=f"One of: {', '.join(FORMATS)}. Default: the -o file's extension "
        "(.json .jsonl .yaml .yml .csv .db .sqlite), else json.",
        autocompletion=complete_format,
    ),
]


class PdfEngine(str, Enum):
    """The PDF engines of classspec.readers.pdf.ENGINES."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


PdfEngineOption = Annotated[
    PdfEngine, typer.Option("--pdf-engine", help="PDF reader: pdfium (fast) or pdfplumber.")
]

AreaOption = Annotated[
    Optional[str],
    typer.Option("--area", metavar="AREA", help="OEWS area for --wages: code, state or metro name."),
]


def check_parser(parser: str) -> None:
    from classspec.parsers import PARSER_IDS

    if parser not in PARSER_IDS:
        raise UsageError(f"unknown parser {parser!r}; choose one of: {', '.join(PARSER_IDS)}")


def check_area(area: str | None) -> None:
    if area is not None:
        from classspec.occupations import UnknownAreaError, resolve_area

        try:
            resolve_area(area)
        except UnknownAreaError as exc:
            raise UsageError(f"--area: {exc}") from None


def say(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)


def error(message: str) -> None:
    say(f"classspec: error: {message}")


# What `-o FILE` says by its extension when `-f` does not.
OUTPUT_EXTENSIONS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}


def output_format(fmt: str | None, output: str | None, per_file: bool) -> str:
    """The format to write: -f, else the -o file's extension, else JSON. An extension
    that names another format than -f is a usage error (`-f json -o x.csv` would write
    a file every program then misreads)."""
    import os

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    implied = None
    if output is not None and not per_file:
        implied = OUTPUT_EXTENSIONS.get(os.path.splitext(output)[1].lower())
    if fmt is not None and implied is not None and implied != fmt:
        raise UsageError(
            f"-o {output} names {implied} by its extension but -f asks for {fmt}; "
            "drop -f or give the output a matching extension"
        )
    return fmt or implied or "json"
