"""The `classspec` command as a user (or a CI job) runs it: exit codes, the stdout/stderr
split, folders, the batch summary, --strict, output files that are never half written,
interruption by signals (with and without --jobs), `| head`, the TTY progress bar and
NO_COLOR. Everything runs the installed console script in a subprocess."""

from __future__ import annotations

import json
import os
import pty
import re
import shlex
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from cli_helpers import error_lines, run, summary
from conftest import PHILADELPHIA, REPO, SEED_FILES, SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"
COLOR_CODE = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|38;[0-9;]+)m")


def _seed_folder(tmp_path: Path, copies: int = 1) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for index in range(copies):
        for seed in SEED_FILES:
            shutil.copy(seed, folder / f"{index:03d}-{seed.name}")
    return folder


# --- usage errors: exit 2, one line, nothing on stdout -------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "-j", "atlantis", "x.txt"],
        ["parse", "-p", "atlantis", "x.txt"],
        ["compare", "-f", "xml", "a.txt", "b.txt"],
        ["parse", "-f", "xml", "x.txt"],
        ["parse"],
        ["parse", "--jobs", "0", "x.txt"],
        ["parse", "--no-such-option", "x.txt"],
        ["validate"],
        ["frobnicate"],
    ],
    ids=[
        "unknown-parser-old-name",
        "unknown-parser",
        "compare-unknown-format",
        "unknown-format",
        "no-paths",
        "jobs-0",
        "unknown-option",
        "validate-no-paths",
        "cmd",
    ],
)
def test_usage_errors_exit_2(classspec_bin, args):
    result = run(classspec_bin, *args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("classspec: error: "), result.stderr


def test_help_for_every_command(classspec_bin):
    listed = run(classspec_bin, "--help").stdout.split("Commands:")[1].splitlines()
    commands = [line.split()[0] for line in listed if line.startswith("  ") and line.split()]
    assert {"parse", "validate", "compare", "report", "schema", "detect", "text"} <= set(commands)
    for command in commands:
        result = run(classspec_bin, command, "--help")
        assert result.returncode == 0 and result.stdout.startswith(f"Usage: classspec {command} [OPTIONS]")
        # Flags take no value and values are named (FILE, N …), never a Python type.
        assert not re.search(r"<\w+|list\[|\{", result.stdout), result.stdout


def test_parse_help_lists_parser_ids_and_formats(classspec_bin):
    from classspec.export import FORMATS
    from classspec.parsers import PARSER_IDS

    result = run(classspec_bin, "parse", "--help")
    lines = result.stdout.splitlines()
    assert lines[0] == "Usage: classspec parse [OPTIONS] PATH..."
    words = " ".join(result.stdout.split())
    assert f"-p, --parser ID Parser id: {', '.join(PARSER_IDS)}." in words
    assert f"-f, --format FORMAT One of: {', '.join(FORMATS)}." in words
    assert "--jurisdiction" not in result.stdout  # the old name still works, unlisted
    (strict,) = [line for line in lines if "--strict" in line]
    assert strict.split()[:2] == ["--strict", "Count"]  # a flag takes no value


def test_parser_option_and_its_old_name(classspec_bin):
    """-j/--jurisdiction was once --parser's alias: it invited stamping one employer's
    name on another's spec, so it is now a usage error pointing to --parser."""
    by_parser = run(classspec_bin, "parse", CHICAGO, "-p", "generic")
    auto = run(classspec_bin, "parse", CHICAGO)
    assert by_parser.returncode == 0 and by_parser.stdout != auto.stdout
    assert json.loads(by_parser.stdout)[0]["source"]["parser"] == "generic"
    for option in ("--jurisdiction", "-j"):
        by_old_name = run(classspec_bin, "parse", CHICAGO, option, "generic")
        assert by_old_name.returncode == 2 and by_old_name.stdout == ""
        assert by_old_name.stderr.startswith("classspec: error: parse has no --jurisdiction")
        assert "-p/--parser" in by_old_name.stderr


def test_shell_completion(classspec_bin):
    top = run(classspec_bin, "--help")
    assert "--install-completion" in top.stdout and "--show-completion" in top.stdout
    # The script --show-completion prints, asked for by name: --show-completion itself
    # guesses the shell from the parent processes, which a test runner does not fix.
    script = run(classspec_bin, env={"_CLASSSPEC_COMPLETE": "source_bash"})
    assert script.returncode == 0 and "complete" in script.stdout and "_CLASSSPEC_COMPLETE" in script.stdout
    words = {"_CLASSSPEC_COMPLETE": "complete_bash", "COMP_WORDS": "classspec parse -p phi"}
    words["COMP_CWORD"] = "3"
    assert run(classspec_bin, env=words).stdout.split() == ["philadelphia"]


def test_one_record_and_one_warning_are_singular(classspec_bin, tmp_path):
    by_file: dict[str, int] = {}
    for record in _all_seed_records(classspec_bin):
        path = record["source"]["path"]
        by_file[path] = by_file.get(path, 0) + len(record["warnings"])
    single = [path for path, count in by_file.items() if count == 1]
    if not single:
        pytest.skip("no seed has exactly one warning now")
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(REPO / single[0], folder / Path(single[0]).name)
    (folder / "skipped.png").write_bytes(b"x")  # a skipped file makes a one-file run print its summary
    result = run(classspec_bin, "parse", folder, "-o", tmp_path / "out.json")
    records = json.loads((tmp_path / "out.json").read_text())
    noun = "record" if len(records) == 1 else "records"
    assert f"1 parsed, {len(records)} {noun}, 1 warning, 0 failed, 1 skipped" in result.stderr


def test_one_record_is_singular(classspec_bin, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(CHICAGO, folder / CHICAGO.name)
    (folder / "skipped.png").write_bytes(b"x")
    result = run(classspec_bin, "parse", folder, "-o", tmp_path / "out.json")
    assert result.stderr.startswith("classspec: 1 parsed, 1 record, ")


def _all_seed_records(classspec_bin) -> list[dict]:
    result = run(classspec_bin, "parse", SEEDS, "-f", "jsonl")
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_verbose_names_skipped_files(classspec_bin, tmp_path):
    folder = _seed_folder(tmp_path)
    (folder / "notes.docx.bak").write_text("x")
    (folder / "image.png").write_bytes(b"\x89PNG")
    quiet = run(classspec_bin, "parse", folder, "-f", "jsonl")
    assert summary(quiet.stderr)["skipped"] == 2 and "image.png" not in quiet.stderr
    loud = run(classspec_bin, "parse", folder, "-f", "jsonl", "--verbose")
    skipped = [line for line in loud.stderr.splitlines() if line.startswith("classspec: skipped ")]
    assert skipped == [
        f"classspec: skipped {folder / 'image.png'} (not a spec file type)",
        f"classspec: skipped {folder / 'notes.docx.bak'} (not a spec file type)",
    ]
    assert loud.stderr.splitlines()[-1].startswith("classspec: ")  # the summary comes last


def test_version(classspec_bin):
    from classspec import __version__

    result = run(classspec_bin, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"classspec {__version__}"


# --- stdout / stderr split, determinism ----------------------------------------------


def test_data_on_stdout_messages_on_stderr(classspec_bin, tmp_path):
    folder = _seed_folder(tmp_path)
    result = run(classspec_bin, "parse", folder)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) >= len(SEED_FILES)
    (line,) = result.stderr.splitlines()
    assert summary(line) == {
        "parsed": len(SEED_FILES),
        "records": len(records),
        "warnings": sum(len(r["warnings"]) for r in records),
        "failed": 0,
        "skipped": 0,
    }


def test_single_file_has_no_summary(classspec_bin):
    result = run(classspec_bin, "parse", CHICAGO)
    assert result.returncode == 0 and result.stderr == ""


def test_stdin(classspec_bin):
    result = run(classspec_bin, "parse", "-", "-f", "jsonl", stdin=CHICAGO.read_bytes())
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"]["path"] is None


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "csv"])
def test_output_is_deterministic_and_jobs_do_not_change_it(classspec_bin, tmp_path, fmt):
    folder = _seed_folder(tmp_path, copies=2)
    first = run(classspec_bin, "parse", folder, "-f", fmt)
    again = run(classspec_bin, "parse", folder, "-f", fmt)
    parallel = run(classspec_bin, "parse", folder, "-f", fmt, "--jobs", "2")
    assert first.returncode == again.returncode == parallel.returncode == 0
    assert first.stdout == again.stdout == parallel.stdout
    assert first.stderr == parallel.stderr


