"""Illinois State Universities Civil Service System series: the seed (three levels in
one file) plus the variants real SUCSS series show (one level, four levels with a
Trainee, a code table whose tabs a PDF lost)."""

from __future__ import annotations

import pytest

from classspec import parse_file, parse_text
from classspec.coverage import measure
from classspec.detect import detect
from classspec.normalize import duration_months, experience_months
from classspec.parsers import get_parser
from classspec.readers import read_path
from classspec.readers.text import read_text
from conftest import SEED_FILES, SEEDS

SEED = SEEDS / "sucss-4807-4809-customer-service-representative-series.txt"


@pytest.fixture(scope="module")
def series():
    return parse_file(SEED, provenance=True)


def test_one_record_per_level(series):
    assert [r.class_code for r in series] == ["4807", "4808", "4809"]
    assert [r.title for r in series] == [
        "Customer Service Representative I",
        "Customer Service Representative II",
        "Customer Service Representative III",
    ]
    assert [r.level for r in series] == ["I", "II", "III"]
    for record in series:
        assert record.source.parser == "sucss"
        assert record.series == "Customer Service Representative Series"
        assert record.jurisdiction.model_dump() == {
            "id": "sucss-il",
            "name": "State Universities Civil Service System",
            "state": "IL",
        }
        assert record.taxonomy == {"promotional_line": "343", "occupational_area": "02", "work_area": "215"}
        assert record.probation_months == 6
        assert record.warnings == []


def test_placeholder_effective_date_is_not_a_date(series):
    for record in series:
        assert record.dates.model_dump() == {
            "established": None,
            "revised": None,
            "effective": None,
            "edited": None,
            "opened": None,
            "deadline": None,
        }
        # The row as written (last action 'Rev.', date '00/00/00') is kept, not dropped.
        (table,) = [s for s in record.other_sections if s.heading == "Code table"]
        assert f"{record.class_code} {record.title} 02 215 6 mo. 00/00/00 Rev." in table.text


def test_summary_is_the_level_description_and_narrative_is_shared(series):
    assert series[0].summary.startswith("Employees in this class are entry level representatives")
    assert series[1].summary.startswith("Employees at this level are journey-level representatives")
    assert series[2].summary.endswith("They work under general supervision from higher level personnel.")
    for record in series:
        (narrative,) = [s for s in record.other_sections if s.heading == "Series Narrative"]
        assert narrative.text.startswith("Employees in this series provide customer related services")


def test_duties_per_level_with_numbering_stripped(series):
    assert [len(r.duties) for r in series] == [17, 18, 15]
    first = series[0].duties
    assert first[0].text.startswith("creates, updates, revises and retrieves records")
    # Item 11 follows a blank line: the same list goes on.
    assert first[10].text.startswith("assists higher level personnel in examining and maintaining")
    assert first[-1].text == "performs other related duties as assigned"
    assert {d.category for d in first} == {"Level I: Customer Service Representative I"}
    assert {d.category for d in series[2].duties} == {"Level III: Customer Service Representative III"}
    assert series[2].duties[0].text == "resolves customer service complaints"


def test_entry_qualifications_per_level(series):
    mq = [r.minimum_qualifications for r in series]
    assert [q.min_experience_months for q in mq] == [18, 36, 48]
    assert [q.min_education for q in mq] == ["high_school"] * 3
    assert mq[0].education == ["High school graduation or equivalent"]
    assert mq[0].licenses == ["Valid Illinois driver's license if an essential function of the position"]
    (combination,) = mq[0].experience
    assert combination.startswith("Any one or any combination that equals 18 months from the categories")
    assert "(a) responsible experience in customer services" in combination
    assert "; (b) credit for 60 semester hours of college training" in combination
    assert "**" not in combination and "**" not in mq[0].text
    # The 'or' between (a) and (b) stays in the text; underline markup does not.
    assert "administrative support or (b) credit for 120 semester hours" in mq[1].experience[0]
    assert "3 years (36 months)" in mq[1].experience[0] and "<u>" not in mq[1].text
    assert mq[2].experience[1] == (
        "One year (12 months) of work experience comparable to that gained as a "
        "Customer Service Representative II"
    )
    assert mq[2].text.startswith("1. High school graduation or equivalent")


