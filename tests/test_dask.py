"""`classspec.dask.parse_bag` on a real cluster of worker processes gives, byte for
byte, the records `classspec parse -f jsonl` writes for the same files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from dask.distributed import Client, LocalCluster

from classspec.dask import ParseFailed, parse_bag, parse_records
from classspec.errors import UsageError
from classspec.export import dumps
from cli_helpers import run
from conftest import PHILADELPHIA, SEEDS


@pytest.fixture(scope="module")
def client():
    # Processes, not threads: records cross a pickling boundary as they would between machines.
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.mark.corpus("philadelphia")
@pytest.mark.slow
def test_bag_over_the_philadelphia_corpus_equals_the_cli(client, classspec_bin):
    cli = run(classspec_bin, "parse", "-f", "jsonl", PHILADELPHIA, SEEDS)
    assert cli.returncode == 0, cli.stderr
    bag = parse_bag([str(PHILADELPHIA), str(SEEDS)], partition_size=32)
    assert bag.npartitions > 2  # spread over both workers, not one task
    lines = [dumps(record, indent=None) for record in client.compute(bag).result()]
    assert len(lines) == 307
    assert "\n".join(lines) + "\n" == cli.stdout


def test_options_reach_the_workers(client):
    seed = str(SEEDS / "chicago-7401-customer-services-supervisor.txt")
    records = client.compute(parse_bag(Path(seed), parser="chicago", provenance=True)).result()
    assert [r["source"]["confidence"] for r in records] == [1.0]
    assert records[0]["provenance"]["title"]


def test_a_failing_file_gives_no_records_and_its_error_line(tmp_path, caplog):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with caplog.at_level(logging.WARNING, logger="classspec"):
        assert parse_records(str(empty)) == []
    assert caplog.messages == [f"classspec: error: {empty}: empty file"]
    with pytest.raises(ParseFailed, match="empty file"):
        parse_records(str(empty), errors="raise")


def test_bad_options_fail_before_any_work():
    with pytest.raises(UsageError, match="unknown parser"):
        parse_bag(str(SEEDS), parser="nope")
    with pytest.raises(TypeError):
        parse_bag(str(SEEDS), parsr="auto")
    with pytest.raises(UsageError, match="standard input"):
        parse_bag("-")
