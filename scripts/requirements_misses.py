"""Every miss of the requirements gold (tests/requirements/*.yaml), gold beside output.

    python scripts/requirements_misses.py               # every corpus
    python scripts/requirements_misses.py philadelphia  # one corpus

For each record with a miss: the fields that differ (gold -> parsed), and the gold
paths beside the parsed paths (months, education, licences, label, the path's text
start), so a miss can be read against the document without opening the output.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from classspec import parse_file  # noqa: E402
from requirements_gold import align, gold_files, load_gold, path_agreement, pick_record, plain  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpus"


def record_misses(gold_record: dict, found) -> list[str]:
    """The lines describing what differs between one gold record and its parsed record."""
    if found is None:
        return ["  no record parsed"]
    quals = found.minimum_qualifications
    out = []
    for name, value in (
        ("min_experience_months", quals.min_experience_months),
        ("min_education", plain(quals.min_education)),
        ("drivers_license", plain(quals.drivers_license)),
    ):
        if value != gold_record[name]:
            out.append(f"  {name}: gold {gold_record[name]!r} -> parsed {value!r}")
    paths = list(quals.paths)
    bad_paths = len(paths) != len(gold_record["paths"]) or any(
        p is None or not all(path_agreement(g, p)) for g, p in align(gold_record["paths"], paths)
    )
    if bad_paths:
        out.append(f"  paths: gold {len(gold_record['paths'])} -> parsed {len(paths)}")
        for index, g in enumerate(gold_record["paths"]):
            licences = g.get("licenses") or []
            out.append(f"    gold[{index}]   {g['months']!r:>5} {g['education']!s:<13} {licences}")
        for index, p in enumerate(paths):
            text = " ".join(p.text.split())[:110]
            out.append(
                f"    parsed[{index}] {p.experience_months!r:>5} {plain(p.education)!s:<13} "
                f"{list(p.licenses)} label={p.label!r} | {text}"
            )
    return out


def main(argv: list[str]) -> int:
    total = 0
    for path in gold_files():
        gold = load_gold(path)
        if argv and gold["corpus"] not in argv:
            continue
        parsed: dict[str, list] = {}
        for gold_record in gold["records"]:
            name = gold_record["file"]
            if name not in parsed:
                try:
                    parsed[name] = parse_file(CORPORA / gold["corpus"] / name)
                except Exception as exc:  # the board counts a refused file as missed too
                    print(f"{gold['corpus']}/{name}: refused ({type(exc).__name__})")
                    parsed[name] = []
            lines = record_misses(gold_record, pick_record(parsed[name], gold_record))
            if lines:
                total += 1
                label = gold_record.get("code") or gold_record.get("title")
                print(f"{gold['corpus']}/{name} [{label}]")
                print("\n".join(lines))
    print(f"{total} records with a miss")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
