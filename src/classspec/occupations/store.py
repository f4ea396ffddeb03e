"""The packaged occupation data, loaded once per process on first use.

`data/index.npz` + `data/index.json.gz`: the title and task-text TF-IDF indexes (built
by scripts/build_occupations.py with scikit-learn and stored term by term, so matching
needs only numpy); `data/wages.tsv.gz` and `data/areas.tsv`: the OEWS figures.
"""

from __future__ import annotations

import gzip
import io
import json
import lzma
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"
INDEX_ARRAYS = "index.npz"
INDEX_JSON = "index.json.gz"
WAGES = "wages.npz.xz"
WAGE_OCCUPATIONS = "wage_occupations.json.gz"
# Where a title comes from, most authoritative first (a title listed twice keeps the first).
SOURCES = (
    "soc", "soc_direct", "onet", "census_government", "census", "onet_alternate", "onet_reported",
    "census_industry",
)  # fmt: skip
SOURCE_NAMES = {
    "soc": "SOC title", "soc_direct": "SOC direct-match title", "onet": "O*NET title",
    "census_government": "Census title (government)", "census": "Census title",
    "onet_alternate": "O*NET alternate title", "onet_reported": "O*NET reported title",
    "census_industry": "Census title (other industry)",
}  # fmt: skip
WAGE_COLUMNS = (
    "employment", "hourly_mean", "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90",
)  # fmt: skip
CROSS_INDUSTRY = "000000"
LOCAL_GOVERNMENT = "999300"
STATE_GOVERNMENT = "999200"
WAGE_INDUSTRIES = (CROSS_INDUSTRY, LOCAL_GOVERNMENT, STATE_GOVERNMENT)
INDUSTRY_NAMES = {
    CROSS_INDUSTRY: "cross-industry",
    LOCAL_GOVERNMENT: "local government (excl. schools and hospitals)",
    STATE_GOVERNMENT: "state government (excl. schools and hospitals)",
}
RELEASE = "OEWS May 2025"
DAMPING = 1 / 3


