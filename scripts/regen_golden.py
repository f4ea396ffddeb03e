"""Regenerate the golden files after an intended change: tests/golden/*.json from
seeds/, tests/templates/<parser>/<case>.json beside each template fixture (the seeds'
content in the other layouts their employers publish), and tests/cases/<doc>.json
beside each real document of a template no parser was written for.

    python scripts/regen_golden.py            # every seed and fixture
    python scripts/regen_golden.py chicago    # only those whose path contains 'chicago'

Then review `git diff tests/golden tests/templates tests/cases` like code: every changed
line is a changed fact.
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
    cases = [(seed, out / f"{seed.stem}.json") for seed in sorted((REPO / "seeds").glob("*.txt"))]
    cases += [(case, golden_of(case)) for case in template_cases()]
    cases += [(case, case.with_name(case.name + ".json")) for case in generic_cases()]
    for source, target in cases:
        if wanted and not any(word in str(source.relative_to(REPO)) for word in wanted):
            continue
        target.write_text(golden_text(source), encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}", file=sys.stderr)
    return 0


TEMPLATES = REPO / "tests" / "templates"
# PDF fixtures are checked by facts (tests/test_norfolk_layouts.py), not goldens: their
# text depends on the PDF engine.
CASE_SUFFIXES = (".txt", ".htm", ".html")


def template_cases() -> list[Path]:
    """The template fixtures: tests/templates/<parser>/<case>.<txt|pdf|htm>."""
    return sorted(p for p in TEMPLATES.glob("*/*") if p.suffix in CASE_SUFFIXES)


GENERIC_CASES = REPO / "tests" / "cases"


def generic_cases() -> list[Path]:
    """Real documents for the generic engine: tests/cases/<doc>.<txt|html|md|docx>."""
    return sorted(p for p in GENERIC_CASES.iterdir() if p.suffix in (".txt", ".html", ".md", ".docx"))


def golden_of(case: Path) -> Path:
    """'layout-2001.txt' -> 'layout-2001.json'."""
    return case.with_name(f"{case.stem}.json")


if __name__ == "__main__":
    raise SystemExit(main())
