"""Collects one record's values together with the source lines of each.

Parsers never build `ClassSpec` dicts by hand: they call `set`, `add`, `extend`
and `other` with `Piece`s, so every value knows its lines (for `--provenance`)
and every line a parser used is known, which lets `finish_records` file the lines
nobody took under `other_sections` instead of dropping them. The builder is sealed:
its values, their origins and the used lines are private, read through `get`, `has`,
`lines` and `used_lines`, so a parser keeps its own state in its own locals.
"""

from __future__ import annotations

import copy
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any

from classspec.document import Document, Line, Piece, collapse
from classspec.lazyre import lazy_compile
from classspec.linetext import is_block_heading, text_block
from classspec.model import ClassSpec, Jurisdiction, Span
from classspec.plausibility import check

Source = Piece | Sequence[Line] | Line | None
# A line's number: what `_used` holds (map with it runs in C, a generator does not).
_NUMBER = operator.attrgetter("number")
# A list item's path, 'duties[3]' (only paths ending in ']' are tried).
_LIST_ITEM = lazy_compile(r"(?P<list>.+)\[(?P<index>\d+)\]")


def source_lines(source: Source) -> tuple[Line, ...]:
    """The lines a value source stands for (a Piece, a line, lines or nothing)."""
    if source is None:
        return ()
    if isinstance(source, Piece):
        return source.lines
    if isinstance(source, Line):
        return (source,)
    return tuple(source)


def _empty_record() -> dict[str, Any]:
    return {
        "jurisdiction": None,
        "class_code": None,
        "title": None,
        "level": None,
        "series": None,
        "taxonomy": {},
        "flsa_status": None,
        "pay_grade": None,
        "probation_months": None,
        "summary": None,
        "distinguishing_features": [],
        "duties": [],
        "knowledge": [],
        "skills": [],
        "abilities": [],
        "other_requirements": [],
        "minimum_qualifications": {
            "text": None,
            "education": [],
            "experience": [],
            "licenses": [],
            "min_education": None,
            "min_experience_months": None,
        },
        "physical_demands": {"strength": None, "items": [], "text": None},
        "working_conditions": [],
        "equipment": [],
        "specialties": [],
        "dates": {"established": None, "revised": None, "effective": None, "edited": None},
        "other_sections": [],
        "warnings": [],
    }


def spans(lines: Iterable[Line]) -> list[Span]:
    """Merge line numbers into contiguous spans (a new span at every gap or page change)."""
    result: list[Span] = []
    for line in sorted(set(lines), key=lambda ln: ln.number):
        last = result[-1] if result else None
        if last is not None and line.number == last.line_end + 1 and line.page == last.page:
            last.line_end = line.number
        else:
            result.append(Span(line_start=line.number, line_end=line.number, page=line.page))
    return result


