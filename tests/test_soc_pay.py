"""The class's pay against its candidates' national median wages (occupations/pay.py)."""

from __future__ import annotations

import numpy as np

from classspec.occupations import Subject
from classspec.occupations.pay import annual_pay, pay_columns
from classspec.occupations.store import load_index


def test_annual_pay_is_the_ranges_midpoint_a_year_in_us_dollars():
    assert annual_pay({"min": 40.0, "max": 50.0, "period": "hour", "currency": "USD"}) == 93_600
    assert annual_pay({"min": 5000.0, "period": "month"}) == 60_000
    assert annual_pay({"min": 40_000.0, "max": 50_000.0, "period": "year", "currency": "GBP"}) is None
    assert annual_pay({"min": 40_000.0, "max": 50_000.0, "period": None}) is None
    assert annual_pay(None) is None


def test_a_class_paid_like_engineers_is_nearer_engineers_than_technicians():
    position = load_index().position
    pool = np.array([position["17-2071"], position["17-3023"]])
    ratio, known = pay_columns(130_000.0, pool)
    assert known.tolist() == [1.0, 1.0]
    assert abs(ratio[0]) < abs(ratio[1]) and ratio[1] > 0.3
    assert [c.tolist() for c in pay_columns(None, pool)] == [[0.0, 0.0], [0.0, 0.0]]


def test_the_subject_reads_the_first_stated_range():
    record = {"title": "Electrical Engineer", "class_code": "3B12",
              "salary": [{"min": 100_000, "max": 120_000, "period": "year", "currency": "USD", "text": "x"},
                         {"min": 1.0, "period": "hour", "currency": "USD", "text": "y"}]}  # fmt: skip
    subject = Subject.of(record)
    assert subject.annual_pay == 110_000 and subject.class_code == "3B12"
