"""Any other template: sections found by the shared lexicon of section names and by
typography (parsers/lexicon.py, generic/headings.py), identity from labels, footers and
the title line (parsers/labels.py), and a document that defines several classes (a
level series, a table of codes and titles) read as one record per class
(generic/classes.py).

Detection scores structure only (recognised section headings and a title), so a
document with no class-spec structure scores 0 and is refused.
"""

from __future__ import annotations

import itertools
import re

from classspec.builder import RecordBuilder
from classspec.document import Document, Line, Piece
from classspec.jurisdiction import jurisdiction_from_text
from classspec.lazyre import lazy_compile
from classspec.literals import may_match, search
from classspec.model import SourceFormat
from classspec.normalize import title_case
from classspec.parsers.base import Detection, TemplateParser
from classspec.parsers.generic.classes import Records, find_classes, owned_runs
from classspec.parsers.generic.handlers import handle, set_title
from classspec.parsers.generic.headings import find_heading, read_heading, sections, split_long_lines
from classspec.parsers.generic.tables import label_rows
from classspec.parsers.labels import BARE_CODE, SERIES_LIST, choose_title, footer, label_line, title_like
from classspec.parsers.lexicon import LIST_KEYS, STRUCTURAL_KEYS, WEAK_HEADINGS
from classspec.sections import Section

_SERIES_NAME = lazy_compile(r"[A-Z].{2,80}\bseries", re.I)
_NUMBER = lazy_compile(r"^[\dIVX]{1,4}[.)]\s*|^#+\s*")
_DOT_ONLY = lazy_compile(r"[.:;\-\u2013\u2014_*]+")
# Headings, in any wording, that promise duties or qualifications (for the honesty warnings).
_PROMISES = {
    "duties": lazy_compile(r"duties|tasks|responsibilities|functions|examples of work|typical work", re.I),
    "minimum_qualifications.text": lazy_compile(r"qualification|requirement|education|experience", re.I),
}
MAX_PROMISE_WORDS = 8
DETECT_LINES = 5000
DETECT_TAIL = 200
# Fewer kinds of spec section than this make the reading unsure: the records say so.
SURE_SECTIONS = 2


def _lines(doc: Document) -> list[Line]:
    return split_long_lines(doc.lines)


