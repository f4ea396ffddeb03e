"""Text and PDF of the same document must give the same facts: the Los Angeles
bulletins and the county specs printed to PDF (tests/pdf/losangeles, tests/pdf/other,
made by scripts/make_pdf_fixtures.py, each printed as plain text and set in a
proportional font) against the text each was printed from.

Agreement, not correctness: both sides are parsed by the same build, so a parser
change moves both. Compared per record: title, class code, number of duties, number
of knowledge/skill/ability/other items, whether minimum qualifications were found,
and the minimum experience in months. Each PDF engine must agree on at least 99%
of the compared facts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from classspec import parse_file
from classspec.errors import ClassSpecError
from classspec.model import ClassSpec
from classspec.readers.pdf import ENGINES
from conftest import REPO
from fact_agreement import agreement

PDF = REPO / "tests" / "pdf"
FOLDERS = ("losangeles", "other")
# name.pdf is the text printed as it is; name-serif.pdf is it set in a proportional font.
PAIRS = [
    (p.with_name(p.stem.removesuffix("-serif") + ".txt"), p)
    for folder in FOLDERS
    for p in sorted((PDF / folder).glob("*.pdf"))
]
AGREEMENT = 0.99
FACTS = ("title", "class_code", "duties", "ksa_items", "min_quals_found", "experience_months")


def facts(record: ClassSpec) -> dict[str, Any]:
    quals = record.minimum_qualifications
    return {
        "title": " ".join((record.title or "").split()),
        "class_code": record.class_code,
        "duties": len(record.duties),
        "ksa_items": sum(
            len(items)
            for items in (record.knowledge, record.skills, record.abilities, record.other_requirements)
        ),
        "min_quals_found": bool(quals.text or quals.education or quals.experience or quals.licenses),
        "experience_months": quals.min_experience_months,
    }


def parsed(path: Path, engine: str | None = None) -> list[dict[str, Any]] | str:
    try:
        return [facts(r) for r in parse_file(path, pdf_engine=engine)]
    except ClassSpecError as exc:
        return f"failed: {exc}"


def compare(text: Path, pdf: Path, engine: str) -> tuple[int, int, list[str]]:
    want, got = parsed(text), parsed(pdf, engine)
    if isinstance(want, str):
        return 0, 0, []  # the text itself does not parse: nothing to hold the PDF to
    if isinstance(got, str):
        return 0, len(want) * len(FACTS), [got]
    return agreement(want, got, FACTS, lambda a, b: f"text {a!r} pdf {b!r}")


@pytest.mark.parametrize(
    "engine", [pytest.param(e, marks=pytest.mark.slow) if e == "pdfplumber" else e for e in ENGINES]
)
def test_text_and_pdf_give_the_same_facts(engine: str) -> None:
    assert len(PAIRS) >= 10, "fixtures missing: run scripts/make_pdf_fixtures.py"
    agree_all = total_all = 0
    report = []
    for text, pdf in PAIRS:
        agree, total, differ = compare(text, pdf, engine)
        agree_all += agree
        total_all += total
        report.append(f"  {pdf.parent.name}/{pdf.stem:40} {agree:3}/{total:<3}")
        report.extend(f"      {d}" for d in differ)
    rate = agree_all / total_all
    print(f"\ntext vs PDF ({engine}) facts\n" + "\n".join(report))
    print(f"  all {agree_all}/{total_all} {rate:.1%}")
    assert rate >= AGREEMENT, "\n".join(report)
