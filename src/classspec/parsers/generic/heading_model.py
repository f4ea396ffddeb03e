"""A heading's field read from its words, typography and position, for headings the
vocabulary does not know ("In this job you will:", "How do I qualify?").

The model is a multinomial logistic regression in the style of usaddress and
probablepeople: `scripts/train_heading_model.py` fits it with scikit-learn on the
heading -> field pairs of every corpus (`data/heading_pairs.tsv`) and writes its weights
to `vocabulary/heading_model.json`; here it is only applied: the weights of a heading's
features are summed per field and turned into probabilities (plain Python).
The features are worked out here for both, so training and use cannot drift apart.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import Stemmer

from classspec.document import Line
from classspec.lazyre import lazy_compile
from classspec.linetext import is_upper_heading, strip_marker

MODEL_FILE = "heading_model.json"
MAX_WORDS = 12
TOP = 0.1  # the first tenth of a document
# Below this probability a heading the vocabulary does not know keeps no field: its
# section goes to other_sections under its own heading (chosen by scripts/lofo.py).
THRESHOLD = 0.6
# Before the first spec section (letterhead, a series' own text, a posting's banner) a
# guess must be surer. At 0.8 the model refitted after the jobdocs merge read 'SERIES
# PURPOSE' (a series' text before its class concept) as the summary at 0.82; no record
# of any corpus or seed has a guess between 0.8 and 0.85.
PREAMBLE_THRESHOLD = 0.85
# Markdown emphasis, quotes and numbering around a heading's words ("**1. Duties:**").
_NUMBERING = lazy_compile(
    r"^(?:(?:section|part)\s+)?(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})?|[A-H])[.):\-]\s+", re.I
)
_WORD = lazy_compile(r"[a-z]+(?:'[a-z]+)?")
_STEMMER = Stemmer.Stemmer("english")


@dataclass(frozen=True, slots=True)
class Cues:
    """What the page says about a heading line besides its words."""

    level: int = 0  # Markdown/HTML/Word heading level, 0 for none
    bold: bool = False
    caps: bool = False  # written in capitals
    colon: bool = False  # ends in ':'
    question: bool = False  # ends in '?'
    list_follows: bool = False  # the next line is a list item
    position: float = 0.0  # where in the document, 0 (first line) to 1 (last)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Cues:
        """The cues of one row of data/heading_pairs.tsv (training and its test read it)."""
        flags = ("bold", "caps", "colon", "question", "list_follows")
        return cls(
            level=int(row["level"]),
            position=float(row["position"]),
            **{name: row[name] == "1" for name in flags},
        )


def clean(text: str) -> str:
    """A heading's words without Markdown marks, numbering and closing punctuation."""
    text = text.strip().strip("#*_>|` \t").strip()
    text = _NUMBERING.sub("", text)
    return text.rstrip(" :.-\u2013\u2014").strip("*_ ")


def words(text: str) -> list[str]:
    """The stems of a heading's words ('Responsibilities:' -> ['respons'])."""
    return _STEMMER.stemWords(_WORD.findall(clean(text).lower().replace("\u2019", "'")))


def features(text: str, cues: Cues) -> list[str]:
    """The features of one heading: its stems, word pairs, first and last stem, and its
    typography and position in buckets."""
    stems = words(text)
    found = [f"w={s}" for s in stems]
    found += [f"p={a}_{b}" for a, b in itertools.pairwise(stems)]
    if stems:
        found += [f"first={stems[0]}", f"last={stems[-1]}"]
    found.append(f"n={min(len(stems), 6)}")
    found.append(f"level={cues.level}")
    found += [
        name
        for name, on in (
            ("bold", cues.bold),
            ("caps", cues.caps),
            ("colon", cues.colon),
            ("question", cues.question),
            ("list", cues.list_follows),
        )
        if on
    ]
    if cues.position < TOP:
        found.append("top")  # letterhead and banners sit at the top
    return found


def cues_of(line: Line, following: Line | None, position: float) -> Cues:
    text = line.stripped.rstrip("*_ ")
    return Cues(
        level=line.heading or 0,
        bold=line.bold or text.startswith("**"),
        caps=is_upper_heading(clean(text)),
        colon=text.endswith(":"),
        question=text.rstrip(" :").endswith("?"),
        list_follows=following is not None and bool(strip_marker(following.stripped)[0]),
        position=position,
    )


def heading_like(line: Line, following: Line | None) -> bool:
    """Does the typography set this line as a heading, whatever its words? A heading
    level, a short bold line, a short line in capitals, or a short line ending in ':'
    (or '?') that introduces a list or a paragraph."""
    text = line.stripped
    core = clean(text)
    count = len(core.split(maxsplit=MAX_WORDS))
    if not core or count > MAX_WORDS or (strip_marker(text)[0] and not text.startswith("#")):
        return False
    if line.heading:
        return True
    if text.endswith((".", ";", ",")) and not text.endswith("..."):
        return False
    if line.bold or (text.startswith("**") and text.rstrip(":").endswith("**")):
        return True
    if is_upper_heading(core) and count >= 1:
        return True
    # A line in lower case or closing a parenthesis it did not open ends a broken line
    # ("Additional Information (if" / "required):"): the words are the line above's.
    if text[:1].islower() or text.count(")") > text.count("("):
        return False
    return text.rstrip().endswith((":", "?")) and following is not None and count <= 10


@dataclass(frozen=True, slots=True)
class Prediction:
    field: str
    probability: float


class HeadingModel:
    """The fitted weights: one row per feature, one column per field. Applied in plain
    Python: a heading has a score or so of features, and numpy's import would cost more
    than all the headings of a document."""

    def __init__(self, data: dict) -> None:
        self.fields: list[str] = data["fields"]
        self.rows: dict[str, list[float]] = dict(zip(data["features"], data["weights"], strict=True))
        self.intercept: list[float] = data["intercept"]

    def probabilities(self, found: Sequence[str]) -> list[float]:
        scores = list(self.intercept)
        for name in found:
            row = self.rows.get(name)
            if row is not None:
                scores = [a + b for a, b in zip(scores, row, strict=True)]
        top = max(scores)
        exps = [math.exp(x - top) for x in scores]
        total = sum(exps)
        return [x / total for x in exps]

    def predict(self, text: str, cues: Cues) -> Prediction:
        probs = self.probabilities(features(text, cues))
        best = max(range(len(probs)), key=probs.__getitem__)
        return Prediction(self.fields[best], probs[best])


@functools.cache
def model() -> HeadingModel:
    """The committed model (vocabulary/heading_model.json), read once."""
    text = resources.files("classspec.vocabulary").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HeadingModel(json.loads(text))
