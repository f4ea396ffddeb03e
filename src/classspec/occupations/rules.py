"""SOC's coding rules as data: the first-line supervisor and the manager occupations over
each kind of work (a supervisor of clerks is 43-1011; an engineering manager 11-9041),
the groups that as a rule ask for a degree or seldom do, and each code's kind (manager,
first-line supervisor, worker). The matcher (match.py), the reranker's features
(rerank.py) and the employer's coded classes (coded.py, mates.py) read them alike.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from classspec.occupations.store import load_index

# First-line supervisor occupations by the codes (prefixes) of the workers they supervise;
# the longest matching prefix wins.
FIRST_LINE = {
    "33-3012": "33-1011", "33-3011": "33-1011", "33-3": "33-1012", "33-2": "33-1021", "33-9": "33-1091",
    "35-": "35-1012", "37-2": "37-1011", "37-3": "37-1012", "39-301": "39-1013", "39-3": "39-1014",
    "39-": "39-1022", "41-2": "41-1011", "41-": "41-1012", "43-": "43-1011", "45-": "45-1011",
    "47-": "47-1011", "49-": "49-1011", "51-": "51-1011", "53-70": "53-1043", "53-7062": "53-1042",
    "53-7063": "53-1042", "53-7064": "53-1042", "53-7065": "53-1042", "53-3": "53-1043", "53-": "53-1049",
}  # fmt: skip
FIRST_LINE_CODES = frozenset(FIRST_LINE.values())
EDUCATION_RANK = {
    "none": 0,
    "high_school": 1,
    "some_college": 2,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "doctorate": 6,
}
# Occupations that as a rule ask for a degree, and those that seldom do.
DEGREE_GROUPS = ("11-", "13-", "15-12", "17-2", "19-1", "19-2", "19-3", "21-1", "23-1", "25-1", "25-2",
                 "25-40", "29-1")  # fmt: skip
PROFESSIONAL_GROUPS = ("13-", "15-", "17-", "19-", "21-", "23-", "25-", "27-", "29-")
NO_DEGREE_GROUPS = ("33-9", "35-", "37-", "39-", "41-", "43-", "45-", "47-", "49-", "51-", "53-")

# The manager occupation over workers of a group (longest prefix wins): "Chief Harbor
# Engineer" who directs engineers through supervisors is an engineering manager.
MANAGER_OF = {
    "11-": "", "13-1023": "11-3061", "13-1071": "11-3121", "13-1075": "11-3121", "13-1141": "11-3111",
    "13-1151": "11-3131", "13-2": "11-3031", "13-": "11-1021", "15-": "11-3021", "17-": "11-9041",
    "19-1": "11-9121", "19-2": "11-9121", "19-3": "11-9199", "19-4": "11-9121", "19-5": "11-9199",
    "21-": "11-9151", "23-": "11-9199", "25-": "11-9039", "27-1": "11-2021", "27-3": "11-2032",
    "27-": "11-9199", "29-": "11-9111", "31-": "11-9111", "33-2": "33-1021", "33-3": "33-1012",
    "35-": "11-9051", "37-": "11-3013", "39-": "11-9179", "41-": "11-2022", "43-": "11-3012",
    "45-": "11-9013", "47-": "11-9021", "49-": "11-3013", "51-": "11-3051", "53-": "11-3071",
}  # fmt: skip


def by_longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest prefix of `code` ('13-1071', '13-1', '13-') in `table`."""
    return next((table[code[:size]] for size in range(7, 2, -1) if code[:size] in table), None)


def first_line_code(code: str) -> str | None:
    return by_longest_prefix(FIRST_LINE, code)


def manager_of(code: str) -> str | None:
    # "" (managers' own codes) stops the search: a manager has no manager code above it.
    return by_longest_prefix(MANAGER_OF, code) or None


@lru_cache(maxsize=2048)
def kind(code: str) -> str:
    return "manager" if code.startswith("11-") else "first-line" if code in FIRST_LINE_CODES else "worker"


@lru_cache(maxsize=1)
def code_masks() -> dict[str, np.ndarray]:
    """Which occupations (load_index().codes order) are managers, first-line supervisors,
    workers of major groups 31-53, professionals, degree and no-degree jobs, and residual
    ('All Other') codes: boolean masks."""
    codes = load_index().codes
    return {
        "manager": np.array([c.startswith("11-") for c in codes]),
        "first_line": np.array([c in FIRST_LINE_CODES for c in codes]),
        "worker": np.array(
            [c[:2] >= "31" and c not in FIRST_LINE_CODES and not c.startswith("55-") for c in codes]
        ),
        "professional": np.array([c.startswith(PROFESSIONAL_GROUPS) for c in codes]),
        "degree": np.array([c.startswith(DEGREE_GROUPS) for c in codes]),
        "no_degree": np.array([c.startswith(NO_DEGREE_GROUPS) for c in codes]),
        "residual": np.array([c.endswith("9") for c in codes]),
    }
