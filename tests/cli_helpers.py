"""Shared by the CLI tests: run the `classspec` command line, and build small PDFs
byte by byte (no PDF writer needed to make good, truncated or bomb files).

`run` calls the command line in this process (Click's test runner swaps in stdin,
stdout, stderr and the environment; the exit code is the one `run_cli` exits with):
a new interpreter costs about a second here, and most CLI tests test what the command
does, not the process. Tests of the process itself (signals, a terminal, closed
streams, the entry point) start the installed script with subprocess, or pass
`process=True`; CLASSSPEC_TEST_PROCESS=1 makes every `run` a real process."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

# `classspec: error: PATH: reason` — the one line every bad input gets.
ERROR_LINE = re.compile(r"^classspec: error: (?P<path>.+?): (?P<reason>.+)$")
SUMMARY = re.compile(
    r"^classspec: (?P<parsed>\d+) parsed, (?P<records>\d+) records?, (?P<warnings>\d+) warnings?, "
    r"(?P<failed>\d+) failed, (?P<skipped>\d+) skipped$"
)


IN_PROCESS = os.environ.get("CLASSSPEC_TEST_PROCESS", "") not in ("1", "true")
# `parse` installs its own handlers for these; the test process keeps pytest's.
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))


def run(
    binary: str,
    *args: str | os.PathLike[str],
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    if IN_PROCESS and not process:
        return _run_in_process(binary, [str(a) for a in args], cwd, stdin, env)
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        [binary, *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def _run_in_process(
    binary: str,
    args: list[str],
    cwd: str | os.PathLike[str] | None,
    stdin: bytes | None,
    env: dict[str, str] | None,
) -> subprocess.CompletedProcess[str]:
    from typer.testing import CliRunner

    from classspec.cli import run_cli

    handlers = {signum: signal.getsignal(signum) for signum in _SIGNALS}
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with CliRunner().isolation(input=stdin or b"", env=env) as (out, err, _):
            try:
                run_cli(args)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
            with contextlib.suppress(ValueError):
                sys.stdout.flush()
                sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
    finally:
        os.chdir(here)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    return subprocess.CompletedProcess(
        [binary, *args], code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
    )


def error_lines(stderr: str) -> list[re.Match[str]]:
    return [m for line in stderr.splitlines() if (m := ERROR_LINE.match(line))]


def summary(stderr: str) -> dict[str, int]:
    for line in stderr.splitlines():
        if m := SUMMARY.match(line):
            return {k: int(v) for k, v in m.groupdict().items()}
    raise AssertionError(f"no batch summary in stderr:\n{stderr}")


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: Sequence[str], *, lines_per_page: int = 60, extra_stream: bytes | None = None) -> bytes:
    """A valid PDF (Helvetica, one text line per source line) with a correct xref table.

    `extra_stream`, if given, is a raw FlateDecode stream appended as its own object:
    used to build decompression bombs around an otherwise ordinary document.
    """
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[bytes] = []
    kids = []
    first_page = 4  # 1 catalog, 2 pages, 3 font
    for index, page_lines in enumerate(pages):
        page_id = first_page + 2 * index
        kids.append(f"{page_id} 0 R")
        ops = ["BT", "/F1 9 Tf", "11 TL", "40 760 Td"]
        ops += [
            f"({_pdf_string(line.encode('latin-1', 'replace').decode('latin-1'))}) Tj T*"
            for line in page_lines
        ]
        ops.append("ET")
        content = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_id + 1} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = head + objects
    if extra_stream is not None:
        body.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(extra_stream)
            + extra_stream
            + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
    return bytes(out)


def deflate_bomb(decoded_bytes: int) -> bytes:
    """A zlib stream of `decoded_bytes` spaces, made fast: a fully flushed block of
    1 MiB of spaces is compressed once and repeated (full flushes make copies identical)."""
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = decoded_bytes >> 20
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + block * count + packer.flush() + checksum.to_bytes(4, "big")


def seed_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()
