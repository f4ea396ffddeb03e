"""The shortcuts of the HTML batch work answer exactly what the plain code answers: the
literal-guided regex scans (classspec.regex_prefilter), the combined heading tables of the
section engine, and the whitespace shortcuts of the HTML reader and `collapse`.
(Speed itself is measured by scripts/benchmark.py, not here.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classspec import jurisdiction
from classspec.document import Line, collapse
from classspec.normalize import bulletin, experience, path_parts, paths, vocab
from classspec.parsers import PARSERS
from classspec.parsers import philadelphia as philadelphia_parser
from classspec.readers import read_path
from classspec.readers.htmllines import LineCollector
from classspec.regex_prefilter import folded, may_match, required_any, scanner, search, start_literals
from classspec.sections import _match_each, _match_in, _table
from conftest import PHILADELPHIA, SEED_FILES, SHARED, corpus_files

CALIFORNIA = SHARED / "corpus" / "california"


def _patterns() -> list:
    """Every compiled-on-first-use pattern of the normalizers the facts step runs."""
    found = []
    for module in (bulletin, experience, path_parts, paths, vocab, jurisdiction):
        found += [
            value for value in vars(module).values() if hasattr(value, "pattern") and hasattr(value, "flags")
        ]
    found += [pattern for _, pattern in vocab._EDUCATION_PATTERNS]
    found += [pattern for _, pattern in bulletin._EXAM_TYPES]
    found += [m.pattern for parser in PARSERS.values() for m in parser.markers]
    return found


def _sample_files() -> list[Path]:
    # A missing corpus leaves its files out (the corpus tests say so): the seeds still run.
    files = [*SEED_FILES[:12], *sorted(PHILADELPHIA.glob("*.htm*"))[:12]]
    return files + corpus_files("losangeles")[:6] + corpus_files("california")[:6]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Whole documents, their paragraphs, and case and spacing variants of both."""
    found: list[str] = []
    for path in _sample_files():
        try:
            lines = [line.stripped for line in read_path(path).lines if line.stripped]
        except Exception:  # a file this reader refuses is no sample
            continue
        whole = "\n".join(lines)
        found += [whole, whole.upper(), whole.lower(), whole.replace(" ", "  ")]
        found += lines[::7]
    found += [
        "",
        "x",
        "OR",
        "Posted on 3/4/2019 and OPEN DATE: 12-21-18",
        "\u212a\u017f\u0130 Open Date: 1/2/2020",
    ]
    return found


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.pattern[:40])
def test_guided_scans_find_what_a_plain_scan_finds(pattern, texts):
    compiled = re.compile(pattern.pattern, pattern.flags)
    for text in texts:
        plain = compiled.search(text)
        guided = search(pattern, text)
        assert (guided and (guided.span(), guided.groups())) == (plain and (plain.span(), plain.groups()))
        guided_all = scanner(pattern).finditer(text) if may_match(pattern, text) else ()
        assert [m.span() for m in guided_all] == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize(
    "source",
    [r"\b(?i:valid|possess)\s+\w+", r"(?i:[ik])s\b", r"x?(?i:k)s", r"(?i:stra)\S+", r"(?i:\u00e9t)e"],
)
def test_a_scoped_ignore_case_group_starts_the_lookahead_with_every_case(source):
    # The lookahead stands outside the (?i:...) group: it names every character re takes
    # for each letter there (both cases, and the Kelvin sign, long s and dotted I).
    pattern = re.compile(source)
    words = [
        "valid",
        "possess",
        "is",
        "ks",
        "xks",
        "stra",
        "\u00e9te",
        "ete",
        "\u212a",
        "\u017f",
        "\u0130",
        "\u0131",
    ]
    words += [variant(word) for word in words for variant in (str.upper, str.title)]
    texts = [" ".join(words), *words, *(a + b for a in words for b in words)]
    for text in texts:
        assert [m.span() for m in scanner(pattern).finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]
    # a non-ASCII letter with case is not spelled out: no lookahead then
    assert (scanner(pattern) is pattern) == source.startswith("(?i:\\u00e9")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("aBiIkKsS \u00c9\u00e9\u0130\u0131\u017f\u212a\u00df\u2013")))
