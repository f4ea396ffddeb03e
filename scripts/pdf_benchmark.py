"""PDF throughput and memory: pages per second and peak memory of `classspec parse`.

    .venv/bin/python scripts/pdf_benchmark.py [--long-pages 400]

Runs the installed CLI (what a user runs) as a subprocess and samples the resident
memory of it and its worker processes with psutil every 10 ms:
- on the fixture PDFs under tests/pdf/ (the broken ones left out), --jobs 1 and 2;
- on long PDFs made by concatenating the fixtures (with pypdfium2, which pdfplumber
  already depends on) to about 100 and `--long-pages` pages, --jobs 1 and 2. Memory
  is flat when the long file's peak is close to the short one's.
The long PDFs are written to a temporary folder, not to the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "pdf"


@dataclass
class Run:
    label: str
    files: int
    pages: int
    jobs: int
    seconds: float
    peak_mb: float
    exit_code: int

    def row(self) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        return (
            f"{self.label:34} {self.files:5} {self.pages:6} {self.jobs:4} "
            f"{self.seconds:8.2f} {rate:9.1f} {self.peak_mb:9.1f} {self.exit_code:4}"
        )


def fixture_pdfs() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.pdf") if "bad" not in p.parts)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def concatenate(sources: list[Path], target: Path, min_pages: int) -> int:
    """Append the sources again and again until the result has at least `min_pages`."""
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    while len(merged) < min_pages:
        for source in sources:
            document = pdfium.PdfDocument(str(source))
            merged.import_pages(document)
            document.close()
            if len(merged) >= min_pages:
                break
    merged.save(str(target))
    pages = len(merged)
    merged.close()
    return pages


def measure(label: str, files: list[Path], pages: int, jobs: int, classspec: str) -> Run:
    command = [
        classspec,
        "parse",
        "-f",
        "jsonl",
        "--jobs",
        str(jobs),
        "--max-pages",
        "1000",
        *map(str, files),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    return Run(label, len(files), pages, jobs, seconds, peak / 2**20, process.returncode)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--long-pages", type=int, default=400, help="pages of the longest PDF (default 400)")
    args = parser.parse_args()
    classspec = shutil.which("classspec", path=os.path.dirname(sys.executable)) or shutil.which("classspec")
    if not classspec:
        sys.exit("the classspec console script is not installed (pip install -e .[dev])")
    fixtures = fixture_pdfs()
    fixture_pages = sum(page_count(p) for p in fixtures)
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as folder:
        long_files = []
        for wanted in sorted({100, args.long_pages}):
            target = Path(folder) / f"concatenated-{wanted}.pdf"
            long_files.append((target, concatenate(fixtures, target, wanted)))
        for jobs in (1, 2):
            runs.append(measure("fixtures (one file each)", fixtures, fixture_pages, jobs, classspec))
            for target, pages in long_files:
                runs.append(measure(f"one concatenated PDF, {pages} pages", [target], pages, jobs, classspec))
    header = ("input", "files", "pages", "jobs", "seconds", "pages/s", "peak MB", "exit")
    print("{:34} {:>5} {:>6} {:>4} {:>8} {:>9} {:>9} {:>4}".format(*header))
    for run in runs:
        print(run.row())


if __name__ == "__main__":
    main()
