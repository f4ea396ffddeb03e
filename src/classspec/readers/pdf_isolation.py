"""Run a native PDF engine in a child process, so that a file which crashes it (a
segfault or abort in C++) fails alone, with a clear error, and the batch goes on: also
with --jobs 1, where the crash would otherwise take the whole run down.

The child is forked (cheap: it shares the parent's imported modules and memory pages),
does the work, sends the result back through a pipe and exits. Where fork is missing
(Windows) the work runs in this process.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from classspec.errors import InputError

T = TypeVar("T")
# Set to run the engine in-process (a debugger, a profiler, or a platform where a
# forked child is unwelcome).
IN_PROCESS = "CLASSSPEC_PDF_IN_PROCESS"


def call_isolated(work: Callable[..., T], *args: Any, path: str | None, engine: str) -> T:
    if not hasattr(os, "fork") or os.environ.get(IN_PROCESS):
        return work(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller
        status = 0
        try:
            os.close(read_end)
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, signal.SIG_DFL)
            payload = pickle.dumps(_outcome(work, args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        raise InputError(f"the {engine} PDF engine crashed on this file ({_how(status)})", path)
    kind, value = pickle.loads(payload)
    if kind == "input":
        raise InputError(value, path)
    if kind == "memory":
        raise InputError("PDF too large to read in memory", path)
    if kind == "error":
        raise InputError(f"corrupt PDF ({value})", path)
    return value


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


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(signum).name}"
        except ValueError:
            return f"killed by signal {signum}"
    return f"exit status {os.WEXITSTATUS(status)}" if os.WIFEXITED(status) else "no result"
