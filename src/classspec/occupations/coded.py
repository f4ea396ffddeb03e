"""Classes an employer has already had coded: the hand-labelled classes of
tests/soc/labels.yaml, kept by jurisdiction in `data/coded_classes.npz`.

A coder keeps an employer's crosswalk consistent: 'Clerk Typist 2' goes where 'Clerk
Typist 1' went, and a class whose duties read like an already coded one's likely shares
its code. For a record of a jurisdiction with coded classes, the reranker's margins get
a learned nudge (`COLUMNS` times the weights in reranker.json) towards the codes of that
employer's classes with the same or a similar title or similar duties. Other employers'
classes are never consulted: held out by corpus, reading them cost 2 points, as the
coding habits of one employer do not carry to another. A document's own label is never
read back (the record's source hash is left out), so the figures on labelled documents
stay honest and a matched class is matched, not remembered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from classspec.occupations.store import DATA
from classspec.occupations.text import title_words
from classspec.occupations.vectors import embed

CODED = "coded_classes.npz"
COLUMNS = (
    "coded_title_overlap", "coded_same_title", "coded_title_cosine", "coded_text_cosine",
    "coded_neighbours", "coded_similarity",
)  # fmt: skip
NEIGHBOURS = 5
# An alternate a coder named counts this much of the code itself.
ALTERNATE = 0.5
TEXT_CHARACTERS = 4000
_NONE = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class CodedClass:
    jurisdiction: str
    document: str  # the source's sha256: a document's own label is not read back
    title: str
    code: str
    alternates: tuple[str, ...] = ()


@dataclass(slots=True)
class Coded:
    """Coded classes with their title words and vectors, indexed by jurisdiction and code."""

    classes: list[CodedClass]
    text_vectors: np.ndarray  # of title, summary and duties (class_text); zeros: none
    words: list[frozenset[str]] = field(init=False)
    title_vectors: np.ndarray = field(init=False)
    by_jurisdiction: dict[str, np.ndarray] = field(init=False)
    documents: np.ndarray = field(init=False)

    @classmethod
    def of(cls, classes: list[CodedClass], texts: list[str]) -> Coded:
        return cls(classes, _vectors(texts))

    def __post_init__(self) -> None:
        self.words = [frozenset(title_words(c.title)) for c in self.classes]
        self.title_vectors = _vectors([c.title for c in self.classes])
        places: dict[str, list[int]] = {}
        for k, c in enumerate(self.classes):
            if c.jurisdiction:
                places.setdefault(c.jurisdiction, []).append(k)
        self.by_jurisdiction = {j: np.array(v, dtype=np.int64) for j, v in places.items()}
        self.documents = np.array([c.document for c in self.classes])

    def usable(self, jurisdiction: str | None, document: str | None) -> np.ndarray:
        """The coded classes of the jurisdiction, other than the document's own."""
        # A record of no named employer has no colleagues (not even other such records).
        found = self.by_jurisdiction.get(jurisdiction, _NONE) if jurisdiction else _NONE
        return found[self.documents[found] != document] if document else found


def _vectors(texts: list[str]) -> np.ndarray:
    found = [embed(t) if t.strip() else None for t in texts]
    size = next((v.shape[0] for v in found if v is not None), 1)
    rows = [v if v is not None else np.zeros(size, np.float32) for v in found]
    return np.vstack(rows) if rows else np.zeros((0, size), np.float32)


def class_text(title: str, summary: str, duties: list[str]) -> str:
    return " ".join([title, summary, *duties])[:TEXT_CHARACTERS] if summary or duties else ""


def save(coded: Coded) -> None:
    """Written by scripts/train_soc_reranker.py: the classes, and their text vectors (the
    corpus texts themselves are not shipped)."""
    fields = {name: np.array([getattr(c, name) for c in coded.classes]) for name in _FIELDS}
    alternates = np.array([" ".join(c.alternates) for c in coded.classes])
    vectors = coded.text_vectors.astype(np.float16)
    np.savez_compressed(DATA / CODED, alternates=alternates, text_vectors=vectors, **fields)


_FIELDS = ("jurisdiction", "document", "title", "code")


@lru_cache(maxsize=1)
def load_coded() -> Coded:
    with np.load(DATA / CODED) as data:
        fields = [data[name].tolist() for name in _FIELDS]
        alternates = [tuple(a.split()) for a in data["alternates"].tolist()]
        vectors = data["text_vectors"].astype(np.float32)
    classes = [CodedClass(*values, alternates=a) for *values, a in zip(*fields, alternates, strict=True)]
    return Coded(classes, vectors)


def columns(coded: Coded, usable: np.ndarray, title: str, text: str, codes: list[str]) -> np.ndarray | None:
    """For each candidate code: how like the class (title words, title and text vectors)
    the most alike usable coded class with that code (or alternate) is, and how many of
    the NEIGHBOURS most alike classes have it. None when nothing is usable."""
    if not len(usable):
        return None
    own = frozenset(title_words(title))
    overlap = np.array([len(own & coded.words[k]) / max(len(own | coded.words[k]), 1) for k in usable])
    same = np.array([float(bool(own) and own == coded.words[k]) for k in usable])
    own_title = embed(title) if title.strip() else None
    title_cos = coded.title_vectors[usable] @ own_title if own_title is not None else np.zeros(len(usable))
    own_text = embed(text) if text else None
    text_cos = coded.text_vectors[usable] @ own_text if own_text is not None else np.zeros(len(usable))
    similarity = (overlap + text_cos) / 2 if own_text is not None else overlap
    near = set(np.lexsort((np.arange(len(usable)), -similarity))[:NEIGHBOURS].tolist())
    rows = np.zeros((len(codes), len(COLUMNS)))
    weights = {}
    for k, i in enumerate(usable.tolist()):
        entry = coded.classes[i]
        weights.setdefault(entry.code, []).append((k, 1.0))
        for alternate in entry.alternates:
            weights.setdefault(alternate, []).append((k, ALTERNATE))
    for row, code in enumerate(codes):
        found = weights.get(code)
        if not found:
            continue
        ks = np.array([k for k, _ in found])
        ws = np.array([w for _, w in found])
        rows[row] = (
            overlap[ks].max(),
            float((same[ks] * (ws == 1.0)).max()),
            title_cos[ks].max(),
            text_cos[ks].max(),
            sum(w for k, w in found if k in near) / NEIGHBOURS,
            (similarity[ks] * ws).max(),
        )
    return rows
