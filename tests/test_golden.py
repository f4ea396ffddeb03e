"""Each seed against its reviewed expected JSON, byte for byte.

Regenerate after an intended change with `python scripts/regen_golden.py` and review
the diff of tests/golden/ like code."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import GOLDEN, REPO, SEED_FILES, seed_id

sys.path.insert(0, str(REPO / "scripts"))
from regen_golden import golden_text


@pytest.mark.parametrize("seed", SEED_FILES, ids=seed_id)
def test_seed_matches_golden(seed, monkeypatch):
    monkeypatch.chdir(REPO)
    expected = (GOLDEN / f"{seed.stem}.json").read_text(encoding="utf-8")
    assert golden_text(seed) == expected, (
        f"regenerate with: python scripts/regen_golden.py ({os.path.basename(seed)})"
    )
