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
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--distinct", action="store_true", help="count distinct headings, not occurrences")
    options.add_argument("--threshold", type=float, default=THRESHOLD)
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


if __name__ == "__main__":
    main()
