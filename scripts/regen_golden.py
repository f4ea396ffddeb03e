"""Regenerate tests/golden/*.json from seeds/ after an intended change.

    python scripts/regen_golden.py            # every seed
    python scripts/regen_golden.py chicago    # only seeds whose file name contains 'chicago'

Then review `git diff tests/golden` like code: every changed line is a changed fact.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from classspec import parse_file
from classspec.export import dumps

REPO = Path(__file__).resolve().parents[1]


def golden_text(seed: Path) -> str:
    records = parse_file(os.path.relpath(seed, REPO))
    return dumps([r.to_dict() for r in records]) + "\n"


def main() -> int:
    os.chdir(REPO)
    out = REPO / "tests" / "golden"
    out.mkdir(parents=True, exist_ok=True)
    wanted = sys.argv[1:]
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        if wanted and not any(word in seed.name for word in wanted):
            continue
        target = out / f"{seed.stem}.json"
        target.write_text(golden_text(seed), encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
