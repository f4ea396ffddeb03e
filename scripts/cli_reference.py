"""The README's command reference, generated from the CLI's own --help (run by cog:
`cog -r README.md`; `tests/test_cli_reference.py` fails when README.md has drifted)."""

from __future__ import annotations

import os
import subprocess
import sys

COMMANDS = ("parse", "validate", "compare", "report", "schema", "detect", "text", "soc")
RUN_CLI = "from classspec.cli import run_cli; run_cli()"


def help_text(*args: str) -> str:
    """`classspec ARGS --help` as an 80-column terminal shows it."""
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args, "--help"], capture_output=True, text=True, env=env, check=True
    )
    return "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())


def reference() -> str:
    parts = ["```text", "$ classspec --help", help_text(), "```", ""]
    for command in COMMANDS:
        parts += [f"### `classspec {command}`", "", "```text", help_text(command), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference())
