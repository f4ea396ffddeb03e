"""SOC matching on the hand-labelled classes (tests/soc/labels.yaml): the whole-record
matcher against a title-only baseline, in one run. `pytest -s` shows the scoreboard;
`python tests/soc_eval.py` lists every class."""

from __future__ import annotations

import pytest

from soc_eval import cases, evaluate, rates

pytestmark = [pytest.mark.corpus("philadelphia", "losangeles", "california", "other"), pytest.mark.slow]

TOP1_ACCEPTABLE = 0.80
TOP3 = 0.90


@pytest.fixture(scope="module")
def scoreboard() -> dict[str, dict[str, float]]:
    board = {
        "whole record": rates(evaluate(title_only=False)),
        "title only": rates(evaluate(title_only=True)),
    }
    print(f"\nSOC matching on {len(cases())} labelled classes")
    for name, figures in board.items():
        print(f"  {name:>12}: " + ", ".join(f"{k} {v:.1%}" for k, v in figures.items()))
    return board


def test_labelled_set_is_large_enough():
    assert len(cases()) >= 60
    assert len({c.path for c in cases()}) == len(cases()) - sum(c.record > 0 for c in cases())


def test_first_suggestion_acceptable(scoreboard):
    assert scoreboard["whole record"]["top1_acceptable"] >= TOP1_ACCEPTABLE


def test_labelled_code_in_top_three(scoreboard):
    assert scoreboard["whole record"]["top3"] >= TOP3


def test_whole_record_beats_title_only(scoreboard):
    whole, title = scoreboard["whole record"], scoreboard["title only"]
    assert whole["top1_acceptable"] > title["top1_acceptable"]
    assert whole["top3"] > title["top3"]
