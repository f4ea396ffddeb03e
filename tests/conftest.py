from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLDEN = REPO / "tests" / "golden"
SHARED = REPO.parent / "shared"
PHILADELPHIA = SHARED / "corpus" / "philadelphia"
OTHER_CORPUS = SHARED / "corpus" / "other"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed_id(path: Path) -> str:
    return path.stem


@pytest.fixture(scope="session")
def classspec_bin() -> str:
    """The installed console script: CLI tests run what a user runs."""
    found = shutil.which("classspec", path=os.path.dirname(os.sys.executable)) or shutil.which("classspec")
    assert found, "the classspec console script is not installed (pip install -e .[dev])"
    return found
