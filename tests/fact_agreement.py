"""Counting how far two parses of one document agree, record by record and fact by fact
(the PDF agreement tests: the text or HTML source against its PDF)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def agreement(
    want: Sequence[dict[str, Any]],
    got: Sequence[dict[str, Any]],
    names: Sequence[str],
    describe: Callable[[Any, Any], str],
) -> tuple[int, int, list[str]]:
    """(facts agreeing, facts compared, what differs); a record missing on one side
    counts every one of its facts as a difference."""
    agree, total, differ = 0, 0, []
    for index in range(max(len(want), len(got))):
        for name in names:
            total += 1
            a = want[index][name] if index < len(want) else "<no record>"
            b = got[index][name] if index < len(got) else "<no record>"
            if a == b:
                agree += 1
            else:
                differ.append(f"record {index} {name}: {describe(a, b)}")
    return agree, total, differ
