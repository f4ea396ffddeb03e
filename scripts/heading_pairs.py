"""Write data/heading_pairs.tsv: every heading line of every corpus and golden file, with
the field its section fills, its typography and its family (for leave-one-family-out).

A heading line is one the generic engine finds (vocabulary or typography) or one the
typography sets as a heading (generic/heading_model.heading_like). Its field is, first,
the hand label of HAND_LABELS when one matches (headings the engine files wrong or does
not know), else the key of the template parser that reads the document (mapped to the
generic family keys), else the generic vocabulary's family, else 'other' (a section no
field takes). Lines the records use as their title are left out.

    python scripts/heading_pairs.py            # writes data/heading_pairs.tsv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from classspec.api import parse_document, read_file
from classspec.detect import detect
from classspec.document import collapse
from classspec.errors import ClassSpecError
from classspec.parsers import aptitudes, chicago, norfolk, philadelphia, sucss
from classspec.parsers.generic.heading_model import clean, cues_of, heading_like
from classspec.parsers.generic.headings import find_heading, split_long_lines
from classspec.parsers.generic.labels import label_line
from classspec.sections import match_heading

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "data" / "heading_pairs.tsv"
SUFFIXES = {".txt", ".md", ".htm", ".html", ".pdf", ".docx"}

# Template section keys -> the generic families (None: not a section heading).
TEMPLATE_FIELDS: dict[str, tuple[tuple, dict[str, str | None]]] = {
    "philadelphia": (
        philadelphia.HEADINGS,
        {
            "summary": "summary",
            "allocating": "distinguishing",
            "duties": "duties",
            "ksa": "ksa",
            "abilities": "abilities",
            "qualifications": "qualifications",
            "physical": "physical",
            "licenses": "licenses",
            "end": None,
            "history": "other",
        },
    ),
    "norfolk": (
        norfolk.HEADINGS,
        {
            "title": None,
            "code": None,
            "pay_grade": None,
            "flsa": None,
            "summary": "summary",
            "duties": "duties",
            "requirements": "qualifications",
            "strength": "physical",
            "physical": "physical",
            "equipment": "equipment",
            "environment": "working_conditions",
            "location": "working_conditions",
            "protective": "equipment",
            "nonphysical": "other_requirements",
        },
    ),
    "chicago": (
        chicago.HEADINGS,
        {
            "summary": "summary",
            "duties": "duties",
            "qualifications": "qualifications",
            "working_conditions": "working_conditions",
            "equipment": "equipment",
            "physical": "physical",
            "ksa": "ksa",
        },
    ),
    "aptitudes": (
        aptitudes.HEADINGS,
        {
            "summary": "summary",
            "essential": "duties",
            "additional": "additional_duties",
            "qualifications": "qualifications",
            "licenses": "licenses",
            "ksa": "ksa",
            "aptitudes": "other_requirements",
            "ada": "physical",
        },
    ),
    "sucss": (
        sucss.HEADINGS,
        {"narrative": "summary", "qualifications": "qualifications", "promotional_line": "other"},
    ),
}

# Hand labels, tried on the cleaned lower-case heading before anything else: headings of
# job postings and job descriptions that the vocabulary does not know or files wrong.
HAND_LABELS: tuple[tuple[str, str], ...] = (
    # What is wished for, not required: no field takes it (other_sections, under its heading).
    (
        r"(?:nice|good) to have|bonus points|(?:preferred|desired|desirable) (?:qualifications?|skills)"
        r"|(?:additional )?desirable (?:qualifications?|characteristics)|desirable(?: criteria| experience)?"
        r"|the preferred candidate (?:should|will|must) (?:possess|have).*",
        "other",
    ),
    (
        r"what (?:can|will) i expect to do(?: in this role)?|what you(?:'ll| will) be doing"
        r"|in this (?:job|role) you(?:'ll| will)|the post ?holder'?s? main (?:tasks|duties)(?: are)?"
        r"|(?:your|the|key|main|general) (?:responsibilities|duties)|what you(?:'ll| will) do|your impact"
        r"|the main duties of (?:this|the) (?:job|post|role)(?: are)?(?: to)?|main duties"
        r"|(?:you will|(?:reporting to|as an?) .{3,60}, you will)|day[- ]to[- ]day|key (?:tasks|activities)"
        r"|what the job involves|duties may include.*|more specific .*responsibilities.*",
        "duties",
    ),
    (
        r"how do i qualify|who (?:we are|we're) looking for|what you(?:'ll| will) need|about you"
        r"|(?:what|who) we(?:'re| are) looking for|you have(?: experience with)?"
        r"|you(?:'ll| will) have|you are"
        r"|essential(?: (?:criteria|skills|experience|qualifications))?"
        r"|requirements?(?: of the job)?|qualifications?|must haves?|minimum (?:requirements|qualifications)"
        r"|minimum qualification requirements|(?:general )?qualification guidelines"
        r"|what you bring(?: to the team)?"
        r"|the successful candidate (?:should|will|must) (?:possess|have).*"
        r"|person specification|criteria",
        "qualifications",
    ),
    (
        r"(?:about|the) (?:the )?(?:role|job|position|team|opportunity)|overview"
        r"|purpose of (?:the |this )?(?:job|post|role)|job purpose|overall purpose|role purpose|summary"
        r"|(?:this role is|to be) responsible to .{3,60} (?:for|to)",
        "summary",
    ),
    # A series' purpose describes every class of the series; the class's own concept is
    # its summary (tests/unseen/expected.yaml).
    (r"series purpose", "other"),
    (r"general experience|specific experience", "experience"),
    (r"certificates?/licen[sc]es?|possession of the following certificates", "licenses"),
    (r"unusual working conditions", "working_conditions"),
    (r"behaviou?ral competencies", "ksa"),
    (r"special personal characteristics?", "other_requirements"),
    (r"salary|pay|compensation", "pay"),
    (
        r"how to apply|application process|to apply|next steps|apply|closing date|benefits"
        r"|what we offer|we offer"
        r"|why join the team|this examination is to be given.*|.*(?:promotional|open competitive) basis.*"
        r"|passing score for (?:the )?qualifying test|an equal empl\w* opp\w* em\w*",
        "bulletin",
    ),
)
# Not headings: the connectives between alternative requirements ("AND", "OR II").
_CONNECTIVE = re.compile(r"(?:and|or|either)(?:\s+[ivx]+)?", re.I)
_HAND = [(re.compile(rf"(?:{pattern})\??", re.I), field) for pattern, field in HAND_LABELS]


def families() -> list[tuple[str, list[Path]]]:
    def files(folder: Path) -> list[Path]:
        return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)

    found = [
        ("philadelphia", files(CORPUS / "philadelphia")),
        ("losangeles", files(CORPUS / "losangeles")),
        ("california", files(CORPUS / "california")),
        ("county", files(CORPUS / "other")),
        ("seeds", files(ROOT / "seeds") + files(ROOT / "tests" / "templates")),
        ("unseen", files(ROOT / "tests" / "unseen")),
    ]
    for employer in sorted(p for p in (CORPUS / "jobdocs").iterdir() if p.is_dir()):
        found.append((f"jobdocs:{employer.name}", files(employer)))
    return found


def hand_label(text: str) -> str | None:
    name = clean(text).lower().replace("\u2019", "'")
    return next((field for pattern, field in _HAND if pattern.fullmatch(name)), None)


def pairs_of(family: str, path: Path) -> list[list[str]]:
    doc = read_file(path)
    try:
        parser = detect(doc).parser
        titles = {collapse(r.title or "").lower() for r in parse_document(doc)}
    except ClassSpecError:  # refused today: its headings are pairs all the same
        parser, titles = "generic", set()
    template = TEMPLATE_FIELDS.get(parser)
    lines = split_long_lines(doc.lines)
    content = [ln for ln in lines if not ln.blank]
    rows = []
    for index, line in enumerate(content):
        following = content[index + 1] if index + 1 < len(content) else None
        found = find_heading(line)
        if found is None and not heading_like(line, following):
            continue
        name = collapse(clean(line.stripped))
        if label_line(line) is not None or name.lower() in titles or _CONNECTIVE.fullmatch(name):
            continue
        text = line.stripped
        if found is not None and found.inline is not None:
            text = text[: max(1, text.find(found.inline.text))]
        field, source = hand_label(text), "hand"
        if field is None and template is not None:
            matched = match_heading(line, template[0])
            if matched and matched[0].key in template[1]:
                field, source = template[1][matched[0].key], "template"
                if field is None:
                    continue
        if field is None and found is not None and found.key != "unknown":
            field, source = found.key, "vocabulary"
        if field is None:
            field, source = "other", "none"
        if field in ("title", "code"):
            continue  # identity comes from labels, not from section headings
        cues = cues_of(line, following, index / max(1, len(content) - 1))
        heading = collapse(text.replace("\t", " "))
        rows.append(
            [
                family,
                str(path.relative_to(CORPUS if CORPUS in path.parents else ROOT)),
                str(line.number),
                str(cues.level),
                str(int(cues.bold)),
                str(int(cues.caps)),
                str(int(cues.colon)),
                str(int(cues.question)),
                str(int(cues.list_follows)),
                f"{cues.position:.2f}",
                heading,
                field,
                source,
                # What the generic engine makes of it today: the vocabulary-only baseline.
                found.key if found is not None else "none",
            ]
        )
    return rows


COLUMNS = [
    "family",
    "count",
    "example",
    "level",
    "bold",
    "caps",
    "colon",
    "question",
    "list_follows",
    "position",
    "heading",
    "field",
    "source",
    "engine",
]


def merged(rows: list[list[str]]) -> list[list[str]]:
    """One row per family, typography, position (in tenths) and heading, with how many
    times it occurs and the first file:line that has it."""
    counts: dict[tuple[str, ...], list[str]] = {}
    for family, file, line, *cues, position, heading, field, source, engine in rows:
        key = (family, *cues, f"{float(position):.1f}", heading, field, source, engine)
        if key in counts:
            counts[key][1] = str(int(counts[key][1]) + 1)
        else:
            counts[key] = [family, "1", f"{file}:{line}", *key[1:]]
    return list(counts.values())


def main() -> None:
    rows: list[list[str]] = []
    for family, paths in families():
        for path in paths:
            try:
                rows.extend(pairs_of(family, path))
            except ClassSpecError as error:
                print(f"skipped {path}: {error}", file=sys.stderr)
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows(merged(rows))
    print(f"{len(rows)} pairs -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
