from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLDEN = REPO / "tests" / "golden"
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpus"
PHILADELPHIA = CORPORA / "philadelphia"
OTHER_CORPUS = CORPORA / "other"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
# In CI the corpora are part of the checkout: a test that needs one and finds it
# missing fails there, instead of skipping as it does on a machine without them.
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


def corpus_files(name: str, *suffixes: str) -> list[Path]:
    """The files of shared/corpus/NAME with one of `suffixes` (any, if none), sorted;
    [] when the corpus is not there (its tests are then skipped, or failed in CI, by
    the `corpus` marker)."""
    folder = CORPORA / name
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and (not suffixes or p.suffix.lower() in suffixes)
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """`@pytest.mark.corpus("philadelphia", ...)`: the test reads those corpora (all of
    shared/corpus if none is named). Missing, the test is skipped, or fails with CI=true.
    Runs before the skip marks, so an empty parametrization over a missing corpus fails
    in CI too."""
    for mark in item.iter_markers("corpus"):
        missing = [name or "corpus" for name in (mark.args or ("",)) if not (CORPORA / name).is_dir()]
        if missing:
            message = f"needs {', '.join(missing)} under {CORPORA}"
            if IN_CI:
                pytest.fail(f"{message} (CI=true: the corpora must be present)", pytrace=False)
            pytest.skip(message)


def seed_id(path: Path) -> str:
    return path.stem


@pytest.fixture(scope="session")
def classspec_bin() -> str:
    """The installed console script: CLI tests run what a user runs."""
    found = shutil.which("classspec", path=os.path.dirname(os.sys.executable)) or shutil.which("classspec")
    assert found, "the classspec console script is not installed (pip install -e .[dev])"
    return found