class RecordBuilder:
    def __init__(self, doc: Document, parser_id: str, jurisdiction: Jurisdiction | None = None) -> None:
        self.doc = doc
        self.parser_id = parser_id
        self._values = _empty_record()
        self._values["jurisdiction"] = jurisdiction.model_dump() if jurisdiction else None
        self._origins: dict[str, tuple[Line, ...]] = {}
        self._used: set[int] = set()
        self._sureness = 1.0  # lowered by each doubt the parser states (see `doubt`)

    # -- reading ----------------------------------------------------------
    def get(self, path: str) -> Any:
        """The value at a dotted path ('dates.revised') or list item ('knowledge[2]')."""
        container, key = self._slot(path)
        return container.get(key) if isinstance(container, dict) else container[key]

    def lines(self, path: str) -> tuple[Line, ...]:
        """The source lines a value cites ('' when it has none)."""
        return self._origins.get(path, ())

    @property
    def used_lines(self) -> frozenset[int]:
        """Numbers of the lines some value (or `use`) took."""
        return frozenset(self._used)

    # -- writing values -------------------------------------------------
    def use(self, source: Source) -> None:
        """Mark lines as consumed without storing them (headings, labels, rulers)."""
        self._used.update(map(_NUMBER, source_lines(source)))

    def set(self, path: str, value: Any, source: Source = None) -> None:
        """Set a scalar field (dotted path, e.g. 'dates.revised'); empty values are skipped."""
        if value is None or value == "":
            return
        *parents, leaf = path.split(".")
        target = self._values
        for name in parents:
            target = target[name]
        target[leaf] = value
        self._origin(path, source)

    def claim(self, jurisdiction: Jurisdiction | None) -> None:
        """Whose spec this is, replacing the template's default (`set` skips None: a
        forced template's jurisdiction must give way to 'unknown' too)."""
        self._values["jurisdiction"] = jurisdiction.model_dump() if jurisdiction else None

    def has(self, path: str) -> bool:
        target: Any = self._values
        for name in path.split("."):
            target = target.get(name) if isinstance(target, dict) else None
        return target not in (None, [], {})

    def add(self, path: str, value: Any, source: Source = None, **part_sources: Source) -> None:
        """Append to a list field. `part_sources` name the lines of sub-fields,
        e.g. `category=piece` gives provenance for 'duties[3].category'."""
        if (
            value is None
            or value == ""
            or (isinstance(value, dict) and not value.get("text", value.get("name")))
        ):
            return
        target = self._values
        *parents, leaf = path.split(".")
        for name in parents:
            target = target[name]
        target[leaf].append(value)
        item_path = f"{path}[{len(target[leaf]) - 1}]"
        self._origin(item_path, source)
        for part, part_source in part_sources.items():
            if isinstance(value, dict) and value.get(part) not in (None, ""):
                self._origin(f"{item_path}.{part}", part_source)

    def other(self, heading: Piece | str | None, body: Piece) -> None:
        """File a part of the document that no field takes. A heading given as a Piece
        (taken from the document) gets its own span, 'other_sections[i].heading'; a str
        is a label the parser chose and has none."""
        heading_text = heading.text if isinstance(heading, Piece) else heading
        if isinstance(heading, Piece):
            self.use(heading)
        if not body.text:
            return
        heading_source = heading if isinstance(heading, Piece) else None
        self.add(
            "other_sections",
            {"heading": heading_text or None, "text": body.text},
            body,
            heading=heading_source,
        )

    def extend(self, path: str, piece: Piece, sep: str = " ") -> None:
        """Append text to a value already set: a scalar ('summary') or a list item
        ('knowledge[3]', its 'text'); the item keeps the lines of both parts."""
        if not piece.text:
            self.use(piece)
            return
        container, key = self._slot(path)
        current = container[key]
        if isinstance(current, dict):
            container, key, current = current, "text", current["text"]
        container[key] = f"{current}{sep}{piece.text}" if current else piece.text
        self._origins[path] = (*self._origins.get(path, ()), *piece.lines)
        self.use(piece)

    def dedupe(self, list_path: str) -> None:
        """Keep the first of equal list items; it cites the lines of all of them."""
        _, items = self._list(list_path)
        first_of: dict[str, int] = {}
        mapping: dict[int, int] = {}
        kept: list[Any] = []
        for index, item in enumerate(items):
            key = repr(item)
            if key not in first_of:
                first_of[key] = len(kept)
                kept.append(item)
            mapping[index] = first_of[key]
        items[:] = kept
        self._renumber(list_path, mapping)

    def _slot(self, path: str) -> tuple[Any, Any]:
        found = _LIST_ITEM.fullmatch(path) if path.endswith("]") else None
        if found:
            _, items = self._list(found.group("list"))
            return items, int(found.group("index"))
        *parents, leaf = path.split(".")
        target = self._values
        for name in parents:
            target = target[name]
        return target, leaf

    def _list(self, list_path: str) -> tuple[Any, list[Any]]:
        container, key = self._slot(list_path)
        return container, container[key]

    def _renumber(self, list_path: str, mapping: dict[int, int]) -> None:
        """Move the origins of 'list_path[i]' and its parts to 'list_path[mapping[i]]';
        when several items map to one, their lines are merged."""
        pattern = re.compile(rf"{re.escape(list_path)}\[(\d+)\](.*)")
        moved: dict[str, tuple[Line, ...]] = {}
        for path in [p for p in self._origins if pattern.fullmatch(p)]:
            found = pattern.fullmatch(path)
            assert found is not None
            lines = self._origins.pop(path)
            target = mapping.get(int(found.group(1)))
            if target is not None:
                new_path = f"{list_path}[{target}]{found.group(2)}"
                moved[new_path] = (*moved.get(new_path, ()), *lines)
        self._origins.update(moved)

    def cite(self, path: str, source: Source) -> None:
        """Give a part of a value set whole its own lines ('salary[1].min')."""
        self._origin(path, source)

    def warn(self, message: str) -> None:
        if message not in self._values["warnings"]:
            self._values["warnings"].append(message)

    def doubt(self, message: str, sureness: float) -> None:
        """A warning that also lowers the record's confidence (times `sureness`): the
        record was read, but something a user relies on is missing or guessed."""
        if message not in self._values["warnings"]:
            self._values["warnings"].append(message)
            self._sureness *= sureness

    def _origin(self, path: str, source: Source) -> None:
        lines = source_lines(source)
        if lines:
            self._origins[path] = lines
            self._used.update(map(_NUMBER, lines))

    def copy(self) -> RecordBuilder:
        """An independent builder with the same values so far (each class of a series
        starts from what was read before the classes were known)."""
        twin = RecordBuilder(self.doc, self.parser_id)
        twin._values = copy.deepcopy(self._values)
        twin._origins = dict(self._origins)
        twin._used = set(self._used)
        twin._sureness = self._sureness
        return twin

    # -- finishing ------------------------------------------------------
    def build(self, *, provenance: bool = False, confidence: float | None = None) -> ClassSpec:
        data = dict(self._values)
        data["source"] = {
            "path": self.doc.path,
            "sha256": self.doc.sha256,
            "format": self.doc.format,
            "parser": self.parser_id,
            "confidence": None if confidence is None else round(confidence * self._sureness, 3),
            "pages": self.doc.pages,
        }
        # Values well-formed but implausible (pay no job pays, dates out of order) are
        # flagged here, on the values as built, before the one validation.
        flagged = [str(finding) for finding in check(data)]
        data["warnings"] = [
            *self.doc.warnings,
            *data["warnings"],
            *(f for f in flagged if f not in data["warnings"]),
        ]
        if provenance:
            data["provenance"] = {
                path: [span.model_dump() for span in spans(lines)]
                for path, lines in sorted(self._origins.items(), key=lambda kv: _path_key(kv[0]))
            }
        return ClassSpec.model_validate(data)


