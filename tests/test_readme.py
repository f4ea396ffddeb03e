"""Every `console` example in README.md is run, and its output must be what the
README shows (stdout and stderr together), so the docs cannot drift."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO

_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    found = []
    for block in _BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            found.append((command, "\n".join(output)))
    return found


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda v: v[:60])
def test_readme_example(command, expected):
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        ["bash", "-c", f"{{ {command}\n}} 2>&1"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


def test_readme_has_examples():
    assert len(examples()) >= 7
