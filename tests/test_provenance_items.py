"""Every list item cites all the lines it came from: a KSA item or a duty that Word or
a PDF wrapped over several lines cites each of them in `--provenance`, checked over
the whole Philadelphia corpus and the seeds."""

from __future__ import annotations

import re

import pytest

from classspec.api import parse_document
from classspec.readers import read_path
from conftest import PHILADELPHIA, REPO, SEED_FILES

CORPUS = (
    sorted(p for p in PHILADELPHIA.iterdir() if p.suffix.lower() in (".htm", ".html"))
    if PHILADELPHIA.is_dir()
    else []
)
LIST_FIELDS = (
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "other_requirements",
    "distinguishing_features",
    "minimum_qualifications.education",
    "minimum_qualifications.experience",
    "minimum_qualifications.licenses",
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _item_text(item: object) -> str:
    if isinstance(item, dict):
        return " ".join(str(item.get(key) or "") for key in ("name", "text"))
    return str(item)


def uncited_words(path) -> list[str]:
    """'field[i]: word' for each word of a list item that none of its cited lines holds."""
    doc = read_path(path)
    by_number = {line.number: line.text for line in doc.lines}
    problems: list[str] = []
    for record in parse_document(doc, provenance=True):
        data = record.to_dict()
        for field in LIST_FIELDS:
            value = data
            for name in field.split("."):
                value = value[name]
            for index, item in enumerate(value):
                spans = data["provenance"].get(f"{field}[{index}]", [])
                cited = "".join(
                    by_number[n] for s in spans for n in range(s["line_start"], s["line_end"] + 1)
                )
                cited = _NOT_ALNUM.sub("", cited.lower())
                for word in _NOT_ALNUM.split(_item_text(item).lower()):
                    if word and word not in cited:
                        problems.append(f"{field}[{index}]: {word}")
    return problems


@pytest.mark.corpus("philadelphia")
@pytest.mark.slow
def test_every_list_item_cites_all_its_lines_philadelphia():
    failures = {path.name: found[:3] for path in CORPUS if (found := uncited_words(path))}
    assert failures == {}


TEMPLATE_CASES = sorted((REPO / "tests" / "templates").glob("*/*.txt"))


@pytest.mark.parametrize("path", [*SEED_FILES, *TEMPLATE_CASES], ids=lambda p: p.name)
def test_every_list_item_cites_all_its_lines_seeds(path):
    assert uncited_words(path) == []
