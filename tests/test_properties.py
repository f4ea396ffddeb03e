"""Property tests: whatever text or bytes arrive, every parser and every reader either
returns records that validate or raises the project's own ClassSpecError — never another
exception; the same input always gives the same output; and exports read back through
`classspec validate`.

Inputs are arbitrary text and bytes, text assembled from real spec lines, and mutated
seeds (lines shuffled, deleted, duplicated, headings removed, re-encoded as UTF-16,
cp1252 or with a BOM, CRLF), and mutated PDFs. A failure prints the input that broke it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classspec.api import parse_bytes, parse_document
from classspec.errors import ClassSpecError
from classspec.export import JsonArrayWriter
from classspec.model import ClassSpec
from classspec.parsers import PARSERS
from classspec.readers.text import read_text
from cli_helpers import make_pdf, run
from conftest import PHILADELPHIA, SEED_FILES

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEED_FILES]
SEED_LINES = sorted({line for text in SEED_TEXTS for line in text.splitlines() if line.strip()})
HTML_SAMPLES = (
    [p.read_bytes() for p in sorted(PHILADELPHIA.glob("*.htm*"))[:8]] if PHILADELPHIA.is_dir() else []
)
HEADING = re.compile(r"^\s*[A-Z][A-Z0-9 ,/&()'-]{3,}:?\s*$|^\s*[^:]{2,40}:\s*$")
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(records: list[ClassSpec]) -> list[dict]:
    """Every record must survive a round trip through the schema."""
    assert records, "a parser returned no records instead of raising NotASpecError"
    dumped = [record.to_dict() for record in records]
    for data in dumped:
        ClassSpec.model_validate(data)
    return dumped


def _outcome(call) -> list[dict] | str:
    """The records, or the typed error's message; any other exception fails the test."""
    try:
        return _check(call())
    except ClassSpecError as exc:
        assert exc.reason, "a ClassSpecError without a reason"
        return f"{type(exc).__name__}: {exc}"


def _all_parsers(data: bytes) -> None:
    try:
        doc = read_text(data, "generated.txt", "0" * 64)
    except ClassSpecError:
        return
    for parser_id in PARSERS:
        first = _outcome(lambda parser_id=parser_id: parse_document(doc, parser_id))
        again = _outcome(lambda parser_id=parser_id: parse_document(doc, parser_id))
        assert first == again, f"{parser_id} is not deterministic"
    auto = _outcome(lambda: parse_document(doc, "auto"))
    assert auto == _outcome(lambda: parse_document(doc, "auto"))


# --- generated inputs ----------------------------------------------------------------

spec_like_text = st.lists(
    st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=60), st.just("")), min_size=1, max_size=80
).map("\n".join)


@st.composite
def mutated_seed(draw) -> str:
    lines = draw(st.sampled_from(SEED_TEXTS)).splitlines()
    for mutation in draw(
        st.lists(st.sampled_from(["shuffle", "delete", "duplicate", "headings"]), max_size=3)
    ):
        if not lines:
            break
        if mutation == "shuffle":
            lines = draw(st.permutations(lines))
        elif mutation == "delete":
            doomed = draw(st.sets(st.integers(0, len(lines) - 1), max_size=max(1, len(lines) // 3)))
            lines = [line for i, line in enumerate(lines) if i not in doomed]
        elif mutation == "duplicate":
            start = draw(st.integers(0, len(lines) - 1))
            end = draw(st.integers(start, min(len(lines), start + 20)))
            lines = lines[:end] + lines[start:end] + lines[end:]
        else:
            lines = [line for line in lines if not HEADING.match(line)]
    return "\n".join(lines)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(encoding, errors="replace")


ENCODINGS = ["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "cp1252", "latin-1", "crlf"]


# --- properties ----------------------------------------------------------------------


@FAST
@given(st.text(max_size=2000))
def test_arbitrary_text_every_parser(text):
    _all_parsers(text.encode("utf-8"))


@FAST
@given(spec_like_text)
def test_spec_like_text_every_parser(text):
    _all_parsers(text.encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_seeds_every_parser(text):
    _all_parsers(text.encode("utf-8"))


@FAST
@given(mutated_seed(), st.sampled_from(ENCODINGS), st.sampled_from(["x.txt", "x.text", "x.html", None]))
def test_mutated_seeds_reencoded_every_reader(text, encoding, name):
    data = _encode(text, encoding)
    first = _outcome(lambda: parse_bytes(data, name))
    assert first == _outcome(lambda: parse_bytes(data, name))


@FAST
@given(st.binary(max_size=4000), st.sampled_from(["x.txt", "x.html", "x.pdf", None]))
def test_arbitrary_bytes_every_reader(data, name):
    first = _outcome(lambda: parse_bytes(data, name))
    assert first == _outcome(lambda: parse_bytes(data, name))


@pytest.mark.corpus("philadelphia")
@FAST
@given(st.sampled_from(HTML_SAMPLES), st.data())
def test_mutated_html(html, data):
    cut = data.draw(st.integers(0, len(html)))
    junk = data.draw(st.binary(max_size=200))
    mutated = data.draw(
        st.sampled_from([html[:cut], html[:cut] + junk + html[cut:], html[cut:], html.replace(b"<", b"", 50)])
    )
    first = _outcome(lambda: parse_bytes(mutated, "x.htm"))
    assert first == _outcome(lambda: parse_bytes(mutated, "x.htm"))


PDF_SAMPLE = make_pdf(SEED_TEXTS[0].splitlines())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_pdfs(data):
    """Truncated, bit-flipped and spliced PDFs: a clean error or valid records."""
    pdf = bytearray(PDF_SAMPLE)
    for _ in range(data.draw(st.integers(0, 8))):
        pdf[data.draw(st.integers(0, len(pdf) - 1))] = data.draw(st.integers(0, 255))
    truncate = data.draw(st.booleans())
    cut = data.draw(st.integers(len(pdf) // 4, len(pdf))) if truncate else len(pdf)
    sample = bytes(pdf[:cut])
    first = _outcome(lambda: parse_bytes(sample, "x.pdf"))
    assert first == _outcome(lambda: parse_bytes(sample, "x.pdf"))


def test_exports_round_trip_through_classspec_validate(classspec_bin, tmp_path):
    """Records from generated inputs, written as the CLI writes them, are accepted by
    `classspec validate` and read back equal."""
    collected: list[dict] = []

    @settings(max_examples=30, deadline=None, database=None)
    @given(st.one_of(mutated_seed(), spec_like_text))
    def gather(text):
        outcome = _outcome(lambda: parse_bytes(text.encode("utf-8"), "x.txt"))
        if isinstance(outcome, list):
            collected.extend(outcome)

    gather()
    assert collected, "no generated input produced a record"
    export = tmp_path / "generated.json"
    with export.open("w", encoding="utf-8") as out:
        writer = JsonArrayWriter(out)
        for record in collected:
            writer.write(record)
        writer.close()
    assert json.loads(export.read_text(encoding="utf-8")) == collected
    result = run(classspec_bin, "validate", export)
    assert result.returncode == 0, result.stderr
    assert f"{len(collected)} records checked, all valid" in result.stderr


def test_seeds_in_every_encoding_give_the_same_records():
    """Re-encoding a seed changes its bytes (and so its sha256) but not its content."""
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        baseline = None
        for encoding in ("utf-8", "utf-8-bom", "utf-16", "crlf"):
            records = [r.to_dict() for r in parse_bytes(_encode(text, encoding), path.name)]
            for record in records:
                record["source"]["sha256"] = None
            baseline = baseline or records
            assert records == baseline, f"{Path(path).name} differs when encoded as {encoding}"
