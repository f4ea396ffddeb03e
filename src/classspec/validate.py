"""`classspec validate`: check JSON, JSON Lines or YAML exports against the model.

Each input is read once and parsed once. Every error of every record is reported
(record or line, field, value); a line that is not JSON is reported and the next
line is read. Deep nesting is refused at once: libyaml and the json module stop at
their depth limits, and the YAML composer below stops at MAX_DEPTH.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

EXPORT_EXTENSIONS = (".json", ".jsonl", ".yaml", ".yml")
# A ClassSpec record nests 4 levels deep (record > minimum_qualifications > paths > courses).
MAX_DEPTH = 64
_VALUE_SHOWN = 60


class ExportError(ValueError):
    """A file (or one line of it) that is not a readable export."""


@dataclass(slots=True)
class Item:
    where: str  # "record 3" or "line 7"
    data: Any = None
    error: str | None = None  # the item could not be read at all


def read_text(path: str) -> str:
    """The file's text (or stdin's); raises ExportError with the reason."""
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise ExportError("not UTF-8 text (a binary file?), so not a ClassSpec export") from None
    except OSError as exc:
        raise ExportError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def items(text: str) -> Iterator[Item]:
    """The records of an export's text: a JSON array or object, JSON Lines, or YAML."""
    stripped = text.lstrip()
    if not stripped:
        raise ExportError("empty file")
    if stripped[0] in "[{":
        try:
            found = _json_array(text) if stripped[0] == "[" else [(json.loads(text), None)]
        except json.JSONDecodeError:
            found = None
        except RecursionError:
            raise ExportError("nested too deeply to be a ClassSpec export") from None
        if found is not None:
            for index, (item, line) in enumerate(found):
                yield Item(_where(index, line), item)
            return
        if stripped[0] == "{":
            yield from _json_lines(text)
            return
    index = 0
    for item, line in _safe_yaml(text):
        if item is not None:
            yield Item(_where(index, line), item)
            index += 1


def _where(index: int, line: int | None) -> str:
    return f"record {index + 1}" + (f" (line {line})" if line else "")


def _json_array(text: str) -> list[tuple[Any, int]]:
    """A top-level JSON array, parsed element by element so each keeps the line it
    starts on; raises JSONDecodeError where json.loads would."""
    decoder = json.JSONDecoder()
    blank = " \t\r\n"
    position = text.index("[") + 1
    found: list[tuple[Any, int]] = []
    while True:
        while position < len(text) and text[position] in blank:
            position += 1
        if text.startswith("]", position) and (not found or text[position - 1] != ","):
            break
        if found:
            if not text.startswith(",", position):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
            position += 1
            while position < len(text) and text[position] in blank:
                position += 1
        item, end = decoder.raw_decode(text, position)
        found.append((item, text.count("\n", 0, position) + 1))
        position = end
    if text[position + 1 :].strip(blank):
        raise json.JSONDecodeError("Extra data", text, position + 1)
    return found


def _json_lines(text: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield Item(f"line {number}", json.loads(line))
        except json.JSONDecodeError as exc:
            yield Item(f"line {number}", error=f"not JSON ({exc.msg})")
        except RecursionError:
            yield Item(f"line {number}", error="nested too deeply")


def _guarded_loader():
    """A safe YAML loader, parsed by libyaml when present, that refuses aliases (the
    "billion laughs" expansion), object-building tags and deep nesting while it composes,
    before anything is constructed."""
    import yaml
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.resolver import Resolver

    try:
        from yaml._yaml import CParser as Parser
    except ImportError:  # no libyaml: the pure-Python scanner and parser
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
            def __init__(self, stream: str) -> None:
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)

    known = set(SafeConstructor.yaml_constructors)

    class GuardedLoader(Composer, Parser, SafeConstructor, Resolver):
        def __init__(self, stream: str) -> None:
            Parser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.depth = 0

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                raise ExportError("refused: YAML aliases (*name) are not used by classspec exports")
            tag = getattr(event, "tag", None)
            if tag and tag not in known and tag != "!":
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise ExportError(
                    f"refused: YAML tag {shown} asks to build an object; only plain data is read"
                )
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExportError("nested too deeply to be a ClassSpec export")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return GuardedLoader


