"""Text whose declared encoding is wrong, mixed, or missing still decodes right."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classspec.api import parse_bytes
from classspec.errors import InputError
from classspec.readers import read_bytes
from classspec.readers.text import decode
from conftest import PHILADELPHIA

pytestmark = pytest.mark.corpus("philadelphia")


def _records(data: bytes, name: str) -> list[dict]:
    return [r.model_dump(mode="json", exclude={"source"}) for r in parse_bytes(data, name)]


def test_page_declaring_windows_1252_but_holding_utf8_reads_as_the_original() -> None:
    original = (PHILADELPHIA / "1a18.htm").read_bytes()
    assert b"charset=windows-1252" in original and not original.isascii()
    as_utf8 = original.decode("cp1252").encode("utf-8")  # the declaration still says windows-1252
    text = "\n".join(line.text for line in read_bytes(as_utf8, "1a18.htm").lines)
    assert "\u00c2" not in text and "â€" not in text
    assert _records(as_utf8, "1a18.htm") == _records(original, "1a18.htm")


def test_mixed_utf8_and_cp1252_bytes_each_decode_right() -> None:
    data = "Caf\u00e9 \u2013 ".encode() + "City\u2019s r\u00e9sum\u00e9".encode("cp1252")
    assert decode(data) == "Caf\u00e9 \u2013 City\u2019s r\u00e9sum\u00e9"


def test_text_mis_decoded_before_it_was_saved_is_repaired() -> None:
    mojibake = "The City\u2019s caf\u00e9\u00a0menu".encode().decode("cp1252").encode()
    assert decode(mojibake) == "The City\u2019s caf\u00e9\u00a0menu"


def test_plain_cp1252_and_utf8_are_unchanged() -> None:
    text = "PAY RANGE: EP17 \u2013 City\u2019s \u201cfinest\u201d \u00bd"
    assert decode(text.encode("cp1252")) == text
    assert decode(text.encode("utf-8")) == text


def test_a_charset_that_is_neither_utf8_nor_cp1252_is_found() -> None:
    text = "Должностная инструкция: старший специалист отдела кадров. " * 20
    assert decode(text.encode("koi8-r")) == text


@given(st.text(max_size=200), st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16"]))
def test_decode_never_crashes_with_anything_but_an_input_error(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    with contextlib.suppress(InputError):
        assert isinstance(decode(data), str)