def _path_key(path: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", path) if p)


def unused_blocks(doc: Document, used: set[int]) -> list[tuple[Line | None, list[Line]]]:
    """Runs of content lines no builder used, each with the nearest heading above it."""
    blocks: list[tuple[Line | None, list[Line]]] = []
    last_heading: Line | None = None
    current: list[Line] = []
    for line in doc.lines:
        if line.number in used or line.blank:
            if current and line.number in used:
                blocks.append((last_heading, current))
                current = []
            if line.number in used and not line.blank and is_block_heading(line.stripped):
                last_heading = line
            continue
        current.append(line)
    if current:
        blocks.append((last_heading, current))
    return blocks


def finish_records(
    builders: Iterable[RecordBuilder], *, provenance: bool = False, confidence: float | None = None
) -> list[ClassSpec]:
    """Build the records of one document; lines none of them used go to other_sections
    of each (for a series they are shared text). The document-wide facts are read
    last, before the one validation: they read lines without taking them, so a line
    they cite is still filed with its full text."""
    from classspec.document_facts import complete  # it reads builders: imported when used

    builders = list(builders)
    if not builders:
        return []
    used = set().union(*(b.used_lines for b in builders))
    leftovers = unused_blocks(builders[0].doc, used)
    for builder in builders:
        for heading_line, block in leftovers:
            heading = (
                Piece(collapse(heading_line.stripped.rstrip(":")), (heading_line,)) if heading_line else None
            )
            builder.other(heading, text_block(block))
    complete(builders[0].doc, builders)
    return [builder.build(provenance=provenance, confidence=confidence) for builder in builders]
