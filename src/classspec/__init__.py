"""classspec: public-sector job class specifications (text, HTML, PDF) to one data model.

The public names are loaded on first use, so that `classspec --version` and `--help`
start without importing pydantic and compiling every parser's patterns.
"""

from __future__ import annotations

import importlib

__version__ = "0.3.0"

_EXPORTS = {
    "parse_bytes": "classspec.api",
    "parse_document": "classspec.api",
    "parse_file": "classspec.api",
    "parse_text": "classspec.api",
    "read_file": "classspec.api",
    "detect": "classspec.detect",
    "ClassSpecError": "classspec.errors",
    "InputError": "classspec.errors",
    "NotASpecError": "classspec.errors",
    "UsageError": "classspec.errors",
    "ClassSpec": "classspec.model",
    "json_schema": "classspec.model",
}

TYPE_CHECKING = False  # typing is not imported just for this: `--version` stays cheap
if TYPE_CHECKING:
    from classspec.api import parse_bytes, parse_document, parse_file, parse_text, read_file
    from classspec.detect import detect
    from classspec.errors import ClassSpecError, InputError, NotASpecError, UsageError
    from classspec.model import ClassSpec, json_schema


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'classspec' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ClassSpec",
    "ClassSpecError",
    "InputError",
    "NotASpecError",
    "UsageError",
    "__version__",
    "detect",
    "json_schema",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "parse_text",
    "read_file",
]
