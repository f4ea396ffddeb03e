"""Which SOC 2018 occupations a class corresponds to, from the whole record.

Two TF-IDF indexes vote: the class title against 79,000 occupation titles (SOC, Census
with its local-government tags, O*NET alternate and reported titles), and the summary and
duties against each occupation's SOC definition and O*NET task statements. SOC's own
coding rules then apply: a class that supervises workers of major groups 31-53 is coded
to their first-line supervisor occupation (a supervisor of clerks is 43-1011), managers
(Manager/Director/Chief) lean to major group 11, and the minimum education weighs against
occupations that seldom ask for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from classspec.lazyre import lazy_compile
from classspec.occupations.pay import annual_pay
from classspec.occupations.rules import EDUCATION_RANK, FIRST_LINE_CODES, code_masks, first_line_code
from classspec.occupations.store import SOURCE_NAMES, SOURCES, Index, load_index
from classspec.occupations.text import stems, text_terms, title_terms, title_words, words

TOP = 5
TITLE_WEIGHT = 0.6
TEXT_WEIGHT = 0.4
# A title's vote is scaled from TITLE_FLOOR (the text gives its occupation nothing) up to
# full (the text gives it at least AGREEMENT of the best text score).
TITLE_FLOOR = 0.4
AGREEMENT = 0.5
SUPERVISOR_LIFT = 1.0
OWN_SHARE = 0.1
GOVERNMENT_LEAN = 0.15
VOUCHING, VOUCH_BONUS = 0.6, 0.01
MANAGER_LEAN, NOT_MANAGER, NOT_SUPERVISOR, EDUCATION_MISMATCH = 1.1, 0.85, 0.85, 0.9
# A title none of whose words the record's text uses keeps this share of its vote.
UNSUPPORTED_TITLE = 0.3
MIN_TEXT_WORDS = 40
# The summary and first duties say what a class is; long duty lists add department detail.
MAX_TEXT_WORDS = 400


# How much a title counts by where it comes from; government titles count fully for
# public employers, titles the Census restricts to other industries less.
SOURCE_WEIGHT = {
    "soc": 1.0, "soc_direct": 1.0, "onet": 1.0, "census_government": 1.0, "census": 0.95,
    "onet_alternate": 0.95, "onet_reported": 0.9, "census_industry": 0.85,
}  # fmt: skip
_SOURCE_FACTOR = np.array([SOURCE_WEIGHT[s] for s in SOURCES], dtype=np.float32)

SUPERVISOR_NAMES = (
    "supervisor supervising foreman forewoman foreperson crew leader sergeant lieutenant captain"
)
SUPERVISOR_WORDS = stems(SUPERVISOR_NAMES)
MANAGER_WORDS = stems(
    "manager director administrator commissioner superintendent chief executive head deputy"
)
# Words that say a class's rank, not its occupation: they weigh less in a title.
RANK_WORDS = SUPERVISOR_WORDS | MANAGER_WORDS | stems("lead leader crew group team assistant")
# "Crew Chief", "Group Leader", "Team Leader": first-line supervisors by another name.
_LEAD_TITLE = lazy_compile(
    r"\b(?:crew|group|team|work|section|shift|unit)\s+(?:chief|leader|lead)\b|\blead\b", re.I
)
# The record says the class directs others' work (not that it works under supervision).
# Not SCADA's "Supervisory Control" or the bulletins' "applies sound supervisory
# principles" (a KSA line of supervisors and specialists alike).
_SUPERVISES = lazy_compile(
    r"\b(?:supervis(?:es|ing|ory)(?! control| principles)|directs the work|"
    r"assigns,? (?:and )?reviews|assigns, directs|oversees the work|crew chief (?:supervisory )?level)\b",
    re.I,
)
# A working lead is coded with the workers it leads (SOC: supervising under 20% of the time).
_PARTLY = lazy_compile(r"\b(?:may|limited|occasional(?:ly)?|some|partial)\b[^.;]{0,25}$", re.I)
# Sentences about the class's own supervisor ("under the general supervision of a crew
# chief"), or that tell levels apart ("by the extent of supervisory responsibility").
_SUPERVISED = lazy_compile(
    r"\bunder\b[^.;]*\bsupervision\b|\bsupervision of\b|\bsupervised by\b"
    r"|\b(?:extent|degree|amount) of\b[^.;]{0,40}\bsupervisory\b",
    re.I,
)


@dataclass(slots=True)
class Subject:
    """What the matcher reads of a class."""

    title: str = ""
    summary: str = ""
    duties: list[str] = field(default_factory=list)
    min_education: str | None = None
    jurisdiction: str | None = None  # its id: the employer's coded classes (coded.py) speak
    document: str | None = None  # the source's sha256: its own label is not read back
    class_code: str | None = None  # the employer's number: its neighbours are its series
    pay_grade: str | None = None  # its grade mates' codes say what such pay buys
    qualifications: str = ""  # the minimum qualifications' text: the classes it names
    annual_pay: float | None = None  # occupations/pay.py

    @classmethod
    def of(cls, record) -> Subject:
        """A ClassSpec or its dict form."""
        data = record if isinstance(record, dict) else record.model_dump(mode="json")
        quals = data.get("minimum_qualifications") or {}
        texts = [d["text"] for d in data.get("duties") or []]
        texts += list(data.get("distinguishing_features") or [])
        return cls(
            title=data.get("title") or "",
            summary=data.get("summary") or "",
            duties=texts,
            min_education=quals.get("min_education"),
            jurisdiction=(data.get("jurisdiction") or {}).get("id"),
            document=(data.get("source") or {}).get("sha256"),
            class_code=data.get("class_code"),
            pay_grade=data.get("pay_grade"),
            qualifications=quals.get("text") or "",
            annual_pay=annual_pay(next(iter(data.get("salary") or []), None)),
        )


@dataclass(frozen=True, slots=True)
class Suggestion:
    code: str
    title: str
    score: float
    evidence: str


def _title_votes(index: Index, title: str) -> tuple[np.ndarray, np.ndarray]:
    """Per occupation: the best title cosine (weighted by source); and every title's."""
    ids, weights = index.title_postings.query(title_terms(title), RANK_WORDS)
    cosines = index.title_postings.scores(ids, weights)
    cosines *= _source_factors(index)
    # Titles are stored sorted by occupation: the best of each is a max over its run.
    best = np.maximum.reduceat(cosines, index.title_starts)
    # Where several occupations list the same title ("Police Officer"), the one with more
    # titles built on it ("Campus Police Officer", "State Police Officer") goes first.
    vouching = np.bincount(index.title_code[cosines >= VOUCHING], minlength=len(index.codes))
    return (best + VOUCH_BONUS * np.minimum(vouching, 5)).astype(np.float32), cosines


