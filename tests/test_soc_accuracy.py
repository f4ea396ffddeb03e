"""SOC matching on the hand-labelled classes (tests/soc/labels.yaml), held out by corpus:
each corpus is scored by a reranker, calibration and wage threshold fitted without it.
`pytest -s` shows the figures and the reliability table; `python tests/soc_eval.py` too.

The floors sit under this branch's held-out figures on 762 labels (top-1 acceptable 76.1%,
coder's code in top 3 75.7%, 95.4% acceptable where wages are given), so a regression
fails; they are not the issue's targets (85% / 93%), which the matcher does not reach yet.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from soc_eval import FOLDS, cases, held_out, held_out_rates, recall, reliability, report

pytestmark = [
    pytest.mark.corpus("philadelphia", "losangeles", "california", "other", "jobdocs"),
    pytest.mark.slow,
]

TOP1_ACCEPTABLE = 0.76
TOP3 = 0.75
ACCEPTABLE_WITH_WAGES = 0.90
# Candidate generation: an acceptable code is among the reranker's candidates for 99.7%
# of the labelled classes (760 of 762), so the misses are the ranking's.
CANDIDATE_RECALL = 0.98


@pytest.fixture(scope="module")
def items():
    found = held_out()
    print("\n" + report(found))
    return found


def test_labelled_set_is_large_and_from_every_corpus():
    labelled = cases()
    assert len(labelled) >= 400
    assert len({(c.path, c.record) for c in labelled}) == len(labelled)
    assert {c.fold for c in labelled} == set(FOLDS)
    assert all(c.confidence in ("high", "medium", "low") for c in labelled[108:])


def test_labels_are_soc_2018_detailed_codes():
    from classspec.occupations.store import load_index

    codes = set(load_index().codes)
    for case in cases():
        assert case.code in codes and set(case.alternates) <= codes, case.path


def test_held_out_first_suggestion_and_top_three(items):
    figures = held_out_rates(items)
    assert figures["top1_acceptable"] >= TOP1_ACCEPTABLE
    assert figures["top3"] >= TOP3
    assert figures["top1_exact"] <= figures["top1_acceptable"]
    assert figures["top3"] <= figures["top3_either_pass"]


def test_candidates_hold_an_acceptable_code():
    assert recall() >= CANDIDATE_RECALL


def test_held_out_wages_only_where_sure(items):
    figures = held_out_rates(items)
    assert figures["acceptable_when_given"] >= ACCEPTABLE_WITH_WAGES
    assert 0.2 < figures["wages_given"] < 1


def test_scores_are_calibrated_on_held_out_classes(items):
    table = {bucket: (count, share) for bucket, count, share in reliability(items)}
    count, share = table["0.9-1.0"]
    assert count >= 50 and share >= 0.9
    low = [h for h in items if h.chance < 0.6]
    ok = [h.codes[0] in (h.case.code, *h.case.alternates) for h in low]
    assert np.mean(ok) < 0.7  # a low score means an unsure match
    # Brier score of the first suggestion's probability, against always saying the base rate.
    outcome = np.array([bool(h.codes) and h.codes[0] in (h.case.code, *h.case.alternates) for h in items])
    chance = np.array([h.chance for h in items])
    assert np.mean((chance - outcome) ** 2) < np.mean((outcome.mean() - outcome) ** 2)


def test_shipped_model_is_trained_on_these_labels(items):
    """The weights in occupations/data were written by scripts/train_soc_reranker.py from
    the current labels: its recorded held-out figures are the ones recomputed here."""
    from classspec.occupations.rerank import FEATURES, MODEL
    from classspec.occupations.store import DATA

    shipped = json.loads((DATA / MODEL).read_text(encoding="utf-8"))
    assert tuple(shipped["features"]) == FEATURES
    assert shipped["labels"] == len(cases())
    figures = held_out_rates(items)
    for name in ("top1_acceptable", "top1_exact", "top3"):
        assert shipped["held_out"][name] == pytest.approx(figures[name], abs=1e-3), name


def test_an_independent_coder_agrees_with_the_labels():
    """tests/soc/independent_pass.yaml: a second coder's blind codes for a sample of the
    labels. The labels are only as good as coders agree: most codes the same, and each
    acceptable to the label (as the acceptance coders manage, 87.3% and 94.0%)."""
    import yaml

    from soc_eval import HERE

    labels = {(c.label_path, c.record): c for c in cases()}
    sample = yaml.safe_load((HERE / "soc" / "independent_pass.yaml").read_text(encoding="utf-8"))
    assert len(sample) >= 50
    pairs = [(labels[(e["path"], e.get("record", 0))], e) for e in sample]
    same = np.mean([label.code == e["code"] for label, e in pairs])
    acceptable = np.mean([e["code"] in (label.code, *label.alternates) for label, e in pairs])
    assert same >= 0.85 and acceptable >= 0.94
