"""The batch engine under the CLI: input order kept with --jobs, a worker that dies
(out of memory, killed) costs only its own file, and no worker outlives the batch."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import psutil
import pytest

from classspec import api
from classspec.batch import Options, run
from classspec.inputs import Inputs, expand, output_names
from conftest import SEED_FILES


@pytest.fixture
def seed_copies(tmp_path) -> list[str]:
    paths = []
    for index in range(3):
        for seed in SEED_FILES:
            target = tmp_path / f"{index}-{seed.name}"
            shutil.copy(seed, target)
            paths.append(str(target))
    return paths


def test_parallel_results_in_input_order_and_equal_to_serial(seed_copies):
    serial = list(run(seed_copies, Options(), jobs=1))
    parallel = list(run(seed_copies, Options(), jobs=2))
    assert [o.path for o in parallel] == seed_copies
    assert [(o.records, o.error) for o in parallel] == [(o.records, o.error) for o in serial]


def test_a_worker_that_dies_costs_only_its_own_file(seed_copies, monkeypatch, tmp_path):
    killer = tmp_path / "killer.txt"
    shutil.copy(SEED_FILES[0], killer)
    files = [*seed_copies[:4], str(killer), *seed_copies[4:]]
    real_parse_file = api.parse_file

    def parse_or_die(path, *args, **kwargs):
        if Path(path).name == "killer.txt":
            os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does
        return real_parse_file(path, *args, **kwargs)

    # Workers are forked after this patch, so they inherit it.
    monkeypatch.setattr(api, "parse_file", parse_or_die)
    outcomes = list(run(files, Options(), jobs=2))
    assert [o.path for o in outcomes] == files
    failed = [o for o in outcomes if o.error]
    assert [o.path for o in failed] == [str(killer)]
    assert "worker" in failed[0].error and "died" in failed[0].error
    assert all(o.records for o in outcomes if o.path != str(killer))


def test_no_worker_outlives_an_abandoned_batch(seed_copies):
    outcomes = run(seed_copies, Options(), jobs=2)
    next(outcomes)
    workers = psutil.Process().children(recursive=True)
    assert workers
    outcomes.close()  # the consumer stopped early (e.g. an output error)
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_expand_is_sorted_and_counts_skips(tmp_path):
    for name in ("b.txt", "a.HTML", "c.pdf", "d.doc", "sub/e.text", "sub/f.htm", "sub/g.json"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("x")
    found = expand([str(tmp_path)])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found.files] == [
        "a.HTML",
        "b.txt",
        "c.pdf",
        "sub/e.text",
        "sub/f.htm",
    ]
    assert sorted(Path(p).name for p in found.skipped) == ["d.doc", "g.json"]


def test_output_names_never_collide():
    inputs = Inputs(
        files=["x/a.txt", "y/a.txt", "x/b.txt", "x/b.html", "-"],
        relative={
            "x/a.txt": "x/a.txt",
            "y/a.txt": "y/a.txt",
            "x/b.txt": "b.txt",
            "x/b.html": "b.html",
            "-": "stdin",
        },
    )
    names = output_names(inputs, "out", ".json")
    assert names == {
        "x/a.txt": "out/x/a.json",
        "y/a.txt": "out/y/a.json",
        "x/b.txt": "out/b.txt.json",
        "x/b.html": "out/b.html.json",
        "-": "out/stdin.json",
    }
    assert len(set(names.values())) == len(names)
