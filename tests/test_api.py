"""The public library API: every exported name resolves, and the lazy loading
keeps `import classspec` free of pydantic and the parsers until they are used."""

from __future__ import annotations

import subprocess
import sys

import classspec


def test_every_public_name_resolves():
    for name in classspec.__all__:
        assert getattr(classspec, name) is not None, name
    assert set(classspec.__all__) == {"__version__", *classspec._EXPORTS}


def test_plain_import_loads_no_parser_or_model():
    code = (
        "import sys, classspec; "
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'classspec.'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_parse_text_gives_records():
    (record,) = classspec.parse_text("CLASS TITLE: CLERK\n\nCHARACTERISTICS OF THE CLASS\nFiles papers.\n")
    assert record.title == "Clerk"
    assert record.summary == "Files papers."
