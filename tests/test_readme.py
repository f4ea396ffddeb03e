"""Every `console` example in README.md is run, and its output must be what the
README shows (stdout and stderr together), so the docs cannot drift.

The examples write under /tmp; each run gets a folder of its own in their place (a
shared /tmp/classspec-demo let two runs break each other), and the folder's name is
written back as /tmp in what the commands print."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one folder that stands for /tmp in every example of this run (the examples
    build on each other: the database one writes, the next reads)."""
    return tmp_path_factory.mktemp("readme")


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda v: v[:60])
def test_readme_example(command, expected, scratch):
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    env.pop("NO_COLOR", None)
    own = command.replace("/tmp/", f"{scratch}/")
    result = subprocess.run(
        ["bash", "-c", f"{{ {own}\n}} 2>&1"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.stdout.replace(f"{scratch}/", "/tmp/").rstrip("\n") == expected.rstrip("\n")


def test_readme_has_examples():
    assert len(examples()) >= 7
