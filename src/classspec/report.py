"""`classspec report`: what a corpus holds, as one self-contained HTML page.

The figures are computed here (`figures()`), the page is drawn from them (`render()`)
with charts as inline SVG: no script, no network, opens anywhere and prints. The
output depends only on the records (no clock), so a report can be diffed.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from typing import Any

from classspec import report_pay
from classspec.svgchart import bar_chart, range_chart

OLDEST_SHOWN = 15
PAY_ROWS_SHOWN = 300
PAY_CHART = "Annual pay by jurisdiction (median midpoint marked)"
SIGN_OF_CURRENCY = {"USD": "$", "GBP": "\u00a3", "EUR": "\u20ac"}
MAX_BARS = 14
WARNINGS_SHOWN = 500  # a national corpus can have thousands: the page stays readable
DATE_FIELDS = ("established", "revised", "effective", "edited")
EDUCATION_ORDER = ("none", "high_school", "some_college", "associate", "bachelor", "master", "doctorate")
# Nested objects whose own fields are reported one by one in the fill table.
NESTED_FILL = ("minimum_qualifications", "physical_demands", "dates")
NOT_FILL = {"schema_version", "source", "provenance", "warnings"}


def filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def fill_rates(records: list[dict]) -> list[tuple[str, int]]:
    """(field, records where it holds a value) for every field of the model."""
    from classspec.model import ClassSpec

    names: list[tuple[str, Callable[[dict], Any]]] = []
    for name, info in ClassSpec.model_fields.items():
        if name in NOT_FILL:
            continue
        if name in NESTED_FILL:
            inner = info.annotation.model_fields  # type: ignore[union-attr]
            names += [(f"{name}.{sub}", lambda r, n=name, s=sub: (r.get(n) or {}).get(s)) for sub in inner]
        else:
            names.append((name, lambda r, n=name: r.get(n)))
    return [(name, sum(1 for r in records if filled(get(r)))) for name, get in names]


def last_revised(record: dict) -> str | None:
    """The record's latest date of any kind the spec states (revised, established …)."""
    dates = [d for d in (record["dates"].get(k) for k in DATE_FIELDS) if d]
    return max(dates) if dates else None


def _bucket(value: int, limits: tuple[int, ...]) -> str:
    """'1–12', '13–24' …: the range up to the first limit the value does not pass, from
    one past the limit before it; 'over N' past the last."""
    lower = 1
    for limit in limits:
        if value <= limit:
            return f"{lower}–{limit}"
        lower = limit + 1
    return f"over {limits[-1]}"


def _months_bucket(months: int | None) -> str:
    if months is None:
        return "not stated"
    return "none" if months == 0 else _bucket(months, (12, 24, 36, 48, 60))


def _count_bucket(count: int) -> str:
    return "0" if count == 0 else _bucket(count, (5, 10, 15, 20, 30))


def _year_buckets(years: list[int]) -> Callable[[int], str]:
    """Bars of 1, 5, 10, 20 … years: the narrowest that keeps the chart to MAX_BARS."""
    if not years:
        return str
    width = 1
    for width in (1, 5, 10, 20, 50, 100):
        if max(years) // width - min(years) // width < MAX_BARS:
            break
    if width == 1:
        return str
    return lambda y: f"{y - y % width}–{y - y % width + width - 1}"


def _ordered(counter: Counter, order: list[str]) -> list[tuple[str, int]]:
    return [(key, counter[key]) for key in order if counter[key]]


