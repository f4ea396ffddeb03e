"""`-p TEMPLATE` on a document of another template: the result is suspect, so it says
so (a warning, a lowered confidence) and does not stamp the template's employer on it."""

from __future__ import annotations

import json

from cli_helpers import run
from conftest import SEEDS

CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"
PHILADELPHIA = SEEDS / "philadelphia-6j27-customer-services-manager-truncated.txt"


def _one(classspec_bin, *args) -> dict:
    result = run(classspec_bin, "parse", *args)
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    return record


def test_a_template_forced_without_its_markers_warns(classspec_bin):
    record = _one(classspec_bin, CHICAGO, "-p", "philadelphia")
    assert record["source"]["parser"] == "philadelphia"
    assert record["source"]["confidence"] == 0.0
    assert (record["jurisdiction"] or {}).get("id") != "philadelphia-pa"
    assert record["jurisdiction"]["id"] == "chicago-il"  # named by the document's own text
    (warning,) = [w for w in record["warnings"] if "was forced" in w]
    assert "auto would choose chicago" in warning


def test_a_template_forced_on_its_own_document_is_trusted(classspec_bin):
    record = _one(classspec_bin, PHILADELPHIA, "-p", "philadelphia")
    assert record["source"]["confidence"] == 1.0
    assert record["jurisdiction"]["id"] == "philadelphia-pa"
    assert not [w for w in record["warnings"] if "was forced" in w]
