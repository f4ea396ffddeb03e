"""`classspec` and `python -m classspec`.

`classspec --version` is answered here, before the command line framework and the
parsers are imported: it is what scripts and package managers call to probe the tool,
and it should cost about as much as starting Python.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from classspec import __version__

        print(f"classspec {__version__}")
        return
    from classspec.cli import run_cli

    run_cli()


if __name__ == "__main__":
    main()
