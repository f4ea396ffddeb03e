"""Score parsed minimum qualifications against the hand-read gold in tests/requirements/.

The gold is one YAML file per corpus (README.md there gives the conventions). Each record
names its file, class code and title; the scorer parses the file with the library API,
picks the record, and checks each field. Per-path fields are checked on aligned paths:
in order when both sides list as many paths, else by the order-keeping alignment that
agrees on the most (months, education, licences) - a gold path left unaligned fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

GOLD_DIR = Path(__file__).resolve().parent / "requirements"

FIELDS = (
    "min_experience_months",
    "min_education",
    "drivers_license",
    "path_count",
    "path_months",
    "path_education",
    "path_licenses",
)

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_DRIVER = re.compile(r"driver|motor\s+vehicle\s+operator|chauffeur", re.I)


def squash(text: str | None) -> str:
    return _NOT_ALNUM.sub("", (text or "").lower().replace("licence", "license"))


def license_key(text: str) -> str:
    """A licence as compared: any driver's licence is one kind; others by their letters."""
    return "driverslicense" if _DRIVER.search(text) else squash(text)


def same_licenses(gold: list[str], parsed: list[str]) -> bool:
    """Each gold licence is named (as a part) by its own parsed licence, and none is left over."""
    if len(gold) != len(parsed):
        return False
    left = [license_key(p) for p in parsed]
    for name in gold:
        key = license_key(name)
        hit = next((i for i, p in enumerate(left) if key in p), None)
        if hit is None:
            return False
        left.pop(hit)
    return True


def load_gold(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


def pick_record(records: list, gold: dict):
    """The parsed record the gold one names: by class code, then by title among those
    (a series page gives one record per level), else the first (as the jobdocs boards do)."""
    code, title = squash(gold.get("code")), squash(gold.get("title"))
    by_code = [r for r in records if code and squash(r.class_code) == code]
    titled = [r for r in by_code or records if title and squash(r.title) == title]
    return (titled or by_code or records or [None])[0]


def plain(value):
    """An enum member as its JSON value (the gold holds the strings)."""
    return getattr(value, "value", value)


def path_agreement(gold_path: dict, parsed) -> tuple[bool, bool, bool]:
    """Whether a parsed path agrees with a gold one on (months, education, licences)."""
    return (
        parsed.experience_months == gold_path["months"],
        plain(parsed.education) == gold_path["education"],
        same_licenses(gold_path.get("licenses") or [], list(parsed.licenses)),
    )


def align(gold_paths: list[dict], parsed_paths: list) -> list[tuple[dict, object | None]]:
    """Pairs (gold path, parsed path or None): in order when the counts agree, else the
    order-keeping alignment with the most agreeing fields (ties keep the earlier pairing)."""
    if len(gold_paths) == len(parsed_paths):
        return list(zip(gold_paths, parsed_paths, strict=True))
    n, m = len(gold_paths), len(parsed_paths)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = sum(path_agreement(gold_paths[i], parsed_paths[j])) + best[i + 1][j + 1]
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[dict, object | None]] = []
    i = j = 0
    while i < n:
        if j < m and best[i][j] == sum(path_agreement(gold_paths[i], parsed_paths[j])) + best[i + 1][j + 1]:
            pairs.append((gold_paths[i], parsed_paths[j]))
            i, j = i + 1, j + 1
        elif j < m and best[i][j] == best[i][j + 1]:
            j += 1
        else:
            pairs.append((gold_paths[i], None))
            i += 1
    return pairs


@dataclass
class Tally:
    applies: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    def count(self, ok: bool, label: str) -> None:
        self.applies += 1
        self.passed += bool(ok)
        if not ok:
            self.failures.append(label)

    @property
    def rate(self) -> float:
        return self.passed / self.applies if self.applies else 1.0


@dataclass
class Scoreboard:
    # tallies[corpus][field]
    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)

    def count(self, corpus: str, name: str, ok: bool, label: str) -> None:
        self.tallies.setdefault(corpus, {f: Tally() for f in FIELDS})[name].count(ok, label)

    def total(self, name: str) -> Tally:
        whole = Tally()
        for per_field in self.tallies.values():
            whole.applies += per_field[name].applies
            whole.passed += per_field[name].passed
            whole.failures += per_field[name].failures
        return whole

    def render(self, show: int = 6) -> str:
        corpora = sorted(self.tallies)
        head = f"{'field':<22}" + "".join(f"{c:>18}" for c in corpora) + f"{'all':>18}"
        rows = [
            "requirements gold: "
            + ", ".join(
                f"{c} {self.records[c]} records / {self.files[c]} files ({self.refused[c]} refused)"
                for c in corpora
            ),
            head,
        ]
        for name in FIELDS:
            cells = [self.tallies[c][name] for c in corpora] + [self.total(name)]
            rows.append(
                f"{name:<22}"
                + "".join(f"{f'{t.passed}/{t.applies} {100 * t.rate:5.1f}%':>18}" for t in cells)
            )
        for name in FIELDS:
            failures = self.total(name).failures
            if failures:
                shown = ", ".join(failures[:show]) + (" ..." if len(failures) > show else "")
                rows.append(f"  {name} misses: {shown}")
        return "\n".join(rows)


def score(corpus_root: Path, gold: dict, board: Scoreboard) -> None:
    """Parse every file the gold names (once each) and count every field of every record."""
    from classspec import parse_file

    corpus = gold["corpus"]
    parsed: dict[str, list] = {}
    refused: dict[str, str] = {}
    board.records[corpus] = len(gold["records"])
    for record in gold["records"]:
        name = record["file"]
        if name not in parsed:
            try:
                parsed[name] = parse_file(corpus_root / name)
            except Exception as exc:  # a file the library refuses fails every field of its records
                parsed[name] = []
                refused[name] = type(exc).__name__
        label = f"{name}[{record.get('code') or record.get('title')}]"
        found = pick_record(parsed[name], record)
        if found is None:
            why = f" ({refused.get(name, 'no record')})"
            for name_ in FIELDS:
                per_path = name_.startswith("path_") and name_ != "path_count"
                for _ in record["paths"] if per_path else [None]:
                    board.count(corpus, name_, False, label + why)
            continue
        quals = found.minimum_qualifications
        for name_, value in (
            ("min_experience_months", quals.min_experience_months),
            ("min_education", plain(quals.min_education)),
            ("drivers_license", plain(quals.drivers_license)),
        ):
            board.count(corpus, name_, value == record[name_], label)
        board.count(corpus, "path_count", len(quals.paths) == len(record["paths"]), label)
        for index, (gold_path, parsed_path) in enumerate(align(record["paths"], list(quals.paths))):
            where = f"{label}.paths[{index}]"
            if parsed_path is None:
                for name_ in ("path_months", "path_education", "path_licenses"):
                    board.count(corpus, name_, False, where + " (unaligned)")
                continue
            months, education, licences = path_agreement(gold_path, parsed_path)
            board.count(corpus, "path_months", months, where)
            board.count(corpus, "path_education", education, where)
            board.count(corpus, "path_licenses", licences, where)
    board.files[corpus] = len(parsed)
    board.refused[corpus] = len(refused)
