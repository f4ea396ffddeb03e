"""Regenerate the PDF fixtures under tests/pdf/ (needs LibreOffice; CI does not).

    apt-get install -y libreoffice-writer-nogui
    .venv/bin/pip install pypdf          # only for the encrypted fixtures
    .venv/bin/python scripts/make_pdf_fixtures.py
    .venv/bin/python scripts/make_pdf_fixtures.py --sample 40 /tmp/sample   # not committed

What it makes (sources are committed beside the PDFs, so each PDF can be compared
with the document it was rendered from):
- tests/pdf/seeds/*.pdf: the five seeds rendered as plain text (tabs become tab stops);
- tests/pdf/tables/norfolk-customer-service-supervisor.{html,pdf}: the Norfolk seed
  laid out with real HTML tables, so the PDF has ruled tables;
- tests/pdf/paged/philadelphia-6j27-paged.{html,pdf}: the Philadelphia seed with a
  running header and a page-number footer, long enough that page breaks fall inside
  its lists;
- tests/pdf/philadelphia/*.{htm,pdf}: a spread of corpus files, rendered by LibreOffice;
- tests/pdf/losangeles/*.{txt,pdf} and tests/pdf/other/*.{txt,pdf}: a spread of the Los
  Angeles bulletins and the county specs, printed as plain text (what a user gets from
  "print to PDF"): no spacing between paragraphs, headings only on lines of their own;
  and *-serif.{html,pdf}: the same text set in a proportional font, line by line;
- tests/pdf/encrypted/chicago-7401-customer-services-supervisor.pdf: encrypted with an
  empty user password (opens without asking, so it must read like the seed);
- tests/pdf/bad/*.pdf: encrypted with a real password, corrupt, truncated, a
  decompression bomb, and one with no text layer.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "pdf"
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus" / "philadelphia"
CORPUS_SAMPLE = 8
TEXT_CORPORA = {"losangeles": 8, "other": 3}  # corpus folder: how many files to render
HTML_FILTER = "HTML (StarWriter)"  # the Writer import: pages, headers and footers as printed


def soffice(sources: list[Path], outdir: Path, infilter: str | None = None) -> None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if not binary:
        sys.exit("LibreOffice not found: apt-get install -y libreoffice-writer-nogui")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        command = [binary, f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, sources)]
        subprocess.run(command, check=True, capture_output=True)


def text_to_html(text: str, *, header: str | None = None, footer: bool = False) -> str:
    """Lay a text spec out as HTML: tab rows as ruled tables, '- ' lines as lists."""
    body: list[str] = []
    mode = None
    for raw in text.splitlines():
        line = raw.rstrip()
        kind = "table" if "\t" in line else "list" if line.lstrip().startswith("- ") else "p"
        if kind != mode and mode in ("table", "list"):
            body.append("</table>" if mode == "table" else "</ul>")
        if kind != mode and kind == "table":
            body.append('<table border="1" cellspacing="0" cellpadding="3">')
        if kind != mode and kind == "list":
            body.append("<ul>")
        mode = kind
        if kind == "table":
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t"))
            body.append(f"<tr>{cells}</tr>")
        elif kind == "list":
            body.append(f"<li>{html.escape(line.lstrip()[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if mode in ("table", "list"):
        body.append("</table>" if mode == "table" else "</ul>")
    top = f'<div title="header"><p>{html.escape(header)}</p></div>\n' if header else ""
    bottom = (
        '<div title="footer"><p>Page <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>\n'
        if footer
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>fixture</title></head><body>\n'
        + top
        + "\n".join(body)
        + "\n"
        + bottom
        + "</body></html>\n"
    )


def make_seed_pdfs() -> None:
    soffice(sorted(SEEDS.glob("*.txt")), OUT / "seeds", infilter="Text (encoded):UTF8")


def make_table_pdf() -> None:
    target = OUT / "tables"
    target.mkdir(parents=True, exist_ok=True)
    source = target / "norfolk-customer-service-supervisor.html"
    seed = (SEEDS / "norfolk-customer-service-supervisor.txt").read_text(encoding="utf-8")
    source.write_text(text_to_html(seed), encoding="utf-8")
    soffice([source], target, HTML_FILTER)


def make_paged_pdf() -> None:
    target = OUT / "paged"
    target.mkdir(parents=True, exist_ok=True)
    source = target / "philadelphia-6j27-paged.html"
    seed = (SEEDS / "philadelphia-6j27-customer-services-manager-truncated.txt").read_text(encoding="utf-8")
    page = text_to_html(seed, header="City of Philadelphia - Customer Services Manager - 6J27", footer=True)
    source.write_text(page, encoding="utf-8")
    soffice([source], target, HTML_FILTER)


def make_corpus_pdfs() -> None:
    target = OUT / "philadelphia"
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(CORPUS.glob("*.htm*"))
    if not files:
        sys.exit(f"corpus not found at {CORPUS}")
    step = max(1, len(files) // CORPUS_SAMPLE)
    sample = files[::step][:CORPUS_SAMPLE]
    for old in target.iterdir():
        old.unlink()
    for path in sample:
        shutil.copyfile(path, target / path.name)
    soffice([target / p.name for p in sample], target, HTML_FILTER)


def make_text_corpus_pdfs() -> None:
    """Plain-text corpus files printed to PDF, under short names (class code or county
    and code), each beside a UTF-8, LF copy of the text it was printed from."""
    for folder, count in TEXT_CORPORA.items():
        target = OUT / folder
        target.mkdir(parents=True, exist_ok=True)
        for old in target.iterdir():
            old.unlink()
        files = sorted((CORPUS.parent / folder).glob("*.txt"))
        step = max(1, len(files) // count)
        copies = []
        for path in files[::step][:count]:
            data = path.read_bytes()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252", "replace")
            copy = target / f"{_short_name(path)}.txt"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            copy.write_text(text, encoding="utf-8")
            copies.append(copy)
            serif = target / f"{copy.stem}-serif.html"
            serif.write_text(_paragraphs_html(text), encoding="utf-8")
        soffice(copies, target, infilter="Text (encoded):UTF8")
        soffice(sorted(target.glob("*-serif.html")), target, HTML_FILTER)


def _paragraphs_html(text: str) -> str:
    """The text as a word processor would set it: each line a paragraph in a
    proportional font, no spacing between paragraphs, indentation gone, a run of
    three spaces or more or a tab inside a line kept as a wide gap."""
    lines = [re.split(r" {3,}|\t", line.strip()) for line in text.splitlines()]
    body = "\n".join(
        '<p style="margin-top:0;margin-bottom:0">'
        + ("&emsp;&emsp;".join(html.escape(" ".join(cell.split())) for cell in cells) or "&nbsp;")
        + "</p>"
        for cells in lines
    )
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'


def _short_name(path: Path) -> str:
    codes = re.findall(r"\b\d{4,5}\b", path.stem)
    words = re.findall(r"[a-z]+", path.stem.lower())[:3]
    return "-".join([*words, *codes[:1]])


# ---------------------------------------------------------------- bad PDFs


def raw_pdf(content: bytes, *, compress: bool = True, extra_objects: list[bytes] | None = None) -> bytes:
    """A minimal one-page PDF whose page content stream is `content`, xref included."""
    stream = zlib.compress(content, 9) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< "
        + filters
        + b"/Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(extra_objects or []),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_bad_pdfs() -> None:
    from pypdf import PdfReader, PdfWriter

    target = OUT / "bad"
    target.mkdir(parents=True, exist_ok=True)
    good_path = OUT / "seeds" / "chicago-7401-customer-services-supervisor.pdf"
    good = good_path.read_bytes()

    def encrypted(user: str, owner: str) -> bytes:
        writer = PdfWriter(
            clone_from=PdfReader(OUT / "seeds" / "chicago-7401-customer-services-supervisor.pdf")
        )
        writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
        with tempfile.TemporaryFile() as handle:
            writer.write(handle)
            handle.seek(0)
            return handle.read()

    (target / "encrypted-password.pdf").write_bytes(encrypted("s3cret", "owner-s3cret"))
    # Empty user password: opens without asking (only printing/copying is restricted).
    (OUT / "encrypted").mkdir(exist_ok=True)
    empty = OUT / "encrypted" / "chicago-7401-customer-services-supervisor.pdf"
    empty.write_bytes(encrypted("", "owner-s3cret"))
    (target / "truncated.pdf").write_bytes(good[: len(good) * 3 // 5])
    middle = len(good) // 4
    garbage = bytes((index * 37 + 11) % 256 for index in range(len(good) // 2))
    corrupt = good[:16] + garbage + good[middle + len(garbage) :]
    (target / "corrupt.pdf").write_bytes(corrupt)
    # 128 MB of blanks in one content stream, about 130 kB compressed.
    bomb = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" + b" " * (128 * 1024 * 1024)
    (target / "decompression-bomb.pdf").write_bytes(raw_pdf(bomb))
    # A page with drawing only: what a scan without OCR looks like to a text extractor.
    (target / "no-text-layer.pdf").write_bytes(raw_pdf(b"0 0 1 rg 72 72 468 648 re f\n"))


def render_corpus_sample(outdir: Path, count: int) -> None:
    """Render corpus files that are not fixtures (every 7th file, offset 3) into
    `outdir`, HTML beside PDF, for a wider agreement check than the committed eight:

        CLASSSPEC_PDF_SAMPLE=DIR pytest tests/test_pdf_agreement.py -k sample -s
    """
    outdir.mkdir(parents=True, exist_ok=True)
    fixtures = {p.name for p in (OUT / "philadelphia").glob("*.htm")}
    files = [p for p in sorted(CORPUS.glob("*.htm*"))[3::7] if p.name not in fixtures][:count]
    for path in files:
        shutil.copyfile(path, outdir / path.name)
    soffice([outdir / p.name for p in files], outdir, HTML_FILTER)
    print(f"{len(files)} corpus files rendered under {outdir}")


def main() -> None:
    if sys.argv[1:] == ["--text-corpora"]:  # only the Los Angeles and county fixtures
        make_text_corpus_pdfs()
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--sample":
        render_corpus_sample(Path(sys.argv[3]), int(sys.argv[2]))
        return
    make_seed_pdfs()
    make_table_pdf()
    make_paged_pdf()
    make_corpus_pdfs()
    make_text_corpus_pdfs()
    make_bad_pdfs()
    print(f"fixtures written under {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
