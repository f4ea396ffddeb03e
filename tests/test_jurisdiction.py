"""The employer a document names as its own, and its state when the text names none."""

from __future__ import annotations

import pytest

from classspec.document import Line
from classspec.jurisdiction import jurisdiction_from_text, principal_city_states


def _lines(text: str) -> list[Line]:
    return [Line(line, number) for number, line in enumerate(text.splitlines(), start=1)]


def test_a_city_named_without_its_state_takes_its_metro_areas_state():
    # LA bulletins often say only "City of Los Angeles"; the OEWS area names it first.
    found, evidence = jurisdiction_from_text(_lines("City of Los Angeles\nCLASS CODE 1119\n"))
    assert (found.id, found.name, found.state) == ("los-angeles-ca", "City of Los Angeles", "CA")
    assert [line.number for line in evidence] == [1]


def test_the_documents_own_state_wins_over_the_table():
    text = "City of Portland, Maine\nPortland is an equal opportunity employer.\n"
    found, _ = jurisdiction_from_text(_lines(text))
    assert found.state == "ME"


@pytest.mark.parametrize("city", ["springfield", "portland", "columbus"])
def test_a_city_heading_areas_in_several_states_is_not_guessed(city):
    assert city not in principal_city_states()


def test_no_state_for_a_city_heading_no_metro_area():
    found, _ = jurisdiction_from_text(_lines("City of Smallville\nCLASS CODE 12\n"))
    assert found.state is None and found.id == "smallville"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "California State Personnel Board Specification",
            ("california-state-ca", "State of California", "CA"),
        ),
        ("STATE OF NEW YORK", ("new-york-state-ny", "State of New York", "NY")),
        (
            "Commonwealth of Pennsylvania",
            ("pennsylvania-commonwealth-pa", "Commonwealth of Pennsylvania", "PA"),
        ),
        ("New York State Department of Civil Service", ("new-york-state-ny", "State of New York", "NY")),
    ],
)
def test_a_state_government_publishing_its_own_specs(header, expected):
    # The county named twice would win by repetition; the state's header line wins first.
    duties = "Works with the County of Fresno and the County of Fresno."
    text = f"{header}\nAGRICULTURAL BIOLOGIST\n{duties}\n"
    found, evidence = jurisdiction_from_text(_lines(text))
    assert (found.id, found.name, found.state) == expected
    assert [line.number for line in evidence] == [1]


def test_a_city_spec_citing_state_law_stays_the_citys():
    text = "City of Chattanooga, TN\nMeets State of Tennessee standards.\nState of Tennessee certification.\n"
    found, _ = jurisdiction_from_text(_lines(text))
    assert found.id == "chattanooga-tn"


def test_state_law_in_the_body_names_no_jurisdiction():
    body = "\n".join(["Line of text."] * 10)
    text = f"AGRICULTURAL BIOLOGIST\n{body}\nState of California law applies to this work.\n{body}\n"
    assert jurisdiction_from_text(_lines(text)) is None
