"""README.md's command reference is generated from the CLI (cog); it must match the
code, and the pre-commit hook must run the command it names."""

from __future__ import annotations

import shlex
import subprocess
import sys

import yaml

from cli_helpers import error_lines, run
from conftest import REPO, SEEDS


def test_readme_command_reference_is_current():
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "README.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "README.md is out of date: run `cog -r README.md`\n" + result.stdout


def test_every_command_is_in_the_reference():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = subprocess.run(
        [sys.executable, "-c", "from classspec.cli import run_cli; run_cli()", "--help"],
        capture_output=True,
        text=True,
    ).stdout.split("Commands:")[1]
    commands = [line.split()[0] for line in listed.strip().splitlines()]
    assert len(commands) >= 7
    for command in commands:
        assert f"### `classspec {command}`" in readme


def test_pre_commit_hook_runs_validate(classspec_bin, tmp_path):
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "classspec-validate" and hook["language"] == "python"
    program, *args = shlex.split(hook["entry"])
    assert program == "classspec"
    good = tmp_path / "good.jsonl"
    assert run(classspec_bin, "parse", SEEDS, "-f", "jsonl", "-o", good).returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.1"}')
    # pre-commit appends the staged files that match `files` to the entry.
    import re

    staged = [p for p in (good, bad, tmp_path / "notes.txt") if re.search(hook["files"], p.name)]
    assert staged == [good, bad]
    result = run(classspec_bin, *args, *staged)
    assert result.returncode == 1
    assert {m["path"] for m in error_lines(result.stderr)} == {str(bad)}
