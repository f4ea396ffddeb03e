"""Every content line of each seed lands somewhere in its output."""

from __future__ import annotations

import pytest

from classspec.detect import detect
from classspec.parsers import get_parser
from classspec.readers import read_path
from conftest import SEED_FILES, seed_id
from line_coverage import measure


@pytest.mark.parametrize("seed", SEED_FILES, ids=seed_id)
def test_every_seed_line_lands_in_output(seed):
    doc = read_path(seed)
    builders = get_parser(detect(doc).parser).parse(doc)
    _, coverage = measure(doc, builders)
    dropped = [f"{line.number}: {line.text}" for line in coverage.dropped]
    assert not dropped, "lines missing from the output:\n" + "\n".join(dropped)
    assert coverage.long_rate == 1.0
