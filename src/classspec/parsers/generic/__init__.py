"""Any other template: sections found by the lexicon of section names and by
typography (lexicon.py, headings.py), identity from labels, footers and the title line
(labels.py, titles.py), and a document that defines several classes (a level series,
a table of codes and titles) read as one record per class (classes.py).

Detection scores structure only (recognised section headings and a title), so a
document with no class-spec structure scores 0 and is refused.
"""

from __future__ import annotations

import itertools
import re

from classspec.builder import RecordBuilder
from classspec.document import Document, Line, Piece, SourceFormat
from classspec.jurisdiction import jurisdiction_from_text
from classspec.lazyre import lazy_compile
from classspec.linetext import strip_marker
from classspec.normalize import title_case
from classspec.parsers.base import Detection, TemplateParser
from classspec.parsers.generic.classes import Records, find_classes, owned_runs
from classspec.parsers.generic.handlers import handle, set_title
from classspec.parsers.generic.headings import find_heading, read_heading, sections, split_long_lines
from classspec.parsers.generic.labels import BARE_CODE, SERIES_LIST, footer, label_line
from classspec.parsers.generic.lexicon import LIST_KEYS, STRUCTURAL_KEYS, WEAK_HEADINGS
from classspec.parsers.generic.tables import label_rows
from classspec.parsers.generic.titles import choose_title, class_list, title_like, top_heading_title
from classspec.parsers.generic.wishes import preferences_apart
from classspec.sections import Section

_SERIES_HEADING = lazy_compile(
    r"(?:(?:class|job)\s+)?series(?:\s+list)?\s*:?|classes in (?:the|this) series\s*:?", re.I
)
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
# The sections that make a document a job's: what the job does and what it asks.
JOB_KEYS = frozenset({"duties", "qualifications", "ksa", "knowledge", "skills", "abilities"})
# Fewer kinds of spec section than this make the reading unsure: the records say so.
SURE_SECTIONS = 2
# How much a doubt lowers a record's confidence: a record with no title is not known to be
# the class a user looks for; a section a heading promised but nobody read is a gap.
UNTITLED = 0.6
UNREAD = 0.8
PREAMBLE_LINES = 60
FIRST_SENTENCE_WORDS = 6


DATE_KEYS = frozenset({"established", "revised", "effective", "edited"})
FRONT_MATTER_LINES = 60
_YAML_LINE = lazy_compile(r"[\w][\w .\-]*:(?:\s.*)?|\s*-\s.*|\s+\S.*|#.*")


# "This position is classified as XY-03": a class named in a sentence.
_CLASSIFIED_AS = lazy_compile(
    r"\b(?:is|are|been|be)\s+classified\s+(?:as|at|in)\s+(?:an?\s+|the\s+)?"
    r"(?P<code>(?-i:[A-Z]{1,5}[- ]?\d{1,4}[A-Z]?))\b",
    re.I,
)
SERIES_FIELDS = frozenset({"taxonomy.occupational_series", "taxonomy.job_series", "taxonomy.class_series"})
_SERIES_NUMBER = lazy_compile(r"(?:[A-Z]{1,3}-)?\d{3,4}")


def _series_number(label) -> bool:
    """'Series: 0560', 'Occupational Series: GS-0343': the number of an occupational series."""
    named = label.field in SERIES_FIELDS or label.name.lower().endswith("series")
    return named and bool(_SERIES_NUMBER.fullmatch(label.value.text))


def front_matter(lines: list[Line]) -> list[Line]:
    """The lines of a front matter block at the top, fences included, or []."""
    content = [i for i, ln in enumerate(lines[:FRONT_MATTER_LINES]) if not ln.blank]
    if not content or lines[content[0]].stripped != "---":
        return []
    for index in content[1:]:
        text = lines[index].stripped
        if text in ("---", "..."):
            return lines[: index + 1] if index > content[0] + 1 else []
        if not _YAML_LINE.fullmatch(lines[index].text):
            return []
    return []


