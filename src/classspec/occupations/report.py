"""`classspec soc`: suggestions for titles or spec files, as text (a table on a terminal)
or JSON."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from classspec.occupations.match import Subject, Suggestion, suggest
from classspec.occupations.wages import area_for, government_wages, market_wages, resolve_area


@dataclass(slots=True)
class Answer:
    input: str
    title: str | None
    class_code: str | None
    suggestions: list[Suggestion]
    wages: list = None  # MarketWages: the area's, then government employers' nationally

    def to_dict(self) -> dict:
        data = {
            "input": self.input,
            "title": self.title,
            "class_code": self.class_code,
            "soc": [
                {"code": s.code, "title": s.title, "score": s.score, "evidence": s.evidence}
                for s in self.suggestions
            ],
        }
        if self.wages is not None:
            data["market_wages"] = [w.model_dump(mode="json") for w in self.wages]
        return data


def _answers(item: str, wages: bool, area: str | None, top: int) -> list[Answer]:
    from classspec.api import parse_file
    from classspec.batch import expand

    if not os.path.exists(item):
        suggestions = suggest(Subject(title=item), top)
        answer = Answer(item, item, None, suggestions)
        if wages:
            answer.wages = _wages(suggestions, None, area)
        return [answer]
    answers = []
    for path in expand([item]).files:
        for record in parse_file(path):
            suggestions = suggest(Subject.of(record), top)
            answer = Answer(path, record.title, record.class_code, suggestions)
            if wages:
                answer.wages = _wages(suggestions, record.jurisdiction, area)
            answers.append(answer)
    return answers


def _wages(suggestions: list[Suggestion], jurisdiction, area: str | None) -> list:
    if not suggestions:
        return []
    code = suggestions[0].code
    state = jurisdiction is not None and jurisdiction.name.lower().startswith("state")
    found = [
        market_wages(code, resolve_area(area) if area else area_for(jurisdiction)),
        government_wages(code, state_government=state),
    ]
    return [w for w in found if w is not None]


def suggest_for(
    items: list[str], *, fmt: str, wages: bool, area: str | None, top: int, error: Callable[[str], None]
) -> bool:
    """Print the suggestions for each item; True if some item could not be read."""
    from classspec.errors import ClassSpecError
    from classspec.readers import display_path

    failed = False
    answers: list[Answer] = []
    for item in items:
        try:
            found = _answers(item, wages, area, top)
        except ClassSpecError as exc:
            error(str(exc) if exc.path else f"{display_path(item)}: {exc.reason}")
            failed = True
            continue
        if fmt == "json":
            answers.extend(found)
        else:
            for answer in found:
                _show(answer)
    if fmt == "json":
        print(json.dumps([a.to_dict() for a in answers], indent=2, ensure_ascii=False))
    return failed


def _money(value) -> str:
    return "n/a" if value is None else f"${value:,}"


def _wage_lines(wages) -> list[str]:
    lines = []
    for w in wages:
        lines.append(
            f"{w.soc_code} in {w.area_name}, {w.industry} ({w.release}): median {_money(w.annual_median)}, "
            f"10th-90th percentile {_money(w.annual_p10)}-{_money(w.annual_p90)}, "
            f"hourly mean {'n/a' if w.hourly_mean is None else f'${w.hourly_mean:.2f}'}, "
            f"employment {'n/a' if w.employment is None else f'{w.employment:,}'}"
        )
    return lines


def _heading(answer: Answer) -> str:
    name = answer.title or "(no title)"
    code = f" [{answer.class_code}]" if answer.class_code else ""
    return name + code + ("" if answer.input == answer.title else f"  {answer.input}")


def _show(answer: Answer) -> None:
    if sys.stdout.isatty():
        _show_table(answer)
        return
    print(_heading(answer))
    for s in answer.suggestions:
        print(f"  {s.code}  {s.score:.3f}  {s.title}")
        print(f"      {s.evidence}")
    for line in _wage_lines(answer.wages or []):
        print(f"  wages: {line}")
    print()


def _show_table(answer: Answer) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=_heading(answer), title_justify="left", show_lines=True)
    for name in ("SOC", "occupation", "score", "evidence"):
        table.add_column(name, overflow="fold")
    for s in answer.suggestions:
        table.add_row(s.code, s.title, f"{s.score:.3f}", s.evidence)
    console = Console()
    console.print(table)
    for line in _wage_lines(answer.wages or []):
        console.print(f"wages: {line}", highlight=False)
