"""A posting's wishes are not its minimum (parsers/generic/wishes.py)."""

from __future__ import annotations

from classspec.api import parse_bytes

POSTING = """# Lead Content Designer

## Responsibilities
- Lead the content design of city services
- Coach content designers

### MINIMUM QUALIFICATION REQUIREMENTS
- A bachelor's degree and two years of experience as a writer

### PREFERRED SKILLS

#### SKILLS AND ABILITIES

##### Essential
- Ability to write content strategy across a range of services

#### EXPERIENCE

##### Essential
- Experience of line management over five years
"""


def _one(text: str, name: str):
    (record,) = parse_bytes(text.encode(), name)
    return record


def test_the_sub_sections_of_a_wishes_heading_ask_no_minimum() -> None:
    record = _one(POSTING, "posting.md")
    quals = record.minimum_qualifications
    assert "line management" not in (quals.text or "")
    assert [(p.experience_months, p.education) for p in quals.paths] == [(24, "bachelor")]
    assert any("content strategy" in a.text for a in record.abilities)  # the KSA heading's items
