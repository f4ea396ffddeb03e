"""Philadelphia class history footers (issue 23): the dates are right whether the
entries stand one a line (the City's HTML) or run together on one line (the text layer
of a LibreOffice PDF of the same spec). Expected dates read by hand from each spec."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from classspec.api import parse_file, parse_text, read_file
from conftest import PHILADELPHIA

# code: (established, revised = CSC date of the latest revision, effective = its Ad Board date)
HAND_READ = {
    # 'Class Established - 5/1958 ... Latest Spec Revision: CSC – 12/16; Ad. Board – 1/17'
    "2f26": ("1958-05", "2016-12", "2017-01"),
    # 'Ad. Board 6/88 Spec. Revision:' and 'Ad. Board – 7/13Latest Spec. Revision:'
    "2c43": ("1988-06", "2017-11", "2017-12"),
    # The entries below follow a line no heading rule takes ('Spec. Revision and
    # Consolidation with 3C43:'), whose CSC date was read as the establishment's.
    "3c40": ("1961-02", "2010-10", "2010-11"),
    "5h15": ("1974-09", "2014-09", "2014-11"),
    "6a01": ("1989-04", "2022-04", "2022-05"),
    # 'Latest Spec. Revision and Consolidation with 1A16: CSC – 2/19' is the latest.
    "1a18": ("1994-05", "2019-02", "2019-03"),
    # 'Class Established 3/09 Spec Revision:' on one line.
    "2p09": ("2009-03", "2026-04", "2026-05"),
    # 'Class Established - 2002': a year alone.
    "7k63": ("2002", "2023-03", "2023-04"),
    # 'Latest Spec Change:' / 'Latest Spec. Change:' name a revision too.
    "1e62": ("1979-05", "2024-04", "2024-05"),
    "4d07": ("2013-05", "2018-01", "2018-02"),
}
_HISTORY_START = re.compile(
    r"^\s*(?:class(?:es)?\s+(?:re-?\s?)?established|(?:latest\s+)?spec\.?\s*rev)", re.I
)
_END = re.compile(r"^\s*END\s+OF\s+JOB", re.I)


def _spec(code: str) -> Path:
    return next(PHILADELPHIA.glob(f"{code}.htm*"))


def _history_on_one_line(path: Path) -> str:
    """The spec's text with its history footer joined into one line, as a PDF gives it."""
    texts = [line.text for line in read_file(path).lines]
    start = next(index for index, text in enumerate(texts) if _HISTORY_START.match(text))
    end = next((index for index in range(start, len(texts)) if _END.match(texts[index])), len(texts))
    history = " ".join(text.strip() for text in texts[start:end] if text.strip())
    return "\n".join([*texts[:start], history, *texts[end:]])


def _dates(record) -> tuple:
    return record.dates.established, record.dates.revised, record.dates.effective


pytestmark = pytest.mark.corpus("philadelphia")


@pytest.mark.parametrize("code", sorted(HAND_READ))
def test_history_one_entry_a_line(code: str) -> None:
    (record,) = parse_file(_spec(code))
    assert _dates(record) == HAND_READ[code]


@pytest.mark.parametrize("code", sorted(HAND_READ))
def test_history_on_one_line(code: str) -> None:
    text = _history_on_one_line(_spec(code))
    assert any("Established" in line and "Latest Spec" in line for line in text.splitlines())
    (record,) = parse_text(text, f"{code}.txt")
    assert _dates(record) == HAND_READ[code]
    # The footer is still kept whole.
    (history,) = [section for section in record.other_sections if section.heading == "Class history"]
    assert "Latest Spec" in history.text


def test_2f26_history_as_a_pdf_gives_it() -> None:
    line = (
        "Class Established - 5/1958 Spec. Revision: 1/05 Spec Revision: CSC \u2013 2/10; Ad. Board \u2013 "
        "3/10 Latest Spec Revision: CSC \u2013 12/16; Ad. Board \u2013 1/17 JH"
    )
    texts = [ln.text for ln in read_file(_spec("2f26")).lines]
    start = next(index for index, text in enumerate(texts) if _HISTORY_START.match(text))
    (record,) = parse_text("\n".join([*texts[:start], line]), "2f26.txt")
    assert _dates(record) == ("1958-05", "2016-12", "2017-01")


def test_abolished_then_reestablished_is_not_abolished() -> None:
    # 6G90: 'Class Abolished: CSC – 2/16 ...' then 'Class re-established and consolidated ...:
    # CSC – 4/16', each on its own line after a line no heading rule takes.
    (record,) = parse_file(_spec("6g90"))
    assert "the class has been abolished (see the class history)" not in record.warnings
