"""`auto` detection: every seed goes to its own parser, every Philadelphia corpus file
to philadelphia, the hosted-platform county specs to generic, and a document with no
class-spec structure is refused."""

from __future__ import annotations

import random

import pytest

from classspec.api import parse_text
from classspec.detect import detect
from classspec.document import Document, lines_from_text
from classspec.errors import NotASpecError
from classspec.parsers import PARSERS
from classspec.parsers.base import Detection, detection_text
from classspec.readers import read_path
from conftest import OTHER_CORPUS, SEEDS

SEED_PARSERS = {
    "chicago-7401-customer-services-supervisor.txt": "chicago",
    "chattanooga-2108-customer-service-coordinator.txt": "aptitudes",
    "sucss-4807-4809-customer-service-representative-series.txt": "sucss",
    "philadelphia-6j27-customer-services-manager-truncated.txt": "philadelphia",
    "norfolk-customer-service-supervisor.txt": "norfolk",
}


def _doc(text: str) -> Document:
    return Document(lines_from_text(text), "text", "0" * 64, "<test>")


def _generic(doc: Document) -> Detection:
    """The generic parser's own score (detect() computes it only when no template wins)."""
    return PARSERS["generic"].detect(doc, detection_text(doc))


@pytest.mark.parametrize("name", sorted(SEED_PARSERS))
def test_each_seed_goes_to_its_own_parser(name):
    found = detect(read_path(SEEDS / name))
    assert found.parser == SEED_PARSERS[name]
    assert found.confidence >= 0.5
    assert found.markers, "a detection names the markers that decided it"


# Every Philadelphia corpus file goes to philadelphia: the corpus scoreboard detects each
# file as it parses it (test_corpus_philadelphia.test_auto_detection_picks_philadelphia...).


@pytest.mark.corpus("other")
@pytest.mark.parametrize("path", sorted(OTHER_CORPUS.glob("*.txt")), ids=lambda p: p.name.split("-")[0])
def test_hosted_platform_county_specs_go_to_generic(path):
    found = detect(read_path(path))
    assert found.parser == "generic"
    assert found.confidence >= 0.5
    assert any("duties" in m for m in found.markers)


def test_generic_score_comes_from_structure_and_names_it():
    doc = _doc(
        "Class Title: Water Plant Operator\n\nDefinition\nOperates a plant.\n\n"
        "Examples of Duties\n1. Runs pumps.\n"
    )
    generic = _generic(doc)
    assert generic.confidence > 0
    assert "class title or code label" in generic.markers
    assert any("'Definition' (summary)" in m for m in generic.markers)


RECIPE = """Grandma's Banana Bread

Ingredients
3 ripe bananas, mashed
1/3 cup melted butter
1 cup sugar

Directions
1. Preheat the oven to 350 degrees F.
2. Mix butter into the mashed bananas.
3. Pour batter into a prepared loaf pan. Bake for 60 minutes.
Notes
Freezes well for up to three months.
"""
LETTER = """March 3, 2021

Dear Ms. Alvarez,

Thank you for your application for the position of Accountant II with our department. We were
impressed by your experience and your knowledge of governmental accounting.

Summary
We would like to invite you to an interview on March 15. Our duties as an employer include
keeping your information private.

Sincerely,
Robert Kim
Human Resources Manager
"""
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\n"
    "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo.\n\n"
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla.\n"
)
CSV = (
    "id,title,salary,department,duties\n"
    "1,Accountant I,52000,Finance,Prepares entries\n2,Clerk,38000,Clerk,Files\n"
)


def _random_words() -> str:
    rng = random.Random(7)
    vocabulary = ["river", "window", "purple", "salary", "experience", "bread", "of", "duties", "ability"]
    return "\n".join(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 12))) for _ in range(80))


@pytest.mark.parametrize(
    "text",
    [RECIPE, LETTER, LOREM, CSV, _random_words()],
    ids=["recipe", "letter", "lorem-ipsum", "csv", "random-words"],
)
def test_a_non_spec_is_refused(text):
    doc = _doc(text)
    assert _generic(doc).confidence == 0
    with pytest.raises(NotASpecError, match="not a class specification"):
        detect(doc)
    with pytest.raises(NotASpecError, match="not a class specification"):
        parse_text(text)


def test_a_letter_with_one_heading_word_is_not_a_spec():
    # One line reading "Summary" is not structure; two spec sections would be.
    assert _generic(_doc(LETTER)).confidence == 0
    two = LETTER + "\nExamples of Duties\nAnswers the telephone.\n"
    assert _generic(_doc(two)).confidence > 0
