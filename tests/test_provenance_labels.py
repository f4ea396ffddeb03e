"""Provenance of qualification path labels (issue 23): a path's `label` cites the line
that writes it ('OPTION 1:', 'Option 2 FOR AIRPORT ...', 'Or II'), so an analyst can
check the label against the document; a list item ending in '; or' is cited too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from classspec.api import parse_file, read_file
from conftest import PHILADELPHIA, SHARED

_OPTION = re.compile(r"\boption\s*\d", re.I)
OPTION_SPECS = (
    sorted(path for path in PHILADELPHIA.glob("*.htm*") if _OPTION.search(path.read_text(errors="ignore")))
    if PHILADELPHIA.is_dir()
    else []
)


def _cited_lines(record, key: str) -> set[int]:
    return {n for span in record.provenance.get(key, []) for n in range(span.line_start, span.line_end + 1)}


def _label_spans(path: Path) -> list[tuple[str, str, list[str]]]:
    """(field, label, texts of the cited lines) for every labelled path of the file's records."""
    texts = {line.number: line.stripped for line in read_file(path).lines}
    found = []
    for record in parse_file(path, provenance=True):
        for index, qualification_path in enumerate(record.minimum_qualifications.paths):
            if qualification_path.label:
                key = f"minimum_qualifications.paths[{index}].label"
                cited = [texts[n] for n in sorted(_cited_lines(record, key))]
                found.append((key, qualification_path.label, cited))
    return found


@pytest.mark.corpus("philadelphia")
def test_the_philadelphia_option_specs_are_there() -> None:
    assert len(OPTION_SPECS) >= 20


@pytest.mark.corpus("philadelphia")
@pytest.mark.parametrize("path", OPTION_SPECS, ids=lambda path: path.stem)
def test_option_labels_cite_their_option_line(path: Path) -> None:
    for key, label, cited in _label_spans(path):
        if not label.lower().startswith("option"):
            continue
        number = label.split()[-1]
        written = re.compile(rf"^\W*option\s*{number}\b", re.I)
        assert any(written.match(text) for text in cited), (path.name, key, label, cited)


@pytest.mark.corpus("philadelphia")
def test_each_label_cites_its_own_option_line() -> None:
    # 6J19 has two 'OPTION 1' lines (general and specific experience): each path cites
    # the one above its own lines.
    texts = {line.number: line.stripped for line in read_file(PHILADELPHIA / "6j19.htm").lines}
    (record,) = parse_file(PHILADELPHIA / "6j19.htm", provenance=True)
    option_lines = {}
    for index in range(len(record.minimum_qualifications.paths)):
        cited = _cited_lines(record, f"minimum_qualifications.paths[{index}].label")
        option_lines[index] = [texts[n] for n in sorted(cited) if texts[n].lower().startswith("option")]
    assert option_lines[0] == ["OPTION 1:"]
    assert option_lines[2] == ["OPTION 1: WATER CUSTOMER CONTACT ASSIGNMENT:"]
    assert option_lines[3] == ["Option 2 FOR AIRPORT GUEST EXPERIENCE ASSIGNMENT:"]


LA_3976 = SHARED / "corpus" / "losangeles" / "WATER UTILITY SUPERVISOR 3976 050418 (1).txt"
CALHR_1077 = SHARED / "corpus" / "california" / "1077.html"


@pytest.mark.corpus("losangeles")
def test_an_item_ending_in_or_is_cited() -> None:
    # '1. Four years of full-time paid experience as a Water Utility Worker ...; or'
    (record,) = parse_file(LA_3976, provenance=True)
    assert _cited_lines(record, "minimum_qualifications.paths[0]") == {23}
    assert _cited_lines(record, "minimum_qualifications.paths[0].label") == {23}


@pytest.mark.corpus("california")
def test_a_label_after_or_is_cited() -> None:
    texts = {line.number: line.stripped for line in read_file(CALHR_1077).lines}
    (record,) = parse_file(CALHR_1077, provenance=True)
    labels = [path.label for path in record.minimum_qualifications.paths]
    index = labels.index("II")
    cited = [texts[n] for n in sorted(_cited_lines(record, f"minimum_qualifications.paths[{index}].label"))]
    assert "Or II" in cited


def test_label_line_picks_the_block_of_the_cited_lines() -> None:
    from classspec.document import Line
    from classspec.linetext import label_line

    lines = [
        Line(text, number)
        for number, text in enumerate(
            [
                "OPTION 1:",
                "Two years of clerical work.",
                "OPTION 1: SPECIFIC",
                "One year of typing.",
                "Option 2",
            ],
            start=1,
        )
    ]
    assert label_line(lines, "OPTION 1", [lines[3]], ["OPTION 1", "Option 2"]) is lines[2]
    assert label_line(lines, "OPTION 1", [lines[1]], ["OPTION 1", "Option 2"]) is lines[0]
    # No line writes the label, or none of the cited lines is in its block.
    assert label_line(lines[1:2], "OPTION 1", [lines[1]], ["OPTION 1"]) is None
    assert label_line(lines, "Option 2", [lines[1]], ["OPTION 1", "Option 2"]) is None
