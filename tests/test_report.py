"""`classspec report`: one self-contained HTML page whose figures are checked here
against the records themselves (computed independently of classspec.report)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from cli_helpers import run
from conftest import PHILADELPHIA, SEEDS

SAMPLE = sorted(PHILADELPHIA.glob("*.htm*"))[:40] if PHILADELPHIA.is_dir() else []


@pytest.fixture(scope="module")
def corpus(classspec_bin, tmp_path_factory) -> tuple[list[dict], list[str], object, str]:
    folder = tmp_path_factory.mktemp("report")
    specs = folder / "specs"
    shutil.copytree(SEEDS, specs / "seeds")
    for path in SAMPLE:
        shutil.copy(path, specs / path.name)
    (specs / "broken.txt").write_bytes(b"")  # an input that gives no record
    export = folder / "more.jsonl"
    result = run(
        classspec_bin, "parse", SEEDS / "norfolk-customer-service-supervisor.txt", "-f", "jsonl", "-o", export
    )
    assert result.returncode == 0
    parsed = run(classspec_bin, "parse", specs, "-f", "jsonl")
    records = [json.loads(line) for line in parsed.stdout.splitlines()]
    records += [json.loads(line) for line in export.read_text().splitlines()]
    page = folder / "out" / "report.html"
    result = run(classspec_bin, "report", specs, export, "-o", page)
    assert result.returncode == 1  # the broken input is reported, the page still written
    text = page.read_text(encoding="utf-8")
    inputs = len(SAMPLE) + len(list(SEEDS.iterdir())) + 2  # + the broken file and the export
    assert result.stderr.splitlines()[-1] == f"classspec: {page}: {len(records)} records from {inputs} files"
    return records, result.stderr.splitlines(), html.document_fromstring(text), text


def _table(doc, table_id: str) -> list[list[str]]:
    return [[cell.text_content() for cell in row] for row in doc.get_element_by_id(table_id).find("tbody")]


DATED = ("established", "revised", "effective", "edited")


def _last_dated(record: dict) -> str | None:
    dates = [record["dates"][k] for k in DATED if record["dates"][k]]
    return max(dates) if dates else None


def _chart(doc, title: str) -> dict[str, int]:
    (svg,) = [s for s in doc.iter("{*}svg", "svg") if s.get("aria-label") == title]
    return {g.get("data-label"): int(g.get("data-count")) for g in svg.iter() if g.get("class") == "bar"}


def test_page_is_self_contained_and_well_formed(corpus):
    _, stderr, doc, text = corpus
    assert text.startswith("<!DOCTYPE html>")
    assert doc.tag == "html" and doc.find("head/title") is not None
    assert not doc.xpath("//link | //img | //iframe | //script[@src]")
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text
    for svg in doc.iter("svg"):  # each chart is itself well-formed XML
        etree.fromstring(html.tostring(svg))
    assert stderr[0].startswith("classspec: error: ") and stderr[0].endswith("broken.txt: empty file")


def test_counts(corpus):
    records, _, doc, _ = corpus
    assert doc.get_element_by_id("records").text_content() == str(len(records))
    sources = {r["source"]["path"] for r in records}
    assert doc.get_element_by_id("sources").text_content() == str(len(sources))
    by_parser = {p: int(n) for p, n in _table(doc, "by-parser")}
    assert by_parser == Counter(r["source"]["parser"] for r in records)
    by_place = {j: int(n) for j, n in _table(doc, "by-jurisdiction")}
    assert by_place == Counter((r["jurisdiction"] or {}).get("id") or "unknown" for r in records)
    (failed,) = _table(doc, "failed")
    assert failed[0].endswith("broken.txt") and failed[1] == "empty file"


def test_fill_rates(corpus):
    records, _, doc, _ = corpus
    rows = {
        tr.get("data-field"): int(tr.get("data-count"))
        for tr in doc.get_element_by_id("fill").iter("tr")
        if tr.get("data-field")
    }
    filled = lambda v: v not in (None, "", [], {})  # noqa: E731
    assert rows["title"] == sum(filled(r["title"]) for r in records)
    assert rows["duties"] == sum(filled(r["duties"]) for r in records)
    assert rows["pay_grade"] == sum(filled(r["pay_grade"]) for r in records)
    assert rows["minimum_qualifications.min_experience_months"] == sum(
        r["minimum_qualifications"]["min_experience_months"] is not None for r in records
    )
    assert rows["dates.revised"] == sum(filled(r["dates"]["revised"]) for r in records)
    assert "source" not in rows and "schema_version" not in rows


def test_charts(corpus):
    records, _, doc, _ = corpus
    months = [r["minimum_qualifications"]["min_experience_months"] for r in records]
    chart = _chart(doc, "Experience required (months)")
    assert sum(chart.values()) == len(records)
    assert chart.get("not stated", 0) == months.count(None)
    assert chart.get("none", 0) == months.count(0)
    assert chart.get("13–24", 0) == sum(1 for m in months if m is not None and 13 <= m <= 24)
    assert chart.get("over 60", 0) == sum(1 for m in months if m is not None and m > 60)

    education = _chart(doc, "Minimum education")
    expected = Counter(r["minimum_qualifications"]["min_education"] or "not stated" for r in records)
    assert education == dict(expected)

    duties = _chart(doc, "Duties per class")
    assert sum(duties.values()) == len(records)
    assert duties.get("1–5", 0) == sum(1 for r in records if 1 <= len(r["duties"]) <= 5)

    revised = _chart(doc, "Last revised (year)")
    assert sum(revised.values()) == len(records)
    dates = [_last_dated(r) for r in records]
    assert revised.get("no date", 0) == dates.count(None)


def test_warnings_and_oldest(corpus):
    records, _, doc, _ = corpus
    warnings = _table(doc, "warnings")
    assert len(warnings) == sum(len(r["warnings"]) for r in records) < 500  # all shown
    assert doc.get_element_by_id("warning-count").text_content() == str(len(warnings))
    assert sorted(w for _, w in warnings) == sorted(w for r in records for w in r["warnings"])
    oldest = _table(doc, "oldest")
    stated = sorted(d for d in map(_last_dated, records) if d)
    assert [date for date, _ in oldest] == stated[: len(oldest)]
    assert len(oldest) == min(15, len(stated))


def test_report_from_a_database_matches_the_files(classspec_bin, tmp_path):
    db = tmp_path / "specs.db"
    assert run(classspec_bin, "parse", SEEDS, "-f", "sqlite", "-o", db).returncode == 0
    pages = []
    for source in (db, SEEDS):
        page = tmp_path / f"{Path(source).name}.html"
        result = run(classspec_bin, "report", source, "-o", page)
        assert result.returncode == 0, result.stderr
        pages.append(page.read_text())
    assert pages[0] == pages[1]


def test_jobs_do_not_change_the_page(classspec_bin, tmp_path):
    pages = []
    for jobs in ("1", "2"):
        page = tmp_path / f"jobs{jobs}.html"
        result = run(classspec_bin, "report", SEEDS, *SAMPLE[:10], "--jobs", jobs, "-o", page)
        assert result.returncode == 0, result.stderr
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]


def test_fill_counts_are_exact(corpus):
    """ "708 of 710", never rounded up to 100%: the percentage is rounded down."""
    records, _, doc, _ = corpus
    for tr in doc.get_element_by_id("fill").iter("tr"):
        if not tr.get("data-field"):
            continue
        count = int(tr.get("data-count"))
        shown = tr[2].text_content()
        assert shown.startswith(f"{count} of {len(records)} (")
        assert ("(100%)" in shown) == (count == len(records))


def test_exact_share_never_rounds_up():
    from classspec.report import exact_share

    assert exact_share(708, 710) == "708 of 710 (99%)"
    assert exact_share(710, 710) == "710 of 710 (100%)"
    assert exact_share(1, 710) == "1 of 710 (under 1%)"
    assert exact_share(0, 710) == "0 of 710 (0%)"


def test_breakdown_by_jurisdiction(corpus):
    records, _, doc, _ = corpus
    rows = {row[0]: [int(n) for n in row[1:]] for row in _table(doc, "jurisdictions")}
    for place, (count, titled, with_duties, _quals, with_salary, _soc, warned) in rows.items():
        mine = [r for r in records if ((r["jurisdiction"] or {}).get("id") or "unknown") == place]
        assert count == len(mine)
        assert titled == sum(1 for r in mine if r["title"])
        assert with_duties == sum(1 for r in mine if r["duties"])
        assert with_salary == sum(1 for r in mine if r["salary"])
        assert warned == sum(1 for r in mine if r["warnings"])
    assert sum(row[0] for row in rows.values()) == len(records)


@pytest.mark.corpus("losangeles")
def test_pay_and_market_sections(classspec_bin, tmp_path):
    """Pay by class and by jurisdiction from the records' first salary range,
    annualised; the market chart marks each class's OEWS median; the SOC chart counts
    the best matches."""
    from conftest import SHARED

    losangeles = SHARED / "corpus" / "losangeles"
    exports = tmp_path / "la.jsonl"
    inputs = sorted(losangeles.glob("*.txt"))[:20]
    assert run(classspec_bin, "parse", *inputs, "--soc", "--wages", "-o", exports).returncode == 0
    records = [json.loads(line) for line in exports.read_text().splitlines()]
    page = tmp_path / "report.html"
    assert run(classspec_bin, "report", exports, "-o", page).returncode == 0
    doc = html.document_fromstring(page.read_text(encoding="utf-8"))
    per_year = {"hour": 2080, "biweek": 26, "semimonth": 24, "month": 12, "year": 1}
    paid = [r for r in records if r["salary"] and r["salary"][0]["period"] in per_year]
    assert paid
    by_class = _table(doc, "pay-by-class")
    assert len(by_class) == len(paid)
    firsts = [r["salary"][0] for r in paid]
    lowest = min(s["min"] * per_year[s["period"]] for s in firsts if s["min"])
    (la_row,) = _table(doc, "pay-by-jurisdiction")
    assert la_row[0] == "los-angeles-ca" and int(la_row[1]) == len(paid)
    assert la_row[2] == f"${lowest:,.0f}"
    market = "Class pay against the OEWS market median"
    (svg,) = [s for s in doc.iter("svg") if s.get("aria-label") == market]
    ranges = [g for g in svg.iter("g") if g.get("class") == "range"]
    marked = {g.get("data-label"): float(g.get("data-marker")) for g in ranges}
    with_market = [r for r in paid if (r.get("market_wages") or {}).get("annual_median")]
    assert len(marked) == min(len(with_market), 40) > 0
    medians = {r["market_wages"]["annual_median"] for r in with_market}
    assert set(marked.values()) <= medians
    soc = _chart(doc, "Best SOC match")
    assert sum(soc.values()) <= len(records)
    best = Counter(f"{r['soc'][0]['code']} {r['soc'][0]['title']}" for r in records if r.get("soc"))
    assert all(best[label] == count for label, count in soc.items())


def test_pay_in_other_currencies_is_kept_apart(classspec_bin, tmp_path):
    """Amounts are not converted: Canadian-dollar pay gets its own chart and its sign in
    the tables, and is not set against OEWS medians (US dollars) even where an analyst asked
    for wages with --area."""
    from conftest import SHARED

    ontario = SHARED / "corpus" / "jobdocs" / "ontario_ods_postings"
    canadian = tmp_path / "ontario.jsonl"
    posting = ontario / "engineering-manager.md"  # a sure match: --area gives it wages
    yearly = ontario / "digital-talent-strategist.md"  # most postings state weekly pay
    parsed = run(classspec_bin, "parse", posting, yearly, "--wages", "--area", "national", "-o", canadian)
    assert parsed.returncode == 0
    dollars = tmp_path / "la.jsonl"
    bulletins = sorted((SHARED / "corpus" / "losangeles").glob("*.txt"))[:3]
    assert run(classspec_bin, "parse", *bulletins, "-o", dollars).returncode == 0
    records = [json.loads(line) for path in (canadian, dollars) for line in path.read_text().splitlines()]
    assert {r["salary"][0]["currency"] for r in records} == {"CAD", "USD"}
    assert any(r["market_wages"] for r in records if r["salary"][0]["currency"] == "CAD")
    page = tmp_path / "report.html"
    assert run(classspec_bin, "report", canadian, dollars, "-o", page).returncode == 0
    doc = html.document_fromstring(page.read_text(encoding="utf-8"))
    rows = {row[0]: row for row in _table(doc, "pay-by-jurisdiction")}
    assert rows["unknown"][2].startswith("CAD ") and rows["los-angeles-ca"][2].startswith("$")
    charts = {s.get("aria-label") for s in doc.iter("svg")}
    title = "Annual pay by jurisdiction (median midpoint marked)"
    assert {title, f"{title}, CAD"} <= charts
    assert "Class pay against the OEWS market median" not in charts  # only CAD classes had wages
    by_class = _table(doc, "pay-by-class")
    assert sum(row[2].startswith("CAD ") for row in by_class) == 2
