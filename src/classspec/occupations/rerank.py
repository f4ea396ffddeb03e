"""The second stage: a forest of small trees reorders the first stage's candidates, and
the first one's share of the pool becomes the probability that a careful human coder
would accept the code.

The trees (`data/reranker.json`) are learned from the hand-labelled classes of
tests/soc/labels.yaml by scripts/train_soc_reranker.py (LightGBM's LambdaRank, at build
time only; scoring them here is numpy, occupations/trees.py). The features read the
first stage's votes and SOC's coding rules: how much of the title an occupation's
nearest title says, whether duties and title agree on the minor and major group,
managers and first-line supervisors of the likeliest work, and the semantic similarity
of title, text and duties to each candidate (vectors.py), and a stated salary against
each candidate's median wage (pay.py). Where the employer has coded classes, their codes
nudge the trees' margins (coded.py: its classes most alike, and by its own structure,
mates.py). The calibration (Platt scaling) and the wage threshold were fitted on
predictions for classes held out of the fit, never on the classes a model was fitted on.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from classspec.lazyre import lazy_compile
from classspec.occupations.coded import COLUMNS as CODED_COLUMNS
from classspec.occupations.coded import Colleagues
from classspec.occupations.match import (
    RANK_WORDS,
    Scored,
    _best_title,
    _is_managerial,
    _top,
    _worker_title,
)
from classspec.occupations.pay import pay_columns
from classspec.occupations.rules import (
    EDUCATION_RANK,
    FIRST_LINE_CODES,
    code_masks,
    first_line_code,
    manager_of,
)
from classspec.occupations.store import DATA, load_index
from classspec.occupations.text import title_words
from classspec.occupations.trees import Forest
from classspec.occupations.vectors import similarities

MODEL = "reranker.json"
TITLE_KEYS = "title_keys.json.gz"  # also each title's head word -> occupations: counts
# Candidates: the first stage's best, and the best by title and by text alone (a right
# code the combined vote ranks low is often first on one of the two).
POOL, BY_TITLE, BY_TEXT, MANAGED = 20, 8, 8, 5
# "directs, through subordinate supervisors": SOC codes such a class as a manager (11-).
_THROUGH = lazy_compile(
    r"\bthrough (?:subordinate|lower[- ]level|several|multiple)\b|\bsecond[- ]level supervis", re.I
)
_TRAINEE = lazy_compile(r"\b(?:trainee|apprentice|intern|recruit|graduate)\b", re.I)
_VECTOR_TEXT = 4000  # characters of title, summary and duties (about the first stage's 400 words)

FEATURES = (
    "bias_free_score", "score_share", "first_stage_rank", "title_score", "title_share",
    "text_score", "text_share", "manager_code", "manager_code_x_manager_title",
    "manager_code_x_through", "first_line_code", "first_line_x_supervisory", "first_line_x_through",
    "worker_code_x_supervisory", "professional_x_supervisory", "degree_code_x_degree",
    "no_degree_code_x_degree", "degree_code_x_no_degree", "government_share", "lent_to_supervisor",
    "residual_code", "title_only", "title_x_no_text", "exact_title", "trainee_x_score",
    "title_key", "title_key_sole", "worker_title_key", "manager_of_top", "manager_of_top_x_managerial",
    "manager_of_top_x_through", "best_title_cosine", "head_titles", "head_share", "head_in_soc_title",
    "title_recall", "title_precision", "head_in_best_title",
    "title_rank", "text_rank", "minor_group_text", "major_group_text", "minor_group_title",
    "first_line_x_managerial", "manager_code_x_supervisory", "worker_code_x_managerial",
    "manager_code_x_no_degree", "title_x_text_share",
    "vector_title", "vector_text", "vector_duty_task", "vector_title_rank", "vector_text_rank",
    "vector_duty_task_rank", "pay_to_median", "pay_known",
)  # fmt: skip


@lru_cache(maxsize=1)
def _model() -> dict:
    data = json.loads((DATA / MODEL).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["coded_columns"]) != CODED_COLUMNS:
        raise ValueError(f"{MODEL} was trained on other features; rerun scripts/train_soc_reranker.py")
    data["forest"] = Forest.from_dict(data["forest"])
    return data


@lru_cache(maxsize=1)
def _code_kinds() -> dict[str, np.ndarray]:
    return {name: mask.astype(np.float64) for name, mask in code_masks().items()}


@lru_cache(maxsize=1)
def _lookups() -> dict:
    """ "keys": a title's words (stemmed, grade words out, sorted) -> the occupations listing
    it; "heads": a title's head word ('Building Inspector' -> inspector) -> occupation ->
    how many of its titles end so; "sizes": each occupation's title count."""
    with gzip.open(DATA / TITLE_KEYS, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _title_keys() -> dict[str, list[int]]:
    return _lookups()["keys"]


def head_word(title: str) -> str | None:
    """The last word of a title that names work rather than rank."""
    found = [w for w in title_words(title) if w not in RANK_WORDS and not w.isdigit()]
    return found[-1] if found else None


def title_key(title: str) -> str:
    return " ".join(sorted(set(title_words(title))))


def _keyed(title: str) -> list[int]:
    return _title_keys().get(title_key(title), []) if title.strip() else []


@dataclass(slots=True)
class Pool:
    """The candidates the model chooses from (first-stage order) and what picked them."""

    members: np.ndarray
    keyed: frozenset[int]
    worker_keyed: frozenset[int]
    manager_of_top: frozenset[int]
    head: str | None


def candidates(scored: Scored) -> Pool:
    index = load_index()
    position = index.position
    picks = [_top(scored.scores, POOL), _top(scored.title_scores, BY_TITLE)]
    if scored.has_text:
        picks.append(_top(scored.text_scores, BY_TEXT))
    keyed = _keyed(scored.subject.title)
    worker_keyed: list[int] = []
    if scored.supervisory:
        for i in _keyed(_worker_title(scored.subject.title)):
            target = first_line_code(index.codes[i])
            if target in position:
                worker_keyed.append(position[target])
    # SOC's counterparts of the likeliest work: its managers (a class that manages the work
    # is coded 11-) and, for a supervisory class, its first-line supervisors.
    managers = []
    for i in np.union1d(_top(scored.scores, MANAGED), _top(scored.title_scores, MANAGED)):
        target = manager_of(index.codes[i])
        if target in position:
            managers.append(position[target])
        if scored.supervisory:
            target = first_line_code(index.codes[i])
            if target in position:
                managers.append(position[target])
    picks += [np.array(keyed + worker_keyed + managers, dtype=np.int64)]
    pool = np.unique(np.concatenate(picks))
    pool = pool[(scored.scores[pool] > 0) | np.isin(pool, keyed + worker_keyed + managers)]
    pool = pool[~np.isin(pool, index.excluded)]
    members = pool[np.lexsort((pool, -scored.scores[pool]))]
    title = scored.subject.title
    head = head_word(_worker_title(title) if scored.supervisory else title)
    return Pool(members, frozenset(keyed), frozenset(worker_keyed), frozenset(managers), head)


def features(scored: Scored, found: Pool) -> np.ndarray:
    """One row per candidate, columns as FEATURES."""
    pool = found.members
    if not len(pool):
        return np.zeros((0, len(FEATURES)))
    subject = scored.subject
    kinds = {name: mask[pool] for name, mask in _code_kinds().items()}
    scores = scored.scores[pool]
    title = scored.title_scores[pool]
    text = scored.text_scores[pool]
    opening = " ".join([subject.summary[:600], *subject.duties[:2]])
    through = float(bool(_THROUGH.search(opening)))
    managerial = float(_is_managerial(subject))
    supervisory = float(scored.supervisory)
    rank = EDUCATION_RANK.get(subject.min_education or "")
    degree = float(rank is not None and rank >= 4)
    no_degree = float(rank is not None and rank <= 1)
    trainee = float(bool(_TRAINEE.search(subject.title)))
    lent = np.array([float(int(i) in scored.notes) for i in pool])
    best_title = float(scored.title_cosines.max()) if len(scored.title_cosines) else 0.0
    columns = [
        scores,
        scores / max(float(scores.max(initial=0.0)), 1e-9),
        1 / (1 + np.arange(len(pool))),
        title,
        title / max(float(title.max(initial=0.0)), 1e-9),
        text,
        text / max(float(text.max(initial=0.0)), 1e-9),
        kinds["manager"],
        kinds["manager"] * managerial,
        kinds["manager"] * through,
        kinds["first_line"],
        kinds["first_line"] * supervisory,
        kinds["first_line"] * through,
        kinds["worker"] * supervisory,
        kinds["professional"] * supervisory,
        kinds["degree"] * degree,
        kinds["no_degree"] * degree,
        kinds["degree"] * no_degree,
        load_index().government_share[pool].astype(np.float64),
        lent,
        kinds["residual"],
        np.full(len(pool), float(not scored.has_text)),
        title * float(not scored.has_text),
        (title >= 0.95 * best_title) * float(best_title >= 0.9),
        scores * trainee,
        np.array([float(int(i) in found.keyed) for i in pool]),
        np.array([float(int(i) in found.keyed and len(found.keyed) == 1) for i in pool]),
        np.array([float(int(i) in found.worker_keyed) for i in pool]),
        manager_of_top := np.array([float(int(i) in found.manager_of_top) for i in pool]),
        manager_of_top * managerial,
        manager_of_top * through,
        *_title_columns(scored, found),
        *_agreement_columns(scored, pool, managerial, supervisory, no_degree, kinds),
        *_vector_columns(scored, pool),
        *pay_columns(subject.annual_pay, pool),
    ]
    return np.column_stack(columns).astype(np.float64)


def _title_columns(scored: Scored, found: Pool) -> list[np.ndarray]:
    index = load_index()
    pool = found.members
    starts = index.title_starts
    ends = np.append(starts[1:], len(index.titles))
    best = np.array([float(scored.title_cosines[starts[i] : ends[i]].max(initial=0.0)) for i in pool])
    heads = _lookups()["heads"].get(found.head or "", {})
    sizes = _lookups()["sizes"]
    counts = np.array([heads.get(str(int(i)), 0) for i in pool], dtype=np.float64)
    head = found.head
    in_soc = np.array([float(head is not None and head in _soc_title_words(int(i))) for i in pool])
    own = {w for w in title_words(scored.subject.title) if w not in RANK_WORDS and not w.isdigit()}
    recall, precision, head_in_best = np.zeros(len(pool)), np.zeros(len(pool)), np.zeros(len(pool))
    for k, i in enumerate(pool.tolist()):
        if not own or scored.title_scores[i] <= 0:
            continue
        # The occupation's title nearest the class's: how much of the class title it says
        # ('Tree Surgeon' all of 'Assistant Tree Surgeon', 'Surgeon' half), how much it
        # adds ('Roofer Helper' for 'Senior Roofer'), and whether it names the head word.
        matched = _matched_words(_best_title(index, scored.title_cosines, i))
        recall[k] = len(own & matched) / len(own)
        precision[k] = len(own & matched) / max(len(matched), 1)
        head_in_best[k] = float(head in matched)
    return [
        best, np.log1p(counts), counts / np.array([sizes[int(i)] for i in pool]), in_soc,
        recall, precision, head_in_best,
    ]  # fmt: skip


def _rank_in(values: np.ndarray) -> np.ndarray:
    """1 for the pool's highest value, 1/2 for the next ... (ties: pool order)."""
    order = np.lexsort((np.arange(len(values)), -values))
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return 1 / (1 + ranks)


def _group_share(values: np.ndarray, groups: list[str]) -> np.ndarray:
    """Each candidate's group's share of the pool's votes: how far the votes agree on the
    broad kind of work (minor group 13-2 'financial specialists', major group 13)."""
    total = max(float(values.sum()), 1e-9)
    sums: dict[str, float] = {}
    for group, value in zip(groups, values.tolist(), strict=True):
        sums[group] = sums.get(group, 0.0) + value
    return np.array([sums[group] / total for group in groups])


def _agreement_columns(
    scored: Scored, pool: np.ndarray, managerial: float, supervisory: float, no_degree: float, kinds: dict
) -> list[np.ndarray]:
    codes = load_index().codes
    names = [codes[int(i)] for i in pool]
    title = scored.title_scores[pool].astype(np.float64)
    text = scored.text_scores[pool].astype(np.float64)
    minors = [c[:4] for c in names]
    return [
        _rank_in(title),
        _rank_in(text),
        _group_share(text, minors),
        _group_share(text, [c[:2] for c in names]),
        _group_share(title, minors),
        kinds["first_line"] * managerial,
        kinds["manager"] * supervisory,
        kinds["worker"] * managerial,
        kinds["manager"] * no_degree,
        title / max(float(title.max(initial=0.0)), 1e-9) * text / max(float(text.max(initial=0.0)), 1e-9),
    ]


def _vector_columns(scored: Scored, pool: np.ndarray) -> list[np.ndarray]:
    """Semantic cosines with each candidate (occupations/vectors.py) and their rank in the pool."""
    subject = scored.subject
    text = (
        " ".join([subject.title, subject.summary, *subject.duties])[:_VECTOR_TEXT] if scored.has_text else ""
    )
    found = similarities(subject.title, text, subject.duties if scored.has_text else [], pool)
    # SOC codes a class that supervises (manages) work as that work's first-line supervisor
    # (manager): the counterpart in the pool carries the work's similarity, as the first
    # stage lends it the work's votes ('Carpenter' who supervises carpenters is 47-1011).
    lenders = []
    managerial = _is_managerial(subject)
    if scored.supervisory or managerial:
        codes, place = load_index().codes, {int(i): k for k, i in enumerate(pool.tolist())}
        for k, i in enumerate(pool.tolist()):
            code = codes[i]
            for target in (
                first_line_code(code) if scored.supervisory and code not in FIRST_LINE_CODES else None,
                manager_of(code) if managerial else None,
            ):
                j = place.get(load_index().position.get(target, -1)) if target else None
                if j is not None and j != k:
                    lenders.append((j, k))
    for column in found:
        for j, k in lenders:
            column[j] = max(column[j], column[k])
    return [*found, *(_rank_in(column) * float(column.any()) for column in found)]


@lru_cache(maxsize=65536)
def _matched_words(title_index: int) -> frozenset[str]:
    return frozenset(
        w for w in title_words(load_index().titles[title_index]) if w not in RANK_WORDS and not w.isdigit()
    )


@lru_cache(maxsize=1024)
def _soc_title_words(code_index: int) -> frozenset[str]:
    return frozenset(title_words(load_index().code_titles[code_index]))


def margins(rows: np.ndarray, model: dict | None = None) -> np.ndarray:
    return (model or _model())["forest"].score(rows)


def ranking(margin: np.ndarray) -> np.ndarray:
    """Candidate positions, best margin first (ties: pool order)."""
    return np.lexsort((np.arange(len(margin)), -np.round(margin, 9)))


def log_odds(margin: np.ndarray) -> np.ndarray:
    """Each candidate's share of the pool (a softmax of the margins) as log-odds: what the
    calibration reads, at training (tests/soc_eval.py) and here alike."""
    share = np.exp(margin - margin.max())
    share = np.clip(share / share.sum(), 1e-6, 1 - 1e-6)
    return np.log(share / (1 - share))


def probability(margin: np.ndarray, model: dict | None = None) -> np.ndarray:
    """The candidates' log-odds through Platt scaling fitted on held-out corpora:
    P(the code is acceptable)."""
    a, b = (model or _model())["platt"]
    return 1 / (1 + np.exp(-(a * log_odds(margin) + b)))


def coded_nudge(colleagues: Colleagues, codes: list[str]) -> np.ndarray:
    """What the employer's coded classes add to each candidate's margin (zeros where none
    may speak): their columns times the learned weights."""
    rows = colleagues.columns(codes)
    return np.zeros(len(codes)) if rows is None else rows @ np.array(_model()["coded_weights"])


def rerank(scored: Scored, colleagues: Colleagues) -> list[tuple[int, float]]:
    """(occupation index, calibrated probability), best first; `colleagues`: the employer's
    coded classes as they bear on this class (coded.colleagues_of)."""
    found = candidates(scored)
    pool = found.members
    if not len(pool):
        return []
    margin = margins(features(scored, found)) + coded_nudge(colleagues, [load_index().codes[i] for i in pool])
    order = ranking(margin)
    chances = probability(margin[order])
    return [(int(pool[k]), round(float(p), 3)) for k, p in zip(order, chances, strict=True)]


def wage_threshold() -> float:
    """The first suggestion's score above which wages are given (chosen on held-out data)."""
    return float(_model()["threshold"])
