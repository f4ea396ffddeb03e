"""PDF throughput and memory, in one run: pages per second of PDFium's raw text, of
the PDFium engine and of the pdfplumber engine, peak memory, and --jobs 1 vs 2.

    .venv/bin/python scripts/pdf_benchmark.py [--copies 4] [--long-pages 400]

1. Engines, in this process, on the fixture PDFs under tests/pdf/ (the broken ones
   left out): CPU seconds (process time, so that other load on the machine does not
   count) for pypdfium2's raw page text, `read_pdf` with each engine (run in-process,
   as the helper process would run it), and the PDFium engine as users get it (in its
   helper process: wall time).
2. The CLI (what a user runs, `classspec parse -f jsonl`) as a subprocess on a folder
   holding `--copies` copies of the fixtures, --jobs 1 and 2, per engine: wall seconds,
   pages/s, the speed-up of 2 workers, the peak resident memory of the process and its
   children, and their CPU seconds (both sampled with psutil every 10 ms). On a busy
   machine the wall-clock speed-up says little: it is printed next to what two plain
   CPU-bound processes reach at the same time, and the CPU seconds show whether 2
   workers do the same work as 1.
3. Memory against page count: the CLI on one PDF made by concatenating the fixtures to
   about 100 and `--long-pages` pages (pypdfium2). Memory is flat when the long file's
   peak is close to the short one's.
Temporary files go to a temporary folder, not to the repository.
"""

from __future__ import annotations

import argparse
import contextlib
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
ENGINES = ("pdfium", "pdfplumber")


@dataclass
class Run:
    label: str
    files: int
    pages: int
    jobs: int
    seconds: float
    peak_mb: float
    exit_code: int
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        return (
            f"{self.label:44} {self.files:5} {self.pages:6} {self.jobs:4} "
            f"{self.seconds:8.2f} {self.rate:9.1f} {self.peak_mb:9.1f} {self.cpu:7.2f} {self.exit_code:4}"
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


def raw_text(data: bytes) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def cpu_seconds(function, datas: list[tuple[str, bytes]], rounds: int = 3) -> float:
    """The best of `rounds` runs over all files (CPU time of this process)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for name, data in datas:
            function(name, data)
        best = min(best, time.process_time() - started)
    return best


def engines_in_process(files: list[Path], pages: int) -> None:
    from classspec.readers.pdf import read_pdf
    from classspec.readers.pdf_isolation import IN_PROCESS

    datas = [(str(p), p.read_bytes()) for p in files]
    raw = cpu_seconds(lambda name, data: raw_text(data), datas)
    os.environ[IN_PROCESS] = "1"
    try:
        pdfium = cpu_seconds(lambda name, data: read_pdf(data, name, "", engine="pdfium"), datas)
        plumber = cpu_seconds(lambda name, data: read_pdf(data, name, "", engine="pdfplumber"), datas, 1)
    finally:
        del os.environ[IN_PROCESS]
    read_pdf(datas[0][1], datas[0][0], "", engine="pdfium")  # start the helper process
    started = time.perf_counter()
    for name, data in datas:
        read_pdf(data, name, "", engine="pdfium")
    helper = time.perf_counter() - started
    print(f"1. engines in this process: {len(files)} fixture PDFs, {pages} pages (CPU s, best of 3)")
    timings = (("pypdfium2 raw text", raw), ("PDFium engine", pdfium), ("pdfplumber engine", plumber))
    for label, seconds in timings:
        print(f"   {label:44} {seconds:7.2f} s {pages / seconds:8.1f} pages/s  {seconds / raw:5.1f}x raw")
    print(f"   {'PDFium engine in its helper (wall s)':44} {helper:7.2f} s {pages / helper:8.1f} pages/s")


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


def measure(label: str, inputs: list[Path], files: int, pages: int, jobs: int, engine: str, cli: str) -> Run:
    command = [cli, "parse", "-f", "jsonl", "--jobs", str(jobs), "--max-pages", "1000"]
    command += ["--pdf-engine", engine, *map(str, inputs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = 0
    cpu: dict[int, float] = {}  # per process of the tree: its CPU seconds when last seen
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            rss = 0
            for member in tree:
                with contextlib.suppress(psutil.Error):
                    rss += member.memory_info().rss
                    times = member.cpu_times()
                    cpu[member.pid] = times.user + times.system
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    return Run(label, files, pages, jobs, seconds, peak / 2**20, process.returncode, sum(cpu.values()))


def _spin(_: int = 0) -> None:
    total = 0
    for number in range(3_000_000):
        total += number


def machine_parallelism() -> float:
    """How much faster two CPU-bound processes finish together than one after the other
    on this machine right now (2.0 on two idle cores): what --jobs 2 can reach at most."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, range(2)))  # workers started
        started = time.perf_counter()
        for _ in range(2):
            pool.submit(_spin).result()
        serial = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_spin, range(2)))
        parallel = time.perf_counter() - started
    return serial / parallel


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=4, help="copies of the fixtures in the folder (4)")
    parser.add_argument("--long-pages", type=int, default=400, help="pages of the longest PDF (400)")
    args = parser.parse_args()
    cli = shutil.which("classspec", path=os.path.dirname(sys.executable)) or shutil.which("classspec")
    if not cli:
        sys.exit("the classspec console script is not installed (pip install -e .[dev])")
    fixtures = fixture_pdfs()
    fixture_pages = sum(page_count(p) for p in fixtures)
    print(f"CPUs: {os.cpu_count()}, load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    engines_in_process(fixtures, fixture_pages)
    header = ("input", "files", "pages", "jobs", "seconds", "pages/s", "peak MB", "CPU s", "exit")
    table = "   {:44} {:>5} {:>6} {:>4} {:>8} {:>9} {:>9} {:>7} {:>4}".format(*header)
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "batch"
        for copy in range(args.copies):
            for source in fixtures:
                target = batch / str(copy) / source.relative_to(FIXTURES)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        files, pages = len(fixtures) * args.copies, fixture_pages * args.copies
        print(f"\n2. the CLI on a folder of {files} PDFs ({pages} pages), wall time\n{table}")
        for engine in ENGINES:
            runs = [measure(f"folder, {engine}", [batch], files, pages, jobs, engine, cli) for jobs in (1, 2)]
            for run in runs:
                print("   " + run.row())
            print(
                f"   {'':44} --jobs 2 speed-up: {runs[0].seconds / runs[1].seconds:.2f}x "
                f"(two busy processes on this machine now: {machine_parallelism():.2f}x)"
            )
        print(f"\n3. memory against page count (PDFium engine, --jobs 1)\n{table}")
        for wanted in sorted({100, args.long_pages}):
            target = Path(folder) / f"concatenated-{wanted}.pdf"
            count = concatenate(fixtures, target, wanted)
            run = measure(f"one concatenated PDF, {count} pages", [target], 1, count, 1, "pdfium", cli)
            print("   " + run.row())


if __name__ == "__main__":
    main()