def test_folding_lowers_every_ascii_letter_where_str_lower_would(text):
    # Only ASCII letters are lowered: the characters an ASCII literal can be found at are
    # those full lower-casing gives (after the four that match ASCII letters are mapped).
    full = text
    for char, letter in (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k")):
        full = full.replace(char, letter)
    full = full.lower()
    assert len(folded(text)) == len(full)
    assert [c if c.isascii() else None for c in folded(text)] == [c if c.isascii() else None for c in full]


def test_start_literals_are_what_every_match_starts_with():
    assert start_literals(re.compile(r"\b(?:Open(?:ing)?\s+Date|Posted)", re.I)) == {"open", "posted"}
    assert start_literals(re.compile(r"(?:[6-9]th|1[01]th)\s+grade")) == {f"{n}th" for n in range(6, 12)}
    assert start_literals(re.compile(r"(?<!post )high\s+school")) == {"high"}
    assert start_literals(re.compile(r"\d+ years")) is None  # a category, not a literal
    assert start_literals(re.compile(r"(?:optional )?word")) is None  # may start either way
    assert start_literals(re.compile(r"x(?i:abc)")) is None  # too short to help


def test_required_literals_may_be_one_of_an_alternation():
    assert required_any(re.compile(r"\b(?:A|B)\s+SPECIALTY|\bOPTION\s+\d")) == {"SPECIALTY", "OPTION"}
    assert required_any(re.compile(r"\d+\s+(?:years?|months?)", re.I)) == {"year", "month"}
    assert required_any(re.compile(r"alpha|be")) is None  # one branch has no usable literal
    assert required_any(re.compile(r"(?:words )?optional|other")) == {"optional", "other"}


def _rule_tables() -> list[tuple]:
    tables = [philadelphia_parser.HEADINGS]
    for parser in PARSERS.values():
        tables += [getattr(parser, name) for name in ("HEADINGS", "LINE_FIELDS") if getattr(parser, name, ())]
    return tables


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.name)
def test_a_combined_heading_table_matches_as_the_rules_one_by_one(path):
    try:
        lines = read_path(path).lines
    except Exception:
        pytest.skip("not readable")
    long_line = Line("TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY) " + "x " * 90, 1)
    for rules in _rule_tables():
        table = _table(rules)
        assert table is not None, "every template's table combines"
        for line in [*lines, long_line]:
            assert _match_in(line, rules, table) == _match_each(line, line.stripped, rules)


@pytest.mark.parametrize(
    "parts",
    [
        [],
        ["plain text"],
        ["  two  spaces\n and\ta tab  "],
        ["ends with space ", "next"],
        ["ends with space ", " starts with space"],
        ["a", "   ", "b"],
        ["one ", "", " two"],
        ["no\x1fseparator", " here"],
        ["non-ascii\u00a0space", " x"],
        ["\u2003em space\u2003", "y"],
        ["\u00a0nbsp\u00a0 and\u00a0\u00a0more "],
        ["em\u2003space\u3000alone"],
        ["soft\u00adhyphen  \u200b zero width"],
    ],
)
def test_the_readers_whitespace_shortcut_collapses_as_the_regex_does(parts):
    def reference() -> str:
        """The line as the reader made it before the shortcuts: each node's whitespace
        collapsed on its own by the regex, invisible characters dropped."""
        if not parts or "".join(parts).isspace():
            return ""
        text = "\0".join(parts)
        for char in "\u00ad\u200b\u200c\u200d\ufeff":
            text = text.replace(char, "")
        return re.sub(r"[ \t\n\r\f\v\u00a0]+", " ", text).replace("\0", "").strip()

    plain_spaces = not any(separator in "".join(parts) for separator in "\x1c\x1d\x1e\x1f")
    collector = LineCollector(hidden_possible=False, plain_spaces=plain_spaces)
    for part in parts:
        collector.text(part)
    collector.newline()
    assert (collector.lines[0] if collector.lines else "") == reference()


_NODE_TEXT = st.lists(
    st.text(alphabet=st.sampled_from("ab \t\n\r\u00a0\u2003\u3000\x1f\x85\u00ad\u200b"), max_size=6),
    max_size=5,
)


@settings(max_examples=500, deadline=None)
@given(parts=_NODE_TEXT)
def test_a_line_of_any_nodes_collapses_as_the_regex_does(parts):
    # Spaces of every kind, meeting across nodes or not, invisible characters among them.
    text = "\0".join(parts)
    for char in "\u00ad\u200b\u200c\u200d\ufeff":
        text = text.replace(char, "")
    expected = re.sub(r"[ \t\n\r\f\v\u00a0]+", " ", text).replace("\0", "").strip()
    plain_spaces = not any(separator in "".join(parts) for separator in "\x1c\x1d\x1e\x1f")
    collector = LineCollector(hidden_possible=False, plain_spaces=plain_spaces)
    for part in parts:
        collector.text(part)
    collector.newline()
    if "".join(parts).isspace() or not parts:
        expected = ""
    assert (collector.lines[0] if collector.lines else "") == expected


@pytest.mark.parametrize(
    "text", ["a b", " a b \n\n c ", "a  b", "a\tb", "x\u00a0y", "p1\n\n\n\np2", "", "  "]
)
def test_collapse_shortcut_is_what_the_regex_gives(text):
    regex = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]+")
    paragraphs = [regex.sub(" ", p.replace("\t", " ")).strip() for p in text.split("\n\n")]
    assert collapse(text) == "\n\n".join(p for p in paragraphs if p)


