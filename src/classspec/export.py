"""Exporters: records (as JSON-ready dicts) to JSON, JSON Lines, YAML or CSV streams.

Each writer takes records one at a time so a batch streams instead of piling up in
memory. Output is deterministic: keys in model order, no timestamps.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

FORMATS = ("json", "jsonl", "yaml", "csv")
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "yaml": ".yaml", "csv": ".csv"}
LIST_SEPARATOR = " | "


def dumps(record: dict[str, Any], *, indent: int | None = 2) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


class JsonArrayWriter:
    """Always a JSON array, even for one record or none."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write("  " + dumps(record).replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")


class JsonLinesWriter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, record: dict[str, Any]) -> None:
        self.out.write(dumps(record, indent=None) + "\n")

    def close(self) -> None:
        pass


class YamlWriter:
    """A YAML stream, one document per record."""

    def __init__(self, out: TextIO) -> None:
        import yaml

        self.yaml = yaml
        self.out = out

    def write(self, record: dict[str, Any]) -> None:
        self.out.write("---\n")
        self.yaml.safe_dump(record, self.out, sort_keys=False, allow_unicode=True, width=100)

    def close(self) -> None:
        pass


CSV_COLUMNS = (
    "source_path",
    "parser",
    "jurisdiction",
    "class_code",
    "title",
    "level",
    "series",
    "taxonomy",
    "flsa_status",
    "pay_grade",
    "probation_months",
    "summary",
    "distinguishing_features",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "other_requirements",
    "minimum_qualifications",
    "min_education",
    "min_experience_months",
    "licenses",
    "physical_strength",
    "physical_demands",
    "working_conditions",
    "equipment",
    "specialties",
    "established",
    "revised",
    "effective",
    "edited",
    "other_sections",
    "warnings",
)


def _join(values: list[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One row a class: lists joined with ' | ', nested values flattened."""
    mq = record["minimum_qualifications"]
    physical = record["physical_demands"]
    dates = record["dates"]
    jurisdiction = record["jurisdiction"] or {}
    return {
        "source_path": record["source"]["path"],
        "parser": record["source"]["parser"],
        "jurisdiction": jurisdiction.get("id"),
        **{
            key: record[key]
            for key in (
                "class_code",
                "title",
                "level",
                "series",
                "flsa_status",
                "pay_grade",
                "probation_months",
                "summary",
            )
        },
        "taxonomy": _join(f"{k}: {v}" for k, v in record["taxonomy"].items()),
        "distinguishing_features": _join(record["distinguishing_features"]),
        "duties": _join(d["text"] for d in record["duties"]),
        **{
            key: _join(r["text"] for r in record[key])
            for key in ("knowledge", "skills", "abilities", "other_requirements")
        },
        "minimum_qualifications": mq["text"],
        "min_education": mq["min_education"],
        "min_experience_months": mq["min_experience_months"],
        "licenses": _join(mq["licenses"]),
        "physical_strength": physical["strength"],
        "physical_demands": _join(
            f"{i['name']}: {i['frequency']}" if i["frequency"] else i["name"] for i in physical["items"]
        )
        or physical["text"],
        "working_conditions": _join(record["working_conditions"]),
        "equipment": _join(record["equipment"]),
        "specialties": _join(record["specialties"]),
        **{key: dates[key] for key in ("established", "revised", "effective", "edited")},
        "other_sections": _join(
            f"{s['heading']}: {s['text']}" if s["heading"] else s["text"] for s in record["other_sections"]
        ),
        "warnings": _join(record["warnings"]),
    }


class CsvWriter:
    def __init__(self, out: TextIO) -> None:
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow(csv_row(record))

    def close(self) -> None:
        pass


WRITERS = {"json": JsonArrayWriter, "jsonl": JsonLinesWriter, "yaml": YamlWriter, "csv": CsvWriter}


def writer_for(fmt: str, out: TextIO):
    return WRITERS[fmt](out)
