"""Write the Markdown and Word copies of a real Los Angeles bulletin in tests/cases/.

The source is tests/cases/la-1119-accounting-records-supervisor.txt (plain text as the
City publishes it). Its headings in capitals become Markdown `##` / Word "Heading 1",
its title the document title (`#` / "Title"), numbered notes list items ("1." /
"List Number"), the rest paragraphs: the same bulletin as an HR office would keep it in
Markdown or Word. Run: python scripts/make_case_fixtures.py
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import docx

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"
SOURCE = CASES / "la-1119-accounting-records-supervisor.txt"
_NUMBERED = re.compile(r"(\d{1,2})\.\s+(.*)")


def structure(text: str) -> list[tuple[str, str]]:
    """(kind, text) per paragraph: title, h1, item or text."""
    blocks: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        numbered = _NUMBERED.fullmatch(line)
        if not blocks:
            blocks.append(("title", line))
        elif numbered:
            blocks.append(("item", numbered.group(2)))
        elif line.upper() == line and any(ch.isalpha() for ch in line) and len(line) < 60:
            blocks.append(("h1", line.rstrip(":")))
        else:
            blocks.append(("text", line))
    return blocks


def write_markdown(blocks: list[tuple[str, str]], path: Path) -> None:
    out: list[str] = []
    number = 0
    for kind, text in blocks:
        number = number + 1 if kind == "item" else 0
        mark = {"title": "# ", "h1": "## ", "item": f"{number}. ", "text": ""}[kind]
        if out and not (kind == "item" and number > 1):
            out.append("")
        out.append(mark + text)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_docx(blocks: list[tuple[str, str]], path: Path) -> None:
    document = docx.Document()
    styles = {"title": "Title", "h1": "Heading 1", "item": "List Number", "text": None}
    for kind, text in blocks:
        document.add_paragraph(text, style=styles[kind])
    # A fixed date keeps the file byte-identical between runs.
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2024, 1, 1)
    document.save(path)


def main() -> None:
    blocks = structure(SOURCE.read_text(encoding="utf-8"))
    write_markdown(blocks, SOURCE.with_suffix(".md"))
    write_docx(blocks, SOURCE.with_suffix(".docx"))


if __name__ == "__main__":
    main()