# --- folders ------------------------------------------------------------------------


def test_folders_recursive_extensions_skips_and_loops(classspec_bin, tmp_path):
    root = tmp_path / "specs"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a").mkdir()
    shutil.copy(CHICAGO, root / "b" / "deeper" / "CHICAGO.TXT")
    shutil.copy(CHICAGO, root / "a" / "chicago.Text")
    shutil.copy(CHICAGO, root / "z.txt")
    for junk in ("notes.odp", "image.png", "README", "a/.DS_Store", "b/data.csv"):
        (root / junk).write_bytes(b"not for us")
    os.symlink(root, root / "b" / "loop")  # a symlink loop back to the top
    os.symlink(root / "a", root / "again")  # the same folder twice under two names
    os.mkfifo(root / "pipe.txt")  # not a document: skipped, must not hang
    result = run(classspec_bin, "parse", root, "-f", "jsonl", timeout=60)
    assert result.returncode == 0, result.stderr
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == [
        str(root / "a" / "chicago.Text"),
        str(root / "b" / "deeper" / "CHICAGO.TXT"),
        str(root / "z.txt"),
    ]
    assert summary(result.stderr)["skipped"] == 6
    assert summary(result.stderr)["parsed"] == 3


def test_empty_folder(classspec_bin, tmp_path):
    """Nothing to read is a failed run (a typo'd folder must not pass a CI step)."""
    result = run(classspec_bin, "parse", tmp_path, "-f", "json")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("classspec: error: no readable input")


