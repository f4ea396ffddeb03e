"""A PDF must give the same facts as the document it was rendered from.

Each fixture PDF under tests/pdf/ is parsed next to its source (the seed text, or the
HTML LibreOffice rendered), both with `auto`, and the facts compared field by field:
title, class_code, summary, duties, requirements (knowledge, skills, abilities, other)
and minimum qualifications. Only whitespace and the non-breaking hyphen (which a PDF
prints as a plain hyphen) are normalised. The test prints
the agreement rate per fixture; seed-derived PDFs must agree fully, corpus-derived
PDFs on at least 97% of the fields.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from classspec import parse_file
from classspec.errors import ClassSpecError
from classspec.readers.pdf import ENGINES
from conftest import REPO, SEEDS
from fact_agreement import agreement

PDF = REPO / "tests" / "pdf"
FACTS = (
    "title",
    "class_code",
    "summary",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "other_requirements",
    "minimum_qualifications",
)
CORPUS_AGREEMENT = 0.97


@dataclass(frozen=True)
class Pair:
    pdf: Path
    source: Path

    @property
    def name(self) -> str:
        return str(self.pdf.relative_to(PDF)) if self.pdf.is_relative_to(PDF) else self.pdf.name


def _seed(stem: str) -> Path:
    return SEEDS / f"{stem}.txt"


SEED_PAIRS = [
    *(Pair(PDF / "seeds" / f"{s.stem}.pdf", s) for s in sorted(SEEDS.glob("*.txt"))),
    Pair(
        PDF / "encrypted" / "chicago-7401-customer-services-supervisor.pdf",
        _seed("chicago-7401-customer-services-supervisor"),
    ),
    Pair(
        PDF / "tables" / "norfolk-customer-service-supervisor.pdf",
        _seed("norfolk-customer-service-supervisor"),
    ),
    Pair(
        PDF / "paged" / "philadelphia-6j27-paged.pdf",
        _seed("philadelphia-6j27-customer-services-manager-truncated"),
    ),
]
CORPUS_PAIRS = [Pair(p, p.with_suffix(".htm")) for p in sorted((PDF / "philadelphia").glob("*.pdf"))]


# Characters a PDF draws alike: a non-breaking hyphen prints as a hyphen.
_SAME_GLYPH = str.maketrans({"\u2011": "-", "\u2010": "-"})


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.translate(_SAME_GLYPH).split())
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


@pytest.fixture(params=[pytest.param(e, marks=pytest.mark.slow) if e == "pdfplumber" else e for e in ENGINES])
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


def facts(path: Path, engine: str | None = None) -> list[dict[str, Any]]:
    records = parse_file(path, pdf_engine=engine)
    return [_norm({name: record.model_dump(mode="json")[name] for name in FACTS}) for record in records]


def compare(pair: Pair, engine: str) -> tuple[int, int, list[str]]:
    """(fields agreeing, fields compared, what differs)."""
    try:
        source = facts(pair.source)
    except ClassSpecError as exc:  # the source itself does not parse yet: nothing to hold the PDF to
        pytest.skip(f"source does not parse: {exc}")
    try:
        from_pdf = facts(pair.pdf, engine)
    except ClassSpecError as exc:
        return 0, len(source) * len(FACTS), [f"PDF failed: {exc}"]
    return agreement(source, from_pdf, FACTS, lambda want, got: _where(str(want), str(got)))


def _where(want: str, got: str) -> str:
    """The two values around their first difference."""
    at = next(
        (i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got))
    )
    start = max(0, at - 60)
    return f"source …{want[start : at + 60]!r} pdf …{got[start : at + 60]!r}"


@pytest.mark.parametrize("pair", SEED_PAIRS, ids=lambda p: p.name)
def test_seed_pdf_gives_the_same_facts_as_the_seed(pair: Pair, engine: str) -> None:
    agree, total, differ = compare(pair, engine)
    print(f"{pair.name}: {agree}/{total} fields agree ({agree / total:.0%})")
    assert not differ, "\n".join(differ)


def test_corpus_pdfs_agree_with_their_html(engine: str) -> None:
    pytest.importorskip("classspec.readers.html")
    agree_all = total_all = 0
    report = []
    for pair in CORPUS_PAIRS:
        agree, total, differ = compare(pair, engine)
        agree_all += agree
        total_all += total
        report.append(f"  {pair.name:28} {agree:3}/{total:<3} {agree / total:6.1%}")
        report.extend(f"      {d}" for d in differ)
    rate = agree_all / total_all
    print(f"\nPDF ({engine}) vs HTML field agreement (corpus-derived fixtures)\n" + "\n".join(report))
    print(f"  {'all':28} {agree_all:3}/{total_all:<3} {rate:6.1%}")
    assert len(CORPUS_PAIRS) >= 8
    assert rate >= CORPUS_AGREEMENT, "\n".join(report)


@pytest.mark.skipif(not os.environ.get("CLASSSPEC_PDF_SAMPLE"), reason="set CLASSSPEC_PDF_SAMPLE to a folder")
def test_rendered_sample_agrees_with_its_html(engine: str) -> None:
    """The same check on corpus files rendered by `make_pdf_fixtures.py --sample`."""
    folder = Path(os.environ["CLASSSPEC_PDF_SAMPLE"])
    pairs = [Pair(p, p.with_suffix(".htm")) for p in sorted(folder.glob("*.pdf"))]
    assert pairs, f"no PDFs in {folder}"
    agree_all = total_all = 0
    for pair in pairs:
        agree, total, differ = compare(pair, engine)
        agree_all += agree
        total_all += total
        print(f"  {pair.name:28} {agree:3}/{total:<3}" + "".join(f"\n      {d}" for d in differ))
    print(f"  {'all':28} {agree_all:3}/{total_all:<3} {agree_all / total_all:6.1%}")
    assert agree_all / total_all >= CORPUS_AGREEMENT
