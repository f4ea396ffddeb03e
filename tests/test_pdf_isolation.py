"""A native crash in the PDF engine fails only the file being read."""

from __future__ import annotations

import os
import signal

import pytest

from classspec.errors import InputError
from classspec.readers import read_path
from classspec.readers.pdf_isolation import call_isolated
from conftest import REPO

GOOD = REPO / "tests" / "pdf" / "seeds" / "chicago-7401-customer-services-supervisor.pdf"


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _fails() -> None:
    raise ValueError("bad xref")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the engine runs in-process without fork")
def test_a_crash_is_an_input_error_and_the_next_file_reads() -> None:
    with pytest.raises(InputError) as caught:
        call_isolated(_segfault, path="crash.pdf", engine="pdfium")
    assert caught.value.path == "crash.pdf"
    assert "PDF engine crashed on this file (killed by SIGSEGV)" in caught.value.reason
    assert any("7401" in line.text for line in read_path(GOOD).lines)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the engine runs in-process without fork")
def test_an_exception_in_the_helper_is_a_corrupt_pdf_error() -> None:
    with pytest.raises(InputError, match=r"corrupt PDF \(ValueError: bad xref\)"):
        call_isolated(_fails, path="x.pdf", engine="pdfium")


def test_in_process_reads_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    isolated = read_path(GOOD).lines
    monkeypatch.setenv("CLASSSPEC_PDF_IN_PROCESS", "1")
    assert read_path(GOOD).lines == isolated


def _digest(data: bytes, salt: bytes) -> tuple[type, int, str]:
    import hashlib

    return type(data), len(data), hashlib.sha256(salt + data).hexdigest()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the engine runs in-process without fork")
def test_a_large_argument_reaches_the_helper_whole_and_as_bytes() -> None:
    import hashlib

    from classspec.readers.pdf_isolation import OUT_OF_BAND

    # Past OUT_OF_BAND the bytes go beside the pickle: they must arrive as they left.
    data = bytes(range(256)) * (OUT_OF_BAND // 128) + b"end"
    kind, size, digest = call_isolated(_digest, data, b"salt", path="big.pdf", engine="pdfium")
    assert (kind, size, digest) == (bytes, len(data), hashlib.sha256(b"salt" + data).hexdigest())
