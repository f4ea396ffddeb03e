"""The vocabulary of heading and label names (`headings.toml`), read once.

The lexicon of section families (parsers/generic/lexicon.py), the label map
(parsers/generic/labels.py), the weak headings and the template parsers' heading
names all come from this one file, so that a wording is added in one place and the
heading model (generic/heading_model.py) is trained against the same names the engine
matches. TOML, read by the standard library: parsing a text file imports no YAML
parser (tests/test_speed.py).
"""

from __future__ import annotations

import functools
import sys
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@functools.cache
def vocabulary() -> dict[str, Any]:
    """The parsed `headings.toml`."""
    text = resources.files(__package__).joinpath("headings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def names(*path: str) -> tuple[str, ...]:
    """The list of names at `path` ('weak_headings'; 'templates', 'norfolk', 'duties')."""
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return tuple(node)


def template_names(template: str, key: str) -> tuple[str, ...]:
    """The heading names one template parser uses for one of its sections."""
    return names("templates", template, key)
