"""`classspec` and `python -m classspec`.

`classspec --version` is answered here, before the command line framework and the
parsers are imported: it is what scripts and package managers call to probe the tool,
and it should cost about as much as starting Python.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from classspec import __version__

        print(f"classspec {__version__}")
        return
    # Start-up builds some 40,000 objects that live as long as the process (modules,
    # the command line, the model's schema): collecting while they are built frees
    # nothing, and neither do the collections at exit. Frozen, the collector skips
    # them; what a batch makes after start-up is collected as usual.
    gc.disable()
    try:
        from classspec.cli import run_cli
    finally:
        gc.freeze()
        gc.enable()
    try:
        run_cli()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
