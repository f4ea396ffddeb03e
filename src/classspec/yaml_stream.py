"""The YAML dumper records are written with: PyYAML's safe dumper (libyaml's C emitter
when PyYAML was built with it), with the two steps it runs in Python per value made cheap.

A record is a tree of dicts, lists, strings, numbers, booleans and None. PyYAML's
representer looks each value's type up through its MRO and asks whether it may be
aliased; its resolver then runs the implicit-tag regexes on every scalar, twice. Here
strings, dicts and lists are represented directly and the resolver's answer for a
short scalar is remembered (record keys repeat thousands of times in a batch). Everything
else goes through PyYAML's own code, so the bytes written are the same.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_BASE: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Only short scalars are remembered, and only so many: the memory of a batch stays flat.
_REMEMBERED_LENGTH = 64
_REMEMBERED_COUNT = 10_000


class RecordDumper(_BASE):  # type: ignore[misc, valid-type]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plain_tags: dict[str, str] = {}

    def represent_data(self, data: Any) -> Any:
        kind = type(data)
        if kind is str:
            return ScalarNode(_STR, data, style=self.default_style)
        if (kind is not dict and kind is not list) or self.sort_keys or self.default_flow_style is None:
            return super().represent_data(data)
        # A dict or list met twice in one record is written once and aliased, as
        # PyYAML's representer does.
        node = self.represented_objects.get(id(data))
        if node is not None:
            return node
        self.object_keeper.append(data)
        if kind is dict:
            pairs: list[tuple[Any, Any]] = []
            node = MappingNode(_MAP, pairs, flow_style=self.default_flow_style)
            self.represented_objects[id(data)] = node
            represent = self.represent_data
            pairs.extend((represent(key), represent(value)) for key, value in data.items())
        else:
            items: list[Any] = []
            node = SequenceNode(_SEQ, items, flow_style=self.default_flow_style)
            self.represented_objects[id(data)] = node
            items.extend(self.represent_data(item) for item in data)
        return node

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if kind is not ScalarNode:
            return self.DEFAULT_MAPPING_TAG if kind is MappingNode else self.DEFAULT_SEQUENCE_TAG
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        if len(value) > _REMEMBERED_LENGTH:
            return super().resolve(kind, value, implicit)
        tag = self.plain_tags.get(value)
        if tag is None:
            if len(self.plain_tags) >= _REMEMBERED_COUNT:
                self.plain_tags.clear()
            tag = self.plain_tags[value] = super().resolve(kind, value, implicit)
        return tag
