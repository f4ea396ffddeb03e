"""Throughput on the Philadelphia corpus, and where the time goes (not a test).

    python scripts/benchmark.py [FOLDER] [--repeat N]

1. Documents per second through the batch engine (what `classspec parse DIR --jobs N`
   runs), with --jobs 1 and --jobs 2, records encoded as JSON Lines.
2. A stage breakdown in one process: read + decode, HTML to lines, auto-detection,
   parsing, building and validating the pydantic model, JSON dump.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from classspec import batch
from classspec.builder import finish_records
from classspec.detect import detect
from classspec.document import Document, Line
from classspec.export import dumps
from classspec.parsers import get_parser
from classspec.readers.html import decode_html, html_lines

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "philadelphia"


def throughput(files: list[str], jobs: int) -> float:
    """Seconds to parse and JSON-encode every file through the batch engine."""
    started = time.perf_counter()
    for outcome in batch.run(files, batch.Options(), jobs=jobs):
        if outcome.error:
            raise SystemExit(f"benchmark input failed: {outcome.error}")
        for record in outcome.records:
            dumps(record, indent=None)
    return time.perf_counter() - started


def stages(files: list[str]) -> dict[str, float]:
    """Seconds spent in each stage, summed over the files (one process)."""
    spent: dict[str, float] = defaultdict(float)

    def clock(stage: str, started: float) -> float:
        now = time.perf_counter()
        spent[stage] += now - started
        return now

    for path in files:
        t = time.perf_counter()
        data = Path(path).read_bytes()
        text = decode_html(data, path)
        t = clock("read + decode", t)
        doc = Document(
            lines=[Line(s, n) for n, s in enumerate(html_lines(text), 1)], format="html", sha256="0" * 64
        )
        doc.path = path
        t = clock("HTML to lines (lxml)", t)
        parser = get_parser(detect(doc).parser)
        t = clock("auto-detection", t)
        builders = parser.parse(doc)
        t = clock("parse (sections, fields)", t)
        records = finish_records(builders)
        t = clock("model build + validate", t)
        for record in records:
            dumps(record.to_dict(), indent=None)
        clock("JSON dump", t)
    return dict(spent)


def main() -> int:
    options = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    options.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    options.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is reported")
    args = options.parse_args()
    files = sorted(str(p) for p in Path(args.folder).iterdir() if p.suffix.lower() in (".htm", ".html"))
    if not files:
        print(f"no .htm/.html files in {args.folder}", file=sys.stderr)
        return 2
    report: dict[str, object] = {"files": len(files), "cpus": os.cpu_count()}
    for jobs in (1, 2):
        best = min(throughput(files, jobs) for _ in range(args.repeat))
        report[f"jobs={jobs}"] = {"seconds": round(best, 3), "docs_per_second": round(len(files) / best, 1)}
    spent = stages(files)
    total = sum(spent.values())
    report["stages_ms_per_doc"] = {
        stage: {"ms": round(1000 * seconds / len(files), 3), "share": f"{seconds / total:.1%}"}
        for stage, seconds in spent.items()
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
