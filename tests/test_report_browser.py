"""The report as a browser shows it: headless Chromium loads the page, no error is
raised or logged, and every chart is drawn (an SVG with a laid-out box and bars).

The page has no script of its own; the test adds a collector of errors and chart
measurements before the page's content, and reads its findings back from the DOM
Chromium dumps. Skipped only where Chromium is missing outside CI: in CI (.ci/run
installs Debian's `chromium`) a missing browser fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from lxml import html

from cli_helpers import run
from conftest import SEEDS, SHARED

LOSANGELES = SHARED / "corpus" / "losangeles"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

COLLECTOR = """<script>
window.__errors = [];
window.addEventListener("error", e => window.__errors.push(String(e.message || e.type)), true);
window.addEventListener("unhandledrejection", e => window.__errors.push(String(e.reason)));
const consoleError = console.error;
console.error = (...args) => { window.__errors.push(args.join(" ")); consoleError(...args); };
window.addEventListener("load", () => {
  const charts = [...document.querySelectorAll("figure svg")];
  const drawn = charts.filter(svg => {
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll("rect")].filter(r => r.getBBox().width > 0);
    return box.width > 0 && box.height > 0 && bars.length > 0;
  });
  const root = document.documentElement;
  root.dataset.errors = JSON.stringify(window.__errors);
  root.dataset.charts = String(charts.length);
  root.dataset.drawn = JSON.stringify(drawn.map(svg => svg.getAttribute("aria-label")));
});
</script>"""


@pytest.fixture(scope="module")
def page(classspec_bin, tmp_path_factory):
    if BROWSER is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Chromium is not installed")
    folder = tmp_path_factory.mktemp("browser")
    exports = folder / "records.jsonl"
    inputs = [SEEDS, *sorted(LOSANGELES.glob("*.txt"))[:25]] if LOSANGELES.is_dir() else [SEEDS]
    result = run(classspec_bin, "parse", *inputs, "--soc", "--wages", "-o", exports)
    assert result.returncode == 0, result.stderr
    report = folder / "report.html"
    assert run(classspec_bin, "report", exports, "-o", report).returncode == 0
    text = report.read_text(encoding="utf-8")
    probed = folder / "probed.html"
    probed.write_text(text.replace("<style>", COLLECTOR + "<style>", 1), encoding="utf-8")
    browser = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--dump-dom",
            probed.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert browser.returncode == 0, browser.stderr[-2000:]
    return html.document_fromstring(text), html.document_fromstring(browser.stdout), browser.stderr


def test_no_error_in_the_browser(page):
    _, dom, log = page
    assert json.loads(dom.get("data-errors")) == []
    # What the page would have logged to the console (CSP, bad SVG, blocked loads).
    assert [line for line in log.splitlines() if "CONSOLE" in line] == []


@pytest.mark.corpus("losangeles")
def test_every_chart_is_drawn(page):
    source, dom, _ = page
    charts = [svg.get("aria-label") for svg in source.iter("{*}svg", "svg")]
    assert int(dom.get("data-charts")) == len(charts) >= 7
    assert sorted(json.loads(dom.get("data-drawn"))) == sorted(charts)
    assert "Class pay against the OEWS market median" in charts
    assert "Best SOC match" in charts
