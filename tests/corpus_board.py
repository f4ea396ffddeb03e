"""A scoreboard for a real corpus the generic engine reads: each check counts the
documents it applies to and the ones that pass, prints its rate and the failures,
so a run with `pytest -s` shows the figures and a failing test says which files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def squash(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def same_words(left: str | None, right: str | None) -> bool:
    """Equal but for case, punctuation and spacing ('Fire Assistant Chief' ~ 'FIRE ASSISTANT CHIEF')."""
    return (
        bool(left) and bool(right) and _NOT_ALNUM.sub("", left.lower()) == _NOT_ALNUM.sub("", right.lower())
    )


@dataclass
class Check:
    name: str
    applies: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.applies if self.applies else 1.0

    def count(self, ok: bool, label: str) -> None:
        self.applies += 1
        self.passed += ok
        if not ok:
            self.failures.append(label)


@dataclass
class Board:
    corpus: str
    files: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    checks: dict[str, Check] = field(default_factory=dict)

    def check(self, name: str, ok: bool, label: str) -> None:
        self.checks.setdefault(name, Check(name)).count(ok, label)

    def parse(self, path):
        """(document, parser id, records, coverage) of one corpus file as `auto` reads it,
        or None after noting the error: the board reports every failure, not the first."""
        from classspec.detect import detect
        from classspec.parsers import get_parser
        from classspec.readers import read_path
        from line_coverage import measure

        try:
            doc = read_path(path)
            parser = detect(doc).parser
            records, coverage = measure(doc, get_parser(parser).parse(doc))
        except Exception as exc:
            self.errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            return None
        return doc, parser, records, coverage

    def rate(self, name: str) -> float:
        return self.checks[name].rate if name in self.checks else 1.0

    def render(self, show: int = 8) -> str:
        rows = [
            f"{self.corpus}: {self.files} files, {self.files - len(self.errors)} parsed, "
            f"{len(self.errors)} errors, {self.seconds:.1f} s"
        ]
        rows += [f"  error: {e}" for e in self.errors[:show]]
        for check in self.checks.values():
            shown = ", ".join(check.failures[:show]) + (" ..." if len(check.failures) > show else "")
            rows.append(
                f"  {check.name:<44} {check.passed:>4}/{check.applies:<4} {check.rate:6.1%}"
                + (f"  failing: {shown}" if check.failures else "")
            )
        return "\n".join(rows)


def _item(part: str) -> str:
    return re.sub(r"^\s*(?:and|or)\s+", "", part)


def dropped(coverage, records) -> list[str]:
    """Content lines (5+ words) missing from the output. A 'Knowledge of: a; b; c' line
    lands as separate items (its label in no field): its parts are looked for one by one."""
    from line_coverage import output_blob
    from line_coverage import squash as squash_text

    blob = output_blob(records)
    return [
        line.text
        for line in coverage.dropped
        if len(line.text.split()) >= 5
        and (
            ":" not in line.text
            or not all(squash_text(_item(part)) in blob for part in line.text.partition(":")[2].split(";"))
        )
    ]
