"""How long SOC matching takes: the one-time index load, then milliseconds per record.

python scripts/soc_benchmark.py [PATH ...]   (default: the Philadelphia corpus)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from classspec import parse_file
    from classspec.inputs import expand

    paths = sys.argv[1:] or [str(REPO.parent / "shared" / "corpus" / "philadelphia")]
    records = []
    for path in expand(paths).files:
        try:
            records.extend(parse_file(path))
        except Exception as exc:  # a file the parser refuses is not the matcher's business
            print(f"skipped {path}: {exc}", file=sys.stderr)
    started = time.perf_counter()
    from classspec.occupations import enrich
    from classspec.occupations.store import load_index, load_wages

    load_index()
    load_wages()
    loaded = time.perf_counter()
    enrich(records[:1], soc=True, wages=True)
    first, cpu = time.perf_counter(), time.process_time()
    enrich(records, soc=True, wages=True)
    done, cpu_done = time.perf_counter(), time.process_time()
    print(
        f"index and wages loaded in {loaded - started:.2f} s; first record {1000 * (first - loaded):.1f} ms"
    )
    print(
        f"{len(records)} records (--soc --wages): {1000 * (done - first) / len(records):.2f} ms per record, "
        f"{1000 * (cpu_done - cpu) / len(records):.2f} ms CPU"
    )


if __name__ == "__main__":
    main()
