"""Every bad input gets one `classspec: error: PATH: reason` line on stderr and exit 1,
never a traceback, and the good files of the same batch are still parsed and written.

All run the installed console script, so what is tested is what a user sees."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from cli_helpers import deflate_bomb, error_lines, make_pdf, run, seed_lines, summary
from conftest import SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"


def _binary() -> bytes:
    rng = random.Random(5)
    return bytes(rng.randrange(256) for _ in range(4096))


def _encrypted(user_password: str) -> bytes:
    import pypdf  # dev extra: writes the encrypted PDF

    reader = pypdf.PdfReader(io.BytesIO(make_pdf(seed_lines(CHICAGO))))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _truncated_pdf() -> bytes:
    whole = make_pdf(seed_lines(CHICAGO))
    return whole[: len(whole) // 2]


def _bomb_pdf() -> bytes:
    # 1 GiB of spaces packed into about 1 MB, hung off an otherwise valid document.
    return make_pdf(seed_lines(CHICAGO), extra_stream=deflate_bomb(1 << 30))


# name, content, words the reason must contain (any of them, case-insensitive)
BAD_INPUTS = [
    ("empty.txt", lambda: b"", ("empty",)),
    ("whitespace.txt", lambda: b"  \r\n\t\n \x0c\n   ", ("empty",)),
    ("binary.txt", _binary, ("binary",)),
    ("controls.txt", lambda: bytes(range(1, 9)) * 200, ("binary",)),
    ("text-named.pdf", lambda: CHICAGO.read_bytes(), ("not a pdf",)),
    ("garbage.pdf", lambda: b"%PDF-1.4 garbage", ("pdf",)),
    ("truncated.pdf", _truncated_pdf, ("pdf",)),
    ("password.pdf", lambda: _encrypted("secret"), ("password",)),
    ("bomb.pdf", _bomb_pdf, ("bomb", "too large", "memory")),
    ("utf16-odd.txt", lambda: b"\xff\xfeT\x00i\x00t\x00l", ("undecodable",)),
    ("not-utf8.txt", lambda: bytes(range(0x80, 0x100)) * 40, ("undecodable", "binary")),
    ("recipe.txt", lambda: b"Pancakes\n\nMix flour, eggs and milk.\nFry in butter.\n", ("not a class spec",)),
    ("letter.html", lambda: b"<html><body><p>Dear Sir,</p><p>Thank you.</p></body></html>", ("not a class",)),
]


@pytest.mark.parametrize(("name", "content", "reasons"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_one_error_line_exit_1(classspec_bin, tmp_path, name, content, reasons):
    bad = tmp_path / name
    bad.write_bytes(content())
    result = run(classspec_bin, "parse", bad, "-f", "jsonl", cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(bad)
    assert any(word in match["reason"].lower() for word in reasons), match["reason"]
    assert "internal error" not in match["reason"]


def test_rest_of_batch_is_processed_and_written(classspec_bin, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content, _ in BAD_INPUTS:
        (folder / name).write_bytes(content())
    shutil.copy(CHICAGO, folder / "good.txt")
    out = tmp_path / "out.jsonl"
    result = run(classspec_bin, "parse", folder, "-f", "jsonl", "-o", out, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failed = {Path(m["path"]).name for m in error_lines(result.stderr)}
    assert failed == {name for name, _, _ in BAD_INPUTS}
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"]["path"] for r in records] == [str(folder / "good.txt")]
    assert summary(result.stderr) == {
        "parsed": 1,
        "records": 1,
        "warnings": records[0]["warnings"].__len__(),
        "failed": len(BAD_INPUTS),
        "skipped": 0,
    }


def test_missing_path(classspec_bin, tmp_path):
    result = run(classspec_bin, "parse", tmp_path / "nope.txt", CHICAGO, "-f", "jsonl")
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(tmp_path / "nope.txt")
    assert match["reason"] == "no such file"
    assert len(result.stdout.splitlines()) == 1  # the good file is still parsed


def test_over_size_limit(classspec_bin, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(CHICAGO.read_bytes())
    result = run(classspec_bin, "parse", big, "--max-bytes", "1000")
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert "too large" in match["reason"] and "--max-bytes" in match["reason"]
    assert run(classspec_bin, "parse", big, "--max-bytes", str(big.stat().st_size)).returncode == 0


def test_over_size_limit_on_stdin(classspec_bin):
    result = run(classspec_bin, "parse", "-", "--max-bytes", "1000", stdin=CHICAGO.read_bytes())
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["path"] == "-" and "too large" in match["reason"]


def test_default_size_limit_is_documented(classspec_bin):
    from classspec.readers import DEFAULT_MAX_BYTES

    result = run(classspec_bin, "parse", "--help", env={"COLUMNS": "200"})
    assert str(DEFAULT_MAX_BYTES) in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod 000 files; see the FIFO and folder tests")
def test_unreadable_file(classspec_bin, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_bytes(CHICAGO.read_bytes())
    locked.chmod(0)
    try:
        result = run(classspec_bin, "parse", locked)
    finally:
        locked.chmod(0o644)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["reason"] == "permission denied"


def test_unreadable_input_simulated_as_root(classspec_bin, tmp_path):
    """Root can read chmod 000 files, so the OS errors a user cannot bypass stand in:
    a symlink loop (ELOOP) and a broken symlink, each with its own reason."""
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    dangling = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "gone.txt", dangling)
    result = run(classspec_bin, "parse", loop, dangling, CHICAGO, "-f", "jsonl")
    assert result.returncode == 1
    reasons = {Path(m["path"]).name: m["reason"] for m in error_lines(result.stderr)}
    assert reasons["loop.txt"].startswith("cannot read: ")
    assert reasons["dangling.txt"] == "broken symbolic link"
    assert len(result.stdout.splitlines()) == 1


def test_fifo_without_writer_does_not_hang(classspec_bin, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run(classspec_bin, "parse", fifo, timeout=30)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["reason"].startswith("empty")


def test_directory_named_like_a_spec_is_walked(classspec_bin, tmp_path):
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    shutil.copy(CHICAGO, folder / "a.txt")
    result = run(classspec_bin, "parse", folder, "-f", "jsonl")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


def test_file_name_not_utf8(classspec_bin, tmp_path):
    name = os.fsencode(tmp_path) + b"/spec-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(CHICAGO.read_bytes())
    out = tmp_path / "out.json"
    result = run(classspec_bin, "parse", os.fsdecode(name), "-o", out)
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(out.read_text(encoding="utf-8"))
    assert record["source"]["path"].endswith("spec-\\xff.txt")


def test_no_traceback_unless_debug(classspec_bin, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    quiet = run(classspec_bin, "parse", bad)
    loud = run(classspec_bin, "parse", bad, "--debug")
    assert "Traceback" not in quiet.stderr
    assert "Traceback" in loud.stderr
    assert quiet.returncode == loud.returncode == 1
    assert error_lines(loud.stderr)[0]["path"] == str(bad)


# --- odd but good inputs: these must parse, not be refused -------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf16le-no-bom.txt", lambda text: text.encode("utf-16-le")),
        ("utf16be-no-bom.txt", lambda text: text.encode("utf-16-be")),
        ("nul-padded.txt", lambda text: text.encode("utf-8") + b"\x00" * 700),
        ("crlf-cp1252.txt", lambda text: text.replace("\n", "\r\n").encode("cp1252", "replace")),
    ],
)
def test_odd_encodings_still_parse(classspec_bin, tmp_path, name, encode):
    spec = tmp_path / name
    spec.write_bytes(encode(CHICAGO.read_text(encoding="utf-8")))
    result = run(classspec_bin, "parse", spec, "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["class_code"] == "7401"


@pytest.mark.parametrize("command", ["detect", "text"])
def test_other_commands_report_bad_input_in_one_line(classspec_bin, tmp_path, command):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(_binary())
    result = run(classspec_bin, command, bad)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(bad) and "binary" in match["reason"]