@dataclass(frozen=True, slots=True)
class Postings:
    """A TF-IDF matrix (rows: titles or occupations) stored term by term, l2-normalised
    rows, smooth idf: the weights scikit-learn's TfidfVectorizer gives."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    indptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray
    sublinear: bool
    row_count: int

    def query(self, terms: list[str], damped: frozenset[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
        """A text's term ids and l2-normalised TF-IDF weights; terms made only of `damped`
        words weigh a third (a title's 'Supervisor' says less than its 'Custodial')."""
        counts: dict[int, int] = {}
        damp: set[int] = set()
        vocabulary = self.vocabulary
        for term, count in Counter(terms).items():
            found = vocabulary.get(term)
            if found is not None:
                counts[found] = count
                if damped and all(word in damped for word in term.split()):
                    damp.add(found)
        ids = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        if self.sublinear:
            tf = 1 + np.log(tf)
        weights = tf * self.idf[ids]
        if damp:
            weights *= np.array([DAMPING if i in damp else 1.0 for i in counts], dtype=np.float32)
        norm = float(np.sqrt((weights**2).sum()))
        return ids, weights / norm if norm else weights

    def scores(self, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The cosine of every row with the query."""
        starts = self.indptr[ids]
        lengths = self.indptr[ids + 1] - starts
        total = int(lengths.sum())
        if not total:
            return np.zeros(self.row_count)
        # Every posting of every query term, without a Python loop over the terms.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = offsets + np.arange(total)
        return np.bincount(
            self.rows[positions],
            weights=self.weights[positions] * np.repeat(weights, lengths),
            minlength=self.row_count,
        )


def _postings(arrays, prefix: str, vocabulary: list[str], row_count: int, sublinear: bool) -> Postings:
    indptr = arrays[f"{prefix}_indptr"].astype(np.int64)
    lengths = np.diff(indptr)
    running = np.cumsum(arrays[f"{prefix}_gaps"].astype(np.int64))
    before = np.where(indptr[:-1] > 0, running[np.maximum(indptr[:-1] - 1, 0)], 0)
    rows = running - np.repeat(before, lengths)
    idf = (np.log((1 + row_count) / (1 + lengths)) + 1).astype(np.float32)
    tf = arrays[f"{prefix}_counts"].astype(np.float32)
    weights = (1 + np.log(tf) if sublinear else tf) * np.repeat(idf, lengths)
    norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=row_count))
    weights = (weights / norms[rows]).astype(np.float32)
    return Postings(
        {t: i for i, t in enumerate(vocabulary)}, idf, indptr, rows, weights, sublinear, row_count
    )


@dataclass(frozen=True, slots=True)
class Index:
    codes: list[str]
    code_titles: list[str]
    titles: list[str]
    title_code: np.ndarray
    title_starts: np.ndarray  # titles are sorted by occupation: where each one's begin
    title_source: np.ndarray
    title_postings: Postings
    text_postings: Postings
    text_vocabulary: list[str]
    position: dict[str, int]
    excluded: np.ndarray
    government_share: np.ndarray  # of each occupation's employment, by state and local governments
    # The text index again by occupation (row-compressed), for the evidence.
    doc_indptr: np.ndarray
    doc_terms: np.ndarray
    doc_weights: np.ndarray

    def text_terms_of(self, code_index: int) -> tuple[np.ndarray, np.ndarray]:
        """An occupation's text vector: sorted term ids and their weights."""
        start, end = self.doc_indptr[code_index], self.doc_indptr[code_index + 1]
        return self.doc_terms[start:end], self.doc_weights[start:end]


@lru_cache(maxsize=1)
def load_index() -> Index:
    with gzip.open(DATA / INDEX_JSON, "rt", encoding="utf-8") as handle:
        meta = json.load(handle)
    with np.load(DATA / INDEX_ARRAYS) as npz:
        arrays = {name: npz[name] for name in npz.files}
    text = _postings(arrays, "text", meta["text_vocabulary"], len(meta["codes"]), True)
    order = np.lexsort((np.repeat(np.arange(len(text.indptr) - 1), np.diff(text.indptr)), text.rows))
    return Index(
        codes=meta["codes"],
        code_titles=meta["code_titles"],
        titles=meta["titles"],
        title_code=arrays["title_code"].astype(np.int64),
        title_starts=np.searchsorted(arrays["title_code"], np.arange(len(meta["codes"]))),
        title_source=arrays["title_source"],
        title_postings=_postings(arrays, "title", meta["title_vocabulary"], len(meta["titles"]), False),
        text_postings=text,
        text_vocabulary=meta["text_vocabulary"],
        position={code: i for i, code in enumerate(meta["codes"])},
        # Military occupations (major group 55): no civilian class specification is one.
        excluded=np.array(
            [i for i, code in enumerate(meta["codes"]) if code.startswith("55-")], dtype=np.int64
        ),
        government_share=arrays["government_share"],
        doc_indptr=np.searchsorted(text.rows[order], np.arange(len(meta["codes"]) + 1)),
        doc_terms=np.repeat(np.arange(len(text.indptr) - 1), np.diff(text.indptr))[order],
        doc_weights=text.weights[order],
    )


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    kind: str  # N national, S state, M metropolitan
    state_code: str
    name: str


@lru_cache(maxsize=1)
def load_areas() -> list[Area]:
    lines = (DATA / "areas.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [Area(*line.split("\t")) for line in lines if line]


@dataclass(frozen=True, slots=True)
class WageRow:
    employment: int | None
    hourly_mean: float | None
    annual_p10: int | None
    annual_p25: int | None
    annual_median: int | None
    annual_p75: int | None
    annual_p90: int | None


@dataclass(frozen=True, slots=True)
class WageTable:
    """OEWS figures by column, rows sorted by occupation, industry and area."""

    occupations: list[str]
    occupation: np.ndarray
    area: np.ndarray
    industry: np.ndarray
    columns: dict[str, np.ndarray]
    area_position: dict[str, int]

    def get(self, area_code: str, industry_code: str, occupation_code: str) -> WageRow | None:
        position = self.area_position.get(area_code)
        try:
            occ = self.occupations.index(occupation_code)
        except ValueError:
            return None
        start, end = np.searchsorted(self.occupation, [occ, occ + 1])
        found = np.nonzero(
            (self.area[start:end] == position)
            & (self.industry[start:end] == WAGE_INDUSTRIES.index(industry_code))
        )[0]
        if position is None or not len(found):
            return None
        row = start + int(found[0])
        figures = []
        for name in WAGE_COLUMNS:
            value = int(self.columns[name][row])
            figures.append(None if not value else value / 100 if name == "hourly_mean" else value * 10)
        return WageRow(*figures)


@lru_cache(maxsize=1)
def load_wages() -> WageTable:
    with gzip.open(DATA / WAGE_OCCUPATIONS, "rt", encoding="utf-8") as handle:
        occupations = json.load(handle)
    with np.load(io.BytesIO(lzma.decompress((DATA / WAGES).read_bytes()))) as npz:
        columns = {name: npz[name] for name in npz.files}
    return WageTable(
        occupations=occupations,
        occupation=np.cumsum(columns["occupation"].astype(np.int64)),
        area=np.cumsum(columns["area"].astype(np.int64)),
        industry=columns["industry"],
        columns={name: columns[name] for name in WAGE_COLUMNS},
        area_position={area.code: i for i, area in enumerate(load_areas())},
    )
