"""Classes an employer has already had coded: the hand-labelled classes of
tests/soc/labels.yaml, kept by jurisdiction in `data/coded_classes.npz`.

A coder keeps an employer's crosswalk consistent: 'Clerk Typist 2' goes where 'Clerk
Typist 1' went, and a class whose duties read like an already coded one's likely shares
its code. For a record of a jurisdiction with coded classes, the reranker's margins get
a learned nudge (`COLUMNS` times the weights in reranker.json) towards the codes of that
employer's classes with the same or a similar title or similar duties. Other employers'
classes are not consulted: as reranker features they cost 2-3 points held out by corpus
(an employer none of whose classes is coded), whatever they gained on known employers.
A document's own label is never read back (the record's source hash is left out), so the
figures on labelled documents stay honest and a matched class is matched, not remembered.

The employer's own structure speaks too (mates.py): a class's series mates, grade mates
and the classes its qualifications name, with the codes they were given.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from classspec.occupations.mates import (
    NO_GRADE,
    SERIES,
    feeders,
    grade_key,
    grade_mates,
    name_index,
    series_key,
    series_mates,
)
from classspec.occupations.pay import log_medians
from classspec.occupations.rules import first_line_code, kind, manager_of
from classspec.occupations.store import DATA, load_index
from classspec.occupations.text import title_words
from classspec.occupations.vectors import embed_all, embedded

CODED = "coded_classes.npz"
COLUMNS = (
    "coded_title_overlap", "coded_same_title", "coded_title_cosine", "coded_text_cosine",
    "coded_neighbours", "coded_similarity", "coded_series", "coded_series_group", "coded_grade_pay",
    "coded_grade_kind", "coded_feeder", "coded_feeder_over",
)  # fmt: skip
NEIGHBOURS = 5
# How near (log wage) a candidate's median must be to the grade mates' mean to count; an
# implied pay needs this many mates with a published median.
GRADE_WIDTH, GRADE_MATES = 0.3, 2
# An alternate a coder named counts this much of the code itself.
ALTERNATE = 0.5
TEXT_CHARACTERS = 4000
# A coded class this alike is named in a suggestion's evidence.
COLLEAGUE = 0.5
_NONE = np.zeros(0, dtype=np.int64)
_FIELDS = ("jurisdiction", "document", "title", "code", "class_code", "pay_grade")  # with the alternates


@dataclass(frozen=True, slots=True)
class CodedClass:
    jurisdiction: str
    document: str  # the source's sha256: a document's own label is not read back
    title: str
    code: str
    alternates: tuple[str, ...] = ()
    class_code: str = ""  # the employer's own number for the class
    pay_grade: str = ""


@dataclass(slots=True)
class Coded:
    """Coded classes with their title words and vectors, indexed by jurisdiction, and the
    (class, code, weight) pairs of their codes and alternates."""

    classes: list[CodedClass]
    text_vectors: np.ndarray  # of title, summary and duties (class_text); zeros: none
    vocabulary: dict[str, int] = field(init=False)
    word_matrix: np.ndarray = field(init=False)  # class x title word, 0/1
    word_counts: np.ndarray = field(init=False)
    title_vectors: np.ndarray = field(init=False)
    by_jurisdiction: dict[str, np.ndarray] = field(init=False)
    documents: np.ndarray = field(init=False)
    series_keys: np.ndarray = field(init=False)  # (code length, number) a class; (0, 0): none
    grade_schedules: np.ndarray = field(init=False)  # 'EP' of 'EP19'
    grade_numbers: np.ndarray = field(init=False)  # 19 of 'EP19'
    code_places: np.ndarray = field(init=False)  # each class's own code in load_index().codes
    names: dict = field(init=False)  # mates.name_index of the titles
    over_codes: list = field(init=False)  # each class's code's first-line supervisor and manager
    pair_class: np.ndarray = field(init=False)
    pair_code: np.ndarray = field(init=False)  # place in load_index().codes
    pair_weight: np.ndarray = field(init=False)

    @classmethod
    def of(cls, classes: list[CodedClass], texts: list[str]) -> Coded:
        return cls(classes, _vectors(texts))

    def __post_init__(self) -> None:
        words = [set(title_words(c.title)) for c in self.classes]
        self.vocabulary = {w: k for k, w in enumerate(sorted(set().union(*words)))}
        self.word_matrix = np.zeros((len(words), len(self.vocabulary)), dtype=np.float32)
        for k, found in enumerate(words):
            self.word_matrix[k, [self.vocabulary[w] for w in found]] = 1.0
        self.word_counts = self.word_matrix.sum(axis=1)
        self.title_vectors = _vectors([c.title for c in self.classes])
        places: dict[str, list[int]] = {}
        for k, c in enumerate(self.classes):
            if c.jurisdiction:
                places.setdefault(c.jurisdiction, []).append(k)
        self.by_jurisdiction = {j: np.array(v, dtype=np.int64) for j, v in places.items()}
        self.documents = np.array([c.document for c in self.classes])
        self.series_keys = np.array(
            [series_key(c.class_code) or (0, 0) for c in self.classes], dtype=np.int64
        )
        grades = [grade_key(c.pay_grade) or NO_GRADE for c in self.classes]
        self.grade_schedules = np.array([g[0] for g in grades])
        self.grade_numbers = np.array([g[1] for g in grades], dtype=np.int64)
        position = load_index().position
        self.code_places = np.array([position[c.code] for c in self.classes], dtype=np.int64)
        self.names = name_index([c.title for c in self.classes])
        self.over_codes = [_over(c.code) for c in self.classes]
        pairs = [(k, position[code], 1.0 if code == c.code else ALTERNATE)
                 for k, c in enumerate(self.classes) for code in (c.code, *c.alternates)]  # fmt: skip
        self.pair_class, self.pair_code, self.pair_weight = (np.array(v) for v in zip(*pairs, strict=True))

    def usable(self, jurisdiction: str | None, document: str | None) -> np.ndarray:
        """The coded classes of the jurisdiction, other than the document's own."""
        # A record of no named employer has no colleagues (not even other such records).
        found = self.by_jurisdiction.get(jurisdiction, _NONE) if jurisdiction else _NONE
        return found[self.documents[found] != document] if document else found


