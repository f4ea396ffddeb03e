"""The jobdocs scoring of shared/corpus/jobdocs/README.md, one fact at a time: parsed;
class_code; title; duties found; minimum qualifications found; experience. Shared by
the scoreboard test and scripts/confidence_table.py."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def squash(text: str | None) -> str:
    return _NOT_ALNUM.sub("", (text or "").lower())


@dataclass(frozen=True)
class Gold:
    family: str
    path: Path
    codes: tuple[str, ...]
    title: str
    duty_items: int | None
    has_mq: bool
    exp_months: int | None


def gold_rows(corpus: Path) -> Iterator[Gold]:
    for table in sorted(corpus.glob("*/gold.tsv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield Gold(
                    family=table.parent.name,
                    path=table.parent / row["file"],
                    codes=tuple(c for c in re.split(r"[;|,]\s*", row["class_code"] or "") if c.strip()),
                    title=row["title"] or "",
                    duty_items=int(row["duty_items"]) if (row["duty_items"] or "").strip() else None,
                    has_mq=(row["has_mq"] or "").strip().lower() == "y",
                    exp_months=int(row["exp_months"]) if (row["exp_months"] or "").strip() else None,
                )


def facts(gold: Gold, records: list[dict]) -> dict[str, bool]:
    """{fact name: right?} for one document's records (an empty list: not parsed)."""
    scored = {"parsed": bool(records)}
    codes = {squash(c) for c in gold.codes}
    record = next((r for r in records if squash(r.get("class_code")) in codes), None) if codes else None
    record = record or (records[0] if records else {})
    if codes:
        scored["class_code"] = squash(record.get("class_code")) in codes
    if gold.title:
        scored["title"] = bool(record) and squash(record.get("title")) == squash(gold.title)
    if gold.duty_items:
        scored["duties"] = bool(record.get("duties"))
    if gold.has_mq:
        scored["minimum_qualifications"] = bool((record.get("minimum_qualifications") or {}).get("text"))
    if gold.exp_months is not None:
        months = (record.get("minimum_qualifications") or {}).get("min_experience_months")
        scored["experience"] = months == gold.exp_months
    return scored