_FACTORS: dict[int, np.ndarray] = {}


def _source_factors(index: Index) -> np.ndarray:
    """Every title's source weight (computed once per loaded index)."""
    if id(index) not in _FACTORS:
        _FACTORS[id(index)] = _SOURCE_FACTOR[index.title_source].astype(np.float64)
    return _FACTORS[id(index)]


def _best_title(index: Index, cosines: np.ndarray, i: int) -> int:
    start = index.title_starts[i]
    end = index.title_starts[i + 1] if i + 1 < len(index.title_starts) else len(cosines)
    return int(start + np.argmax(cosines[start:end]))


def _text_votes(index: Index, text_words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ids, weights = index.text_postings.query(text_terms("", text_words))
    return index.text_postings.scores(ids, weights).astype(np.float32), ids, weights


def _top(scores: np.ndarray, count: int) -> np.ndarray:
    """The `count` highest, best first (ties: lower index first)."""
    if count < len(scores):
        candidates = np.argpartition(-scores, count)[: count + 1]
        candidates = np.union1d(candidates, np.flatnonzero(scores >= scores[candidates].min()))
    else:
        candidates = np.arange(len(scores))
    return candidates[np.lexsort((candidates, -scores[candidates]))][:count]


def _is_supervisory(subject: Subject) -> bool:
    if set(title_words(subject.title)) & SUPERVISOR_WORDS or _LEAD_TITLE.search(subject.title):
        return True
    opening = " ".join([subject.summary[:400], *subject.duties[:1]])
    sentences = [s for s in re.split(r"(?<=[.;])\s+", opening) if not _SUPERVISED.search(s)]
    return any(
        not _PARTLY.search(sentence[: found.start()])
        for sentence in sentences
        for found in _SUPERVISES.finditer(sentence)
    )


def _is_managerial(subject: Subject) -> bool:
    return bool(set(title_words(subject.title)) & MANAGER_WORDS) and not _LEAD_TITLE.search(subject.title)


def _worker_title(title: str) -> str:
    """'Custodial Work Crew Chief' -> 'Custodial Work': whom a supervisor supervises."""
    title = _LEAD_TITLE.sub(" ", title)
    kept = [w for w in re.findall(r"[\w'&/-]+", title) if w.lower() not in SUPERVISOR_NAMES.split()]
    return " ".join(kept)


def title_support(subject: Subject, text_words: list[str]) -> float:
    """How far the record's own text bears its title out: the share of the title's words
    (by their first four letters: 'Clerk' ~ 'clerical') the summary and duties use. A
    title the text never mentions may be a page header read as a title."""
    if len(text_words) < MIN_TEXT_WORDS:
        return 1.0
    own = [w for w in title_words(subject.title) if w not in RANK_WORDS and not w.isdigit()]
    if not own:
        return 1.0
    stems = {w[:4] for w in text_words}
    return sum(w[:4] in stems for w in own) / len(own)


def _combine(title_scores: np.ndarray, text_scores: np.ndarray, has_text: bool) -> np.ndarray:
    """Title and text votes in one score. A title only counts as far as the text does not
    contradict it: a title like 'Skip Ribbon Commands' (navigation read as a title) or an
    ambiguous one ('Stores Manager') must not outvote the duties."""
    peak = float(text_scores.max()) if has_text and text_scores.any() else 0.0
    if not peak:
        return title_scores.copy()
    relative = text_scores / peak
    agreement = TITLE_FLOOR + (1 - TITLE_FLOOR) * np.minimum(1.0, relative / AGREEMENT)
    return TITLE_WEIGHT * title_scores * agreement + TEXT_WEIGHT * relative * peak**0.5


@dataclass(slots=True)
class Scored:
    """Every occupation's first-stage votes for one class: what the reranker reads."""

    subject: Subject
    scores: np.ndarray  # title and text combined, SOC coding rules applied
    title_scores: np.ndarray
    title_cosines: np.ndarray
    text_scores: np.ndarray
    query_ids: np.ndarray
    query_weights: np.ndarray
    has_text: bool
    supervisory: bool
    notes: dict[int, str]


def score_all(subject: Subject) -> Scored:
    """The first stage: title and text votes for all 867 occupations, with SOC's rules."""
    index = load_index()
    title_scores, title_cosines = _title_votes(index, subject.title)
    body = words(" ".join([subject.summary, *subject.duties]))[:MAX_TEXT_WORDS]
    text_scores, query_ids, query_weights = _text_votes(index, words(subject.title) + body)
    has_text = bool(subject.summary or subject.duties)
    support = title_support(subject, body)
    title_scores *= UNSUPPORTED_TITLE + (1 - UNSUPPORTED_TITLE) * support
    scores = _combine(title_scores, text_scores, has_text)
    notes: dict[int, str] = {}
    supervisory = _is_supervisory(subject)
    if supervisory:
        worker = _worker_title(subject.title)
        worker_scores = scores
        if worker and worker != subject.title:
            worker_title_scores, _ = _title_votes(index, worker)
            worker_title_scores *= UNSUPPORTED_TITLE + (1 - UNSUPPORTED_TITLE) * support
            worker_scores = _combine(worker_title_scores, text_scores, has_text)
        _lend_to_supervisors(index, worker_scores, scores, notes)
    _weigh_by_kind(subject, supervisory, scores)
    scores[index.excluded] = 0
    if not has_text:
        text_scores = text_scores * 0
    return Scored(
        subject, scores, title_scores, title_cosines, text_scores, query_ids, query_weights, has_text,
        supervisory, notes,
    )  # fmt: skip


def suggest(subject: Subject, top: int = TOP) -> list[Suggestion]:
    """Up to `top` SOC detailed occupations, best first; `score` is the calibrated
    probability that the code is one a careful coder would accept."""
    from classspec.occupations.coded import colleagues_of
    from classspec.occupations.rerank import rerank

    scored = score_all(subject)
    index = load_index()
    colleagues = colleagues_of(subject)
    ranked = rerank(scored, colleagues)[:top]
    named = colleagues.named([index.codes[i] for i, _ in ranked])
    return [
        Suggestion(
            code=index.codes[i],
            title=index.code_titles[i],
            score=probability,
            evidence=_evidence(
                index,
                i,
                scored.title_scores,
                scored.title_cosines,
                scored.text_scores,
                scored.query_ids,
                scored.query_weights,
                "; ".join(filter(None, (scored.notes.get(i), named.get(index.codes[i])))),
            ),
        )
        for i, probability in ranked
    ]


def _lend_to_supervisors(
    index: Index, worker_scores: np.ndarray, scores: np.ndarray, notes: dict[int, str]
) -> None:
    """SOC codes first-line supervisors of workers in major groups 31-53 as supervisors of
    those workers: the workers' best occupations lend their score to that code."""
    position = index.position
    own = scores.copy()
    for i in _top(worker_scores, 10):
        code = index.codes[i]
        target = first_line_code(code)
        if target is None or code in FIRST_LINE_CODES or target not in position:
            continue
        j = position[target]
        # Its own score breaks ties between supervisor codes lent the same.
        lent = float(worker_scores[i]) * SUPERVISOR_LIFT + OWN_SHARE * float(own[j])
        if lent > scores[j]:
            scores[j] = lent
            notes.setdefault(
                j, f"supervisory class: first-line supervisor of {index.code_titles[i]} ({code})"
            )
        scores[i] = min(scores[i], worker_scores[i]) * 0.9


def _weigh_by_kind(subject: Subject, supervisory: bool, scores: np.ndarray) -> None:
    """Managers lean to major group 11; the minimum education weighs against occupations
    that seldom (or as a rule) ask for it."""
    groups = code_masks()
    # Class specifications are public employers' own: occupations governments employ
    # (OEWS state and local government share) are the likelier reading of a title.
    scores *= 1 + GOVERNMENT_LEAN * load_index().government_share
    scores[groups["manager"]] *= MANAGER_LEAN if _is_managerial(subject) else NOT_MANAGER
    if not supervisory:
        scores[groups["first_line"]] *= NOT_SUPERVISOR
    rank = EDUCATION_RANK.get(subject.min_education or "")
    if rank is not None and rank >= 4:
        scores[groups["no_degree"]] *= EDUCATION_MISMATCH
    elif rank is not None and rank <= 1:
        scores[groups["degree"]] *= EDUCATION_MISMATCH


def _evidence(
    index: Index, i: int, title_scores, title_cosines, text_scores, query_ids, query_weights, note: str | None
) -> str:
    parts = []
    if title_scores[i] > 0:
        best = _best_title(index, title_cosines, i)
        source = SOURCE_NAMES[SOURCES[int(index.title_source[best])]]
        parts.append(f'title ≈ {source} "{index.titles[best]}" ({title_cosines[best]:.2f})')
    if text_scores[i] > 0:
        shared = _shared_terms(index, i, query_ids, query_weights)
        if shared:
            parts.append(
                f"duties ≈ SOC definition and O*NET tasks: {', '.join(shared)} ({text_scores[i]:.2f})"
            )
    if note:
        parts.append(note)
    return "; ".join(parts) or "SOC title"


def _shared_terms(
    index: Index, i: int, query_ids: np.ndarray, query_weights: np.ndarray, count: int = 4
) -> list[str]:
    """The terms that weigh most in both the record's text and the occupation's."""
    terms, weights = index.text_terms_of(i)
    shared, in_query, in_doc = np.intersect1d(query_ids, terms, assume_unique=True, return_indices=True)
    products = query_weights[in_query] * weights[in_doc]
    chosen: list[str] = []
    for term in shared[np.argsort(-products, kind="stable")].tolist():
        name = index.text_vocabulary[term]
        if any(name in other or other in name for other in chosen):
            continue
        chosen.append(name)
        if len(chosen) == count:
            break
    return chosen
