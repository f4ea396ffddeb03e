"""RTF and OpenDocument specs read as their text is, and old binary .doc refused with
the command that converts it. The documents are the Chattanooga seed written out in
each format (the way a word processor saves it: RTF escapes, ODF paragraphs)."""

from __future__ import annotations

import json

from cli_helpers import error_lines, run
from conftest import SEEDS

CHATTANOOGA = SEEDS / "chattanooga-2108-customer-service-coordinator.txt"
SAME = (
    "class_code",
    "title",
    "summary",
    "duties",
    "knowledge",
    "skills",
    "abilities",
    "minimum_qualifications",
)


def _rtf(text: str) -> str:
    def escape(line: str) -> str:
        out = []
        for ch in line:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch)}?")
            else:
                out.append(ch)
        return "".join(out)

    body = "".join(escape(line) + "\\par\n" for line in text.split("\n"))
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;}\\f0\\fs22\n"
        + body
        + "}"
    )


def _record(classspec_bin, path) -> dict:
    result = run(classspec_bin, "parse", path)
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    return record


def test_rtf_reads_as_its_text(classspec_bin, tmp_path):
    spec = tmp_path / "chattanooga.rtf"
    spec.write_text(_rtf(CHATTANOOGA.read_text()), encoding="ascii")
    record, plain = _record(classspec_bin, spec), _record(classspec_bin, CHATTANOOGA)
    assert record["source"]["format"] == "rtf"
    assert record["title"] == "Customer Service Coordinator" and len(record["duties"]) > 10
    assert {k: record[k] for k in SAME} == {k: plain[k] for k in SAME}


def test_odt_reads_as_its_text(classspec_bin, tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    for line in CHATTANOOGA.read_text().split("\n"):
        document.text.addElement(P(text=line))
    document.text.addElement(H(outlinelevel=2, text="Revision History"))
    document.text.addElement(P(text="Revised by the City of Chattanooga."))
    spec = tmp_path / "chattanooga.odt"
    document.save(str(spec))
    record, plain = _record(classspec_bin, spec), _record(classspec_bin, CHATTANOOGA)
    assert record["source"]["format"] == "odt"
    assert {k: record[k] for k in SAME} == {k: plain[k] for k in SAME}
    assert any("Revised by the City of Chattanooga." in s["text"] for s in record["other_sections"])


def test_old_word_doc_is_refused_with_the_conversion_command(classspec_bin, tmp_path):
    spec = tmp_path / "old.doc"
    spec.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    result = run(classspec_bin, "parse", spec)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["path"] == str(spec)
    assert "soffice --headless --convert-to docx" in match["reason"]


def test_one_enormous_line_is_refused_at_once(classspec_bin, tmp_path):
    """A file that is one line of megabytes (a dump, minified data) would take the
    line engine minutes: refused with the bound named (readers.MAX_LINE_CHARS)."""
    from classspec.readers import MAX_LINE_CHARS

    line = CHATTANOOGA.read_text().replace("\n", " ")
    spec = tmp_path / "one-line.txt"
    spec.write_text((line * (MAX_LINE_CHARS // len(line) + 2))[: MAX_LINE_CHARS + 1000])
    result = run(classspec_bin, "parse", spec, timeout=60)
    assert result.returncode == 1
    (match,) = error_lines(result.stderr)
    assert match["reason"].startswith(
        f"line 1 is {MAX_LINE_CHARS + 1000} characters long (limit {MAX_LINE_CHARS})"
    )