def _html_bodies() -> list:
    import lxml.etree

    from classspec.readers.html import decode_html

    bodies = []
    for corpus in (CALIFORNIA, PHILADELPHIA, SHARED / "corpus" / "other"):
        for path in sorted(corpus.glob("*.htm*"))[:15]:
            text = decode_html(path.read_bytes(), None)
            parser = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
            root = lxml.etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
            if root is not None and root.find("body") is not None:
                bodies.append(root.find("body"))
    return bodies


@pytest.mark.corpus("california", "philadelphia", "other")
def test_the_main_content_rule_picks_what_the_event_walk_picks():
    from classspec.readers.html import SKIP_TAGS
    from classspec.readers.htmlmain import _main_content_walk, main_content

    bodies = _html_bodies()
    assert len(bodies) >= 20
    for body in bodies:
        assert main_content(body, SKIP_TAGS) is _main_content_walk(body, SKIP_TAGS, 1.0)


def test_a_page_nested_deeper_than_python_recurses_still_finds_its_content():
    import sys

    import lxml.etree

    from classspec.readers.html import SKIP_TAGS
    from classspec.readers.htmlmain import _main_content_walk, main_content

    body = lxml.etree.Element("body")
    nav = lxml.etree.SubElement(body, "div")
    for word in ("home", "jobs", "about"):
        lxml.etree.SubElement(nav, "a", href="#").text = word
    element = lxml.etree.SubElement(body, "div")
    for _ in range(sys.getrecursionlimit() + 100):
        element = lxml.etree.SubElement(element, "div")
    element.text = "the specification text " * 5
    found = main_content(body, SKIP_TAGS)
    assert found is _main_content_walk(body, SKIP_TAGS, 1.0)
    assert found is not body and found is not nav


def test_fuzzy_heading_names_are_matched_as_difflib_matches_them():
    import difflib
    import random

    from classspec.parsers.generic import headings

    rng = random.Random(13)
    names = []
    for name in headings._NAMES:
        for _ in range(3):  # a letter dropped, a letter doubled, words added in front
            i = rng.randrange(len(name))
            names += [name[:i] + name[i + 1 :], name[:i] + name[i] + name[i:], name[: len(name) // 3] + name]
    names += ["minimum qualfications", "knowledges and abilites", "unrelated words entirely"]
    for name in names:
        expected = difflib.get_close_matches(name, headings._NAMES, n=1, cutoff=headings.FUZZY_CUTOFF)
        found = headings._closest.__wrapped__(name)
        assert found == (headings._KEY_OF_NAME[expected[0]] if expected and len(name) >= 8 else None), name


def test_other_space_is_every_whitespace_split_knows_and_the_regex_does_not():
    import sys

    from classspec.readers.htmllines import OTHER_SPACE

    regex_spaces = set(" \t\n\r\f\v\u00a0")
    split_spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert {c for c in split_spaces if OTHER_SPACE.search(c)} == split_spaces - regex_spaces


_PATTERNS = _patterns()


def _pieces(pattern) -> list[str]:
    """Words a match of the pattern is built from: its own literals, in several cases."""
    literals = {*(required_any(pattern) or ()), *(start_literals(pattern) or ())}
    # The Kelvin sign, the long s and the dotted capital I match k, s and i under
    # re.IGNORECASE although str.lower() keeps them apart.
    odd = str.maketrans({"k": "\u212a", "s": "\u017f", "i": "\u0130"})
    variants = (str.upper, str.title, lambda literal: literal.lower().translate(odd))
    return [*literals, *(variant(literal) for literal in literals for variant in variants)]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_guided_scans_agree_with_plain_scans_on_arbitrary_text(data):
    # Texts made of a pattern's own literals, digits, odd whitespace and the characters
    # that match ASCII letters only under re.IGNORECASE: where a shortcut would go wrong.
    pattern = data.draw(st.sampled_from(_PATTERNS))
    words = st.sampled_from(
        [
            *_pieces(pattern),
            "1",
            "12",
            "2019",
            " ",
            "\n",
            "\t",
            ":",
            ".",
            "-",
            "\u00a0",
            "\u212a",
            "\u017f",
            "\u0130",
        ]
    )
    text = "".join(data.draw(st.lists(st.one_of(words, st.text(max_size=4)), max_size=60)))
    compiled = re.compile(pattern.pattern, pattern.flags)
    plain = compiled.search(text)
    guided = search(pattern, text)
    assert (guided and guided.span()) == (plain and plain.span())
    guided_all = scanner(pattern).finditer(text) if may_match(pattern, text) else ()
    assert [m.span() for m in guided_all] == [m.span() for m in compiled.finditer(text)]
