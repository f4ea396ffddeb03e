"""Philadelphia template: the truncated seed, and the spellings real specs use."""

from __future__ import annotations

import pytest

from classspec import parse_file, parse_text
from conftest import PHILADELPHIA, SEEDS

SEED = SEEDS / "philadelphia-6j27-customer-services-manager-truncated.txt"


@pytest.fixture(scope="module")
def seed():
    [record] = parse_file(SEED)
    return record


def test_seed_header_fields(seed) -> None:
    assert seed.source.parser == "philadelphia"
    assert seed.jurisdiction.id == "philadelphia-pa" and seed.jurisdiction.state == "PA"
    assert seed.class_code == "6J27"  # from the END OF JOB CLASS SPECIFICATION line
    assert seed.title is None
    assert any("starts mid-specification" in w for w in seed.warnings)
    assert seed.pay_grade == "EP17"


def test_seed_summary_duties_and_specialties(seed) -> None:
    assert seed.summary.startswith("This is management-level work")
    assert seed.summary.endswith("administrative superior.")
    assert len(seed.duties) == 6
    assert {d.category for d in seed.duties} == {"Revenue Collections Specialty"}
    assert seed.specialties == ["Revenue Collections", "Call Center"]


def test_seed_ksas(seed) -> None:
    assert (len(seed.knowledge), len(seed.skills), len(seed.abilities)) == (13, 2, 15)
    assert seed.skills[0].text == "investigative and independent problem solving"


def test_seed_training_and_experience(seed) -> None:
    mq = seed.minimum_qualifications
    assert mq.min_education == "high_school"
    assert mq.min_experience_months == 48  # two years general AND two years specific
    assert mq.education == [
        "Both Specialties: Education equivalent to the completion of the twelfth school grade."
    ]
    assert len(mq.experience) == 4
    assert mq.experience[0].startswith("Call Center Specialty: General experience: Two years")
    assert mq.text.startswith("EDUCATIONBOTH SPECIALTIES")
    assert seed.physical_demands.text.startswith("Ability to physically perform")


def test_seed_dates(seed) -> None:
    assert seed.dates.established == "1953-03"
    assert seed.dates.revised == "2004-03"  # CSC date of the latest revision
    assert seed.dates.effective == "2004-05"  # Ad Board approval


def _spec(header: str, footer: str = "") -> str:
    return (
        f"{header}\nGENERAL DEFINITION\nThis is clerical work of routine difficulty in an office.\n"
        "TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY)\n- Files records.\n"
        f"{footer}\nEND OF JOB CLASS SPECIFICATION - 1A11"
    )


@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("PAY RANGE: EP17", "EP17"),
        ("PAY RANGE: N14", "N14"),
        ("PAY RANGE: EP 17", "EP17"),
        ("PAY RANGE: 17**", "17"),
        ("PAY RANGE : 12", "12"),
        ("PAY RANGE:\n9", "9"),
        ("PAY RANGE: CPM 19-24", "CPM19-24"),
    ],
)
def test_pay_range_spellings(line: str, grade: str) -> None:
    [record] = parse_text(_spec(f"1A11\n{line}\nCLERK TYPIST I"), parser="philadelphia")
    assert record.pay_grade == grade
    assert record.title == "Clerk Typist I"
    assert record.class_code == "1A11"


def test_two_line_title_and_parenthesised_specialties() -> None:
    [record] = parse_text(
        _spec(
            "1A11\nPAY RANGE: 8\nHEALTH SERVICES\nADMINISTRATOR 4\n(Disease Control)\n(Bilingual) (General)"
        ),
        parser="philadelphia",
    )
    assert record.title == "Health Services Administrator 4"
    assert record.specialties == ["Disease Control", "Bilingual", "General"]


def test_history_with_consolidation_and_abolition() -> None:
    footer = (
        "Class Established: CSC - 2/99; Ad. Board - 4/99\nSpec. Revision:\nCSC - 01/01\nAd. Board - 04/01\n"
        "Latest Spec. Revision: CSC – 11/19; Ad. Board – 12/19\n"
        "Class Abolished: CSC – 2/20; Ad. Board – 4/20\nJH"
    )
    [record] = parse_text(_spec("1A11\nCLERK", footer), parser="philadelphia")
    assert (record.dates.established, record.dates.revised, record.dates.effective) == (
        "1999-02",
        "2019-11",
        "2019-12",
    )
    assert any("abolished" in w for w in record.warnings)
    history = [s for s in record.other_sections if s.heading == "Class history"]
    assert len(history) == 1 and "Abolished" in history[0].text and "JH" in history[0].text


