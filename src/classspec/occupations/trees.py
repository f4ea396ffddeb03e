"""A forest of small regression trees, scored with numpy alone: the SOC reranker's model.

The trees are learned at build time (tests/soc_eval.py, LightGBM's LambdaRank) and stored
as complete binary trees of one depth: node k's children are 2k+1 (value <= threshold)
and 2k+2, and the last level holds the leaves. A tree that stops early is padded with
splits that always go left onto copies of its leaf, so that every tree walks the same
number of steps and the whole forest is scored at once, candidates x trees, level by level.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Forest:
    depth: int
    feature: np.ndarray  # (trees, 2**depth - 1) int: the column each node splits on
    threshold: np.ndarray  # (trees, 2**depth - 1) float: go left when the value <= it
    leaf: np.ndarray  # (trees, 2**depth) float

    @classmethod
    def from_dict(cls, data: dict) -> Forest:
        return cls(
            int(data["depth"]),
            np.asarray(data["feature"], dtype=np.int64),
            np.array([[np.inf if t is None else t for t in row] for row in data["threshold"]]),
            np.asarray(data["leaf"], dtype=np.float64),
        )

    def to_dict(self) -> dict:
        return {
            "depth": self.depth,
            "feature": self.feature.tolist(),
            # a padding split (always left) is stored as null: JSON has no infinity
            "threshold": [[None if np.isinf(t) else t for t in row] for row in self.threshold.tolist()],
            "leaf": self.leaf.tolist(),
        }

    def score(self, rows: np.ndarray) -> np.ndarray:
        """The forest's sum for each row (candidate)."""
        trees, inner = self.feature.shape
        # Every node's test at once (one gather), then each level's step is a flat lookup
        # into it: half the time of indexing rows, features and thresholds at each level.
        went_right = (rows[:, self.feature.ravel()] > self.threshold.ravel()).ravel()
        tree_start = np.arange(trees) * inner
        row_start = np.arange(len(rows))[:, None] * (trees * inner)
        node = np.zeros((len(rows), trees), dtype=np.intp)
        for _ in range(self.depth):
            node = 2 * node + 1 + went_right[row_start + tree_start + node]
        return self.leaf.ravel()[np.arange(trees) * (inner + 1) + node - inner].sum(axis=1)


def complete(tree: dict, depth: int) -> tuple[list[int], list[float], list[float]]:
    """One tree of LightGBM's `dump_model()` ("split_feature", "threshold", "left_child",
    "right_child"; leaves "leaf_value"), laid out as a complete tree of `depth` levels."""
    features = [0] * (2**depth - 1)
    thresholds = [np.inf] * (2**depth - 1)
    leaves = [0.0] * 2**depth

    def place(node: dict, k: int, level: int) -> None:
        if level == depth:
            if "leaf_value" not in node:
                raise ValueError(f"a tree is deeper than {depth} levels")
            leaves[k - (2**depth - 1)] = float(node["leaf_value"])
            return
        if "leaf_value" in node:  # pad: always left, and the right copy too
            place(node, 2 * k + 1, level + 1)
            place(node, 2 * k + 2, level + 1)
            return
        # Rows never hold NaN, so a "NaN" missing type splits as a plain "<="; a "Zero" one
        # (zero_as_missing) would send zeros elsewhere.
        if node.get("decision_type", "<=") != "<=" or node.get("missing_type") == "Zero":
            raise ValueError("only numeric '<=' splits are supported")
        features[k] = int(node["split_feature"])
        thresholds[k] = float(node["threshold"])
        place(node["left_child"], 2 * k + 1, level + 1)
        place(node["right_child"], 2 * k + 2, level + 1)

    place(tree, 0, 0)
    return features, thresholds, leaves


def depth_of(node: dict) -> int:
    if "leaf_value" in node:
        return 0
    return 1 + max(depth_of(node["left_child"]), depth_of(node["right_child"]))


def from_lightgbm(dump: dict) -> Forest:
    """A Forest from a LightGBM booster's `dump_model()`."""
    trees = [info["tree_structure"] for info in dump["tree_info"]]
    depth = max((depth_of(t) for t in trees), default=0)
    laid = [complete(t, depth) for t in trees]
    return Forest(
        depth,
        np.array([f for f, _, _ in laid], dtype=np.int64).reshape(len(laid), -1),
        np.array([t for _, t, _ in laid], dtype=np.float64).reshape(len(laid), -1),
        np.array([v for _, _, v in laid], dtype=np.float64).reshape(len(laid), -1),
    )
