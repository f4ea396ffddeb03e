"""Headings by meaning: the one vocabulary file, the heading model and the generic engine
that uses them on headings in words no template wrote ("## Your responsibilities")."""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import pytest

from classspec.api import parse_bytes, parse_text
from classspec.document import Line
from classspec.parsers import chicago, norfolk
from classspec.parsers.generic.heading_model import (
    THRESHOLD,
    Cues,
    HeadingModel,
    features,
    heading_like,
    model,
)
from classspec.parsers.generic.labels import label_field
from classspec.parsers.generic.lexicon import FAMILY_BY_KEY, WEAK_HEADINGS
from classspec.vocabulary import template_names, vocabulary

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "data" / "heading_pairs.tsv"


def _md(text: str):
    return parse_bytes(text.encode("utf-8"), "posting.md")


# -- the vocabulary file -----------------------------------------------------------


def test_the_modules_read_their_names_from_the_vocabulary_file():
    data = vocabulary()
    assert "examples of duties" in data["families"]["duties"]["names"]
    assert "examples of duties" in FAMILY_BY_KEY["duties"].names
    assert set(data["weak_headings"]) == WEAK_HEADINGS
    assert label_field("Job Code") == "class_code" and "job code" in data["labels"]["class_code"]
    assert template_names("norfolk", "duties") == ("ESSENTIAL FUNCTIONS",)
    assert any(
        rule.key == "duties" and rule.pattern.fullmatch("ESSENTIAL FUNCTIONS") for rule in norfolk.HEADINGS
    )
    assert any(
        rule.key == "summary" and rule.pattern.fullmatch("CHARACTERISTICS OF THE CLASS")
        for rule in chicago.HEADINGS
    )


def test_vocabulary_and_model_are_package_data():
    package = resources.files("classspec.vocabulary")
    assert package.joinpath("headings.toml").is_file()
    assert package.joinpath("heading_model.json").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"classspec.vocabulary" = ["*.toml", "*.json"]' in pyproject


# -- the model -----------------------------------------------------------------------


def test_the_committed_model_is_small_and_reads_the_features_made_here():
    data = json.loads(resources.files("classspec.vocabulary").joinpath("heading_model.json").read_text())
    assert len(data["weights"]) == len(data["features"]) and len(data["intercept"]) == len(data["fields"])
    made = set(features("Examples of duties", Cues(level=2, colon=True)))
    assert made & set(data["features"]), "the model was fitted on other features than these"
    assert len(json.dumps(data)) < 600_000


@pytest.mark.parametrize(
    ("heading", "cues", "field"),
    [
        ("Your responsibilities", Cues(level=2, position=0.2), "duties"),
        ("What you'll do", Cues(level=2, position=0.3), "duties"),
        ("How do I qualify?", Cues(level=2, question=True, position=0.6), "qualifications"),
        ("Requirements", Cues(level=2, position=0.6), "qualifications"),
    ],
)
def test_model_reads_posting_headings(heading, cues, field):
    guess = model().predict(heading, cues)
    assert (guess.field, guess.probability >= THRESHOLD) == (field, True)


def test_model_gives_no_field_to_letterhead_or_specialty_lines():
    for heading in ("CITY OF SPRINGFIELD PERSONNEL DEPARTMENT", "ALL SPECIALTIES", "Job details"):
        guess = model().predict(heading, Cues(caps=heading.isupper(), position=0.05))
        assert guess.field == "other" or guess.probability < THRESHOLD, heading


def test_committed_model_fits_the_committed_pairs():
    """Fails when the pairs were regenerated and the model was not retrained."""
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    families = {row["family"] for row in rows}
    assert {"philadelphia", "losangeles", "california", "county", "seeds", "unseen"} <= families
    assert sum(f.startswith("jobdocs:") for f in families) == 5
    fitted = HeadingModel(
        json.loads(resources.files("classspec.vocabulary").joinpath("heading_model.json").read_text())
    )
    right = total = 0
    for row in rows:
        cues = Cues.from_row(row)
        right += fitted.predict(row["heading"], cues).field == row["field"]
        total += 1
    assert right / total >= 0.95


def test_typography_marks_headings_whatever_their_words():
    item = Line("- Answer calls from residents.", 3)
    assert heading_like(Line("## Anything at all", 1, heading=2), None)
    assert heading_like(Line("In this job you will:", 1), item)
    assert heading_like(Line("WHO YOU WILL WORK WITH", 1), item)
    assert not heading_like(Line("This is a sentence about the job.", 1), item)
    assert not heading_like(Line("- Responsibilities:", 1), item)
    assert not heading_like(Line("Ends with a colon but nothing follows:", 1), None)


# -- the engine ----------------------------------------------------------------------


def test_probe_librarian_headings_in_other_words():
    (record,) = _md(
        "# Librarian II\n\n## Your responsibilities\n\n- Select and order books for the branch.\n"
        "- Answer reference questions from the public.\n\n## Requirements\n\n"
        "- A master's degree in library science.\n- Two years of experience in a public library.\n"
    )
    assert record.title == "Librarian II"
    assert [d.text for d in record.duties] == [
        "Select and order books for the branch.",
        "Answer reference questions from the public.",
    ]
    assert "master's degree" in record.minimum_qualifications.text


def test_probe_posting_degree_lines_are_no_duties():
    (record,) = _md(
        "# Data Analyst\n\n## What you'll do\n\n- Build dashboards for program managers.\n"
        "- Clean and document data sets.\n\n## How do I qualify?\n\n"
        "- A bachelor's degree in statistics or a related field.\n"
        "- Three years of experience in data analysis.\n"
    )
    assert [d.text for d in record.duties] == [
        "Build dashboards for program managers.",
        "Clean and document data sets.",
    ]
    assert "bachelor's degree" in record.minimum_qualifications.text
    assert record.minimum_qualifications.min_experience_months == 36


def test_probe_sentence_headings_of_a_job_description():
    (record,) = parse_text(
        "Job Description: Customer Services Officer\n\nPurpose of the job\n\n"
        "To provide a high quality front line service to residents.\n\n"
        "The post holder's main tasks are:\n\n- Answer calls and emails from residents.\n"
        "- Log service requests in the case system.\n\nWho we are looking for\n\n"
        "- Experience of working in a customer service role.\n- Good IT skills.\n"
    )
    assert len(record.duties) == 2
    assert "customer service role" in record.minimum_qualifications.text
    (posting,) = _md(
        "# Planning Officer\n\nIn this job you will:\n\n- Assess planning applications.\n"
        "- Visit sites and meet applicants.\n\n## Who we are looking for\n\n- A degree in town planning.\n"
    )
    assert [d.text for d in posting.duties] == [
        "Assess planning applications.",
        "Visit sites and meet applicants.",
    ]
    assert posting.minimum_qualifications.text == "A degree in town planning."


def test_a_heading_no_field_takes_keeps_its_text():
    (record,) = _md(
        "# Web Editor\n\n## What you'll do\n\n- Edit pages.\n- Publish news.\n\n"
        "## Job details\n\nPosting status: open until filled.\n\n"
        "## How do I qualify?\n\n- Two years of editing.\n"
    )
    assert [d.text for d in record.duties] == ["Edit pages.", "Publish news."]
    assert any(o.heading == "Job details" and "open until filled" in o.text for o in record.other_sections), (
        record.other_sections
    )
