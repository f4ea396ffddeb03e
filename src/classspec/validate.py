"""`classspec validate`: check JSON, JSON Lines or YAML exports against the model."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from classspec.model import ClassSpec


def _records(text: str, path: str) -> Iterator[tuple[str, Any]]:
    stripped = text.lstrip()
    if not stripped:
        raise ValueError("empty file")
    if stripped[0] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None
        if data is not None:
            items = data if isinstance(data, list) else [data]
            for index, item in enumerate(items):
                yield f"record {index + 1}", item
            return
        if stripped[0] == "{":
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    try:
                        yield f"line {number}", json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
            return
    documents = _safe_yaml(text)
    index = 0
    for document in documents:
        for item in document if isinstance(document, list) else [document]:
            if item is None:
                continue
            index += 1
            yield f"record {index}", item


def _safe_yaml(text: str) -> list[Any]:
    """YAML as plain data only. Tags that would build Python objects (or anything but
    the standard scalar/list/map types) and aliases (the "billion laughs" expansion)
    are refused before anything is constructed; loading itself uses the safe loader."""
    import yaml

    known = set(yaml.SafeLoader.yaml_constructors)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ValueError("refused: YAML aliases (*name) are not used by classspec exports")
            tag = getattr(event, "tag", None)
            if tag and tag not in known and tag != "!":
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise ValueError(
                    f"refused: YAML tag {shown} asks to build an object; only plain data is read"
                )
        return list(yaml.safe_load_all(text))
    except yaml.YAMLError as exc:
        raise ValueError(f"neither JSON nor YAML ({str(exc).splitlines()[0]})") from None


def _location(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(record)"


def validate_path(path: str) -> tuple[int, list[str]]:
    """Number of records checked and one message per problem found."""
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
    except UnicodeDecodeError:
        return 0, [f"{path}: not UTF-8 text (a binary file?), so not a ClassSpec export"]
    except OSError as exc:
        return 0, [f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"]
    problems: list[str] = []
    count = 0
    try:
        for where, item in _records(text, path):
            count += 1
            if not isinstance(item, dict):
                problems.append(f"{path}: {where}: not an object")
                continue
            try:
                ClassSpec.model_validate(item)
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append(f"{path}: {where}: {_location(err['loc'])}: {err['msg']}")
    except ValueError as exc:
        problems.append(f"{path}: {exc}")
    except RecursionError:
        problems.append(f"{path}: nested too deeply to be a ClassSpec export")
    return count, problems
