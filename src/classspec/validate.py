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
    import yaml

    try:
        documents = list(yaml.safe_load_all(text))
    except yaml.YAMLError as exc:
        raise ValueError(f"neither JSON nor safe YAML ({str(exc).splitlines()[0]})") from None
    index = 0
    for document in documents:
        for item in document if isinstance(document, list) else [document]:
            if item is None:
                continue
            index += 1
            yield f"record {index}", item


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
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
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
    return count, problems