THEMED_ITEMS = 2


def _level(section: Section) -> int | None:
    return section.heading.lines[0].heading if section.heading is not None else None


def _themed_duties(found: list[Section]) -> list[Section]:
    """A job description with no duties heading whose duties sit under theme headings
    ("### Cloud services" / "1. Provide ..." / "### People" / ...), before what it asks
    for: those lists are its duties, each theme their category."""
    # A duties heading that is one theme among its sibling sub-headings ("### General
    # responsibilities", read by the heading model, under "## Purpose of Job") does not
    # make the other themes other sections.
    levels = {_level(s) for s in found if s.key == "duties"}
    outline = [level for s in found if (level := _level(s))]
    if levels and (None in levels or len(levels) > 1 or min(levels) <= min(outline)):
        return found
    asks = [i for i, s in enumerate(found) if s.key in JOB_KEYS - {"duties"}]
    end = asks[0] if asks else len(found)
    result = []
    for index, section in enumerate(found):
        sibling = not levels or _level(section) in levels
        if index < end and section.key == "unknown" and section.heading is not None and sibling:
            content = section.content_lines
            listed = [ln for ln in content if strip_marker(ln.stripped)[0]]
            if len(listed) >= THEMED_ITEMS and len(listed) >= 0.6 * len(content):
                section = Section("duties", section.heading, section.inline, section.lines)
        result.append(section)
    return result


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
        filled: set[str] = set()  # spec sections with text under their heading
        open_key: str | None = None
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
                name = _NUMBER.sub("", found.heading.text).rstrip(" :.?").lower()
                strong = strong or (found.key in STRUCTURAL_KEYS and name not in WEAK_HEADINGS)
                open_key = found.key if found.key in STRUCTURAL_KEYS else None
                if open_key and found.inline:
                    filled.add(open_key)
            elif not line.blank and open_key and not line.heading:
                filled.add(open_key)
            if not titled:  # one title or code label is enough: later lines are not read for one
                labels = label_line(line)
                titled = any(label.field in ("title", "class_code") for label in labels or ())
                titled = titled or footer(line) is not None or top_heading_title(line)
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
        # Two kinds of evidence before anything counts: a letter or a recipe may happen to
        # have one line that reads "Summary", a README one "## Requirements".
        job = filled & JOB_KEYS
        # A job's duties or requirements under a heading only job documents use ("What
        # you'll do", "How do I qualify?") is enough alone: parsed with a low score and
        # warnings for what is missing (a postings export keeps titles elsewhere).
        if (len(structural) + titled < 2 or not (titled or strong)) and not (job and strong):
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
        lines = self._identity(records, self._front_matter(records, lines))
        starts = {n for one in records.classes if one.level for n in one.label_lines}
        outline = doc.format in (SourceFormat.markdown, SourceFormat.docx)
        found = sections(lines, LIST_KEYS, STRUCTURAL_KEYS, starts, records.label_lines, outline)
        if found and found[0].key is None:
            self._preamble(records, found.pop(0))
        found = preferences_apart(found)
        if len(records.builders) == 1:  # a series' level blocks are no duty themes
            found = _themed_duties(found)
        for section in found:
            self._section(records, section)
        self._warnings(records, doc, {s.key for s in found} & STRUCTURAL_KEYS)
        return records.builders

    def _front_matter(self, records: Records, lines: list[Line]) -> list[Line]:
        """A YAML front matter block ('---' / 'title: ...' / '---' at the top): metadata.
        Its title, code and dates are read as labels; its other keys (a description, tags,
        a layout) are filed under 'front matter', never read as the document's text."""
        block = front_matter(lines)
        if not block:
            return lines
        for line in block:
            key, _, value = line.stripped.partition(":")
            named = Line(f"{key.replace('_', ' ').strip()}:{value}", line.number, line.page)
            labels = label_line(named) if value.strip() else None
            found = find_heading(named) if value.strip() and not labels else None
            if labels and all(label.field for label in labels):
                for label in labels:
                    records.set(label.field, label.value.text, Piece(label.value.text, (line,)), keep=True)
                records.use(line)
            elif found and found.key in DATE_KEYS and found.inline:
                handle(records, Section(found.key, Piece.of([line]), Piece(found.inline.text, (line,))))
            elif line.blank or _DOT_ONLY.fullmatch(line.stripped):
                records.use(line)
            else:
                records.other("front matter", Piece.of([line]))
        return lines[len(block) :]

    def _identity(self, records: Records, lines: list[Line]) -> list[Line]:
        """Read labelled lines and footers wherever they are; the rest is left to the sections."""
        rest = []
        fallback: Piece | None = None  # a code named the weakest way, if nothing names one
        for line in lines:
            if SERIES_LIST.search(line.text):
                rest.append(line)  # names the other classes of the series, not this one
                continue
            ending = footer(line)
            labels = label_line(line) if ending is None else ending.labels
            if ending is None and not labels:
                said = _CLASSIFIED_AS.search(line.text) if "classified" in line.text else None
                if fallback is None and said:
                    fallback = Piece(said.group("code"), (line,))
                rest.append(line)
                continue
            if ending is not None:
                records.set("class_code", ending.code.text, ending.code, keep=True)
                if ending.title:
                    records.set("title", ending.title.text, ending.title, keep=True)
            for label in labels or ():
                if fallback is None and _series_number(label):
                    fallback = label.value
                if label.field is None:
                    records.other(label.name, label.value)
                    continue
                best = records.label_ranks.get(label.field)
                # A label that names the class more surely replaces one that named it less
                # ("Job code" over a posting's "Job ID", a classification title over a working one).
                keep = best is None or label.rank >= best
                records.set(label.field, label.value.text, label.value, keep=keep)
                records.label_ranks[label.field] = min(label.rank, best if best is not None else label.rank)
                if label.field == "class_code":
                    records.label_code_line = line.number
                if label.field == "class_code" and (records.label_code is None or label.rank < best):
                    records.label_code = label.value.text
            records.use(line)
        if fallback is not None and not any(b.has("class_code") for b in records.builders):
            # "This position is classified as XY-03", "Series: 0560": the weakest names of
            # a class, taken only when no label, footer or title line gives its code.
            records.set("class_code", fallback.text, fallback, keep=True)
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
        elif content and not all(b.has("title") for b in records.builders):
            self._first_sentence_title(records, content[0])
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

    def _first_sentence_title(self, records: Records, line: Line) -> None:
        """'Library Officer. Job description. Purpose of the job: ...': a document read as one
        line (OCR, a pasted page) may open with its title as a sentence of its own."""
        first, dot, rest = line.stripped.partition(". ")
        if dot and rest and len(first.split()) <= FIRST_SENTENCE_WORDS and title_like(first):
            records.set("title", title_case(first), Piece(first, (line,)), keep=True)

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
            handle(records, part)
        records.current = None

    def _warnings(self, records: Records, doc: Document, structural: set[str | None]) -> None:
        short: list[str] | None = None  # the lines short enough to be headings, once asked
        head = doc.lines[:PREAMBLE_LINES]
        listed = any(
            class_list(ln.stripped) or SERIES_LIST.search(ln.text) or _SERIES_HEADING.fullmatch(ln.stripped)
            for ln in head
        )
        for builder in records.builders:
            if not builder.has("title"):
                builder.doubt("no class title found in the text", UNTITLED)
                if listed and len(records.builders) == 1:
                    # The list of a series' classes names several; none is taken as this one.
                    builder.warn("the document lists classes of a series but names none as its own")
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
                    builder.doubt(f"no {name} read, although a heading seems to name them", UNREAD)
        if len(structural) < SURE_SECTIONS:
            for builder in records.builders:
                builder.doubt("few recognisable spec sections: the generic reading may be incomplete", UNREAD)
