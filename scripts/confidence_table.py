"""Does `source.confidence` mean something? Over every corpus with gold or expectations,
each record's scoreboard facts are checked and grouped by its confidence bucket: the
share right per bucket is what a user may expect of a record with that confidence.

    python scripts/confidence_table.py            # all corpora found
    python scripts/confidence_table.py --detail   # also the facts each bucket misses

Corpora and their facts (the scoreboards' own checks, nothing new):
- shared/corpus/jobdocs: gold.tsv (parsed, class_code, title, duties, MQ, experience);
- tests/unseen: expected.yaml (every fact an analyst recorded);
- shared/corpus/california: the page's class code (file name) and <title> naming the title;
- shared/corpus/losangeles: the code and title of the file name ("TITLE 1234 date.txt");
- shared/corpus/philadelphia: the class code of the file name.
A document refused counts its facts wrong under the bucket "refused".
"""

from __future__ import annotations

import html
import itertools
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from classspec.api import parse_document  # noqa: E402
from classspec.errors import NotASpecError  # noqa: E402
from classspec.readers import read_path  # noqa: E402
from corpus_board import same_words, squash  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
BUCKETS = (0.0, 0.4, 0.6, 0.8, 0.9, 1.0)
Facts = Callable[[list[dict]], dict[str, bool]]


def bucket(confidence: float | None) -> str:
    if confidence is None:
        return "refused"
    for low, high in itertools.pairwise(BUCKETS):
        if confidence < high or high == 1.0:
            return f"{low:.1f}-{high:.1f}" if high < 1.0 or confidence < 1.0 else "1.0"
    return "1.0"


def _records(path: Path) -> list[dict]:
    try:
        return [r.to_dict() for r in parse_document(read_path(path))]
    except NotASpecError:
        return []


def jobdocs() -> Iterator[tuple[Path, Facts]]:
    from jobdocs_gold import facts, gold_rows

    for gold in gold_rows(SHARED / "jobdocs"):
        yield gold.path, lambda records, gold=gold: facts(gold, records)


def unseen() -> Iterator[tuple[Path, Facts]]:
    import yaml

    from classspec.model import ClassSpec
    from test_unseen_layouts import _facts

    folder = REPO / "tests" / "unseen"
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    for name, wanted in expected.items():

        def check(records: list[dict], wanted=wanted) -> dict[str, bool]:
            if not records:
                return {fact: False for fact in wanted}
            checks = _facts(ClassSpec.model_validate(records[0]))
            return {fact: checks[fact](value) for fact, value in wanted.items() if fact in checks}

        yield folder / name, check


def california() -> Iterator[tuple[Path, Facts]]:
    for path in sorted((SHARED / "california").glob("*.html")):
        found = re.search(rb"<title>(.*?)</title>", path.read_bytes(), re.S | re.I)
        page_title = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""

        def check(records: list[dict], code=path.stem, page_title=page_title) -> dict[str, bool]:
            record = next((r for r in records if r.get("class_code") == code), None)
            title = (record or {}).get("title")
            return {
                "class_code": record is not None,
                "title": bool(title) and squash(title) in squash(page_title),
            }

        yield path, check


_LA_NAME = re.compile(r"(?P<title>.+?)\s+(?P<code>\d{4})\b")


def losangeles() -> Iterator[tuple[Path, Facts]]:
    for path in sorted((SHARED / "losangeles").glob("*.txt")):
        named = _LA_NAME.match(path.stem)
        if not named:
            continue

        def check(records: list[dict], named=named) -> dict[str, bool]:
            record = records[0] if records else {}
            return {
                "class_code": record.get("class_code") == named["code"],
                "title": same_words(record.get("title"), named["title"]),
            }

        yield path, check


def philadelphia() -> Iterator[tuple[Path, Facts]]:
    for path in sorted((SHARED / "philadelphia").glob("*.htm")):
        code = path.stem.upper()

        def check(records: list[dict], code=code) -> dict[str, bool]:
            return {"class_code": bool(records) and records[0].get("class_code") == code}

        yield path, check


CORPORA = {
    "jobdocs": jobdocs,
    "unseen": unseen,
    "california": california,
    "losangeles": losangeles,
    "philadelphia": philadelphia,
}


def table(detail: bool = False) -> str:
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    records_in: dict[str, int] = defaultdict(int)
    warned: dict[str, int] = defaultdict(int)
    missed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    used = []
    for name, corpus in CORPORA.items():
        cases = list(corpus())
        if not cases or not any(path.exists() for path, _ in cases):
            continue
        used.append(f"{name} ({len(cases)})")
        for path, check in cases:
            records = _records(path)
            key = bucket(records[0]["source"]["confidence"] if records else None)
            records_in[key] += 1
            warned[key] += bool(records and records[0]["warnings"])
            for fact, ok in check(records).items():
                right[key] += ok
                total[key] += 1
                if not ok:
                    missed[key][f"{name}:{fact}"] += 1
    rows = [
        "corpora: " + ", ".join(used),
        f"{'confidence':<11} {'documents':>9} {'warned':>7} {'facts right':>14} {'share':>7}",
    ]
    order = ["refused", *(bucket(b) for b in BUCKETS[:-1]), "1.0"]
    for key in dict.fromkeys(order):
        if not total.get(key):
            continue
        rows.append(
            f"{key:<11} {records_in[key]:>9} {warned[key]:>7} {right[key]:>6}/{total[key]:<7} "
            f"{right[key] / total[key]:>6.1%}"
        )
        if detail:
            worst = sorted(missed[key].items(), key=lambda kv: -kv[1])[:6]
            rows.append("            missed: " + ", ".join(f"{k} {v}" for k, v in worst))
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(detail="--detail" in sys.argv))