def _safe_yaml(text: str) -> Iterator[tuple[Any, int]]:
    """(record, line) for each item of each YAML document (a document that is a list
    gives one record per item)."""
    import yaml

    loader = _guarded_loader()(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            data = loader.construct_document(node)
            if isinstance(data, list):
                yield from zip(data, (n.start_mark.line + 1 for n in node.value), strict=True)
            else:
                yield data, node.start_mark.line + 1
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()
        if any("nesting depth" in line for line in first):
            raise ExportError("nested too deeply to be a ClassSpec export") from None
        raise ExportError(f"neither JSON nor YAML ({first[0]})") from None
    except RecursionError:
        raise ExportError("nested too deeply to be a ClassSpec export") from None
    finally:
        loader.dispose()


def _location(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(record)"


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return f"a {'list' if isinstance(value, list) else 'object'}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _VALUE_SHOWN else text[: _VALUE_SHOWN - 1] + "…"


def _value_location(data: Any, loc: tuple) -> tuple:
    """The part of a pydantic error location that is a place in the record. A value
    that fails a union (an amount is int or float) gets one error per member, each
    with the member's name appended (`salary.0.min.constrained-int`): cut there."""
    here = data
    for depth, part in enumerate(loc):
        if isinstance(here, dict):
            if part not in here:
                return loc[: depth + 1]  # a missing field
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and part < len(here):
            here = here[part]
        else:
            return loc[:depth]
    return loc


def record_problems(data: Any, required: tuple[str, ...] = ()) -> list[str]:
    """Every schema error of one record, one per bad value: 'field: message (got
    value)'; then each `required` field (a dotted path) that holds no value."""
    from pydantic import ValidationError

    from classspec.model import ClassSpec

    if not isinstance(data, dict):
        return ["not an object"]
    problems = []
    try:
        ClassSpec.model_validate(data)
    except ValidationError as exc:
        by_value: dict[tuple, dict] = {}
        for err in exc.errors():
            # A union's last member says the most general thing ("a valid number").
            by_value[_value_location(data, err["loc"])] = err
        problems = [
            f"{_location(loc)}: {err['msg']}"
            + ("" if err["type"] == "missing" else f" (got {_shown(err.get('input'))})")
            for loc, err in by_value.items()
        ]
    except RecursionError:
        return ["nested too deeply"]
    missing = [name for name in required if not _filled(data, name)]
    return problems + [f"{name}: required (--require) but empty or missing" for name in missing]


def record_warnings(data: Any) -> list[str]:
    """The record's implausible values (classspec.plausibility): 'field: message'."""
    from classspec.plausibility import check

    return [str(finding) for finding in check(data)]


def _filled(data: dict, dotted: str) -> bool:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value not in (None, "", [], {})


def check_required_names(names: Iterable[str]) -> list[str]:
    """The names given to --require that are no field (dotted paths into nested objects)."""
    from pydantic import BaseModel

    from classspec.model import ClassSpec

    unknown = []
    for name in names:
        model: Any = ClassSpec
        for part in name.split("."):
            field_info = model.model_fields.get(part) if isinstance(model, type) else None
            if field_info is None:
                unknown.append(name)
                break
            annotation = field_info.annotation
            options = [annotation, *getattr(annotation, "__args__", ())]  # Optional[Model]
            models = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
            model = models[0] if models else None
    return unknown


CSV_REFUSED = "CSV exports cannot be validated: export JSON Lines (-f jsonl) and validate that"


def _is_csv(path: str, text: str) -> bool:
    """A .csv file, or classspec's CSV header under any name (stdin, .txt)."""
    return path.lower().endswith(".csv") or text.lstrip("\ufeff").startswith("source_path,parser,")


def validate_path(
    path: str, required: tuple[str, ...] = (), *, strict: bool = False
) -> tuple[int, list[str], list[str]]:
    """Number of records checked, one message per problem found, and one per implausible
    value (`strict`: those are problems too)."""
    problems: list[str] = []
    warnings: list[str] = []
    count = 0
    try:
        text = "" if path.lower().endswith(".csv") else read_text(path)
        if _is_csv(path, text):
            raise ExportError(CSV_REFUSED)
        for item in items(text):
            count += item.error is None
            errors = [item.error] if item.error else record_problems(item.data, required)
            problems += [f"{path}: {item.where}: {error}" for error in errors]
            if item.error is None:
                found = [f"{path}: {item.where}: {warning}" for warning in record_warnings(item.data)]
                (problems if strict else warnings).extend(found)
    except ExportError as exc:
        problems.append(f"{path}: {exc}")
    return count, problems, warnings


@dataclass(slots=True)
class Found:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # folders holding no export at all


def expand_exports(paths: Iterable[str]) -> Found:
    """Files as given; folders walked recursively (sorted) for .json .jsonl .yaml .yml."""
    found = Found()
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.files.append(path)
            continue
        before = len(found.files)
        for folder, subfolders, names in os.walk(path, followlinks=False):
            subfolders.sort()
            for name in sorted(names):
                full = os.path.join(folder, name)
                if os.path.splitext(name)[1].lower() in EXPORT_EXTENSIONS:
                    found.files.append(full)
                else:
                    found.skipped.append(full)
        if len(found.files) == before:
            found.empty.append(path)
    return found


def validate_paths(
    paths: Iterable[str], required: tuple[str, ...] = (), *, strict: bool = False
) -> Iterator[tuple[str, int, list[str], list[str]]]:
    """(file, records checked, problems, plausibility warnings) for every export file
    under `paths`, in order; a folder without any export is one problem. `required`:
    fields every record must fill."""
    found = expand_exports(paths)
    for folder in found.empty:
        yield folder, 0, [f"{folder}: no {' '.join(EXPORT_EXTENSIONS)} file in this folder"], []
    for path in found.files:
        yield path, *validate_path(path, required, strict=strict)