def test_short_notice_parses_with_a_warning_not_an_error() -> None:
    notice = (
        "CITY OF PHILADELPHIA RECREATION DEPARTMENT\nR301\nThis is an EXEMPT position.\nEND OF PAGE - R301"
    )
    [record] = parse_text(notice, parser="philadelphia")
    assert record.class_code == "R301"
    assert record.warnings


@pytest.mark.corpus("philadelphia")
def test_real_word_html_spec() -> None:
    [record] = parse_file(PHILADELPHIA / "1a18.htm")
    assert (record.class_code, record.title, record.pay_grade) == ("1A18", "Secretary", "8")
    assert len(record.distinguishing_features) == 2
    assert record.skills[0].text == "keyboard proficiency"
    assert record.source.format == "html"


def test_detection_claims_no_other_seed() -> None:
    from classspec.detect import detect
    from classspec.readers import read_path

    for seed_path in sorted(SEEDS.glob("*.txt")):
        chosen = detect(read_path(seed_path)).parser
        assert (chosen == "philadelphia") == seed_path.name.startswith("philadelphia"), seed_path.name


def _quals(name: str):
    [record] = parse_file(PHILADELPHIA / name)
    return record.minimum_qualifications


@pytest.mark.corpus("philadelphia")
def test_3e10_labels_stay_within_an_option_and_notes_are_not_items() -> None:
    quals = _quals("3e10.htm")
    assert [e.split(": ")[:2] for e in quals.education] == [["Option 1", "Education"]] * 2 + [
        ["Option 2", "Education"]
    ] * 2
    # "EXPERIENCE (REQUIRED FOR EITHER EDUCATION REQUIREMENT UNDER OPTION 2):" is a heading
    assert len(quals.experience) == 1
    assert quals.experience[0].startswith("Option 2: Experience: Two years of experience in research")
    assert not any("NOTE" in item for item in [*quals.education, *quals.experience])
    assert "NOTE: Option 2 only" in quals.text  # kept in the text
    assert quals.min_experience_months == 0  # Option 1 is a master's degree alone


@pytest.mark.corpus("philadelphia")
def test_1f16_general_and_specific_experience_add_up() -> None:
    quals = _quals("1f16.htm")  # five years general AND two (or three) years specific
    assert quals.min_experience_months == 84
    assert any(e.startswith("Specific experience: Three years") for e in quals.experience)


@pytest.mark.corpus("philadelphia")
def test_3b75_specialty_only_heading_and_unlinked_subset() -> None:
    # "CBIS- ... SPECIALTY ONLY" is a specialty of its own, and "two years which shall have
    # included ..." is part of the four years, not added to them.
    quals = _quals("3b75.htm")
    assert quals.min_experience_months == 48


@pytest.mark.corpus("philadelphia")
def test_3b06_experience_for_all_positions_applies_to_both_options() -> None:
    quals = _quals("3b06.htm")  # one year general AND one year specific "(for all positions)"
    assert quals.min_experience_months == 24
    assert "General experience: One year of civil engineering experience." in quals.experience
    assert not any(e.startswith("Option 2") for e in quals.experience)


@pytest.mark.corpus("philadelphia")
def test_3b61_notes_do_not_count_as_experience() -> None:
    quals = _quals("3b61.htm")
    one_year = "Experience: One year of engineering experience in the area of specialization."
    assert quals.experience == [one_year]
    assert quals.min_experience_months == 12


@pytest.mark.corpus("philadelphia")
def test_6e60_connector_glued_to_a_heading() -> None:
    quals = _quals("6e60.htm")  # "AND SPECIFIC EXPERIENCE" on one line
    assert quals.min_experience_months == 24
    assert all(e.startswith("Specific experience: ") for e in quals.experience)


# -- variants of the header (issue 11) ---------------------------------------------
VARIANT_BODY = """GENERAL DEFINITION
This is administrative support work supervising a clerical staff in the Health Department.
TYPICAL EXAMPLES OF WORK (ILLUSTRATIVE ONLY)
- Supervises a clerical staff.
END OF JOB CLASS SPECIFICATION - {code}
"""


