"""How far to trust the generic parser on a template nobody wrote a parser for: run
`-j generic` and the specialised parser on the same documents and compare field by field.

    python scripts/compare_generic.py                 # the 5 seeds + the Philadelphia corpus
    python scripts/compare_generic.py PATH...         # other files or folders

For every field the table gives: in how many records the specialist filled it, the
generic parser filled it, both did, and they agree (scalars equal; text at least 90%
the same words; lists of the same length), then the mean word similarity for text
and the mean count ratio (smaller / larger) for lists, over the records both filled.
Records are paired in order; a document where the two give different numbers of
records is counted once, pairing what they have.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from classspec.api import parse_document
from classspec.detect import detect
from classspec.errors import ClassSpecError
from classspec.readers import read_path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = (REPO / "seeds", REPO.parent / "shared" / "corpus" / "philadelphia")
SCALARS = (
    "jurisdiction.id",
    "class_code",
    "title",
    "level",
    "series",
    "flsa_status",
    "pay_grade",
    "probation_months",
    "minimum_qualifications.min_education",
    "minimum_qualifications.min_experience_months",
    "physical_demands.strength",
    "dates.established",
    "dates.revised",
    "dates.effective",
    "dates.edited",
)
TEXTS = ("summary", "minimum_qualifications.text", "physical_demands.text")
LISTS = (
    "distinguishing_features",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "other_requirements",
    "minimum_qualifications.education",
    "minimum_qualifications.experience",
    "minimum_qualifications.licenses",
    "working_conditions",
    "equipment",
    "specialties",
    "other_sections",
)
AGREE_SIMILARITY = 0.9


@dataclass
class FieldScore:
    specialist: int = 0
    generic: int = 0
    both: int = 0
    agree: int = 0
    closeness: list[float] = field(default_factory=list)


def _get(record: dict, path: str) -> Any:
    value: Any = record
    for name in path.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    return value


def similarity(a: str, b: str) -> float:
    """Share of words in common, in order (difflib ratio over word lists)."""
    return SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def compare(pairs: Iterable[tuple[dict, dict]]) -> dict[str, FieldScore]:
    scores = {path: FieldScore() for path in (*SCALARS, *TEXTS, *LISTS)}
    for special, generic in pairs:
        for path, score in scores.items():
            a, b = _get(special, path), _get(generic, path)
            score.specialist += _filled(a)
            score.generic += _filled(b)
            if not (_filled(a) and _filled(b)):
                continue
            score.both += 1
            if path in TEXTS:
                close = similarity(a, b)
                score.agree += close >= AGREE_SIMILARITY
            elif path in LISTS:
                close = min(len(a), len(b)) / max(len(a), len(b))
                score.agree += len(a) == len(b)
            else:
                close = float(a == b)
                score.agree += a == b
            score.closeness.append(close)
    return scores


def _files(inputs: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.suffix.lower() in (".txt", ".htm", ".html", ".pdf")
            )
        else:
            found.append(path)
    return found


def pairs_for(paths: list[Path], failures: list[str]) -> list[tuple[dict, dict]]:
    pairs: list[tuple[dict, dict]] = []
    for path in paths:
        try:
            doc = read_path(path)
            chosen = detect(doc).parser
            if chosen == "generic":
                continue  # no specialist to compare with
            special = [r.to_dict() for r in parse_document(doc, chosen)]
            generic = [r.to_dict() for r in parse_document(doc, "generic")]
        except ClassSpecError as exc:
            failures.append(f"{path}: {exc.reason}")
            continue
        pairs.extend(zip(special, generic, strict=False))
    return pairs


def table(scores: dict[str, FieldScore], records: int) -> str:
    header = f"{'field':45} {'special':>7} {'generic':>7} {'both':>5} {'agree':>5} {'agree%':>6} {'close':>6}"
    lines = [f"records compared: {records}", header, "-" * len(header)]
    for path, s in scores.items():
        agree = f"{100 * s.agree / s.both:.0f}%" if s.both else "-"
        close = f"{sum(s.closeness) / len(s.closeness):.2f}" if s.closeness else "-"
        lines.append(f"{path:45} {s.specialist:7} {s.generic:7} {s.both:5} {s.agree:5} {agree:>6} {close:>6}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    inputs = [Path(a) for a in argv] or list(DEFAULT_INPUTS)
    failures: list[str] = []
    groups = [(str(p), _files([p])) for p in inputs]
    for name, paths in groups:
        pairs = pairs_for(paths, failures)
        print(f"\n== {name} ({len(paths)} files)")
        print(table(compare(pairs), len(pairs)))
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