def test_personal_attributes_are_named_requirements(series):
    names = [
        "Grammar",
        "Clerical",
        "Mathematics",
        "Reading Comprehension",
        "Time Management \u2013 Scheduling",
        "Communication Skills",
        "Supervision",
        "Information Technology Skills",
    ]
    first, last = series[0].other_requirements, series[2].other_requirements
    assert [a.name for a in first] == ["Customer service Public Relations", *names]
    assert [a.name for a in last] == ["Customer service \u2013 Public Relations", *names]
    for record in series:
        attributes = {a.name: a.text for a in record.other_requirements}
        assert attributes["Grammar"] == "rules of composition, punctuation, etc."
        assert attributes["Information Technology Skills"] == "word processing, spreadsheets, etc."
        assert attributes["Reading Comprehension"] == (
            "i.e., understanding written sentences and paragraphs in work related documents"
        )
        first = record.other_requirements[0]
        assert first.text.startswith("i.e., ability to deal with the public and clients")
        assert all(a.required_at_entry is True and a.level is None for a in record.other_requirements)


def test_shared_lines_keep_their_provenance_in_every_level(series):
    for record in series:
        assert record.provenance["series"][0].line_start == 1
        assert record.provenance["taxonomy.promotional_line"][0].line_start == 9
    assert [r.provenance["class_code"][0].line_start for r in series] == [5, 6, 7]
    assert series[1].provenance["duties[0]"][0].line_start == 52
    assert series[1].provenance["duties[0].category"][0].line_start == 44


def test_seed_detects_as_sucss_and_no_other_seed_does():
    for path in SEED_FILES:
        found = detect(read_path(path))
        if path == SEED:
            assert found.parser == "sucss" and found.confidence >= 0.5
        else:
            assert found.parser != "sucss", path.name


# -- variants ---------------------------------------------------------------

ONE_LEVEL = """\
LOCKSMITH

\t\tOcc.\tWork\tProb.\tEffective\tLast
Code No.\tClass Title\tArea\tArea\tPeriod\tDate\tAction
1234\tLocksmith\t14\t410\t12 mo.\t07/01/15\tRev.

Promotional Line: 88

Series Narrative

Employees in this class install, repair and maintain locks, keys and related security hardware.

DESCRIPTIONS OF LEVELS OF WORK

A Locksmith typically -

- 1. installs, repairs and rekeys locks and panic hardware
- 2. maintains key control records
- 3. performs other related duties as assigned

MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY INTO:

CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER

- 1. Completion of an approved locksmith apprenticeship, or four years of experience as a locksmith
- 2. Valid locksmith license issued by the Illinois Department of Financial and Professional Regulation
"""

# A PDF extraction: tabs lost in the code table, a Trainee level, wrapped lines, level
# headings whose numeral is not the title's, and no code line under one qualification head.
FOUR_LEVELS = """\
POLICE OFFICER SERIES

Code No. Class Title Occ. Area Work Area Prob. Period Effective Date Last Action
5001 Police Officer Trainee 13 650 12 mo. 01/15/2019 Rev.
5002 Police Officer I 13 650 12 mo. 01/15/2019 Rev.
5003 Police Officer II 13 650 12 mo. 01/15/2019 Rev.
5004 Police Officer III 13 650 12 mo. 01/15/2019 New

Promotional Line: 120

Series Narrative

Employees in this series protect life and property on the campus.

DESCRIPTIONS OF LEVELS OF WORK

Level I: Police Officer Trainee

5001

Employees in this class attend a basic police academy.

A Police Officer Trainee typically -

- 1. attends the academy and completes field training under close
supervision of a field training officer
- 2. performs other related duties as assigned

Level II: Police Officer I

5002

Employees at this level patrol the campus.

A Police Officer I typically -

- 1. patrols the campus
- 2. performs other related duties as assigned

Level III: Police Officer II

5003

Employees at this level investigate offenses.

A Police Officer II typically -

- 1. investigates offenses
- 2. performs other related duties as assigned

Level IV: Police Officer III

5004

Employees at this level lead a shift.

A Police Officer III typically -

- 1. leads a shift of officers
- 2. performs other related duties as assigned

MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY INTO:

Level I: Police Officer Trainee

5001

CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER

- High school graduation or equivalent
- Valid driver's license

PERSONAL ATTRIBUTES NEEDED TO UNDERTAKE JOB

1. Judgment (i.e., ability to weigh the relative costs and benefits
of potential actions)
2. Integrity

Level II: Police Officer I

CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER

- 1. Bachelor's degree
- 2. Two years (24 months) of law enforcement experience

Level III: Police Officer II

5003

CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER

- 1. Two years of work experience comparable to that gained as a Police Officer I

Level IV: Police Officer III

5004

CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER

- 1. Three years of work experience comparable to that gained as a Police Officer II
- 2. Any one or any combination that equals 6 months from the categories below:
 - (a) supervisory experience
 - (b) completion of a supervision course
"""


