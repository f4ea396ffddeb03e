"""The store as Datasette shows it, through Datasette's own in-process client: the
classes page has a search box and searches the index, a facet by jurisdiction counts
the classes, and a class has its own page."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from cli_helpers import run
from conftest import SEEDS

datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture(scope="module")
def store(classspec_bin, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("datasette") / "specs.db"
    result = run(classspec_bin, "parse", SEEDS, "-o", db)
    assert result.returncode == 0, result.stderr
    return db


def _get(db: Path, path: str):
    async def fetch():
        datasette = datasette_app.Datasette([str(db)])
        return await datasette.client.get(path)

    response = asyncio.run(fetch())
    assert response.status_code == 200, (path, response.text[:500])
    return response


def test_the_classes_page_has_a_search_box(store):
    page = _get(store, "/specs/classes").text
    assert 'name="_search"' in page


def test_search_finds_only_the_matching_classes(store):
    everything = json.loads(_get(store, "/specs/classes.json?_shape=array&_size=max").text)
    found = json.loads(_get(store, "/specs/classes.json?_shape=array&_search=semester").text)
    assert 0 < len(found) < len(everything) == 7
    assert {row["class_code"] for row in found} == {"4807", "4808", "4809"}


def test_a_facet_by_jurisdiction(store):
    data = json.loads(_get(store, "/specs/classes.json?_facet=jurisdiction_id").text)
    counts = {r["value"]: r["count"] for r in data["facet_results"]["jurisdiction_id"]["results"]}
    assert counts["sucss-il"] == 3 and sum(counts.values()) == 7


def test_a_class_page(store):
    rows = json.loads(_get(store, "/specs/classes.json?_shape=array&class_code=7401").text)
    (row,) = rows
    page = _get(store, f"/specs/classes/{row['id']}").text
    assert "Customer Services Supervisor" in page
    assert "duties" in page  # the tables that point at it are linked from its page
