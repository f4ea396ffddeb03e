"""Batches: parse input files (classspec.inputs finds them) (in worker processes with
--jobs), and hand results back in input order, one at a time, so memory stays flat."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from classspec.errors import ClassSpecError
from classspec.inputs import STDIN
from classspec.readers import DEFAULT_MAX_BYTES, display_path

# How many tasks (chunks of files) each worker may be ahead of the writer: enough to
# keep workers busy, few enough that results waiting to be written stay small.
WINDOW_PER_JOB = 4
# At most this many files per worker task (see `chunk_size`).
CHUNK_FILES = 8


@dataclass(slots=True)
class Options:
    parser: str = "auto"
    provenance: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int | None = None
    debug: bool = False
    pdf_engine: str | None = None
    soc: bool = False
    wages: bool = False
    area: str | None = None


@dataclass(slots=True)
class Outcome:
    path: str
    records: list[dict] = field(default_factory=list)
    error: str | None = None
    trace: str | None = None

    @property
    def warnings(self) -> int:
        return sum(len(r["warnings"]) for r in self.records)


def parse_one(path: str, options: Options) -> Outcome:
    from classspec.api import parse_bytes, parse_file

    shown = display_path(path)
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                return Outcome(path, error=f"{STDIN}: input too large (over {options.max_bytes} bytes)")
            records = parse_bytes(
                data,
                None,
                options.parser,
                provenance=options.provenance,
                max_pages=options.max_pages,
                pdf_engine=options.pdf_engine,
            )
        else:
            records = parse_file(
                path,
                options.parser,
                provenance=options.provenance,
                max_bytes=options.max_bytes,
                max_pages=options.max_pages,
                pdf_engine=options.pdf_engine,
            )
        if options.soc or options.wages:
            from classspec.occupations import enrich

            records = enrich(records, soc=options.soc, wages=options.wages, area=options.area)
        return Outcome(path, [r.to_dict() for r in records])
    except ClassSpecError as exc:
        return Outcome(
            path,
            error=f"{exc.path or shown}: {exc.reason}",
            trace=traceback.format_exc() if options.debug else None,
        )
    except RecursionError:
        return Outcome(
            path,
            error=f"{shown}: document nested too deeply to read",
            trace=traceback.format_exc() if options.debug else None,
        )
    except MemoryError:
        return Outcome(path, error=f"{shown}: out of memory while reading it", trace=traceback.format_exc())
    except Exception as exc:  # a bug of ours must not stop the batch; it is reported as one
        return Outcome(
            path,
            error=f"{shown}: internal error ({type(exc).__name__}: {exc}); "
            "please report it, with --debug output",
            trace=traceback.format_exc(),
        )


def _worker_init(parent: int) -> None:
    """Workers leave Ctrl-C to the parent (which stops them: no tracebacks from every
    worker) and die at once on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this worker when the parent dies, even by SIGKILL (the
    OOM killer, `kill -9`), which no handler in the parent can see. Elsewhere, workers
    end when the pool's pipes close."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL))
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


def stop_workers() -> None:
    """Kill this process's worker processes (called when a signal ends the run)."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:
        return
    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            os.kill(child.pid, signal.SIGKILL)


def run(files: list[str], options: Options, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1 workers parse ahead, a bounded window."""
    if jobs <= 1 or len(files) <= 1 or STDIN in files:
        for path in files:
            yield parse_one(path, options)
        return
    yield from _run_parallel(files, options, jobs)


def _executor(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),))


def parse_chunk(paths: list[str], options: Options) -> list[Outcome]:
    """A worker's task: several files, so that a task's round trip (pickling, pipes,
    the pool's threads) is paid per chunk rather than per file."""
    return [parse_one(path, options) for path in paths]


