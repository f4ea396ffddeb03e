"""Train the SOC reranker on the hand-labelled classes and write its trees, coded-class
weights, calibration and wage threshold to src/classspec/occupations/data/reranker.json,
and the coded classes to coded_classes.npz.

python scripts/train_soc_reranker.py        (needs the corpora at ../shared/corpus)

The shipped trees are fitted on every label (LightGBM, from the `train` extra), the
coded-class weights on the trees' out-of-fold margins; the calibration (Platt scaling)
and the threshold on predictions for classes held out of the fit, in both designs of
tests/soc_eval.py (by corpus and by documents). The held-out figures it prints are the
ones to quote; it also writes them into the JSON. About a minute and a half.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

# One BLAS thread: the fits are small, and threads only contend (about 30 s in all
# instead of 100 s on two cores). Set before numpy loads.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import soc_eval  # noqa: E402
from classspec.occupations.coded import COLUMNS as CODED_COLUMNS  # noqa: E402
from classspec.occupations.coded import save as save_coded  # noqa: E402
from classspec.occupations.rerank import FEATURES, MODEL  # noqa: E402
from classspec.occupations.store import DATA  # noqa: E402


def write_title_keys() -> None:
    """rerank's exact-title lookup, computed once here rather than at every load."""
    from classspec.occupations.rerank import TITLE_KEYS, head_word, title_key
    from classspec.occupations.store import load_index

    index = load_index()
    keys: dict[str, set[int]] = {}
    heads: dict[str, dict[str, int]] = {}
    sizes = [0] * len(index.codes)
    for title, code in zip(index.titles, index.title_code.tolist(), strict=True):
        sizes[code] += 1
        if index.codes[code].startswith("55-"):
            continue
        key = title_key(title)
        if key:
            keys.setdefault(key, set()).add(code)
        head = head_word(title)
        if head:
            counts = heads.setdefault(head, {})
            counts[str(code)] = counts.get(str(code), 0) + 1
    data = {
        "keys": {k: sorted(v) for k, v in sorted(keys.items())},
        "heads": {h: dict(sorted(c.items())) for h, c in sorted(heads.items())},
        "sizes": sizes,
    }
    text = json.dumps(data, separators=(",", ":"))
    (DATA / TITLE_KEYS).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    write_title_keys()
    save_coded(soc_eval.coded_classes())
    items = soc_eval.held_out()
    by_documents = soc_eval.held_out(soc_eval.document_folds())
    # The calibration and the threshold read both designs: a class of an employer none of
    # whose classes is coded (corpus folds) and one of an employer with coded colleagues.
    both = [*items, *by_documents]
    margins = np.array([h.margin for h in both])
    outcomes = np.array([bool(h.codes) and h.codes[0] in (h.case.code, *h.case.alternates) for h in both])
    a, b = soc_eval.fit_platt(margins, outcomes)
    threshold = soc_eval.choose_threshold(1 / (1 + np.exp(-(a * margins + b))), outcomes)
    train = soc_eval.training()
    forest = soc_eval.fit_trees(train)
    weights = soc_eval.fit_coded_weights(train, np.ones(len(items), dtype=bool))
    data = {
        "features": list(FEATURES),
        "forest": forest.to_dict(),
        "coded_columns": list(CODED_COLUMNS),
        "coded_weights": [round(float(w), 6) for w in weights],
        "platt": [round(a, 6), round(b, 6)],
        "threshold": threshold,
        "labels": len(items),
        "held_out": {k: round(v, 4) for k, v in soc_eval.held_out_rates(items).items()},
        "held_out_by_documents": {k: round(v, 4) for k, v in soc_eval.held_out_rates(by_documents).items()},
    }
    # One line a key: the forest's thousands of numbers would take a line each with indent.
    lines = [f"{json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in data.items()]
    (DATA / MODEL).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(soc_eval.report(items))
    print("\nheld out by documents (5 random folds of documents):")
    print(soc_eval.report(by_documents))
    print(f"\nwrote {DATA / MODEL}: Platt a={a:.3f} b={b:.3f}, wage threshold {threshold}")


if __name__ == "__main__":
    main()
