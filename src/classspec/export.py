"""Exporters: records (as JSON-ready dicts) to JSON, JSON Lines, YAML or CSV streams.

Each writer takes records one at a time so a batch streams instead of piling up in
memory. Output is deterministic: keys in model order, no timestamps.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

# sqlite is written by classspec.store (a database file, not a stream).
FORMATS = ("json", "jsonl", "yaml", "csv", "sqlite")
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "yaml": ".yaml", "csv": ".csv", "sqlite": ".db"}
LIST_SEPARATOR = " | "
DATE_COLUMNS = ("established", "revised", "effective", "edited", "opened", "deadline")


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
    """A YAML stream, one document per record.

    Written by `yaml_stream.RecordDumper` (PyYAML's safe dumper, made cheaper for records).
    """

    def __init__(self, out: TextIO) -> None:
        from classspec.yaml_stream import RecordDumper

        self.dumper = RecordDumper
        self.out = out
        self.stream: Any = None  # the dumper writing the stream, from the first record

    def write(self, record: dict[str, Any]) -> None:
        # One dumper for the whole stream, each record a document with an explicit
        # '---': the bytes yaml.dump writes record by record, without setting up an
        # emitter per record. Opened at the first record: no records, no output.
        if self.stream is None:
            options = {"sort_keys": False, "allow_unicode": True, "width": 100, "explicit_start": True}
            self.stream = self.dumper(self.out, **options)
            self.stream.open()
        self.stream.represent(record)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream.dispose()
            self.stream = None


CSV_COLUMNS = (
    "source_path",
    "parser",
    "confidence",
    "jurisdiction",
    "class_code",
    "title",
    "level",
    "series",
    "taxonomy",
    "flsa_status",
    "pay_grade",
    "salary_min",
    "salary_max",
    "salary_period",
    "salary",
    "exam_types",
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
    "qualification_paths",
    "drivers_license",
    "licenses",
    "physical_strength",
    "physical_demands",
    "working_conditions",
    "equipment",
    "specialties",
    *DATE_COLUMNS,
    "other_sections",
    "warnings",
    "soc_code",
    "soc_title",
    "soc_score",
    "wage_area",
    "wage_annual_median",
    "wage_annual_p10",
    "wage_annual_p90",
)


def _join(values: list[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One row a class: lists joined with ' | ', nested values flattened."""
    mq = record["minimum_qualifications"]
    physical = record["physical_demands"]
    dates = record["dates"]
    jurisdiction = record["jurisdiction"] or {}
    first_salary = record["salary"][0] if record["salary"] else {}
    best_soc = (record.get("soc") or [{}])[0]
    wages = record.get("market_wages") or {}
    return {
        "source_path": record["source"]["path"],
        "parser": record["source"]["parser"],
        "confidence": record["source"].get("confidence"),
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
        "salary_min": first_salary.get("min"),
        "salary_max": first_salary.get("max"),
        "salary_period": first_salary.get("period"),
        "salary": _join(s["text"] for s in record["salary"]),
        "exam_types": _join(record["exam_types"]),
        "distinguishing_features": _join(record["distinguishing_features"]),
        "duties": _join(d["text"] for d in record["duties"]),
        **{
            key: _join(r["text"] for r in record[key])
            for key in ("knowledge", "skills", "abilities", "other_requirements")
        },
        "minimum_qualifications": mq["text"],
        "min_education": mq["min_education"],
        "min_experience_months": mq["min_experience_months"],
        "qualification_paths": _join(p["text"] for p in mq["paths"]),
        "drivers_license": mq["drivers_license"],
        "licenses": _join(mq["licenses"]),
        "physical_strength": physical["strength"],
        "physical_demands": _join(
            f"{i['name']}: {i['frequency']}" if i["frequency"] else i["name"] for i in physical["items"]
        )
        or physical["text"],
        "working_conditions": _join(record["working_conditions"]),
        "equipment": _join(record["equipment"]),
        "specialties": _join(record["specialties"]),
        **{key: dates[key] for key in DATE_COLUMNS},
        "other_sections": _join(
            f"{s['heading']}: {s['text']}" if s["heading"] else s["text"] for s in record["other_sections"]
        ),
        "warnings": _join(record["warnings"]),
        "soc_code": best_soc.get("code"),
        "soc_title": best_soc.get("title"),
        "soc_score": best_soc.get("score"),
        "wage_area": wages.get("area_name"),
        "wage_annual_median": wages.get("annual_median"),
        "wage_annual_p10": wages.get("annual_p10"),
        "wage_annual_p90": wages.get("annual_p90"),
    }


class CsvWriter:
    """One row a class. `bom`: start with a UTF-8 byte order mark, the one sign Excel
    reads as "this CSV is UTF-8" (without it, accents come out as mojibake).
    `provenance`: a last column with the record's provenance as JSON."""

    def __init__(self, out: TextIO, *, bom: bool = False, provenance: bool = False) -> None:
        if bom:
            out.write("\ufeff")
        self.provenance = provenance
        columns = (*CSV_COLUMNS, "provenance") if provenance else CSV_COLUMNS
        self.writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        row = csv_row(record)
        if self.provenance:
            row["provenance"] = json.dumps(record.get("provenance") or {}, ensure_ascii=False)
        self.writer.writerow(row)

    def close(self) -> None:
        pass


WRITERS = {"json": JsonArrayWriter, "jsonl": JsonLinesWriter, "yaml": YamlWriter, "csv": CsvWriter}


def writer_for(fmt: str, out: TextIO, *, bom: bool = False, provenance: bool = False):
    """The writer of `fmt` on `out`; `bom` and `provenance` are CSV's options (the
    other formats carry provenance in the record itself)."""
    if fmt == "csv":
        return CsvWriter(out, bom=bom, provenance=provenance)
    return WRITERS[fmt](out)