def chunk_size(files: int, jobs: int) -> int:
    """Files per task: up to CHUNK_FILES, fewer when that would leave a worker idle
    (each worker gets WINDOW_PER_JOB tasks of the files at least)."""
    return max(1, min(CHUNK_FILES, files // (jobs * WINDOW_PER_JOB)))


def _run_parallel(files: list[str], options: Options, jobs: int) -> Iterator[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    # A PDF can take a hundred times what a web page takes: one per task, or the worker
    # with the last chunk would finish long after the other.
    size = 1 if any(path.lower().endswith(".pdf") for path in files) else chunk_size(len(files), jobs)
    todo = deque(files[start : start + size] for start in range(0, len(files), size))
    pending: deque = deque()
    if any(path.lower().endswith(".pdf") for path in files):  # workers share the PDF libraries
        from classspec.readers.pdf import preload

        preload(options.pdf_engine)
    executor = _executor(jobs)
    finished = False
    try:
        while todo or pending:
            try:
                while todo and len(pending) < jobs * WINDOW_PER_JOB:
                    pending.append((todo[0], executor.submit(parse_chunk, todo[0], options)))
                    todo.popleft()
                outcomes = pending[0][1].result()
            except BrokenProcessPool:
                # A worker died (out of memory, killed): every unfinished file is redone
                # alone, so only the one that kills its worker is reported, then a fresh pool.
                executor.shutdown(wait=True, cancel_futures=True)
                for paths, future in pending:
                    done = _finished(future)
                    if done is not None:
                        yield from done
                    else:
                        for path in paths:
                            yield _isolated(path, options)
                pending.clear()
                executor = _executor(jobs)
                continue
            pending.popleft()
            yield from outcomes
        finished = True
    finally:
        if not finished:  # abandoned early: unfinished work is not wanted, workers may hang
            stop_workers()
        # Always wait: shutdown(wait=False) races the interpreter's exit and prints
        # "Exception ignored ... Bad file descriptor" from concurrent.futures.
        executor.shutdown(wait=True, cancel_futures=True)


def _finished(future) -> list[Outcome] | None:
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return None


def _isolated(path: str, options: Options) -> Outcome:
    from concurrent.futures.process import BrokenProcessPool

    executor = _executor(1)
    try:
        return executor.submit(parse_one, path, options).result()
    except BrokenProcessPool:
        return Outcome(
            path,
            error=f"{display_path(path)}: the worker parsing it died (out of memory or killed); "
            "try it alone without --jobs",
        )
    finally:
        executor.shutdown(wait=True)


# A run shorter than this stays silent; a longer one shows a bar (terminal only).
PROGRESS_DELAY = 2.0


class DelayedProgress:
    """A rich progress bar on stderr that appears once a run has lasted PROGRESS_DELAY
    seconds (CLASSSPEC_PROGRESS_DELAY overrides it), and only when stderr is a terminal:
    never in a pipe or a log file. rich itself honours NO_COLOR."""

    def __init__(self, total: int, label: str = "parsing") -> None:
        import threading

        self.total, self.label, self.done = total, label, 0
        self.bar = None
        self.task = None
        self.lock = threading.Lock()
        self.timer = None
        if total > 1 and sys.stderr.isatty():
            delay = float(os.environ.get("CLASSSPEC_PROGRESS_DELAY", PROGRESS_DELAY))
            self.timer = threading.Timer(delay, self._show)
            self.timer.daemon = True
            if delay <= 0:
                self._show()  # now, not from a thread that a short run could finish before
            else:
                self.timer.start()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        with self.lock:
            if self.timer is None:  # already stopped
                return
            # redirect_stdout=False: records must still go to stdout, not around the bar.
            self.bar = Progress(console=Console(stderr=True), transient=True, redirect_stdout=False)
            self.task = self.bar.add_task(self.label, total=self.total, completed=self.done)
            self.bar.start()

    def advance(self) -> None:
        with self.lock:
            self.done += 1
            if self.bar is not None:
                self.bar.update(self.task, completed=self.done)

    def stop(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.bar is not None:
                self.bar.stop()
                self.bar = None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Batch:
    """Counts what happened, prints one line per failure and the closing summary."""

    def __init__(self, strict: bool, debug: bool) -> None:
        self.strict, self.debug = strict, debug
        self.parsed = self.records = self.warnings = self.failed = 0

    def accept(self, outcome: Outcome) -> bool:
        if outcome.error:
            self.failed += 1
            _say(f"classspec: error: {outcome.error}")
            if self.debug and outcome.trace:
                _say(outcome.trace.rstrip())
            return False
        if self.strict and outcome.warnings:
            self.failed += 1
            for record in outcome.records:
                for warning in record["warnings"]:
                    _say(f"classspec: error: {outcome.path}: warning (--strict): {warning}")
            return False
        self.parsed += 1
        self.records += len(outcome.records)
        self.warnings += outcome.warnings
        return True

    def summary(self, skipped: int) -> str:
        return (
            f"classspec: {self.parsed} parsed, {plural(self.records, 'record')}, "
            f"{plural(self.warnings, 'warning')}, {self.failed} failed, {skipped} skipped"
        )
