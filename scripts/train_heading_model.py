"""Fit the heading model on data/heading_pairs.tsv and write its weights to
src/classspec/vocabulary/heading_model.json (needs the `train` extra: scikit-learn).

A multinomial logistic regression over the features of generic/heading_model.features
(word stems, word pairs, first and last stem, typography and position). Each merged row
weighs 1 + ln(count), so that a banner repeated on 400 bulletins does not outweigh a
heading that one employer uses once. Fields with fewer than MIN_FIELD_ROWS rows are left
out (too few to learn; the vocabulary still knows their names), and so are features seen
in fewer than MIN_FEATURE_ROWS rows. The written weights are rounded: the model stays a
few hundred KB and the same data gives the same file.

    python scripts/train_heading_model.py            # fit on every family and write
    python scripts/train_heading_model.py --check    # print training accuracy only
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

try:  # Python 3.11+
    from re import _constants as re_constants
    from re import _parser as re_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as re_constants
    import sre_parse as re_parser
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from classspec.parsers.generic.heading_model import Cues, HeadingModel, features
from classspec.parsers.generic.lexicon import FAMILIES

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "data" / "heading_pairs.tsv"
OUT = ROOT / "src" / "classspec" / "vocabulary" / "heading_model.json"
MIN_FIELD_ROWS = 8
MIN_FEATURE_ROWS = 2
C = 1.0  # inverse regularisation: chosen by leave-one-family-out (scripts/lofo.py)
DIGITS = 3
OTHER_WEIGHT = 0.5
# The vocabulary's names say plainly which words name which field: they weigh more.
VOCABULARY_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Pair:
    family: str
    count: int
    heading: str
    cues: Cues
    field: str
    engine: str


def load(path: Path = PAIRS) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Pair(
            row["family"],
            int(row["count"]),
            row["heading"],
            Cues.from_row(row),
            row["field"],
            row["engine"],
        )
        for row in rows
    ]


MAX_SPELLINGS = 6


def spellings(pattern: str) -> list[str]:
    """Some of the plain strings a vocabulary name matches ('what you(?:'ll| will) do' ->
    "what you'll do", 'what you will do'): optional parts left out and put in, each
    alternative, the first character of a class; patterns with more are cut short."""
    tree = re_parser.parse(pattern)

    def walk(items) -> list[str]:
        found = [""]
        for op, value in items:
            if op is re_constants.LITERAL:
                options = [chr(value)]
            elif op is re_constants.IN:
                first = next((v for o, v in value if o is re_constants.LITERAL), None)
                options = [chr(first)] if first is not None else [""]
            elif op is re_constants.SUBPATTERN:
                options = walk(value[-1])
            elif op is re_constants.BRANCH:
                options = [s for branch in value[1] for s in walk(branch)]
            elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT):
                low, high, inner = value
                options = (["", *walk(inner)] if low == 0 else walk(inner)) if high <= 1 else walk(inner)
            else:
                options = [""]
            found = [a + b for a in found for b in options][: MAX_SPELLINGS * 4]
        return found

    return list(dict.fromkeys(" ".join(s.split()) for s in walk(tree)))[:MAX_SPELLINGS]


def vocabulary_pairs() -> list[Pair]:
    """The vocabulary's own heading names written out ('examples of duties' -> duties),
    each a pair of the family 'vocabulary': the words the engine already knows."""
    return [
        Pair("vocabulary", 1, name, Cues(), family.key, family.key)
        for family in FAMILIES
        if family.key not in ("title", "code")
        for pattern in family.names
        for name in spellings(pattern)
        if name.strip()
    ]


def fit(pairs: Iterable[Pair], c: float = C) -> dict:
    """The model's JSON form, fitted on `pairs` and the vocabulary's names."""
    pairs = [*pairs, *vocabulary_pairs()]
    fields_seen = Counter(p.field for p in pairs)
    pairs = [p for p in pairs if fields_seen[p.field] >= MIN_FIELD_ROWS]
    found = [features(p.heading, p.cues) for p in pairs]
    seen = Counter(f for one in found for f in set(one))
    kept = [[f for f in one if seen[f] >= MIN_FEATURE_ROWS] for one in found]
    vectorizer = DictVectorizer(sparse=True)
    x = vectorizer.fit_transform([dict.fromkeys(one, 1.0) for one in kept])
    y = [p.field for p in pairs]
    # Each family weighs about as much as the square root of its rows: Philadelphia's
    # and Los Angeles' thousands of headings do not drown an employer's dozen; 'other'
    # (letterhead, sub-headings) is the largest field and weighs OTHER_WEIGHT per row.
    per_family = Counter(p.family for p in pairs)
    weights = np.array(
        [
            (1.0 + math.log(p.count))
            / math.sqrt(per_family[p.family])
            * (OTHER_WEIGHT if p.field == "other" else 1.0)
            * (VOCABULARY_WEIGHT if p.family == "vocabulary" else 1.0)
            for p in pairs
        ]
    )
    weights *= len(pairs) / weights.sum()
    regression = LogisticRegression(C=c, max_iter=3000)
    regression.fit(x, y, sample_weight=weights)
    names = list(vectorizer.get_feature_names_out())
    coef = np.round(regression.coef_.T, DIGITS)  # features x fields
    useful = np.abs(coef).max(axis=1) > 0
    return {
        "about": "Heading -> field weights: scripts/train_heading_model.py on data/heading_pairs.tsv",
        "fields": [str(f) for f in regression.classes_],
        "features": [n for n, keep in zip(names, useful, strict=True) if keep],
        "weights": coef[useful].tolist(),
        "intercept": np.round(regression.intercept_, DIGITS).tolist(),
    }


def accuracy(model: HeadingModel, pairs: Iterable[Pair]) -> tuple[float, float]:
    """Share right over heading occurrences (count-weighted) and over distinct rows."""
    right = total = rows = rows_right = 0
    for pair in pairs:
        ok = model.predict(pair.heading, pair.cues).field == pair.field
        right += ok * pair.count
        total += pair.count
        rows_right += ok
        rows += 1
    return (right / total if total else 0.0, rows_right / rows if rows else 0.0)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--check", action="store_true", help="print training accuracy, write nothing")
    options.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    args = options.parse_args()
    pairs = load()
    data = fit(pairs, args.c)
    weighted, distinct = accuracy(HeadingModel(data), pairs)
    print(
        f"{len(pairs)} rows, {len(data['features'])} features, {len(data['fields'])} fields; "
        f"training accuracy {weighted:.1%} of headings, {distinct:.1%} of distinct rows"
    )
    if not args.check:
        OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"-> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