def _coverage(text: str):
    data = text.encode()
    doc = read_text(data, "variant.txt", "0" * 64)
    return measure(doc, get_parser("sucss").parse(doc))


def test_one_level_series():
    (spec,) = parse_text(ONE_LEVEL)
    assert spec.source.parser == "sucss"
    assert (spec.class_code, spec.title, spec.level, spec.series) == ("1234", "Locksmith", None, None)
    assert spec.probation_months == 12
    assert spec.dates.effective == "2015-07-01"
    assert spec.taxonomy == {"promotional_line": "88", "occupational_area": "14", "work_area": "410"}
    # No level description of its own: the narrative is the summary.
    assert spec.summary.startswith("Employees in this class install, repair and maintain locks")
    assert spec.duties[0].text == "installs, repairs and rekeys locks and panic hardware"
    assert spec.duties[0].category is None
    mq = spec.minimum_qualifications
    assert mq.min_experience_months == 48
    assert mq.licenses[0].startswith("Valid locksmith license")
    assert spec.warnings == []
    _, coverage = _coverage(ONE_LEVEL)
    assert coverage.dropped == []


def test_four_levels_from_a_table_without_tabs():
    specs = parse_text(FOUR_LEVELS)
    assert [s.class_code for s in specs] == ["5001", "5002", "5003", "5004"]
    assert [s.level for s in specs] == ["Trainee", "I", "II", "III"]
    assert {s.series for s in specs} == {"Police Officer Series"}
    for spec in specs:
        assert spec.source.parser == "sucss"
        assert spec.taxonomy == {"promotional_line": "120", "occupational_area": "13", "work_area": "650"}
        assert spec.probation_months == 12
        assert spec.dates.effective == "2019-01-15"
        assert len(spec.duties) == 2
        assert spec.warnings == []
    trainee, first, second, third = specs
    assert trainee.duties[0].text == (
        "attends the academy and completes field training under close supervision of a field training officer"
    )
    assert trainee.duties[0].category == "Level I: Police Officer Trainee"
    assert third.summary == "Employees at this level lead a shift."
    # Unnumbered credentials are each their own requirement.
    assert trainee.minimum_qualifications.education == ["High school graduation or equivalent"]
    assert trainee.minimum_qualifications.licenses == ["Valid driver's license"]
    assert [(a.name, a.text) for a in trainee.other_requirements] == [
        ("Judgment", "i.e., ability to weigh the relative costs and benefits of potential actions"),
        ("Integrity", "Integrity"),
    ]
    # Found by its title although no code line sits under the heading.
    assert first.minimum_qualifications.min_education == "bachelor"
    assert first.minimum_qualifications.min_experience_months == 24
    assert second.minimum_qualifications.min_experience_months == 24
    assert third.minimum_qualifications.min_experience_months == 42
    assert (
        "(a) supervisory experience; (b) completion of a supervision course"
        in (third.minimum_qualifications.experience[1])
    )
    assert first.other_requirements == []
    _, coverage = _coverage(FOUR_LEVELS)
    assert coverage.dropped == []


def test_levels_come_from_headings_when_the_table_is_lost():
    # Neither code table rows nor code lines under the level headings.
    text = "\n".join(ln for ln in FOUR_LEVELS.splitlines() if not ln.startswith("500"))
    specs = parse_text(text)
    assert [s.title for s in specs] == [
        "Police Officer Trainee",
        "Police Officer I",
        "Police Officer II",
        "Police Officer III",
    ]
    assert [s.class_code for s in specs] == [None, None, None, None]
    assert specs[2].minimum_qualifications.min_experience_months == 24


