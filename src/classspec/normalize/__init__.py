"""Shared normalizers: the phrasings specs use for dates, FLSA, education, experience,
frequencies and strength, turned into the model's closed vocabularies.

Each function takes the text as written and returns None when it cannot tell, so a
parser never has to guess. One module per kind of value; this package exports them.
"""

from classspec.normalize.dates import MONTHS, TWO_DIGIT_YEAR_PIVOT, all_dates, iso_date
from classspec.normalize.experience import NUMBER_WORDS, duration_months, experience_months
from classspec.normalize.titles import ACRONYMS, ORDINAL, ROMAN, SMALL_WORDS, title_case
from classspec.normalize.vocab import (
    education_level,
    environment_frequency,
    flsa_status,
    frequency,
    strength,
)

__all__ = [
    "ACRONYMS",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINAL",
    "ROMAN",
    "SMALL_WORDS",
    "TWO_DIGIT_YEAR_PIVOT",
    "all_dates",
    "duration_months",
    "education_level",
    "environment_frequency",
    "experience_months",
    "flsa_status",
    "frequency",
    "iso_date",
    "strength",
    "title_case",
]
