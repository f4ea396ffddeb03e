"""The SOC evaluation: the labelled classes of tests/soc/labels.yaml matched with the whole
record and with the title only. Shared by tests/test_soc_accuracy.py and
`python tests/soc_eval.py` (prints every class)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"


@dataclass
class Case:
    path: Path
    record: int
    code: str
    alternates: list[str]


@dataclass
class Result:
    case: Case
    title: str
    suggested: list[str]

    @property
    def exact(self) -> bool:
        return bool(self.suggested) and self.suggested[0] == self.case.code

    @property
    def acceptable(self) -> bool:
        return bool(self.suggested) and self.suggested[0] in (self.case.code, *self.case.alternates)

    @property
    def top3(self) -> bool:
        return self.case.code in self.suggested[:3]


def cases() -> list[Case]:
    found = []
    for entry in yaml.safe_load((HERE / "soc" / "labels.yaml").read_text(encoding="utf-8")):
        path = entry["path"]
        full = REPO / path if path.startswith("seeds/") else CORPUS / path
        found.append(Case(full, entry.get("record", 0), entry["code"], entry["alternates"]))
    return found


def evaluate(title_only: bool) -> list[Result]:
    from classspec import parse_file
    from classspec.occupations.match import Subject, suggest

    results = []
    for case in cases():
        record = parse_file(case.path)[case.record]
        subject = Subject.of(record)
        if title_only:
            subject = Subject(title=subject.title)
        results.append(Result(case, subject.title, [s.code for s in suggest(subject)]))
    return results


def rates(results: list[Result]) -> dict[str, float]:
    n = len(results)
    return {
        "top1_acceptable": sum(r.acceptable for r in results) / n,
        "top1_exact": sum(r.exact for r in results) / n,
        "top3": sum(r.top3 for r in results) / n,
    }


if __name__ == "__main__":
    only = "--title-only" in sys.argv
    results = evaluate(only)
    for r in results:
        mark = "ok " if r.acceptable else ("t3 " if r.top3 else "XX ")
        print(mark, r.case.code, r.case.path.name[:40], "|", r.title[:40], "->", " ".join(r.suggested[:3]))
    print({k: round(v, 3) for k, v in rates(results).items()}, len(results))
