"""Rerun every `console` example of README.md and write what it prints back under it.

    python scripts/readme_examples.py          # rewrite README.md in place
    python scripts/readme_examples.py --check  # exit 1 if any example's output differs

tests/test_readme.py runs the same examples with these functions (one scratch folder
standing for /tmp, stdout and stderr together), so after a change that alters what a command prints,
this brings the README back in line; review its diff like a golden file's.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
_BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.S)


def run(command: str, scratch: str) -> str:
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    env.pop("NO_COLOR", None)
    own = command.replace("/tmp/", f"{scratch}/")
    result = subprocess.run(
        ["bash", "-c", f"{{ {own}\n}} 2>&1"], cwd=REPO, env=env, capture_output=True, text=True
    )
    return result.stdout.replace(f"{scratch}/", "/tmp/").rstrip("\n")


def examples(text: str) -> list[tuple[str, str]]:
    """Each console example of a README text: (command, the output shown under it)."""
    found = []
    for block in _BLOCK.findall(text):
        command, output = None, []
        for line in block[1].splitlines():
            if line.startswith("$ "):
                if command:
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command:
            found.append((command, "\n".join(output)))
    return found


def rerun_block(block: str, scratch: str) -> str:
    lines = []
    for line in block.splitlines():
        if line.startswith("$ "):
            lines.append(line)
            output = run(line[2:], scratch)
            lines.extend(output.split("\n") if output else [])
    return "\n".join(lines) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="readme-") as scratch:
        new = _BLOCK.sub(lambda m: m.group(1) + rerun_block(m.group(2), scratch) + m.group(3), text)
    if new == text:
        print("README examples: all outputs as shown")
        return 0
    if check:
        print("README examples: some outputs differ; run python scripts/readme_examples.py")
        return 1
    README.write_text(new, encoding="utf-8")
    print("README.md rewritten; review `git diff README.md`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
