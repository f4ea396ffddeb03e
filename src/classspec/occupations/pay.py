"""The class's own pay against each candidate occupation's national median wage: what
a coder reads from a bulletin's salary line. A class paid like engineers is rarely an
engineering technician, and one paid like managers rarely a first-line supervisor.

Only a stated range in US dollars with a period counts (the first range, at its
midpoint); the occupations' medians are OEWS's national, all-industry figures. The
reranker reads the log of the ratio, and whether there is one: the trees learn the
usual offset (public pay, a dear metro, older bulletins) from the labelled classes.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from classspec.normalize.pay import annual, currency_of
from classspec.occupations.store import CROSS_INDUSTRY, load_index


def annual_pay(salary: dict | None) -> float | None:
    """The midpoint of a salary range (its dict form) a year, for US dollar ranges."""
    if not salary or currency_of(salary) != "USD":
        return None
    low, high = annual(salary)
    known = [v for v in (low, high) if v is not None]
    return sum(known) / len(known) if known else None


@lru_cache(maxsize=1)
def log_medians() -> np.ndarray:
    """Each occupation's national annual median wage, logged (NaN: OEWS publishes none)."""
    from classspec.occupations.wages import NATIONAL, figures

    found = []
    for code in load_index().codes:
        row = figures(NATIONAL, CROSS_INDUSTRY, code)
        found.append(np.log(row.annual_median) if row is not None and row.annual_median else np.nan)
    return np.array(found)


def pay_columns(pay: float | None, pool: np.ndarray) -> list[np.ndarray]:
    """For each candidate: log(the class's pay / its median), and 1 where that is known."""
    if not pay or pay <= 0:
        return [np.zeros(len(pool)), np.zeros(len(pool))]
    ratio = np.log(pay) - log_medians()[pool]
    known = ~np.isnan(ratio)
    return [np.where(known, ratio, 0.0), known.astype(np.float64)]
