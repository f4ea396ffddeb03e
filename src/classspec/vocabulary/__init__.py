"""The vocabulary of heading and label names (`headings.yaml`), read once.

The lexicon of section families (parsers/lexicon.py), the label map (parsers/labels.py),
the weak headings and the template parsers' heading names all come from this one file,
so that a wording is added in one place and the heading model (generic/heading_model.py)
is trained against the same names the engine matches.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def vocabulary() -> dict[str, Any]:
    """The parsed `headings.yaml` (the C loader when PyYAML has it: the file is read at import)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files(__package__).joinpath("headings.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)


def names(*path: str) -> tuple[str, ...]:
    """The list of names at `path` ('weak_headings'; 'templates', 'norfolk', 'duties')."""
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return tuple(node)


def template_names(template: str, key: str) -> tuple[str, ...]:
    """The heading names one template parser uses for one of its sections."""
    return names("templates", template, key)
