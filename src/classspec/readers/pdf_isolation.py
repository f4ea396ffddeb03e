"""Run a native PDF engine in a helper process, so that a file which crashes it (a
segfault or abort in C++) fails alone, with a clear error, and the batch goes on: also
with --jobs 1, where the crash would otherwise take the whole run down.

The helper is forked once per process that reads PDFs (so it shares the modules
already imported) and then serves one file after another through a pair of pipes:
forking per file would cost more than PDFium takes to read a small spec. When the
helper dies on a file, that file gets the error and the next file starts a new helper.
Where fork is missing (Windows) the work runs in this process.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable
from typing import IO, Any, TypeVar

from classspec.errors import InputError

T = TypeVar("T")
# Arguments at least this long (a PDF's bytes) go through the pipe as they are, beside
# the pickle instead of inside it: pickling would copy them once on each side.
OUT_OF_BAND = 64 * 1024
# Set to run the engine in-process (a debugger, a profiler, or a platform where a
# forked helper is unwelcome).
IN_PROCESS = "CLASSSPEC_PDF_IN_PROCESS"
_HEADER = struct.Struct("<QI")  # pickle's length, how many raw buffers follow it
_LENGTH = struct.Struct("<Q")
# The helper leaves after this long without work, so that no process lingers after
# the last PDF (the next PDF starts a new one).
IDLE_SECONDS = 2.0


def call_isolated(work: Callable[..., T], *args: Any, path: str | None, engine: str) -> T:
    if not hasattr(os, "fork") or os.environ.get(IN_PROCESS):
        return work(*args)
    outcome, status = None, 0
    for _ in range(2):
        helper = _Helper.mine()
        outcome = helper.call(work, args)
        if outcome is not None:
            break
        status = helper.stop()
        # Killed by a signal while reading this file: a crash. Otherwise the helper had
        # left before the file came (idle, or reaped by someone else): a new one reads it.
        if os.WIFSIGNALED(status):
            break
    if outcome is None:
        raise InputError(f"the {engine} PDF engine crashed on this file ({_how(status)})", path)
    kind, value = outcome
    if kind == "input":
        raise InputError(value, path)
    if kind == "memory":
        raise InputError("PDF too large to read in memory", path)
    if kind == "error":
        raise InputError(f"corrupt PDF ({value})", path)
    return value


class _Helper:
    """The helper process of the current process (a worker of --jobs gets its own)."""

    current: _Helper | None = None

    def __init__(self) -> None:
        request_read, request_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper: serves until its requests pipe closes, never returns
            # The objects inherited from the parent are left out of the helper's garbage
            # collections: a collection writes to every object it visits, which would
            # copy each page of the parent's heap into the helper (its memory grew with
            # the length of the PDF, as longer ones run more collections) and costs CPU.
            gc.freeze()
            status = 0
            try:
                os.close(request_write)
                os.close(result_read)
                _serve(os.fdopen(request_read, "rb"), os.fdopen(result_write, "wb"))
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(request_read)
        os.close(result_write)
        self.pid, self.owner = pid, os.getpid()
        self.stopped, self.status = False, 0
        self.requests: IO[bytes] = os.fdopen(request_write, "wb")
        self.results: IO[bytes] = os.fdopen(result_read, "rb")

    @classmethod
    def mine(cls) -> _Helper:
        if cls.current is None or cls.current.owner != os.getpid():
            if cls.current is None:
                atexit.register(_stop_at_exit)
            cls.current = cls()  # none yet, or the one inherited from a parent: not ours
        return cls.current

    def call(self, work: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any] | None:
        """The helper's outcome, or None when it died on the way."""
        raw = tuple(
            pickle.PickleBuffer(arg) if isinstance(arg, bytes) and len(arg) >= OUT_OF_BAND else arg
            for arg in args
        )
        try:
            _send(self.requests, (work, raw))
            return _receive(self.results)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None

    def stop(self) -> int:
        """Close the pipes and reap the helper (once); its wait status."""
        if self.stopped:
            return self.status
        self.stopped = True
        for pipe in (self.requests, self.results):
            with contextlib.suppress(OSError):
                pipe.close()
        if _Helper.current is self:
            _Helper.current = None
        if self.owner != os.getpid():
            return 0
        # A helper that crashed is gone already; an idle one is stopped (waiting for it
        # to see its pipe close could hang while a forked worker still holds the pipe).
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            self.status = os.waitpid(self.pid, 0)[1]
        return self.status


def _stop_at_exit() -> None:
    helper = _Helper.current
    if helper is not None and helper.owner == os.getpid():
        helper.stop()


def _serve(requests: IO[bytes], results: IO[bytes]) -> None:
    import faulthandler

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    faulthandler.disable()  # a crash is reported by the parent, once, as the file's error
    _die_with_parent()
    import select

    while True:
        waiting, _, _ = select.select([requests], [], [], IDLE_SECONDS)
        if not waiting:
            os._exit(0)
        try:
            work, args = _receive(requests)
        except EOFError:
            return
        _send(results, _outcome(work, args))


def _outcome(work: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
    from classspec.readers.pdf_container import describe

    try:
        return "ok", work(*args)
    except InputError as exc:
        return "input", exc.reason
    except MemoryError:
        return "memory", None
    except Exception as exc:
        return "error", describe(exc)


def _send(pipe: IO[bytes], message: Any) -> None:
    """A message as its pickle and the raw buffers it holds (PickleBuffers), each
    written from where it lies."""
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(message, protocol=5, buffer_callback=buffers.append)
    pipe.write(_HEADER.pack(len(payload), len(buffers)))
    for buffer in buffers:
        pipe.write(_LENGTH.pack(buffer.raw().nbytes))
    pipe.write(payload)
    for buffer in buffers:
        pipe.write(buffer.raw())
    pipe.flush()


def _receive(pipe: IO[bytes]) -> Any:
    header = _read(pipe, _HEADER.size)
    size, count = _HEADER.unpack(header)
    lengths = [_LENGTH.unpack(_read(pipe, _LENGTH.size))[0] for _ in range(count)]
    payload = _read(pipe, size)
    # A buffer arrives as bytes, as it was sent: the receiver gets what the sender had.
    return pickle.loads(payload, buffers=[_read(pipe, length) for length in lengths])


def _read(pipe: IO[bytes], size: int) -> bytes:
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError
    return data


def _die_with_parent() -> None:
    """Linux: the helper is killed when the process it serves dies, however it dies."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(signum).name}"
        except ValueError:
            return f"killed by signal {signum}"
    return f"exit status {os.WEXITSTATUS(status)}" if os.WIFEXITED(status) else "no result"