def _over(code: str) -> frozenset[str]:
    """The codes of the work's first-line supervisors and managers (not the code itself)."""
    return frozenset({first_line_code(code), manager_of(code)} - {None, code})


def _vectors(texts: list[str]) -> np.ndarray:
    found = embed_all(texts)
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


@lru_cache(maxsize=1)
def load_coded() -> Coded:
    with np.load(DATA / CODED) as data:
        fields = {name: data[name].tolist() for name in _FIELDS}
        fields["alternates"] = [tuple(a.split()) for a in data["alternates"].tolist()]
        vectors = data["text_vectors"].astype(np.float32)
    classes = [
        CodedClass(**dict(zip(fields, values, strict=True))) for values in zip(*fields.values(), strict=True)
    ]
    return Coded(classes, vectors)


@dataclass(frozen=True, slots=True)
class Likeness:
    """How like a class each usable coded class is."""

    overlap: np.ndarray  # shared title words / all title words of the two
    same: np.ndarray  # 1.0: the same title words (grades aside)
    title_cosine: np.ndarray
    text_cosine: np.ndarray
    similarity: np.ndarray  # the mean of overlap and text cosine (overlap when no text)


def likeness(coded: Coded, usable: np.ndarray, title: str, text: str) -> Likeness:
    own = set(title_words(title))
    mine = [coded.vocabulary[w] for w in own if w in coded.vocabulary]
    shared = coded.word_matrix[:, mine].sum(axis=1)[usable] if mine else np.zeros(len(usable))
    sizes = coded.word_counts[usable]
    overlap = shared / np.maximum(len(own) + sizes - shared, 1)
    same = ((shared == len(own)) & (sizes == len(own)) & bool(own)).astype(np.float64)
    own_title = embedded(title) if title.strip() else None
    # Products with every coded class, then the usable ones: cheaper than copying their rows.
    title_cos = (coded.title_vectors @ own_title)[usable] if own_title is not None else np.zeros(len(usable))
    own_text = embedded(text) if text else None
    text_cos = (coded.text_vectors @ own_text)[usable] if own_text is not None else np.zeros(len(usable))
    similarity = (overlap + text_cos) / 2 if own_text is not None else overlap
    return Likeness(overlap, same, title_cos, text_cos, similarity)


