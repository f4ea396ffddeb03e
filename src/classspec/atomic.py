"""Output files that are either complete or absent: write a temporary file in the
same folder, then rename it into place (an atomic step on POSIX). An existing file
is replaced only when the new one is complete, and keeps its permissions."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from typing import TextIO

TEMP_SUFFIX = ".part"
_open_temporaries: set[str] = set()


def _final_mode(path: str) -> int:
    """The mode the output should get: the old file's, else what open() would give.

    tempfile creates files 0600; an export is meant to be read by others (CI, a web
    server), so it gets the usual 0666 minus the umask instead.
    """
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """Yield a text stream; on normal exit it becomes `path`, on any error it vanishes.

    `path` may be a symlink (the file it points to is replaced) or something that is
    not a regular file (/dev/null, /dev/stdout, a FIFO): that is written to directly,
    because renaming over it would replace the device itself (as root: /dev/null).
    """
    try:
        is_regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        is_regular = True  # does not exist yet (or cannot be checked): create it
    if not is_regular:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    yield from _replace_when_done(os.path.realpath(path))


def _replace_when_done(path: str) -> Iterator[TextIO]:
    folder = os.path.dirname(path)
    # Imported here: tempfile pulls in random and shutil, which a run writing to stdout
    # (most single-file parses) never needs.
    import tempfile

    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
        "w",
        encoding="utf-8",
        newline="",
        dir=folder,
        prefix=f".{os.path.basename(path)}.",
        suffix=TEMP_SUFFIX,
        delete=False,
    )
    _open_temporaries.add(handle.name)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _final_mode(path))
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
