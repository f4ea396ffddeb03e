"""Where a batch's records go: one stream (a file or stdout), one file per input, or
the SQLite store. The CLI picks one; each counts failures in the `Batch`."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from typing import TextIO

from classspec.atomic import atomic_output, remove_temporaries
from classspec.batch import Batch, DelayedProgress, Outcome, stop_workers
from classspec.errors import InputError, UsageError
from classspec.export import EXTENSIONS, writer_for
from classspec.inputs import STDIN, Inputs, output_names


def stream(writer, outcomes: Iterator[Outcome], batch: Batch, progress: DelayedProgress) -> None:
    for outcome in outcomes:
        if batch.accept(outcome):
            for record in outcome.records:
                writer.write(record)
        progress.advance()
    writer.close()


def store(path: str, outcomes: Iterator[Outcome], batch: Batch, progress: DelayedProgress) -> None:
    """Into the database at `path`, in one transaction: all or nothing."""
    import sqlite3

    from classspec.store import SqliteWriter

    try:
        writer = SqliteWriter(path)
    except sqlite3.Error as exc:
        raise OSError(f"not a database classspec can update ({exc})") from None
    try:
        stream(writer, outcomes, batch, progress)
    except sqlite3.Error as exc:  # e.g. a database of another program's making
        writer.abort()
        raise OSError(f"cannot store the records ({exc})") from None
    except BaseException:
        writer.abort()
        raise


def _write_all(fmt: str, out: TextIO, records: list[dict], options: dict) -> None:
    writer = writer_for(fmt, out, **options)
    for record in records:
        writer.write(record)
    writer.close()


def write_per_file(
    folder: str,
    fmt: str,
    inputs: Inputs,
    outcomes: Iterator[Outcome],
    batch: Batch,
    progress: DelayedProgress,
    options: dict | None = None,
) -> None:
    """`options`: the writer's (see export.writer_for)."""
    names = output_names(inputs, folder, EXTENSIONS[fmt])
    for outcome in outcomes:
        if batch.accept(outcome):
            target = names[outcome.path]
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with atomic_output(target) as out:
                    _write_all(fmt, out, outcome.records, options or {})
            except OSError as exc:
                from classspec.readers import display_path

                # Counted as a failure of this input; the other outputs are still written.
                print(
                    f"classspec: error: {display_path(target)}: cannot write output: {exc.strerror or exc}",
                    file=sys.stderr,
                    flush=True,
                )
                batch.parsed -= 1
                batch.records -= len(outcome.records)
                batch.warnings -= outcome.warnings
                batch.failed += 1
        progress.advance()


def reopen_closed_std_streams() -> None:
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


_MAIN_PID = os.getpid()
# Ctrl-C, kill / CI cancellation, and a closed terminal or SSH session.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def stop_cleanly_on_signals() -> None:
    """A stopped run leaves no partial output: workers stopped, temporary files removed."""
    for signum in _STOP_SIGNALS:
        signal.signal(signum, _on_signal)


def _on_signal(signum: int, _frame) -> None:
    if os.getpid() != _MAIN_PID:  # a worker forked before it reset its handlers
        os._exit(128 + signum)
    stop_workers()
    remove_temporaries()
    if sys.stderr.isatty():
        sys.stderr.write("\x1b[?25h")  # the progress bar hides the cursor: give it back
    name = signal.Signals(signum).name
    print(f"classspec: interrupted ({name}); no partial output left behind", file=sys.stderr, flush=True)
    os._exit(128 + signum)


def quiet_exit() -> None:
    """The reader went away (e.g. `| head`): stop quietly, as Unix tools do."""
    stop_workers()
    remove_temporaries()
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), sys.stdout.fileno())
    os._exit(0)


def make_parent(output: str) -> None:
    """`-o out/docs.jsonl` where out/ does not exist yet: create it before parsing."""
    try:
        os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    except OSError as exc:
        reason = f"cannot write output (cannot create its folder: {exc.strerror or exc})"
        raise InputError(reason, output) from None


def check_not_an_input(output: str, inputs: Inputs) -> None:
    """Writing the export over one of its own inputs would destroy the input."""
    for path in inputs.files:
        same = path != STDIN and os.path.exists(path) and os.path.exists(output)
        if same and os.path.samefile(path, output):
            raise UsageError(f"output {output} is also an input; choose another output path")