@dataclass(slots=True)
class Colleagues:
    """The coded classes that may speak for one class (`usable`), and how like it they are."""

    coded: Coded
    usable: np.ndarray
    like: Likeness | None  # None: no usable class
    series: np.ndarray = field(default_factory=lambda: _NONE)  # places in `usable`
    grade_mates: np.ndarray = field(default_factory=lambda: _NONE)
    feeders: np.ndarray = field(default_factory=lambda: _NONE)

    @classmethod
    def of(
        cls,
        coded: Coded,
        usable: np.ndarray,
        title: str,
        text: str,
        class_code: str | None = None,
        pay_grade: str | None = None,
        qualifications: str = "",
    ) -> Colleagues:
        like = likeness(coded, usable, title, text) if len(usable) else None
        return cls(
            coded,
            usable,
            like,
            series_mates(coded.series_keys, usable, class_code),
            grade_mates(coded.grade_schedules, coded.grade_numbers, usable, pay_grade),
            feeders(coded.names, usable, qualifications, title),
        )

    def columns(self, codes: list[str]) -> np.ndarray | None:
        """For each candidate code: how like the class (title words, title and text
        vectors) the most alike usable coded class with that code (or alternate) is, and
        how many of the NEIGHBOURS most alike classes and of its SERIES mates have it, how
        many of the mates are of its major group; how near its median wage is to what the
        grade mates' codes earn, and how many of them are of its kind; how many of the classes
        the qualifications name were given it, or the work it supervises or manages. None
        when nothing is usable."""
        like = self.like
        if like is None:
            return None
        near = np.zeros(len(self.usable))
        near[np.lexsort((np.arange(len(self.usable)), -like.similarity))[:NEIGHBOURS]] = 1.0
        places = _places(codes)
        k, rows, weight = self._pairs(places)
        found = np.zeros((len(codes), len(COLUMNS)))
        # The most alike class per code, column by column; the neighbours' share is a count.
        for name, values in (
            ("coded_title_overlap", like.overlap[k]),
            ("coded_same_title", like.same[k] * (weight == 1.0)),
            ("coded_title_cosine", like.title_cosine[k]),
            ("coded_text_cosine", like.text_cosine[k]),
            ("coded_similarity", like.similarity[k] * weight),
        ):
            np.maximum.at(found[:, COLUMNS.index(name)], rows, values)
        np.add.at(found[:, COLUMNS.index("coded_neighbours")], rows, near[k] * weight / NEIGHBOURS)
        mates = np.zeros(len(self.usable))
        mates[self.series] = 1.0
        np.add.at(found[:, COLUMNS.index("coded_series")], rows, mates[k] * weight / SERIES)
        mate_codes = [self.coded.classes[self.usable[j]].code for j in self.series.tolist()]
        found[:, COLUMNS.index("coded_series_group")] = _shares(
            [c[:2] for c in mate_codes], [c[:2] for c in codes], SERIES
        )
        self._grade_columns(codes, places, found)
        self._feeder_columns(codes, found)
        return found

    def _feeder_columns(self, codes: list[str], found: np.ndarray) -> None:
        named = [self.usable[j] for j in self.feeders.tolist()]
        if not named:
            return
        given = [self.coded.classes[k].code for k in named]
        over = [code for k in named for code in self.coded.over_codes[k]]
        found[:, COLUMNS.index("coded_feeder")] = _shares(given, codes, len(named))
        found[:, COLUMNS.index("coded_feeder_over")] = _shares(over, codes, len(named))

    def _grade_columns(self, codes: list[str], places: np.ndarray, found: np.ndarray) -> None:
        if not len(self.grade_mates):
            return
        mates = self.usable[self.grade_mates]
        wages = log_medians()[self.coded.code_places[mates]]
        wages = wages[~np.isnan(wages)]
        if len(wages) >= GRADE_MATES:
            gap = log_medians()[places] - wages.mean()
            found[:, COLUMNS.index("coded_grade_pay")] = np.nan_to_num(
                np.exp(-(gap**2) / (2 * GRADE_WIDTH**2))
            )
        kinds = [kind(self.coded.classes[j].code) for j in mates.tolist()]
        found[:, COLUMNS.index("coded_grade_kind")] = _shares(kinds, [kind(c) for c in codes], len(mates))

    def named(self, codes: list[str]) -> dict[str, str]:
        """For the evidence: each code's most alike usable class coded so, when it is alike
        (similarity at least COLLEAGUE), else its nearest numbered series mate coded so;
        and for a code of the work a class the qualifications name was given, or of its
        supervisors or managers, that class."""
        if self.like is None:
            return {}
        k, rows, weight = self._pairs(_places(codes))
        mates = np.full(len(self.usable), len(self.series))
        mates[self.series] = np.arange(len(self.series))  # nearest number first
        found = {}
        for row in set(rows[weight == 1.0].tolist()):
            mine = k[(rows == row) & (weight == 1.0)]
            best = int(mine[np.argmax(self.like.similarity[mine])])
            nearest = int(mine[np.argmin(mates[mine])])
            if self.like.similarity[best] >= COLLEAGUE:
                title = self.coded.classes[self.usable[best]].title
                found[codes[row]] = f'the employer\'s class "{title}" is coded so'
            elif mates[nearest] < len(self.series):
                mate = self.coded.classes[self.usable[nearest]]
                found[codes[row]] = (
                    f'the employer\'s class {mate.class_code} "{mate.title}", numbered near it, is coded so'
                )
        return {**self._feeders_named(codes), **found}

    def _feeders_named(self, codes: list[str]) -> dict[str, str]:
        found = {}
        for j in self.feeders.tolist():
            feeder = self.coded.classes[self.usable[j]]
            said = f'its qualifications name the employer\'s class "{feeder.title}", coded '
            for code in codes:
                if code == feeder.code:
                    found.setdefault(code, said + "so")
                elif code in self.coded.over_codes[self.usable[j]]:
                    found.setdefault(
                        code, said + f"{feeder.code}, whose work this code supervises or manages"
                    )
        return found

    def _pairs(self, places: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The (usable class, code it was given) pairs whose code is one of the candidates
        (`places` in load_index().codes): the class's place in `usable`, the candidate's
        row, and the weight (1, or ALTERNATE)."""
        coded = self.coded
        place = np.full(len(coded.classes), -1)
        place[self.usable] = np.arange(len(self.usable))
        row_of = np.full(len(load_index().codes), -1)
        row_of[places] = np.arange(len(places))
        k = place[coded.pair_class]
        rows = row_of[coded.pair_code]
        keep = (k >= 0) & (rows >= 0)
        return k[keep], rows[keep], coded.pair_weight[keep]


def _places(codes: list[str]) -> np.ndarray:
    position = load_index().position
    return np.array([position[c] for c in codes], dtype=np.int64)


def _shares(among: list[str], wanted: list[str], count: int) -> list[float]:
    """For each wanted value, how many of `among` have it, over `count`."""
    tally = Counter(among)
    return [tally[w] / count for w in wanted]


def colleagues_of(subject, coded: Coded | None = None, allowed: np.ndarray | None = None) -> Colleagues:
    """The coded classes of the subject's employer (default: the shipped ones), its own
    document left out; `allowed`: a mask of the coded classes that may speak at all."""
    coded = coded or load_coded()
    usable = coded.usable(subject.jurisdiction, subject.document)
    if allowed is not None:
        usable = usable[allowed[usable]]
    text = class_text(subject.title, subject.summary, subject.duties)
    return Colleagues.of(
        coded, usable, subject.title, text, subject.class_code, subject.pay_grade, subject.qualifications
    )
