"""`classspec compare`: line classes up side by side.

The facts first (identity, grade, FLSA, education, experience, probation), then the
duties and the knowledge/skills/abilities of each class matched to the others' by
text similarity (rapidfuzz), with what has no counterpart listed per class.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

# token_sort_ratio, 0-100: word order does not matter, but unlike token_set_ratio a
# short item is not a perfect match for every long item that contains its words.
MATCH_THRESHOLD = 60.0
KSA_FIELDS = ("knowledge", "skills", "abilities")


@dataclass(slots=True)
class FieldRow:
    field: str
    values: list[Any]

    @property
    def same(self) -> bool:
        return len({repr(v) for v in self.values}) == 1


@dataclass(slots=True)
class Match:
    score: float  # the lowest similarity between the first item and each other one
    items: list[str | None]  # one per class, None where that class has no counterpart


@dataclass(slots=True)
class Matching:
    matched: list[Match] = field(default_factory=list)
    unmatched: list[list[str]] = field(default_factory=list)  # per class


@dataclass(slots=True)
class Comparison:
    classes: list[dict[str, Any]]
    fields: list[FieldRow]
    duties: Matching
    ksas: Matching

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for row, original in zip(data["fields"], self.fields, strict=True):
            row["same"] = original.same
        return data


def label(record: dict) -> str:
    """A short name for a class: code and title, else the file it came from."""
    parts = [p for p in (record.get("class_code"), record.get("title")) if p]
    if parts:
        return " ".join(parts)
    return os.path.basename(record["source"].get("path") or "stdin")


def _first_salary(record: dict) -> str | None:
    salary = record.get("salary") or []
    return salary[0]["text"] if salary else None


FIELDS = (
    ("jurisdiction", lambda r: (r.get("jurisdiction") or {}).get("name")),
    ("class code", lambda r: r.get("class_code")),
    ("title", lambda r: r.get("title")),
    ("series / level", lambda r: " / ".join(p for p in (r.get("series"), r.get("level")) if p) or None),
    ("pay grade", lambda r: r.get("pay_grade")),
    ("salary", _first_salary),
    ("FLSA", lambda r: r.get("flsa_status")),
    ("minimum education", lambda r: r["minimum_qualifications"].get("min_education")),
    ("experience (months)", lambda r: r["minimum_qualifications"].get("min_experience_months")),
    ("probation (months)", lambda r: r.get("probation_months")),
    ("duties", lambda r: len(r.get("duties") or [])),
    ("knowledge/skills/abilities", lambda r: sum(len(r.get(k) or []) for k in KSA_FIELDS)),
    ("source", lambda r: r["source"].get("path")),
)


def match_items(lists: list[list[str]], threshold: float = MATCH_THRESHOLD) -> Matching:
    """Group items across classes: each class's items are paired one-to-one with the
    groups built so far (best similarity first, at least `threshold`); the rest start
    groups of their own. Groups with items from two or more classes are matches."""
    from rapidfuzz import fuzz, utils

    groups: list[list[str | None]] = []
    for index, items in enumerate(lists):
        anchors = [next(t for t in group if t is not None) for group in groups]
        pairs = []
        if anchors and items:
            cleaned = [utils.default_process(a) for a in anchors]
            pairs = sorted(
                (
                    (fuzz.token_sort_ratio(utils.default_process(item), anchor), i, g)
                    for i, item in enumerate(items)
                    for g, anchor in enumerate(cleaned)
                ),
                key=lambda p: (-p[0], p[1], p[2]),
            )
        taken_items: set[int] = set()
        taken_groups: set[int] = set()
        for score, i, g in pairs:
            if score < threshold:
                break
            if i in taken_items or g in taken_groups:
                continue
            groups[g][index] = items[i]
            taken_items.add(i)
            taken_groups.add(g)
        for i, item in enumerate(items):
            if i not in taken_items:
                group: list[str | None] = [None] * len(lists)
                group[index] = item
                groups.append(group)
    result = Matching(unmatched=[[] for _ in lists])
    for group in groups:
        present = [t for t in group if t is not None]
        if len(present) > 1:
            result.matched.append(Match(_score(present), group))
        else:
            result.unmatched[group.index(present[0])].append(present[0])
    return result


def _score(texts: list[str]) -> float:
    from rapidfuzz import fuzz, utils

    first = texts[0]
    return round(min(fuzz.token_sort_ratio(first, t, processor=utils.default_process) for t in texts[1:]), 1)


def compare(records: list[dict]) -> Comparison:
    """Two or more records (as dicts), compared in the order given."""
    if len(records) < 2:
        raise ValueError(f"compare needs two or more classes, got {len(records)}")
    classes = [
        {
            "label": label(r),
            "class_code": r.get("class_code"),
            "title": r.get("title"),
            "jurisdiction": (r.get("jurisdiction") or {}).get("id"),
            "source": r["source"].get("path"),
        }
        for r in records
    ]
    rows = [FieldRow(name, [get(r) for r in records]) for name, get in FIELDS]
    duties = match_items([[d["text"] for d in r.get("duties") or []] for r in records])
    ksas = match_items([[k["text"] for key in KSA_FIELDS for k in r.get(key) or []] for r in records])
    return Comparison(classes, rows, duties, ksas)


def print_comparison(comparison: Comparison, stream=None) -> None:
    """The comparison as rich tables (colour only on a terminal, and never with NO_COLOR)."""
    import io
    import os as _os
    import sys

    from rich import box
    from rich.console import Console
    from rich.table import Table

    stream = stream or sys.stdout
    terminal = stream.isatty()
    # Not a terminal: a fixed width and no trailing blanks, so the text diffs cleanly.
    target = stream if terminal else io.StringIO()
    width = None if terminal else int(_os.environ.get("COLUMNS") or 120)
    console = Console(file=target, width=width, highlight=False)
    names = [c["label"] for c in comparison.classes]

    facts = Table(box=box.SIMPLE_HEAD, show_edge=False)
    facts.add_column("")
    for name in names:
        facts.add_column(name, overflow="fold")
    for row in comparison.fields:
        style = None if row.same else "bold"
        facts.add_row(row.field, *("—" if v is None else str(v) for v in row.values), style=style)
    console.print(facts)
    console.print()
    sections = (("Duties", comparison.duties), ("Knowledge, skills and abilities", comparison.ksas))
    for heading, matching in sections:
        title = f"{heading}: {len(matching.matched)} matched"
        table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, title_justify="left")
        table.add_column("score", justify="right")
        for name in names:
            table.add_column(name, overflow="fold")
        for match in matching.matched:
            table.add_row(f"{match.score:.0f}", *(text or "—" for text in match.items))
        if matching.matched:
            console.print(table)
        else:
            console.print(f"{heading}: none matched")
        for name, items in zip(names, matching.unmatched, strict=True):
            if not items:
                continue
            console.print(f"[bold]Only in {_escape(name)}[/bold] ({len(items)}):")
            listing = Table.grid(padding=(0, 1))
            listing.add_column(justify="right", width=3)
            listing.add_column(overflow="fold")
            for item in items:
                listing.add_row("-", item)
            console.print(listing)
        console.print()
    if not terminal:
        stream.write("".join(line.rstrip() + "\n" for line in target.getvalue().splitlines()))


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
