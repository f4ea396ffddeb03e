"""occupations/trees.py scores a LightGBM forest as LightGBM itself does, whatever the
shape of its trees (padded to one depth)."""

from __future__ import annotations

import numpy as np
import pytest

from classspec.occupations.trees import Forest, from_lightgbm

lightgbm = pytest.importorskip("lightgbm")


@pytest.mark.parametrize("leaves", [2, 4, 7])
def test_forest_scores_as_lightgbm_predicts(leaves):
    rng = np.random.default_rng(leaves)
    rows = rng.normal(size=(600, 6))
    rows[:, 2] = rng.integers(0, 3, size=600)  # a few repeated values: splits land on them
    target = rows[:, 0] * rows[:, 1] + (rows[:, 2] > 1) + rng.normal(scale=0.1, size=600)
    params = {"objective": "regression", "num_leaves": leaves, "min_data_in_leaf": 5, "verbose": -1,
              "num_threads": 1, "deterministic": True}  # fmt: skip
    booster = lightgbm.train(params, lightgbm.Dataset(rows, target), 30)
    forest = from_lightgbm(booster.dump_model())
    probe = np.vstack([rng.normal(size=(200, 6)), rows[:50]])
    # LightGBM adds its trees in order; so does the forest, so the sums agree to rounding.
    assert np.allclose(forest.score(probe), booster.predict(probe), rtol=0, atol=1e-9)
    again = Forest.from_dict(forest.to_dict())
    assert np.array_equal(again.score(probe), forest.score(probe))


def test_a_leaf_only_tree_pads_to_its_value():
    split = {"split_feature": 1, "threshold": 0.0, "decision_type": "<=",
             "left_child": {"leaf_value": -1.0}, "right_child": {"leaf_value": 2.0}}  # fmt: skip
    leaf = {"leaf_value": 0.5}
    forest = from_lightgbm({"tree_info": [{"tree_structure": leaf}, {"tree_structure": split}]})
    assert forest.depth == 1
    assert forest.score(np.array([[9.0, -1.0], [9.0, 0.0], [9.0, 0.1]])).tolist() == [-0.5, -0.5, 2.5]


def test_unsupported_splits_are_refused():
    tree = {"split_feature": 0, "threshold": 1.0, "decision_type": "==",
            "left_child": {"leaf_value": 0.0}, "right_child": {"leaf_value": 1.0}}  # fmt: skip
    with pytest.raises(ValueError, match="'<='"):
        from_lightgbm({"tree_info": [{"tree_structure": tree}]})
