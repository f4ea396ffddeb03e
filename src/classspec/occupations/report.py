"""`classspec soc`: suggestions for titles or parsed classes, as text (a table on a
terminal) or JSON. Reading the files is the CLI's business; this module gets records."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from classspec.occupations import WITHHELD, wages_withheld
from classspec.occupations.match import Subject, Suggestion, suggest
from classspec.occupations.wages import area_for, government_wages, market_wages, resolve_area


@dataclass(slots=True)
class Answer:
    input: str
    title: str | None
    class_code: str | None
    suggestions: list[Suggestion]
    wages: list | None = None  # MarketWages: the area's, then government employers' nationally
    withheld: list[str] | None = None  # why no wages are given (unsure match, foreign pay)

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
            if self.withheld:
                data["warnings"] = list(self.withheld)
        return data


def answer_title(title: str, *, wages: bool, area: str | None, top: int) -> Answer:
    """Suggestions for a job title alone."""
    suggestions = suggest(Subject(title=title), top)
    answer = Answer(title, title, None, suggestions)
    if wages:
        _add_wages(answer, None, area)
    return answer


def answer_record(source: str, record, *, wages: bool, area: str | None, top: int) -> Answer:
    """Suggestions for a parsed class (the CLI reads the file)."""
    suggestions = suggest(Subject.of(record), top)
    answer = Answer(source, record.title, record.class_code, suggestions)
    if wages:
        _add_wages(answer, record, area)
    return answer


def _add_wages(answer: Answer, record, area: str | None) -> None:
    """The first suggestion's wages, as `enrich` gives them (a sure match, pay in US
    dollars or an area named); else none, and why."""
    answer.withheld = wages_withheld(answer.suggestions, record, area)
    jurisdiction = record.jurisdiction if record is not None else None
    answer.wages = [] if answer.withheld else _wages(answer.suggestions[0].code, jurisdiction, area)


def _wages(code: str, jurisdiction, area: str | None) -> list:
    state = jurisdiction is not None and jurisdiction.name.lower().startswith("state")
    found = [
        market_wages(code, resolve_area(area) if area else area_for(jurisdiction)),
        government_wages(code, state_government=state),
    ]
    return [w for w in found if w is not None]


def show(answers: list[Answer], fmt: str) -> None:
    """Text answers as they come; JSON all at once (call with the whole list)."""
    if fmt == "json":
        print(json.dumps([a.to_dict() for a in answers], indent=2, ensure_ascii=False))
        return
    for answer in answers:
        _show(answer)


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
    for reason in answer.withheld or []:
        print(f"  wages: none given ({reason.removeprefix(WITHHELD)})")
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
    for reason in answer.withheld or []:
        console.print(f"wages: none given ({reason.removeprefix(WITHHELD)})", highlight=False)
