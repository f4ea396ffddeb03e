"""Every value traceable (`--provenance`): each filled field names the source lines it
came from, and those lines hold it.

The checks are generic: they measure whatever the parsers produce, on the seeds (where
they are asserted) and on the Philadelphia corpus (where they are reported as rates and
held to a floor).
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from classspec.api import parse_document, read_file
from classspec.builder import RecordBuilder, finish_records
from classspec.document import Document, Line, Piece, lines_from_text
from classspec.model import SourceFormat
from classspec.parsers.levels import Series
from conftest import PHILADELPHIA, SEED_FILES, seed_id

# Where no field needs a span of its own: they describe the run, not the document.
NOT_FROM_THE_DOCUMENT = {"schema_version", "source", "jurisdiction", "warnings", "provenance"}
# Values the parser computes from text (enums, ISO dates, numbers): they need a span,
# but the span holds the phrase they were computed from, not the value itself.
NORMALIZED = re.compile(
    r"^(?:flsa_status|probation_months|dates\.\w+|minimum_qualifications\.min_\w+|physical_demands\.strength"
    r"|duties\[\d+\]\.physical_strength|physical_demands\.items\[\d+\]\.frequency"
    # 1.1 values the facts step normalizes or composes ('some_college', 'may_be_required', '2a',
    # a path's text joining items that are not adjacent: '1. …' and '3. …').
    r"|minimum_qualifications\.(?:drivers_license|paths\[\d+\]\.(?:education|label|text))"
    r"|salary\[\d+\]\.(?:period|currency)|exam_types\[\d+\])$"
)
# A list item's span covers its main text ('duties[3].text', 'physical_demands.items[5].name');
# every other part ('duties[3].category', 'other_sections[0].heading') needs a span of its own.
_ITEM_MAIN_TEXT = re.compile(r"^(?P<item>.+\[\d+\])\.(?:text|name)$")


def _letters_and_digits(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


# Inline markup some text specs carry ("<u>3 years</u>"): not content, values drop it.
_INLINE_TAG = re.compile(r"</?[a-zA-Z][^>]{0,40}>")


def _found_in(value: str, cited: str) -> bool:
    """Letters and digits of the value, case-insensitive, occur in the cited lines. A value
    a parser composed as 'Label: text' (a heading joined to its item) is found when each
    part is, since the label and the text come from different lines of the span."""
    haystack = _letters_and_digits(_INLINE_TAG.sub("", cited))
    return all(_letters_and_digits(part) in haystack for part in re.split(r":\s+", value))


def filled_fields(record: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(path, value) for every filled leaf, with paths as provenance writes them:
    'title', 'taxonomy.family', 'duties[3]', 'duties[3].category'."""

    def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
        if isinstance(value, dict):
            for key, inner in value.items():
                yield from walk(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                yield from walk(inner, f"{path}[{index}]")
        elif value is not None and not isinstance(value, bool) and value != "":
            yield path, value

    for key, value in record.items():
        if key not in NOT_FROM_THE_DOCUMENT:
            yield from walk(value, key)


def span_of(provenance: dict[str, list[dict]], path: str) -> list[dict] | None:
    if path in provenance:
        return provenance[path]
    item = _ITEM_MAIN_TEXT.match(path)
    if item and item.group("item") in provenance:
        return provenance[item.group("item")]
    return None


@dataclass
class Tally:
    filled: int = 0
    spanned: int = 0
    checked: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    unspanned: list[str] = field(default_factory=list)
    bad_spans: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("filled", "spanned", "checked", "found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.unspanned += other.unspanned
        self.bad_spans += other.bad_spans

    @property
    def span_rate(self) -> float:
        return self.spanned / self.filled if self.filled else 1.0

    @property
    def found_rate(self) -> float:
        return self.found / self.checked if self.checked else 1.0


def check_record(doc: Document, record: dict[str, Any]) -> Tally:
    """Count filled fields with spans, and string values found in their spans' lines."""
    by_number = {line.number: line for line in doc.lines}
    provenance = record["provenance"]
    tally = Tally()
    for path, spans in provenance.items():
        for span in spans:
            lines = [by_number.get(n) for n in range(span["line_start"], span["line_end"] + 1)]
            pages_ok = all(ln is not None and ln.page == span["page"] for ln in lines)
            if span["line_start"] > span["line_end"] or not pages_ok:
                tally.bad_spans.append(f"{doc.name}: {path} {span}")
    for path, value in filled_fields(record):
        tally.filled += 1
        spans = span_of(provenance, path)
        if not spans:
            tally.unspanned.append(f"{doc.name}: {path} = {str(value)[:60]!r}")
            continue
        tally.spanned += 1
        if NORMALIZED.match(path) or not isinstance(value, str):
            continue
        tally.checked += 1
        cited = " ".join(
            by_number[n].text
            for span in spans
            for n in range(span["line_start"], span["line_end"] + 1)
            if n in by_number
        )
        if _found_in(value, cited):
            tally.found += 1
        else:
            tally.misses.append(f"{doc.name}: {path} = {value[:60]!r} not in lines {spans}")
    return tally


def check_file(path: Path) -> Tally:
    doc = read_file(path)
    tally = Tally()
    for spec in parse_document(doc, provenance=True):
        tally.add(check_record(doc, spec.to_dict()))
    return tally


@pytest.mark.parametrize("seed", SEED_FILES, ids=seed_id)
def test_seed_values_are_found_in_their_spans(seed: Path) -> None:
    tally = check_file(seed)
    assert not tally.bad_spans, "\n".join(tally.bad_spans)
    assert not tally.misses, "\n".join(tally.misses)


@pytest.mark.parametrize("seed", SEED_FILES, ids=seed_id)
def test_seed_fields_carry_spans(seed: Path) -> None:
    tally = check_file(seed)
    assert tally.filled
    assert tally.span_rate >= 0.95, (
        f"{tally.spanned}/{tally.filled} filled fields have a span; without one:\n"
        + "\n".join(tally.unspanned)
    )


@pytest.mark.parametrize("seed", SEED_FILES, ids=seed_id)
def test_output_without_provenance_is_unchanged(seed: Path) -> None:
    doc = read_file(seed)
    plain = [spec.to_dict() for spec in parse_document(doc)]
    traced = [spec.to_dict() for spec in parse_document(doc, provenance=True)]
    assert all("provenance" not in record for record in plain)
    assert [{k: v for k, v in record.items() if k != "provenance"} for record in traced] == plain


def test_cli_provenance_flag(classspec_bin: str) -> None:
    seed = SEED_FILES[0]
    plain = subprocess.run([classspec_bin, "parse", str(seed)], capture_output=True, check=True).stdout
    traced = subprocess.run(
        [classspec_bin, "parse", "--provenance", str(seed)], capture_output=True, check=True
    ).stdout
    assert all("provenance" not in record for record in json.loads(plain))
    records = json.loads(traced)
    assert all(record["provenance"] for record in records)
    assert [{k: v for k, v in r.items() if k != "provenance"} for r in records] == json.loads(plain)


# -- the builder's guarantees, independent of any parser ------------------------------


def _doc(text: str, page: int | None = None) -> Document:
    return Document(lines_from_text(text, page=page), SourceFormat.text, "0" * 64, "t.txt")


def test_joined_wrapped_lines_keep_every_line() -> None:
    doc = _doc("SUMMARY\nSupervises the work of\nclerks in a unit.\n")
    record = RecordBuilder(doc, "test")
    record.use(doc.lines[0])
    record.set("summary", Piece.of(doc.lines[1:3]).text, Piece.of(doc.lines[1:3]))
    [spec] = finish_records([record], provenance=True)
    assert spec.summary == "Supervises the work of clerks in a unit."
    assert spec.provenance["summary"][0].model_dump() == {"line_start": 2, "line_end": 3, "page": None}


def test_list_items_and_parts_have_their_own_spans() -> None:
    doc = _doc("DUTIES\nBILLING UNIT\n- Checks bills.\n- Answers calls\n  from the public.\n")
    record = RecordBuilder(doc, "test")
    category = Piece.of([doc.lines[1]])
    for item in (Piece.of([doc.lines[2]]), Piece.of(doc.lines[3:5])):
        record.add("duties", {"text": item.text, "category": category.text}, item, category=category)
    [spec] = finish_records([record], provenance=True)
    spans = {path: [(s.line_start, s.line_end) for s in value] for path, value in spec.provenance.items()}
    assert spans["duties[0]"] == [(3, 3)]
    assert spans["duties[1]"] == [(4, 5)]
    assert spans["duties[0].category"] == spans["duties[1].category"] == [(2, 2)]


def test_spans_split_at_gaps_and_pages() -> None:
    lines = [Line("a", 1, 1), Line("b", 2, 1), Line("c", 3, 2), Line("d", 5, 2)]
    doc = Document(lines, SourceFormat.pdf, "0" * 64, "t.pdf", pages=2)
    record = RecordBuilder(doc, "test")
    record.set("summary", "a b c d", Piece("a b c d", tuple(lines)))
    [spec] = finish_records([record], provenance=True)
    assert [s.model_dump() for s in spec.provenance["summary"]] == [
        {"line_start": 1, "line_end": 2, "page": 1},
        {"line_start": 3, "line_end": 3, "page": 2},
        {"line_start": 5, "line_end": 5, "page": 2},
    ]


def test_shared_series_text_keeps_its_span_after_copy() -> None:
    """Series narrative and other text before the first level has no heading; every
    level's record must still cite it, both when a parser copies the shared builder and
    when leftover lines are filed in each record's other_sections."""
    doc = _doc("Customer contact work.\nLEVEL I\nAnswers calls.\nLEVEL II\nLeads staff.\nFooter line.\n")
    shared = RecordBuilder(doc, "test")
    narrative = Piece.of([doc.lines[0]])
    shared.set("summary", narrative.text, narrative)
    levels = []
    for heading_line, duty_line in ((doc.lines[1], doc.lines[2]), (doc.lines[3], doc.lines[4])):
        level = shared.copy()
        level.use(heading_line)
        level.add("duties", {"text": duty_line.stripped}, duty_line)
        levels.append(level)
    specs = finish_records(levels, provenance=True)
    for spec in specs:
        assert spec.provenance["summary"][0].line_start == 1
        assert spec.other_sections[-1].text == "Footer line."
        index = len(spec.other_sections) - 1
        assert spec.provenance[f"other_sections[{index}]"][0].line_start == 6
    assert specs[0].provenance["duties[0]"][0].line_start == 3
    assert specs[1].provenance["duties[0]"][0].line_start == 5


def test_series_writes_shared_text_to_every_class_in_document_order() -> None:
    """levels.Series: each class starts from the text read before the classes were
    known; a class's own text reaches only its record, text written through the series
    reaches every record where it stands in the document, with its own lines."""
    doc = _doc("Series narrative.\nLEVEL I\nAnswers calls.\nShared note.\nLEVEL II\nLeads staff.\n")
    lines = doc.lines
    start = RecordBuilder(doc, "test")
    start.set("summary", lines[0].stripped, lines[0])
    series = Series(start, ["i", "ii"])
    series.level("i").other("Level I", Piece.of([lines[2]]))
    series.other(None, Piece.of([lines[3]]))
    series.level("ii").other("Level II", Piece.of([lines[5]]))
    series.use([lines[1], lines[4]])
    first, second = finish_records(series.records(), provenance=True)
    assert [s.text for s in first.other_sections] == ["Answers calls.", "Shared note."]
    assert [s.text for s in second.other_sections] == ["Shared note.", "Leads staff."]
    assert first.provenance["other_sections[1]"][0].line_start == 4
    assert second.provenance["other_sections[0]"][0].line_start == 4
    assert first.provenance["summary"][0].line_start == second.provenance["summary"][0].line_start == 1
    assert not start.has("other_sections")  # the classes' records are their own


def test_copy_is_independent() -> None:
    doc = _doc("one\ntwo\n")
    record = RecordBuilder(doc, "test")
    record.set("title", "One", doc.lines[0])
    twin = record.copy()
    twin.set("title", "Two", doc.lines[1])
    assert record.lines("title") == (doc.lines[0],)
    assert twin.lines("title") == (doc.lines[1],)


# -- the corpus, as rates --------------------------------------------------------------

CORPUS_FILES = sorted(PHILADELPHIA.glob("*.htm")) if PHILADELPHIA.is_dir() else []
# Floors under the rates measured when these tests were written; a regression fails.
CORPUS_SPAN_RATE_FLOOR = 0.95
CORPUS_FOUND_RATE_FLOOR = 0.99


@pytest.mark.corpus("philadelphia")
@pytest.mark.slow
def test_philadelphia_corpus_provenance_rates() -> None:
    started = time.perf_counter()
    total = Tally()
    failed: list[str] = []
    for path in CORPUS_FILES:
        try:
            total.add(check_file(path))
        except Exception as exc:  # a parse failure is the corpus test's business; counted here
            failed.append(f"{path.name}: {type(exc).__name__}: {exc}")
    # Shown with -s or on a failure; under -q the rates are the assertions below.
    print(
        f"\nprovenance over {len(CORPUS_FILES)} Philadelphia specs ({len(failed)} failed to parse): "
        f"{total.spanned}/{total.filled} filled fields with a span ({total.span_rate:.2%}), "
        f"{total.found}/{total.checked} string values found in their lines ({total.found_rate:.2%}), "
        f"{len(total.bad_spans)} malformed spans, {time.perf_counter() - started:.1f}s"
    )
    for sample in (total.unspanned[:5], total.misses[:5]):
        for line in sample:
            print("   ", line[:200])
    assert not total.bad_spans, "\n".join(total.bad_spans[:20])
    assert total.span_rate >= CORPUS_SPAN_RATE_FLOOR, "\n".join(total.unspanned[:40])
    assert total.found_rate >= CORPUS_FOUND_RATE_FLOOR, "\n".join(total.misses[:40])


def test_extend_and_dedupe_keep_spans_aligned() -> None:
    doc = _doc("- Plans work\nof the unit.\n- Plans work\nof the unit.\n- Trains staff.\n- Not a duty\n")
    record = RecordBuilder(doc, "test")
    for first, rest in ((0, 1), (2, 3)):
        record.add("duties", {"text": doc.lines[first].stripped[2:]}, doc.lines[first])
        record.extend(f"duties[{len(record.get('duties')) - 1}]", Piece.of([doc.lines[rest]]))
    record.add("duties", {"text": "Trains staff."}, doc.lines[4])
    record.dedupe("duties")
    [spec] = finish_records([record], provenance=True)
    assert [d.text for d in spec.duties] == ["Plans work of the unit.", "Trains staff."]
    spans = {path: [(s.line_start, s.line_end) for s in value] for path, value in spec.provenance.items()}
    assert spans["duties[0]"] == [(1, 4)]
    assert spans["duties[1]"] == [(5, 5)]
    assert "duties[2]" not in spans
    assert spec.other_sections[-1].text == "Not a duty"  # a line no value took is not dropped