# --- --strict ------------------------------------------------------------------------


def test_strict_turns_warnings_into_failures(classspec_bin, tmp_path):
    folder = _seed_folder(tmp_path)
    normal = run(classspec_bin, "parse", folder, "-f", "jsonl")
    records = [json.loads(line) for line in normal.stdout.splitlines()]
    warned = sorted({r["source"]["path"] for r in records if r["warnings"]})
    assert warned, "the truncated Philadelphia seed must carry a warning"
    assert normal.returncode == 0

    strict = run(classspec_bin, "parse", folder, "-f", "jsonl", "--strict")
    assert strict.returncode == 1
    kept = [json.loads(line) for line in strict.stdout.splitlines()]
    assert not any(r["warnings"] for r in kept)
    assert {r["source"]["path"] for r in kept} == {r["source"]["path"] for r in records} - set(warned)
    assert sorted({m["path"] for m in error_lines(strict.stderr)}) == warned
    counts = summary(strict.stderr)
    assert counts["failed"] == len(warned) and counts["warnings"] == 0


# --- output files ---------------------------------------------------------------------


def test_output_file_is_complete_and_readable_by_others(classspec_bin, tmp_path):
    out = tmp_path / "out.json"
    result = run(classspec_bin, "parse", CHICAGO, "-o", out)
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text())[0]["class_code"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_existing_output_keeps_its_mode(classspec_bin, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o640)
    assert run(classspec_bin, "parse", CHICAGO, "-o", out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text() != "old"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_output_folder_one_file_per_input_without_collisions(classspec_bin, tmp_path):
    src = tmp_path / "in"
    (src / "north").mkdir(parents=True)
    (src / "south").mkdir()
    shutil.copy(CHICAGO, src / "north" / "spec.txt")
    shutil.copy(CHICAGO, src / "south" / "spec.txt")
    shutil.copy(CHICAGO, src / "north" / "twin.txt")
    (src / "north" / "twin.html").write_bytes(b"<html><body><p>Dear Sir,</p></body></html>")
    shutil.copy(CHICAGO, src / "north" / "twin.text")
    out = tmp_path / "out"
    result = run(classspec_bin, "parse", src, "-o", f"{out}{os.sep}", "-f", "jsonl")
    assert result.returncode == 1  # twin.html is not a spec
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "north/spec.jsonl",
        "north/twin.text.jsonl",
        "north/twin.txt.jsonl",
        "south/spec.jsonl",
    ]
    for path in out.rglob("*.jsonl"):
        assert len(path.read_text().splitlines()) == 1


def test_output_that_cannot_be_written(classspec_bin, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "out.json"
    result = run(classspec_bin, "parse", CHICAGO, "-o", target)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(target)
    assert match["reason"].startswith("cannot write output")
    assert "Traceback" not in result.stderr


def test_missing_output_folders_are_created(classspec_bin, tmp_path):
    target = tmp_path / "out" / "deeper" / "docs.jsonl"
    result = run(classspec_bin, "parse", SEEDS, "-f", "jsonl", "-o", target)
    assert result.returncode == 0, result.stderr
    assert summary(result.stderr)["failed"] == 0
    assert len(target.read_text().splitlines()) == summary(result.stderr)["records"]


def test_output_over_an_input_is_refused(classspec_bin, tmp_path):
    spec = tmp_path / "spec.txt"
    shutil.copy(CHICAGO, spec)
    result = run(classspec_bin, "parse", spec, "-o", spec)
    assert result.returncode == 2
    assert spec.read_bytes() == CHICAGO.read_bytes()


# --- interruption ---------------------------------------------------------------------


def _wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the run to reach the state under test")
        time.sleep(0.05)


def _stalled_batch(tmp_path: Path) -> tuple[list[Path], Path, int]:
    """Good files, then a FIFO held open by us and never written: the batch stalls on it
    (a slow input, deterministically) after the output's temporary file exists. The FIFO
    is named on the command line: folder walks skip FIFOs."""
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(6):
        shutil.copy(CHICAGO, folder / f"a{index}.txt")
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    holder = os.open(fifo, os.O_RDWR)  # a writer that never writes: reads block
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "all.jsonl"
    out.write_text("previous export\n")
    return [folder, fifo], out, holder


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_interrupt_leaves_no_partial_file(classspec_bin, tmp_path, jobs, signum):
    inputs, out, holder = _stalled_batch(tmp_path)
    try:
        proc = subprocess.Popen(
            [classspec_bin, "parse", *inputs, "-f", "jsonl", "-o", out, "--jobs", jobs],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        parent = psutil.Process(proc.pid)
        _wait_for(lambda: any(p.name.endswith(".part") for p in out.parent.iterdir()))
        if jobs != "1":
            _wait_for(lambda: len(parent.children(recursive=True)) >= 2)
        workers = parent.children(recursive=True)
        time.sleep(0.3)  # let the good files reach the temporary file
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C reaches the whole process group
        else:
            proc.send_signal(signum)  # a CI runner's kill reaches only the main process
        _, stderr = proc.communicate(timeout=30)
    finally:
        os.close(holder)
    stderr = stderr.decode()
    assert proc.returncode == 128 + signum
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert stderr.count("interrupted") == 1, stderr
    assert f"interrupted ({signal.Signals(signum).name})" in stderr
    assert [p.name for p in out.parent.iterdir()] == ["all.jsonl"]
    assert out.read_text() == "previous export\n"
    _wait_for(lambda: not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers), 10)


def test_workers_die_with_a_killed_parent(classspec_bin, tmp_path):
    """kill -9 (or the OOM killer) gives the parent no chance to clean up; its workers
    must still not live on, blocked on a slow input."""
    inputs, out, holder = _stalled_batch(tmp_path)
    try:
        proc = subprocess.Popen(
            [classspec_bin, "parse", *inputs, "-o", out, "--jobs", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        parent = psutil.Process(proc.pid)
        _wait_for(lambda: len(parent.children(recursive=True)) >= 2)
        workers = parent.children(recursive=True)
        proc.kill()
        proc.wait(timeout=30)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive
    finally:
        os.close(holder)
    assert out.read_text() == "previous export\n"


@pytest.mark.corpus("philadelphia")
@pytest.mark.slow
def test_interrupt_big_parallel_batch(classspec_bin, tmp_path):
    folder = tmp_path / "corpus"
    for copy in range(3):
        shutil.copytree(PHILADELPHIA, folder / f"copy{copy}")
    out = tmp_path / "out" / "corpus.json"
    out.parent.mkdir()
    proc = subprocess.Popen(
        [classspec_bin, "parse", folder, "-o", out, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    parent = psutil.Process(proc.pid)
    _wait_for(lambda: len(parent.children(recursive=True)) >= 2)
    workers = parent.children(recursive=True)
    time.sleep(1.0)
    proc.terminate()
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, stderr.decode()[-2000:]
    assert "Traceback" not in stderr.decode()
    assert list(out.parent.iterdir()) == []
    _wait_for(lambda: not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers), 10)


# --- pipes and terminals ----------------------------------------------------------------


def test_broken_pipe_is_quiet(classspec_bin, tmp_path):
    folder = _seed_folder(tmp_path, copies=12)  # far more than a pipe buffer holds
    proc = subprocess.Popen(
        [classspec_bin, "parse", folder, "-f", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert json.loads(first)["schema_version"] == "1.1"
    assert stderr == ""
    assert proc.returncode == 0


def _run_on_tty(binary: str, args: list[str], env: dict[str, str]) -> tuple[int, str, bytes]:
    """stderr on a pseudo-terminal (as in an interactive shell), stdout to a file (a
    file, not a pipe: nothing can block while we drain the terminal)."""
    leader, follower = pty.openpty()
    with tempfile.TemporaryFile() as stdout:
        proc = subprocess.Popen([binary, *args], stdout=stdout, stderr=follower, env={**os.environ, **env})
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
        os.close(leader)
        stdout.seek(0)
        return proc.returncode, stdout.read().decode(), b"".join(chunks)


def test_progress_bar_only_on_a_terminal_and_no_color_honoured(classspec_bin, tmp_path):
    folder = _seed_folder(tmp_path, copies=5)
    # The bar waits ~2 s before it appears; the test asks for it at once.
    colour_env = {"TERM": "xterm-256color", "COLUMNS": "100", "CLASSSPEC_PROGRESS_DELAY": "0"}
    code, stdout, tty_err = _run_on_tty(classspec_bin, ["parse", str(folder), "-f", "jsonl"], colour_env)
    assert code == 0 and len(stdout.splitlines()) >= 25
    assert b"parsing" in tty_err  # the bar was drawn on the terminal
    assert COLOR_CODE.search(tty_err.decode("utf-8", "replace"))

    code, _, plain_err = _run_on_tty(
        classspec_bin, ["parse", str(folder), "-f", "jsonl"], {**colour_env, "NO_COLOR": "1"}
    )
    assert code == 0 and b"parsing" in plain_err
    assert not COLOR_CODE.search(plain_err.decode("utf-8", "replace"))

    piped = run(classspec_bin, "parse", folder, "-f", "jsonl", env=colour_env)
    assert "parsing" not in piped.stderr and "\x1b" not in piped.stderr
    assert len(piped.stderr.splitlines()) == 1  # only the summary


def test_no_progress_bar_for_a_short_run(classspec_bin, tmp_path):
    """Under the delay (a few files take well under a second), a terminal shows only
    the summary: a bar that flashes for a moment is noise."""
    env = {"TERM": "xterm-256color", "COLUMNS": "100", "CLASSSPEC_PROGRESS_DELAY": "30"}
    code, _, tty_err = _run_on_tty(classspec_bin, ["parse", str(SEEDS), "-f", "jsonl"], env)
    assert code == 0
    assert b"parsing" not in tty_err
    assert summary(tty_err.decode())["parsed"] == len(SEED_FILES)


def test_output_to_a_fifo_is_written_in_place(classspec_bin, tmp_path):
    """Not a regular file (a FIFO here; /dev/null and /dev/stdout alike): written to
    directly; renaming a temporary file over it would replace the device node itself."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen([classspec_bin, "parse", CHICAGO, "-o", fifo], stderr=subprocess.PIPE)
    with open(fifo, "rb") as reader:
        data = reader.read()
    proc.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr.read()
    assert json.loads(data)[0]["class_code"] == "7401"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]


def test_output_through_a_symlink_replaces_its_target(classspec_bin, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run(classspec_bin, "parse", CHICAGO, "-o", link).returncode == 0
    assert link.is_symlink()
    assert json.loads(target.read_text())[0]["class_code"] == "7401"


def test_closed_stderr_never_mixes_messages_into_the_data(classspec_bin, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run(
        f"exec 2>&-; exec {shlex.join([classspec_bin, 'parse', str(CHICAGO), str(empty), '-f', 'jsonl'])}",
        shell=True,
        stdout=subprocess.PIPE,
        executable="/bin/sh",
    )
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["class_code"] == "7401"


def test_closed_stdout_is_not_an_internal_error(classspec_bin, tmp_path):
    out = tmp_path / "out.json"
    proc = subprocess.run(
        f"exec >&-; exec {shlex.join([classspec_bin, 'parse', str(CHICAGO), '-o', str(out)])}",
        shell=True,
        stderr=subprocess.PIPE,
        executable="/bin/sh",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert json.loads(out.read_text())[0]["class_code"] == "7401"
