"""Leave-one-family-out: for each family of data/heading_pairs.tsv, fit the heading model
without it and measure heading -> field accuracy on that family's headings (needs the
`train` extra). The figure predicts documents of an employer nobody has seen.

Three readings of each family's headings:
- vocabulary: the generic engine before the model (the vocabulary's family when it knows
  the heading, else no field: 'other');
- model: the model alone, fitted without the family;
- both: what the engine does now: the vocabulary when it knows the heading, else the
  model fitted without the family when it is sure (THRESHOLD), else 'other'.
The vocabulary itself was written with every family in view, so only the model column is
free of the family; 'both' is the engine as a new employer's documents meet it.

    python scripts/lofo.py                  # the table (Markdown), heading occurrences
    python scripts/lofo.py --distinct       # the same over distinct headings
    python scripts/lofo.py --facts          # jobdocs employers: hand-read facts, model without them

With --facts each jobdocs employer's documents are parsed with the model fitted without
that employer and scored against its gold.tsv by the rules of the jobdocs README (parsed,
class code, title, duties found, minimum qualifications found, experience months).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from classspec.api import parse_file
from classspec.errors import ClassSpecError
from classspec.parsers.generic import heading_model
from classspec.parsers.generic.heading_model import THRESHOLD, HeadingModel
from train_heading_model import Pair, fit, load

KNOWN = frozenset({"unknown", "none"})


def vocabulary_field(pair: Pair) -> str:
    return "other" if pair.engine in KNOWN else pair.engine


def combined_field(pair: Pair, model: HeadingModel, threshold: float) -> str:
    if pair.engine not in KNOWN:
        return pair.engine
    guess = model.predict(pair.heading, pair.cues)
    return guess.field if guess.probability >= threshold else "other"


JOBDOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "jobdocs"


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def facts(folder: Path) -> tuple[int, int]:
    """(right, stated) hand-read facts of one jobdocs employer with the model in use."""
    right = stated = 0
    with (folder / "gold.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                records = [r.model_dump(mode="json") for r in parse_file(folder / row["file"])]
            except ClassSpecError:
                records = []
            codes = [_norm(c) for c in re.split(r"[|;]", row["class_code"]) if c.strip()]
            record = next((r for r in records if _norm(r["class_code"]) in codes), None)
            record = record or (records[0] if records else {})
            mq = record.get("minimum_qualifications") or {}
            checks = [bool(records)]
            if codes:
                checks.append(_norm(record.get("class_code")) in codes)
            if row["title"].strip():
                checks.append(bool(record) and _norm(record.get("title")) == _norm(row["title"]))
            if row["duty_items"].strip() and int(row["duty_items"]) > 0:
                checks.append(bool(record.get("duties")))
            if row["has_mq"].strip() == "y":
                checks.append(bool(mq.get("text")))
            if row["exp_months"].strip():
                checks.append(mq.get("min_experience_months") == int(row["exp_months"]))
            right += sum(checks)
            stated += len(checks)
    return right, stated


def facts_table(pairs: list[Pair]) -> None:
    print("\n| jobdocs employer (left out) | facts, model of all families | facts, model without it |")
    print("|---|---:|---:|")
    for folder in sorted(p for p in JOBDOCS.iterdir() if p.is_dir()):
        family = f"jobdocs:{folder.name}"
        full = facts(folder)
        model = HeadingModel(fit(p for p in pairs if p.family != family))
        committed = heading_model.model
        heading_model.model = lambda model=model: model  # the engine reads the model through here
        try:
            held = facts(folder)
        finally:
            heading_model.model = committed
        print(f"| {folder.name} | {full[0]}/{full[1]} | {held[0]}/{held[1]} |")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--distinct", action="store_true", help="count distinct headings, not occurrences")
    options.add_argument("--threshold", type=float, default=THRESHOLD)
    options.add_argument("--facts", action="store_true", help="also the jobdocs facts table")
    args = options.parse_args()
    pairs = load()
    families = sorted({p.family for p in pairs})
    print("| family (left out) | headings | vocabulary | model | vocabulary + model |")
    print("|---|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for family in families:
        held = [p for p in pairs if p.family == family]
        model = HeadingModel(fit(p for p in pairs if p.family != family))
        right = [0, 0, 0]
        total = 0
        for pair in held:
            weight = 1 if args.distinct else pair.count
            total += weight
            right[0] += weight * (vocabulary_field(pair) == pair.field)
            right[1] += weight * (model.predict(pair.heading, pair.cues).field == pair.field)
            right[2] += weight * (combined_field(pair, model, args.threshold) == pair.field)
        totals = [totals[0] + total, *(t + r for t, r in zip(totals[1:], right, strict=True))]
        print(f"| {family} | {total} | " + " | ".join(f"{r / total:.1%}" for r in right) + " |")
    total = totals[0]
    print(f"| all | {total} | " + " | ".join(f"{r / total:.1%}" for r in totals[1:]) + " |")
    if args.facts:
        facts_table(pairs)


if __name__ == "__main__":
    main()
