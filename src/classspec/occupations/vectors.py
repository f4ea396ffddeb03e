"""Semantic similarity of a class to its candidate occupations, from stored vectors.

`data/vectors.npz` (scripts/build_soc_vectors.py, with the sentence model all-MiniLM-L6-v2
at build time only) holds a static vector and an idf for each word of the reference texts,
and each SOC occupation's title, description and task vectors in the same reduced space.
A class's title, its text and each duty become the TF-IDF-weighted mean of their words'
vectors (numpy only, no model at match time); the reranker reads their cosines with the
candidates' vectors: words that differ but mean the same ('repairs' and 'maintains',
'webpage' and 'website') count here, where the TF-IDF votes see nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from classspec.occupations.store import DATA, load_index

VECTORS = "vectors.npz"
MAX_DUTIES = 12
TASK_BLOCK = 64
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Vectors:
    word_id: dict[str, int]
    words: np.ndarray  # float32, unit rows
    idf: np.ndarray
    titles: np.ndarray  # occupation rows in load_index().codes order
    texts: np.ndarray
    tasks: np.ndarray
    task_starts: np.ndarray  # occupation k's tasks are tasks[task_starts[k]:task_starts[k + 1]]


def _unit(matrix: np.ndarray) -> np.ndarray:
    matrix = matrix.astype(np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-9)


@lru_cache(maxsize=1)
def load_vectors() -> Vectors:
    with np.load(DATA / VECTORS) as data:
        vocabulary = str(data["words"]).split("\n")
        codes = str(data["codes"]).split("\n")
        if codes != list(load_index().codes):
            raise ValueError(f"{VECTORS} was built for other occupations; rerun scripts/build_soc_vectors.py")
        owner = data["task_owner"].astype(np.int64)
        return Vectors(
            word_id={w: k for k, w in enumerate(vocabulary)},
            words=_unit(data["word_vectors"]),
            idf=data["idf"].astype(np.float32) / 16,
            titles=_unit(data["title_vectors"]),
            texts=_unit(data["text_vectors"]),
            tasks=_unit(data["task_vectors"]),
            task_starts=np.searchsorted(owner, np.arange(len(codes) + 1)),
        )


def embed(text: str, vectors: Vectors | None = None) -> np.ndarray | None:
    """The TF-IDF-weighted (sublinear tf) mean of the text's known words, unit length;
    None when it has none."""
    return embed_all([text], vectors)[0]


def embed_all(texts: list[str], vectors: Vectors | None = None) -> list[np.ndarray | None]:
    """`embed` of each text, in one pass: the word counts of all the texts together, then
    each text's weighted sum (a Counter and a product a text cost a record's dozen duties
    about 2 ms)."""
    vectors = vectors or load_vectors()
    get = vectors.word_id.get
    keys: list[int] = []
    size = len(vectors.idf)
    for n, text in enumerate(texts):
        keys += [
            n * size + k
            for w in _WORD.findall(text.lower().replace("&", " and "))
            if (k := get(w)) is not None
        ]
    if not keys:
        return [None] * len(texts)
    unique, counts = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
    owner, word = np.divmod(unique, size)
    weights = (1 + np.log(counts.astype(np.float32))) * vectors.idf[word]
    # Sums over each text's run of words (sorted by text): no matrix product, which would
    # start the BLAS's threads for a few microseconds' work.
    texts_with_words, starts = np.unique(owner, return_index=True)
    sums = np.zeros((len(texts), vectors.words.shape[1]), dtype=np.float32)
    sums[texts_with_words] = np.add.reduceat(weights[:, None] * vectors.words[word], starts, axis=0)
    norms = np.linalg.norm(sums, axis=1)
    return [sums[n] / norms[n] if norms[n] > 0 else None for n in range(len(texts))]


@lru_cache(maxsize=8)
def embedded(text: str) -> np.ndarray | None:
    """`embed`, remembered: the reranker's vectors and the coded classes read the same title
    and text of a class (the array is shared: not to be changed)."""
    return embed(text)


def similarities(title: str, text: str, duties: list[str], pool: np.ndarray) -> list[np.ndarray]:
    """For each candidate occupation: title-title cosine, text-description cosine, and the
    mean over the first duties of each duty's best cosine with the occupation's tasks
    (zeros where the class gives nothing to compare)."""
    vectors = load_vectors()
    n = len(pool)
    own_title = embedded(title)
    title_cos = vectors.titles[pool] @ own_title if own_title is not None else np.zeros(n, np.float32)
    own_text = embedded(text) if text.strip() else None
    text_cos = vectors.texts[pool] @ own_text if own_text is not None else np.zeros(n, np.float32)
    duty_vectors = [v for v in embed_all(duties[:MAX_DUTIES], vectors) if v is not None]
    duty_task = np.zeros(n, np.float32)
    if duty_vectors:
        # The candidates' tasks together, then each candidate's best task per duty over its
        # run. Products of at most TASK_BLOCK tasks: a larger one starts the BLAS's threads,
        # which spin on as much CPU again as the work (one small product per candidate
        # costs three times as much in numpy calls).
        counts = vectors.task_starts[pool + 1] - vectors.task_starts[pool]
        firsts = np.cumsum(counts) - counts
        rows = np.repeat(vectors.task_starts[pool] - firsts, counts) + np.arange(counts.sum())
        duty_matrix = np.vstack(duty_vectors)
        cosines = np.hstack(
            [duty_matrix @ vectors.tasks[rows[k : k + TASK_BLOCK]].T for k in range(0, len(rows), TASK_BLOCK)]
            or [np.zeros((len(duty_matrix), 0), np.float32)]
        )
        has_tasks = counts > 0
        if has_tasks.any():
            best = np.maximum.reduceat(cosines, firsts[has_tasks], axis=1)
            duty_task[has_tasks] = best.mean(axis=0)
    return [title_cos.astype(np.float64), text_cos.astype(np.float64), duty_task.astype(np.float64)]
