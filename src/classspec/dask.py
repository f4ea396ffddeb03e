"""Past one machine: a corpus as a Dask bag of records, the same records the CLI writes.

    bag = classspec.dask.parse_bag(["specs/"], parser="auto")
    bag.map(classspec.export.dumps, indent=None).to_textfiles("out/*.jsonl")

`parse_records(path, **options)` is the pure function every partition maps; it needs
nothing but classspec, so any engine that can map a function over paths (Spark's
`rdd.flatMap`, a process pool, a queue worker) runs it the same way. Dask itself is
imported only by `parse_bag` (`pip install 'classspec[dask]'`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from classspec.batch import Options, parse_one
from classspec.errors import ClassSpecError, UsageError
from classspec.inputs import STDIN, expand

if TYPE_CHECKING:
    import dask.bag

log = logging.getLogger("classspec")

# Files per partition when the caller does not say: big enough that scheduling costs
# little next to parsing (a few ms a file), small enough to spread a few hundred files.
DEFAULT_PARTITION_SIZE = 64

ErrorPolicy = Literal["log", "raise"]


class ParseFailed(ClassSpecError):
    """A file failed and errors="raise" was asked for."""


def parse_records(path: str, errors: ErrorPolicy = "log", **options: Any) -> list[dict[str, Any]]:
    """The record dicts (JSON-ready, as `classspec parse` writes them) of one file.

    `options` are the batch options (`parser`, `provenance`, `max_bytes`, `max_pages`).
    A file that fails gives no records, as in a CLI batch: its one error line goes to the
    "classspec" logger (errors="log") or is raised as ParseFailed (errors="raise").
    """
    outcome = parse_one(path, Options(**options))
    if outcome.error:
        if errors == "raise":
            raise ParseFailed(outcome.error)  # the CLI's line: "PATH: reason"
        log.warning("classspec: error: %s", outcome.error)
        return []
    return outcome.records


def parse_bag(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    partition_size: int | None = None,
    npartitions: int | None = None,
    errors: ErrorPolicy = "log",
    **options: Any,
) -> dask.bag.Bag:
    """A dask Bag of the record dicts of every file under `paths`, in the CLI's order.

    Folders are walked as `classspec parse` walks them (recursively, sorted, only the
    extensions classspec reads). The paths must be readable where the workers run
    (a shared or network file system). Nothing is parsed until the bag is computed.
    """
    import dask.bag

    from classspec.parsers import get_parser

    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files = expand([os.fspath(path) for path in given]).files
    if STDIN in files:
        raise UsageError("standard input cannot be spread over workers; give file or folder paths")
    # A misspelt option or parser id fails here, once, not on every worker.
    parser = Options(**options).parser
    if parser != "auto":
        get_parser(parser)
    if npartitions is None and partition_size is None:
        partition_size = DEFAULT_PARTITION_SIZE
    parse = partial(parse_records, errors=errors, **options)
    bag = dask.bag.from_sequence(files, partition_size=partition_size, npartitions=npartitions)
    return bag.map(parse).flatten()


__all__ = ["DEFAULT_PARTITION_SIZE", "ParseFailed", "parse_bag", "parse_records"]