def figures(records: list[dict], failed: list[str] | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain data (also embedded in the page as JSON).
    `failed`: one line per input that gave no record ("PATH: reason")."""
    quals = [r["minimum_qualifications"] for r in records]
    months = Counter(_months_bucket(q.get("min_experience_months")) for q in quals)
    education = Counter(q.get("min_education") or "not stated" for q in quals)
    duties = Counter(_count_bucket(len(r["duties"])) for r in records)
    dated = [(last_revised(r), r) for r in records]
    years = [int(d[:4]) for d, _ in dated if d]
    bucket = _year_buckets(years)
    by_year = Counter(bucket(y) for y in sorted(years))
    # Every bucket from the first to the last, empty ones too: a time axis without gaps.
    year_order = list(dict.fromkeys(bucket(y) for y in range(min(years), max(years) + 1))) if years else []
    undated = sum(1 for d, _ in dated if not d)
    oldest = sorted(((d, r) for d, r in dated if d), key=lambda p: (p[0], p[1]["source"].get("path") or ""))
    return {
        "records": len(records),
        "sources": len({r["source"].get("path") or r["source"]["sha256"] for r in records}),
        "by_parser": Counter(r["source"]["parser"] for r in records).most_common(),
        "by_jurisdiction": Counter(
            (r.get("jurisdiction") or {}).get("id") or "unknown" for r in records
        ).most_common(),
        "fill": fill_rates(records),
        "charts": {
            "Experience required (months)": _ordered(
                months, ["none", "1–12", "13–24", "25–36", "37–48", "49–60", "over 60", "not stated"]
            ),
            "Minimum education": _ordered(education, [*EDUCATION_ORDER, "not stated"]),
            "Last revised (year)": [(y, by_year[y]) for y in year_order]
            + ([("no date", undated)] if undated else []),
            "Duties per class": _ordered(duties, ["0", "1–5", "6–10", "11–15", "16–20", "21–30", "over 30"]),
        },
        "warning_count": sum(len(r["warnings"]) for r in records),
        "warnings": [(_who(r), w) for r in records for w in r["warnings"]][:WARNINGS_SHOWN],
        "oldest": [(d, _who(r)) for d, r in oldest[:OLDEST_SHOWN]],
        "failed": [tuple(line.split(": ", 1)) for line in failed or []],
        **report_pay.figures(records, _label),
    }


def _label(record: dict) -> str:
    from classspec.compare import label

    return label(record)


def _who(record: dict) -> str:
    from classspec.compare import label

    where = record["source"].get("path") or "stdin"
    return f"{label(record)} ({where})" if record.get("title") or record.get("class_code") else where


def _table(table_id: str, headers: tuple[str, ...], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{cell}</td>' if isinstance(cell, int) else f"<td>{html.escape(str(cell))}</td>"
            for cell in row
        )
        + "</tr>"
        for row in rows
    )
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;
padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.summary{display:flex;gap:2rem}.summary div{font-size:1.1rem}.summary b{font-size:1.8rem;display:block}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .7rem;border-bottom:1px solid #eaeef2;
text-align:left;vertical-align:top}td.n,th.n{text-align:right}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem 2rem}
.columns{display:flex;gap:3rem;flex-wrap:wrap}
figure{margin:0}figcaption{font-weight:600;margin:.8rem 0 .3rem}
.bar-fill{display:inline-block;height:.7rem;background:#4c78a8;vertical-align:middle;margin-right:.4rem}
"""


def _shown(shown: int, total: int) -> str:
    return f"<p>The first {shown} of {total}.</p>" if shown < total else ""


def _fill_table(fill: list[tuple[str, int]], total: int) -> str:
    rows = []
    for name, count in fill:
        share = count / total if total else 0
        rows.append(
            f'<tr data-field="{html.escape(name)}" data-count="{count}"><td>{html.escape(name)}</td>'
            f'<td class="n">{count}</td><td><span class="bar-fill" style="width:{share * 160:.0f}px">'
            f"</span>{exact_share(count, total)}</td></tr>"
        )
    return (
        '<table id="fill"><thead><tr><th>field</th><th class="n">records</th><th>filled</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def exact_share(count: int, total: int) -> str:
    """ "708 of 710 (99%)": the percentage rounded down, so only all of them is 100%
    and only none is 0%."""
    if not total:
        return "0 of 0"
    percent = count * 100 // total
    if count and not percent:
        return f"{count} of {total} (under 1%)"
    return f"{count} of {total} ({percent}%)"


def _money(value: float | int | None, currency: str = "USD") -> str:
    return "—" if value is None else f"{_sign(currency)}{value:,.0f}"


def _sign(currency: str) -> str:
    return SIGN_OF_CURRENCY.get(currency, f"{currency} ")


def _pay_section(data: dict[str, Any]) -> str:
    places = data["pay_by_jurisdiction"]
    classes = data["pay_by_class"]
    with_pay = len(classes)
    parts = [
        f"<p>{exact_share(with_pay, data['records'])} records state a pay range "
        "(annualised: 2,080 hours, 26 biweekly or 24 semimonthly periods, 12 months).</p>"
    ]
    if places:
        # One chart a currency: amounts are not converted, so they share no axis.
        for currency in sorted({c for _, c, *_ in places}, key=lambda c: (c != "USD", c)):
            chart_rows = [(p, lo, hi, mid) for p, c, _, lo, mid, hi in places if c == currency]
            title = PAY_CHART if currency == "USD" else f"{PAY_CHART}, {currency}"
            parts.append(
                f"<figure>{range_chart(title, chart_rows[: MAX_BARS * 2], _sign(currency))}</figure>"
            )
        parts.append(
            _table(
                "pay-by-jurisdiction",
                ("jurisdiction", "classes", "lowest minimum", "median midpoint", "highest maximum"),
                [(p, n, _money(lo, c), _money(mid, c), _money(hi, c)) for p, c, n, lo, mid, hi in places],
            )
        )
    market = data["market"]
    if market:
        shown = market[: report_pay.MARKET_BARS]
        rows = [
            (f"{m['class']} ({m['soc']})", m["annual_min"], m["annual_max"], m["market_median"])
            for m in shown
        ]
        parts.append(
            f"<h3>Class pay against the market</h3><p>{len(market)} classes have OEWS wages for their "
            "best SOC match (--wages); the bar is the class's annual range, the red mark the "
            "occupation's market median in its area. The classes furthest from their market come first.</p>"
            + _shown(len(shown), len(market))
            + f"<figure>{range_chart('Class pay against the OEWS market median', rows, '$')}</figure>"
        )
    if classes:
        shown_classes = classes[:PAY_ROWS_SHOWN]
        parts.append(
            "<h3>Pay by class</h3>"
            + _shown(len(shown_classes), len(classes))
            + _table(
                "pay-by-class",
                ("class", "jurisdiction", "annual minimum", "annual maximum", "as stated"),
                [
                    (
                        c["class"],
                        c["jurisdiction"],
                        _money(c["annual_min"], c["currency"]),
                        _money(c["annual_max"], c["currency"]),
                        c["stated"],
                    )
                    for c in shown_classes
                ],
            )
        )
    return "".join(parts)


def _soc_section(data: dict[str, Any]) -> str:
    if not data["with_soc"]:
        return "<p>No record has SOC matches: parse with --soc (or --wages) to add them.</p>"
    return (
        f"<p>{exact_share(data['with_soc'], data['records'])} records have a SOC 2018 match; "
        "their best matches, most common first:</p>"
        f"<figure>{bar_chart('Best SOC match', data['soc'], label_width=360)}</figure>"
    )


def _jurisdiction_section(data: dict[str, Any]) -> str:
    headers = ("jurisdiction", *(name for name, _ in report_pay.BREAKDOWN))
    return _table("jurisdictions", headers, data["jurisdictions"])


def render(data: dict[str, Any], title: str = "classspec corpus report") -> str:
    import json

    charts = "".join(f"<figure>{bar_chart(name, rows)}</figure>" for name, rows in data["charts"].items())
    embedded = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>
<h1>{html.escape(title)}</h1>
<div class="summary"><div><b id="records">{data["records"]}</b>records</div>
<div><b id="sources">{data["sources"]}</b>source files</div>
<div><b id="warning-count">{data["warning_count"]}</b>warnings</div>
<div><b id="failed-count">{len(data["failed"])}</b>inputs failed</div></div>
<div class="columns">
<section><h2>By parser</h2>{_table("by-parser", ("parser", "records"), data["by_parser"])}</section>
<section><h2>By jurisdiction</h2>
{_table("by-jurisdiction", ("jurisdiction", "records"), data["by_jurisdiction"])}</section></div>
<h2>Charts</h2><div class="charts">{charts}</div>
<h2>Pay</h2>{_pay_section(data)}
<h2>Occupations (SOC)</h2>{_soc_section(data)}
<h2>By jurisdiction: records and the fields they fill</h2>{_jurisdiction_section(data)}
<h2>Fill rate per field</h2>{_fill_table(data["fill"], data["records"])}
<h2>Oldest specs</h2>{_table("oldest", ("last dated", "class"), data["oldest"])}
<h2>Records with warnings</h2>{_shown(len(data["warnings"]), data["warning_count"])}
{_table("warnings", ("class", "warning"), data["warnings"])}
<h2>Inputs that gave no record</h2>{_table("failed", ("input", "reason"), data["failed"])}
<script type="application/json" id="classspec-figures">{embedded}</script>
</body></html>
"""