class GenericParser(TemplateParser):
    id = "generic"
    description = "Any template, by a lexicon of common section names and heading typography"

    # -- detection ---------------------------------------------------------
    def detect(self, doc: Document, text: str | None = None) -> Detection:
        # More than the usual head and tail is read: a web page may put the spec after
        # 1,800 lines of menus; a huge file is still read only in part.
        source = (
            doc.lines
            if doc.lines or text is None
            else [Line(t, n) for n, t in enumerate(text.split("\n"), 1)]
        )
        if len(source) > DETECT_LINES + DETECT_TAIL:
            source = source[:DETECT_LINES] + source[-DETECT_TAIL:]
        lines = split_long_lines(source)
        families: dict[str, str] = {}
        strong = False  # a heading only class specs use ("Examples of Duties", not "Tasks")
        titled = False
        content = [ln for ln in lines if not ln.blank]
        following = {a.number: b for a, b in itertools.pairwise(content)}
        for index, line in enumerate(lines):
            found = find_heading(line)
            if (found is None or found.key == "unknown") and not line.blank:
                # A heading in other words ("## Your responsibilities"): the model's sure
                # guess counts when it names a spec section.
                guessed = read_heading(line, following.get(line.number), index / len(lines))
                found = guessed if guessed and guessed.key in STRUCTURAL_KEYS else found
            if found and found.key != "unknown":
                families.setdefault(found.key, line.stripped[:40])
                name = _NUMBER.sub("", found.heading.text).rstrip(" :.").lower()
                strong = strong or (found.key in STRUCTURAL_KEYS and name not in WEAK_HEADINGS)
            if not titled:  # one title or code label is enough: later lines are not read for one
                labels = label_line(line)
                titled = any(label.field in ("title", "class_code") for label in labels or ())
                titled = titled or footer(line) is not None
        structural = sorted(k for k in families if k in STRUCTURAL_KEYS)
        titled = titled or "title" in families or "code" in families
        if not titled:
            # A header table without colons ("CLASS TITLE   CLASS NUMBER" over its values):
            # read only when no labelled line named the class, as most documents have one.
            titled = any(
                label.field in ("title", "class_code")
                for line in label_rows(lines)[0]
                for label in label_line(line) or ()
            )
        # Two kinds of spec section, or one and a labelled title, before anything counts:
        # a letter or a recipe may happen to have one line that reads "Summary".
        if len(structural) + titled < 2 or not (titled or strong):
            return Detection(self.id, 0.0, [])
        score = 0.2 * len(structural) + 0.05 * (len(families) - len(structural)) + 0.15 * titled
        markers = [f"heading {families[k]!r} ({k})" for k in structural]
        if titled:
            markers.insert(0, "class title or code label")
        return Detection(self.id, round(min(1.0, score), 3), markers)

    # -- parsing -------------------------------------------------------------
    def parse(self, doc: Document) -> list[RecordBuilder]:
        lines, table_headers = label_rows(_lines(doc))
        records = Records(doc, self.id, find_classes(lines))
        records.use([ln for ln in lines if ln.number in table_headers])
        named = jurisdiction_from_text(doc.lines)
        if named:
            records.set("jurisdiction", named[0].model_dump(), named[1])
        lines = self._identity(records, lines)
        starts = {n for one in records.classes if one.level for n in one.label_lines}
        outline = doc.format in (SourceFormat.markdown, SourceFormat.docx)
        found = sections(lines, LIST_KEYS, STRUCTURAL_KEYS, starts, records.label_lines, outline)
        if found and found[0].key is None:
            self._preamble(records, found.pop(0))
        for section in found:
            self._section(records, section)
        self._warnings(records, doc, {s.key for s in found} & STRUCTURAL_KEYS)
        return records.builders

    def _identity(self, records: Records, lines: list[Line]) -> list[Line]:
        """Read labelled lines and footers wherever they are; the rest is left to the sections."""
        rest = []
        # Few documents list a series at all: one substring test of the whole text
        # spares a test of every line.
        may_list_series = may_match(SERIES_LIST, "\n".join(line.text for line in lines))
        for line in lines:
            if may_list_series and search(SERIES_LIST, line.text):
                rest.append(line)  # names the other classes of the series, not this one
                continue
            ending = footer(line)
            labels = label_line(line) if ending is None else ending.labels
            if ending is None and not labels:
                rest.append(line)
                continue
            if ending is not None:
                records.set("class_code", ending.code.text, ending.code, keep=True)
                if ending.title:
                    records.set("title", ending.title.text, ending.title, keep=True)
            for label in labels or ():
                if label.field is None:
                    records.other(label.name, label.value)
                    continue
                records.set(label.field, label.value.text, label.value, keep=True)
                if label.field == "class_code":
                    records.label_code_line = line.number
                if label.field == "class_code" and records.label_code is None:
                    records.label_code = label.value.text
            records.use(line)
        return rest

    def _preamble(self, records: Records, section: Section) -> None:
        """Text before the first heading: letterhead (or a page's menus), the title, a code."""
        content = [ln for ln in section.lines if not ln.blank]
        code = next((ln for ln in content if BARE_CODE.fullmatch(ln.stripped)), None)
        if code is not None and not all(b.has("class_code") for b in records.builders):
            records.set("class_code", code.stripped, code, keep=True)
        else:
            code = None
        title = (
            []
            if all(b.has("title") for b in records.builders)
            else choose_title(content, records.label_code, code.number if code else records.label_code_line)
        )
        if title:
            set_title(records, title)
        for line in content:
            if line in title or line is code:
                continue
            if _SERIES_NAME.fullmatch(line.stripped) and title_like(line.stripped):
                records.set("series", title_case(line.stripped), line, keep=True)
                continue
            if line.number in records.label_lines or _DOT_ONLY.fullmatch(line.stripped):
                records.use(line)
                continue
            records.other(None, Piece.of([line]))

    def _section(self, records: Records, section: Section) -> None:
        records.use(section.heading)
        records.started |= section.key in STRUCTURAL_KEYS
        runs = owned_runs(section, records)
        for index, (owner, run) in enumerate(runs):
            lines: list[Line] = []
            dots: list[Line] = []
            for ln in run:
                (dots if _DOT_ONLY.fullmatch(ln.stripped) else lines).append(ln)
            records.use(dots)
            part = Section(section.key, section.heading, section.inline if index == 0 else None, lines)
            records.current = owner
            handle(records, part, lines)
        records.current = None

    def _warnings(self, records: Records, doc: Document, structural: set[str | None]) -> None:
        short: list[str] | None = None  # the lines short enough to be headings, once asked
        for builder in records.builders:
            if not builder.has("title"):
                builder.warn("no class title found in the text")
            for path, promise in _PROMISES.items():
                if builder.has(path):
                    continue
                if short is None:
                    # maxsplit: a long line is not cut into all its words to be left out.
                    short = [
                        ln.stripped
                        for ln in doc.lines
                        if 0 < len(ln.stripped.split(maxsplit=MAX_PROMISE_WORDS)) <= MAX_PROMISE_WORDS
                    ]
                if any(promise.search(text) for text in short):
                    name = "duties" if path == "duties" else "minimum qualifications"
                    builder.warn(f"no {name} read, although a heading seems to name them")
        if len(structural) < SURE_SECTIONS:
            records.warn("few recognisable spec sections: the generic reading may be incomplete")
