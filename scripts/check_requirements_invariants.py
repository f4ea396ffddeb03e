"""Check the requirements invariants of issue #23 on exports (JSON Lines).

    python scripts/check_requirements_invariants.py out/*.jsonl

(make them with `classspec parse DIR -f jsonl -o out/NAME.jsonl`).

For every record:
- `min_experience_months` is the smallest months of its paths (null when no path states
  months);
- `min_education` is the lowest education its paths state, when a path states one (the
  requirements algebra owns it);
- every implausible value `plausibility.check` finds is named in the record's warnings.

Prints each breach and a count per input; exits 1 when any is found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from classspec.model import EducationLevel
from classspec.plausibility import check

_ORDER = [level.value for level in EducationLevel]


def breaches(record: dict) -> list[str]:
    """What one record (an export dict) breaks, in words."""
    found: list[str] = []
    quals = record.get("minimum_qualifications") or {}
    paths = quals.get("paths") or []
    months = [p["experience_months"] for p in paths if p.get("experience_months") is not None]
    least = min(months) if months else None
    if quals.get("min_experience_months") != least:
        found.append(f"min_experience_months {quals.get('min_experience_months')} != smallest path {least}")
    stated = [p["education"] for p in paths if p.get("education")]
    if stated and quals.get("min_education") != min(stated, key=_ORDER.index):
        lowest = min(stated, key=_ORDER.index)
        found.append(f"min_education {quals.get('min_education')} != lowest path education {lowest}")
    warnings = record.get("warnings") or []
    for finding in check(record):
        if str(finding) not in warnings:
            found.append(f"implausible without a warning: {finding}")
    return found


def records_of(export: Path) -> list[dict]:
    with export.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        records = records_of(Path(name))
        broken = 0
        for record in records:
            found = breaches(record)
            if found:
                broken += 1
                where = f"{record['source']['path']} [{record.get('class_code') or record.get('title')}]"
                print(f"{where}: " + "; ".join(found))
        print(f"{name}: {broken} of {len(records)} records break an invariant")
        bad += broken
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