def test_duration_months_reads_any_written_duration():
    assert duration_months("**18 months**") == 18
    assert duration_months("3 years (36 months)") == 36
    assert duration_months("One year (12 months)") == 12
    assert duration_months("two years") == 24
    assert duration_months("the categories below") is None
    assert duration_months(None) is None


def test_experience_months_still_skips_substitutions():
    # 'equals' in a clause of its own names what substitutes for experience.
    assert experience_months("120 semester hours or a Bachelor's degree equals 36 months") is None


# What a PDF export adds: a banner above the series name, headings in capitals, a
# 'Code No.' label on the code line, a colon lead-in, attribute explanations wrapped
# over lines, and 'totaling' instead of 'equals'.
PDF_EXPORT = """\
State Universities Civil Service System
CLERK SERIES
Occ. Work Prob. Effective Last
Code No. Class Title Area Area Period Date Action
4801 Clerk I 04 101 6 mo. 03/15/15 Rev.
4802 Clerk II 04 101 6 mo. 03/15/15 Rev.
Promotional Line: 9
Series Narrative
Employees in this series perform clerical work.
DESCRIPTIONS OF LEVELS OF WORK
LEVEL I: CLERK I
Code No. 4801
Employees in this class perform routine clerical tasks.
Typical duties include:
1. files records
2. performs other related duties as assigned
LEVEL II: CLERK II
Code No. 4802
Employees at this level perform varied clerical tasks.
Typical duties include:
1. maintains files
2. performs other related duties as assigned
MINIMUM ACCEPTABLE QUALIFICATIONS REQUIRED FOR ENTRY INTO:
LEVEL I: CLERK I
CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER
1. Any one or any combination totaling 6 months from the categories below:
(a) clerical experience
(b) credit for 15 semester hours of college
PERSONAL ATTRIBUTES NEEDED TO UNDERTAKE JOB
1. Filing
(i.e., arranging records in alphabetical
and numerical order)
(documents, cards, folders)
2. Accuracy (attention to detail)
LEVEL II: CLERK II
CREDENTIALS TO BE VERIFIED BY PLACEMENT OFFICER
1. Any one or any combination totaling 1 year (12 months) from the categories below:
(a) clerical experience
(b) credit for 30 semester hours of college
"""


def test_pdf_export_variant():
    first, second = parse_text(PDF_EXPORT)
    assert first.source.parser == "sucss"
    header = (first.series, first.title, first.level, first.class_code)
    assert header == ("Clerk Series", "Clerk I", "I", "4801")
    assert first.dates.effective == "2015-03-15"
    assert first.summary == "Employees in this class perform routine clerical tasks."
    assert [d.text for d in second.duties] == ["maintains files", "performs other related duties as assigned"]
    assert second.duties[0].category == "LEVEL II: CLERK II"
    assert [q.minimum_qualifications.min_experience_months for q in (first, second)] == [6, 12]
    assert [(a.name, a.text) for a in first.other_requirements] == [
        ("Filing", "i.e., arranging records in alphabetical and numerical order; documents, cards, folders"),
        ("Accuracy", "attention to detail"),
    ]
    assert all(s.heading != "Title" for s in first.other_sections)
    assert first.warnings == [] and second.other_requirements == []
    _, coverage = _coverage(PDF_EXPORT)
    assert coverage.dropped == []


def test_level_heading_the_code_table_does_not_name_is_kept_and_reported():
    text = FOUR_LEVELS + "\nLevel V: Police Sergeant\n\n- 1. Five years of police experience\n"
    specs = parse_text(text)
    assert len(specs) == 4
    for spec in specs:
        assert "level heading 'Level V: Police Sergeant' names no class of the code table" in spec.warnings
        kept = [s for s in spec.other_sections if s.heading == "Level V: Police Sergeant"]
        assert [s.text for s in kept] == ["1. Five years of police experience"]


def test_level_numeral_from_the_heading_when_the_title_has_none():
    text = ONE_LEVEL.replace(
        "DESCRIPTIONS OF LEVELS OF WORK\n", "DESCRIPTIONS OF LEVELS OF WORK\n\nLevel I: Locksmith\n"
    )
    (spec,) = parse_text(text)
    assert (spec.title, spec.level) == ("Locksmith", "I")
    assert spec.duties[0].category == "Level I: Locksmith"
