"""The SQLite layout, derived from the `ClassSpec` model rather than listed by hand.

Scalar fields become columns of `classes`; nested objects (source, dates, minimum
qualifications …) are flattened into `classes` with a prefix; lists of objects become
child tables (one row per item, `class_id` + `position`); lists of strings become
one-column child tables. A field added to the model appears in the store by itself;
only the names below (prefixes and table names) are choices made here.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel

# Nested objects flattened into `classes`: field -> column prefix.
PREFIXES = {
    "jurisdiction": "jurisdiction_",
    "source": "source_",
    "minimum_qualifications": "",
    "physical_demands": "physical_",
    "dates": "",
    "market_wages": "wage_",
}
# Columns renamed where a bare or prefixed name would be unclear or collide.
RENAMES = {"minimum_qualifications.text": "qualifications_text"}
# Lists of objects (or strings) -> child table, and the `kind` they are filed under
# when several fields share one table.
CHILD_TABLES = {
    "duties": ("duties", None),
    "knowledge": ("requirements", "knowledge"),
    "skills": ("requirements", "skill"),
    "abilities": ("requirements", "ability"),
    "other_requirements": ("requirements", "other"),
    "minimum_qualifications.education": ("qualifications", "education"),
    "minimum_qualifications.experience": ("qualifications", "experience"),
    "minimum_qualifications.licenses": ("qualifications", "license"),
    "minimum_qualifications.paths": ("qualification_paths", None),
    "physical_demands.items": ("demands", None),
    "salary": ("salaries", None),
    "soc": ("soc_matches", None),
}
# Summary columns of the first item of a list, for filtering without a join.
FIRST_ITEM_COLUMNS = {
    "salary": {"min": "salary_min", "max": "salary_max", "period": "salary_period"},
    "soc": {"code": "soc_code", "title": "soc_title", "score": "soc_score"},
}
# What the full-text index covers: columns of `classes` (it is their FTS5 content
# table), the last two written only for it (see sqlite.TEXT_COLUMNS).
FTS_COLUMNS = ("title", "summary", "duties_text", "requirements_text", "qualifications_text")
REQUIREMENT_FIELDS = ("knowledge", "skills", "abilities", "other_requirements")


@dataclass(slots=True)
class Column:
    name: str
    sql_type: str
    path: tuple[str, ...]  # where the value sits in the record dict


@dataclass(slots=True)
class Table:
    name: str
    columns: list[Column] = field(default_factory=list)
    kinds: dict[str, str | None] = field(default_factory=dict)  # record path -> kind
    value_column: bool = False  # a list of strings: one `value` column


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Optional/Annotated; and whether it was a list."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
            else:  # int | float amounts and scores
                return args, False
        elif origin is list:
            inner, _ = _unwrap(typing.get_args(annotation)[0])
            return inner, True
        else:
            return annotation, False


def sql_type(annotation: Any) -> str | None:
    """The SQLite type of a scalar annotation, None for anything else."""
    if isinstance(annotation, list):  # a union of scalars (Amount, Score)
        kinds = {sql_type(_unwrap(a)[0]) for a in annotation}
        return "NUMERIC" if kinds <= {"INTEGER", "REAL", "NUMERIC"} else "TEXT"
    if typing.get_origin(annotation) is Literal:
        return "TEXT"
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "INTEGER"
        if issubclass(annotation, int):
            return "INTEGER"
        if issubclass(annotation, float):
            return "REAL"
        if issubclass(annotation, (str, enum.Enum)):
            return "TEXT"
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def item_columns(model: type[BaseModel], prefix: str = "", path: tuple[str, ...] = ()) -> list[Column]:
    """Columns of a child-table row: scalars as they are, nested objects flattened,
    lists (of strings, e.g. a path's prior classes) kept as JSON text."""
    columns = []
    for name, info in model.model_fields.items():
        annotation, is_list = _unwrap(info.annotation)
        here = (*path, name)
        if is_list:
            columns.append(Column(prefix + name, "TEXT", here))
        elif _is_model(annotation):
            columns += item_columns(annotation, f"{prefix}{name}_", here)
        elif (kind := sql_type(annotation)) is not None:
            columns.append(Column(prefix + name, kind, here))
    return columns


@dataclass(slots=True)
class Layout:
    classes: list[Column] = field(default_factory=list)
    children: dict[str, Table] = field(default_factory=dict)

    def child(self, name: str, path: str, kind: str | None) -> Table:
        table = self.children.setdefault(name, Table(name))
        table.kinds[path] = kind
        return table


def layout(model: type[BaseModel] | None = None) -> Layout:
    if model is None:
        from classspec.model import ClassSpec

        model = ClassSpec
    found = Layout()
    _walk(model, (), "", found)
    names = [c.name for c in found.classes]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:  # a model change made two fields share a column: pick a prefix above
        raise RuntimeError(f"store layout: columns {sorted(duplicates)} collide")
    return found


def _walk(model: type[BaseModel], path: tuple[str, ...], prefix: str, found: Layout) -> None:
    for name, info in model.model_fields.items():
        here = (*path, name)
        dotted = ".".join(here)
        if dotted == "provenance":
            continue  # its own table, written from the spans (see sqlite.py)
        annotation, is_list = _unwrap(info.annotation)
        if is_list:
            table_name, kind = CHILD_TABLES.get(dotted, (dotted.replace(".", "_"), None))
            table = found.child(table_name, dotted, kind)
            if not table.columns:
                if _is_model(annotation):
                    table.columns = item_columns(annotation)
                else:
                    table.value_column = True
                    table.columns = [Column("value", sql_type(annotation) or "TEXT", ())]
            for key, column in FIRST_ITEM_COLUMNS.get(dotted, {}).items():
                item = dict((c.name, c) for c in item_columns(annotation))[key]
                found.classes.append(Column(column, item.sql_type, (*here, "0", key)))
        elif _is_model(annotation):
            _walk(annotation, here, PREFIXES.get(name, f"{name}_"), found)
        elif typing.get_origin(annotation) is dict:
            found.child(dotted.replace(".", "_"), dotted, None).columns = [
                Column("key", "TEXT", ("key",)),
                Column("value", "TEXT", ("value",)),
            ]
        elif (kind := sql_type(annotation)) is not None:
            found.classes.append(Column(RENAMES.get(dotted, prefix + name), kind, here))


def lookup(record: dict, path: tuple[str, ...]) -> Any:
    value: Any = record
    for step in path:
        if value is None:
            return None
        if isinstance(value, list):
            index = int(step)
            value = value[index] if index < len(value) else None
        else:
            value = value.get(step)
    return value