@pytest.mark.parametrize(("code", "status"), [("2E", "exempt"), ("1N", "non_exempt"), ("2P", "exempt")])
def test_flsa_code_line_is_read_not_glued_into_the_title(code, status):
    text = f"CITY OF PHILADELPHIA PERSONNEL DEPARTMENT\n2L28\nFLSA: {code}\nPAY RANGE: N15**\n"
    text += "HEALTH PATIENT ACCOUNTS SUPERVISOR\n" + VARIANT_BODY.format(code="2L28")
    (record,) = parse_text(text, parser="philadelphia")
    assert record.title == "Health Patient Accounts Supervisor"
    assert record.flsa_status == status
    assert record.pay_grade == "N15"


def test_code_before_pay_range_on_one_line():
    text = "4F02 PAY RANGE: N32\nHEALTH PATIENT ACCOUNTS SUPERVISOR\n" + VARIANT_BODY.format(code="4F02")
    (record,) = parse_text(text, parser="philadelphia")
    assert (record.class_code, record.pay_grade) == ("4F02", "N32")
    assert record.title == "Health Patient Accounts Supervisor"
    assert record.warnings == []


def test_letterhead_is_not_the_class_department():
    text = "CITY OF PHILADELPHIA PERSONNEL DEPARTMENT\n2L28\nHEALTH PATIENT ACCOUNTS SUPERVISOR\n"
    (record,) = parse_text(text + VARIANT_BODY.format(code="2L28"), parser="philadelphia")
    assert "department" not in record.taxonomy
    assert {"heading": None, "text": "CITY OF PHILADELPHIA PERSONNEL DEPARTMENT"} in [
        s.model_dump() for s in record.other_sections
    ]


@pytest.mark.corpus("philadelphia")
def test_2f26_general_and_specific_experience_add_up_on_both_options() -> None:
    quals = _quals("2f26.htm")  # two years general AND two years specific (Option 1 or 2)
    assert [p.experience_months for p in quals.paths] == [48, 48]
    assert quals.min_experience_months == 48


@pytest.mark.corpus("philadelphia")
def test_2f65_the_general_experience_counts_on_every_alternative_of_the_list() -> None:
    quals = _quals("2f65.htm")  # three years general AND two years in any one of four areas
    assert [p.experience_months for p in quals.paths] == [60, 60, 60, 60]
    assert quals.min_experience_months == 60


@pytest.mark.corpus("philadelphia")
def test_3b61_text_after_a_note_is_the_note() -> None:
    quals = _quals("3b61.htm")  # "NOTE: ..." then "... considered equivalent to six months"
    assert [p.experience_months for p in quals.paths] == [12]


@pytest.mark.corpus("philadelphia")
def test_2f26_allocating_factors_classes_that_meet_and_degree_fields() -> None:
    [record] = parse_file(PHILADELPHIA / "2f26.htm")
    assert [f[:28] for f in record.distinguishing_features] == [
        "Must be employed in a depart",
        "Must be responsible for a bu",
    ]
    assert "ALLOCATING FACTORS" not in (record.summary or "")
    quals = record.minimum_qualifications
    for path in quals.paths:
        assert "Auditor 2 (2A42)" in path.prior_classes
        assert "Financial Accountant (2A09)" in path.prior_classes
        assert path.education_field == (
            "business administration, economics, finance, public administration, accounting, "
            "or closely related field"
        )
    # The list's heading is no experience requirement of Option 2.
    assert not any("typically meet" in item for item in quals.experience)


@pytest.mark.parametrize(
    ("name", "months"),
    [
        # General AND specific, each specialty its own way in; "; or" inside one part
        # takes that part's smaller figure (Compensation: 24 + min(36, 48, 48)).
        ("2h21.htm", [60, 60, 60, 60]),
        # "GENERAL … AND SPECIFIC … OR GENERAL … AND SPECIFIC …": two ways, not a product.
        ("7f48.htm", [84, 84]),
        # Title-case specialty headings; a specialty said again after OR is another way in.
        ("7b05.htm", [108, 108, 108, 108, 108]),
        # A duration line leads in a list whose OR items state none of their own.
        ("3c40.htm", [108, 108]),
    ],
)
@pytest.mark.corpus("philadelphia")
def test_philadelphia_ways_in_add_up(name: str, months: list[int]) -> None:
    quals = _quals(name)
    assert [p.experience_months for p in quals.paths] == months
    assert quals.min_experience_months == min(months)
