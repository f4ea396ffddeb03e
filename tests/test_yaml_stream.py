"""The record dumper writes exactly what PyYAML's own safe dumper writes."""

from __future__ import annotations

import io
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from classspec.export import YamlWriter
from classspec.yaml_stream import RecordDumper

OPTIONS = {"sort_keys": False, "allow_unicode": True, "width": 100, "explicit_start": True}
PYYAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Strings YAML would read as something else unless quoted, beside arbitrary text.
TRICKY = st.sampled_from(
    ["", "yes", "No", "null", "~", "1.0", "0x1F", "2024-01-01", "- a", "a: b", "#x", "'", " x"]
)
KEYS = st.text(max_size=8) | TRICKY
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | TRICKY | st.text()
RECORDS = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=30,
)


def written(records: list[Any], dumper: type) -> str:
    return yaml.dump_all(records, Dumper=dumper, **OPTIONS)


@settings(max_examples=300, deadline=None)
@given(st.lists(RECORDS, min_size=1, max_size=3))
def test_record_dumper_writes_what_pyyaml_writes(records: list[Any]) -> None:
    assert written(records, RecordDumper) == written(records, PYYAML_DUMPER)


def test_a_list_met_twice_is_aliased_as_pyyaml_does() -> None:
    shared = ["a", "b"]
    record = {"one": shared, "two": shared, "three": {"x": shared}}
    text = written([record], RecordDumper)
    assert "&id001" in text and "*id001" in text
    assert text == written([record], PYYAML_DUMPER)


def test_yaml_writer_streams_records_as_documents() -> None:
    out = io.StringIO()
    writer = YamlWriter(out)
    records = [{"title": "Clerk", "yes": "no"}, {"title": "Typist", "codes": ["1", 2]}]
    for record in records:
        writer.write(record)
    writer.close()
    assert out.getvalue() == written(records, PYYAML_DUMPER)
    assert list(yaml.safe_load_all(out.getvalue())) == records
