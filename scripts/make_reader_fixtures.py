"""Write the Markdown and Word fixtures of tests/readers/ from a real county spec.

The source is the Ventura County spec in ../shared/corpus/other (plain text, one
paragraph a line). Its section headings become Markdown `##` / Word "Heading 1", its
labelled sub-headings ("Physical Demands:") `###` / "Heading 2", the lines after
"Duties may include ... following:" list items, and the class title (which the text
export carries only in its file name) the document title, as an HR office's own copy
would have it. Run: python scripts/make_reader_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

import docx

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "other"
SOURCE = CORPUS / "ventura-county-ca-09111-apcd-public-information-specialist.txt"
OUT = REPO / "tests" / "readers"
TITLE = "APCD Public Information Specialist"
CODE = "Class No. 09111"


def structure(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) per line: title, code, h1, h2, item or text."""
    blocks = [("title", TITLE), ("text", CODE)]
    in_list = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        short = len(line) < 60 and not line.endswith(".")
        if short and line.endswith(":") and not line.startswith("Duties may"):
            blocks.append(("h2", line))
            in_list = False
        elif short and not line.endswith(":"):
            blocks.append(("h1", line))
            in_list = False
        elif line.startswith("Duties may include"):
            blocks.append(("text", line))
            in_list = True
        else:
            blocks.append(("item" if in_list else "text", line))
    return blocks


def write_markdown(blocks: list[tuple[str, str]], path: Path) -> None:
    marks = {"title": "# ", "h1": "## ", "h2": "### ", "item": "- ", "text": ""}
    out: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        previous = blocks[i - 1][0] if i else None
        if out and not (kind == "item" and previous == "item"):
            out.append("")
        out.append(marks[kind] + text)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_docx(blocks: list[tuple[str, str]], path: Path) -> None:
    document = docx.Document()
    styles = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "item": "List Bullet", "text": None}
    for kind, text in blocks:
        document.add_paragraph(text, style=styles[kind])
    document.core_properties.author = "classspec test fixture"
    document.save(path)


def main() -> None:
    blocks = structure(SOURCE.read_text(encoding="utf-8").splitlines())
    OUT.mkdir(parents=True, exist_ok=True)
    write_markdown(blocks, OUT / "ventura-09111.md")
    write_docx(blocks, OUT / "ventura-09111.docx")


if __name__ == "__main__":
    main()
