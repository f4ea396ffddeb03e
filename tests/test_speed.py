"""What makes classspec fast must not change what it answers: the detection prefilter
never hides a marker, commands import only what they use, and the C YAML emitter writes
what the pure-Python one writes. (Speed itself is measured by scripts/benchmark.py.)"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest
import yaml

from classspec.api import parse_file
from classspec.export import YamlWriter
from classspec.parsers import PARSERS
from classspec.parsers.base import detection_text
from classspec.readers import read_path
from classspec.regex_prefilter import folded, found_in, required_any
from conftest import OTHER_CORPUS, PHILADELPHIA, SEED_FILES

MARKERS = [m for parser in PARSERS.values() for m in parser.markers]


def test_every_character_ignore_case_matches_to_an_ascii_letter_folds_to_it():
    # 'ı', 'ſ', 'K' (Kelvin), 'İ' ... match ASCII letters under re.IGNORECASE; a prefilter
    # that missed one would drop a marker from a document that has it.
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for char in set(re.findall(letter, everything, re.I)):
            assert folded(char) == letter, (letter, hex(ord(char)))


def _case_variants(text: str) -> list[str]:
    return [
        text,
        text.upper(),
        text.lower(),
        text.swapcase(),
        text.upper().replace("I", "\u0130").replace("S", "\u017f").replace("K", "\u212a"),
        text.lower().replace("i", "\u0131"),
        "  \n" + text.replace(" ", "\n\n  ") + ":\t1 x\n",
    ]


@pytest.mark.parametrize("found", MARKERS, ids=lambda m: m.name)
def test_the_prefilter_never_changes_a_markers_answer(found):
    texts = [*_case_variants(found.name.strip("'*")), *(_case_variants(m.name) for m in MARKERS)]
    texts = [t for group in texts for t in ([group] if isinstance(group, str) else group)]
    texts += [detection_text(read_path(p)) for p in SEED_FILES]
    for text in texts:
        assert found_in(found.pattern, text) == bool(found.pattern.search(text)), text[:80]


def test_required_literals_come_only_from_what_every_match_contains():
    def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
        return required_any(re.compile(pattern, flags))

    assert required(r"^\s*CLASS TITLE:", re.I | re.M) == {"class title:"}
    assert required(r"Code No\.\s+Class Title") == {"Class Title"}
    assert required(r"(?:optional words)?\s*Heading") == {"Heading"}
    # An alternation every match goes through: one literal of each branch.
    assert required(r"(?:alpha beta|gamma delta)") == {"alpha beta", "gamma delta"}
    assert required(r"(?:alpha beta|\d+)") is None
    assert required(r"END\s+OF\s+(?:JOB|PAGE)") is None  # too short to help
    assert required(r"Case (?i:Insensitive Part)") == {"Case "}
    assert required(r"(?:Repeated Word\s)+end") == {"Repeated Word"}
    assert required(r"(?:Optional Word\s)*end") is None


@pytest.mark.parametrize("path", [*SEED_FILES, *sorted(PHILADELPHIA.glob("*.htm*"))[:40]], ids=str)
def test_scores_equal_a_plain_regex_scan(path):
    text = detection_text(read_path(path))
    for parser in PARSERS.values():
        if parser.markers:
            plain = [m.name for m in parser.markers if m.pattern.search(text)]
            assert parser.detect(read_path(path), text).markers == plain


def _imported_after(code: str) -> set[str]:
    heavy = ("typer", "pydantic", "rich", "yaml", "lxml", "pdfplumber", "pypdfium2", "dask")
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split()) & set(heavy)


def test_version_imports_no_framework():
    code = "import sys\nsys.argv = ['classspec', '--version']\nfrom classspec.__main__ import main\nmain()"
    assert _imported_after(code) == set()


def test_parsing_a_text_file_imports_only_what_text_needs(tmp_path):
    seed = SEED_FILES[0]
    code = (
        "import sys, contextlib, io\n"
        f"sys.argv = ['classspec', 'parse', '-f', 'jsonl', {str(seed)!r}, '-o', {str(tmp_path / 'o')!r}]\n"
        "from classspec.__main__ import main\n"
        "with contextlib.suppress(SystemExit):\n    main()"
    )
    assert _imported_after(code) == {"typer", "pydantic"}
    assert (tmp_path / "o").read_text().count("\n") >= 1


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", [*SEED_FILES, *sorted(OTHER_CORPUS.glob("*.txt"))], ids=lambda p: p.name)
def test_c_yaml_emitter_writes_the_pure_python_bytes(path):
    records = [r.to_dict() for r in parse_file(path)]
    fast = io.StringIO()
    writer = YamlWriter(fast)
    assert issubclass(writer.dumper, yaml.CSafeDumper)  # libyaml's emitter under the record dumper
    for record in records:
        writer.write(record)
    slow = io.StringIO()
    for record in records:
        slow.write("---\n")
        yaml.safe_dump(record, slow, sort_keys=False, allow_unicode=True, width=100)
    assert fast.getvalue() == slow.getvalue()
    assert [json.loads(json.dumps(r)) for r in yaml.safe_load_all(fast.getvalue())] == records
