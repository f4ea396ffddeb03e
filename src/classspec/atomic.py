"""Output files that are either complete or absent: write a temporary file in the
same folder, then rename it into place (an atomic step on POSIX)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import TextIO

_open_temporaries: set[str] = set()


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    folder = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="",
        dir=folder,
        prefix=f".{os.path.basename(path)}.",
        suffix=".part",
        delete=False,
    )
    _open_temporaries.add(handle.name)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    finally:
        _open_temporaries.discard(handle.name)


def remove_temporaries() -> None:
    """Delete any temporary file still open (called when a signal ends the run)."""
    for name in list(_open_temporaries):
        with contextlib.suppress(OSError):
            os.unlink(name)
        _open_temporaries.discard(name)
