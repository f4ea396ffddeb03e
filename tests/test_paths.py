"""Qualification text → ways of qualifying (classspec.normalize.paths)."""

from __future__ import annotations

import pytest

from classspec.normalize.paths import courses, licenses, prior_classes, qualification_paths


def _summary(text: str) -> list[tuple]:
    return [(p["label"], p["experience_months"]) for p in qualification_paths(text)]


def test_numbered_alternatives() -> None:
    text = (
        "1. Two years of full-time paid experience as a Principal Communications "
        "Operator with the City of Los Angeles; or\n"
        "2. Four years of full-time paid experience as a Senior Communications Operator "
        "with the City of Los Angeles."
    )
    paths = qualification_paths(text)
    assert _summary(text) == [("1", 24), ("2", 48)]
    assert paths[0]["prior_classes"] == ["Principal Communications Operator"]
    assert paths[1]["full_time"] is True


def test_a_required_item_joins_every_alternative_after_it() -> None:
    text = (
        "1. Graduation from an accredited four-year college or university with a degree "
        "in Journalism or a closely "
        "related field; and\n"
        "2. Two years of full-time paid experience as a manager at a television facility; or\n"
        "3. Two years of full-time paid experience as a Web Content Producer."
    )
    paths = qualification_paths(text)
    assert _summary(text) == [("2", 24), ("3", 24)]
    assert all(p["education"] == "bachelor" and p["education_field"] == "Journalism" for p in paths)
    assert paths[1]["prior_classes"] == ["Web Content Producer"]


def test_a_closing_and_binds_the_last_alternatives() -> None:
    text = (
        "1. Five years of full-time paid experience at the level of Fire Battalion Chief; or\n"
        "2. Two years of full-time paid experience at the level of Fire Battalion Chief "
        "with 25 years of service; or\n"
        "3. An Associate's Degree from an accredited college or university; and\n"
        "4. Two years of full-time paid experience as a Fire Battalion Chief."
    )
    assert _summary(text) == [("1", 60), ("2", 24), ("3 and 4", 24)]


def test_lettered_sub_items_are_alternatives_within_their_item() -> None:
    text = (
        "1. A valid California Class A driver's license; and\n"
        "2. Either:\n"
        "A. Two years of full-time paid experience driving a truck; or\n"
        "B. Two years of equivalent experience with the City of Los Angeles as a "
        "Maintenance Laborer or Truck Operator.\n"
        "Successful completion of an approved training course may be substituted for six "
        "months of the above experience."
    )
    paths = qualification_paths(text)
    assert _summary(text) == [("2A", 24), ("2B", 24)]
    assert paths[0]["licenses"] == ["California Class A driver's license"]
    assert paths[1]["prior_classes"] == ["Maintenance Laborer", "Truck Operator"]
    assert paths[1]["substitutions"] == [
        "Successful completion of an approved training course may be substituted for six "
        "months of the above experience."
    ]


def test_any_combination_that_equals_is_one_requirement() -> None:
    text = (
        "1. High school graduation or equivalent\n"
        "2. Any one or any combination that equals 3 years (36 months) from the categories below:\n"
        "(a) responsible experience in customer services or\n"
        "(b) credit for 120 semester hours of college training\n"
        "120 semester hours or a Bachelor's degree equals 36 months\n"
        "3. One year (12 months) of work experience comparable to that gained as a "
        "Customer Service Representative II"
    )
    (path,) = qualification_paths(text)
    assert path["label"] is None
    assert path["experience_months"] == 48
    assert path["education"] == "high_school"
    assert path["substitutions"] == ["120 semester hours or a Bachelor's degree equals 36 months"]
    assert path["prior_classes"] == ["Customer Service Representative II"]


def test_blocks_joined_by_and_lines_with_a_catch_all() -> None:
    text = (
        "EDUCATION:\nCompletion of a bachelor's degree program at an accredited college or university.\nAND\n"
        "GENERAL EXPERIENCE:\nTwo years of technical experience which has included:\n"
        "gathering and analyzing data, OR\nprocessing large scale data.\nAND\n"
        "SPECIFIC EXPERIENCE:\nOne year of full performance level analytical experience.\n"
        "NOTE: A Master's degree may substitute for one year of the required general experience.\nOR\n"
        "Any equivalent combination of education and experience determined to be acceptable.\n"
        "City classes that typically meet the specific experience requirements:\nAnalyst 2 (1E03)"
    )
    (path,) = qualification_paths(text)
    assert path["experience_months"] == 36
    assert path["education"] == "bachelor"
    assert "Any equivalent combination" not in path["text"]
    assert path["substitutions"] == [
        "NOTE: A Master's degree may substitute for one year of the required general experience."
    ]


def test_options_after_shared_requirements() -> None:
    text = (
        "EDUCATION:\nCompletion of a bachelor's degree program.\nAND\nGENERAL "
        "EXPERIENCE:\nTwo years of fiscal experience.\n"
        "AND\nSPECIFIC EXPERIENCE:\nOption 1:\nTwo years of experience analyzing financial data.\nOR\n"
        "Option 2:\nOne year of accounting experience preparing financial statements.\nOR\n"
        "Any equivalent combination of education and experience determined to be acceptable."
    )
    assert _summary(text) == [("Option 1", 48), ("Option 2", 36)]


def test_calhr_patterns() -> None:
    text = (
        "Possession of a valid driver license of the appropriate class. and\n"
        "Experience: Either I Eight months of fire-fighting experience.\n"
        "Or II\nEnrollment in the California Fire Fighter Preapprenticeship Outreach Program. and\n"
        "Three months' fire-fighting experience.\n"
        "Or III\nTwo years of experience as a certified volunteer firefighter."
    )
    paths = qualification_paths(text)
    assert _summary(text) == [("I", 8), ("II", 3), ("III", 24)]
    assert all(p["licenses"] == ["driver license"] for p in paths)
    assert paths[1]["text"].startswith(
        "Possession of a valid driver license of the appropriate class; Enrollment"
    )


def test_county_upper_case_or_lines() -> None:
    text = (
        "A bachelor's degree from an accredited U.S. college or university, AND, five (5) years of related "
        "management level experience OR\n"
        "An associate's degree from an accredited U.S. college or university, AND, seven "
        "(7) years of related "
        "management level experience OR\n"
        "Nine (9) years of related management level experience."
    )
    paths = qualification_paths(text)
    assert [(p["education"], p["experience_months"]) for p in paths] == [
        ("bachelor", 60),
        ("associate", 84),
        (None, 108),
    ]


def test_unstructured_text_is_one_path_and_schooling_alone_needs_no_experience() -> None:
    assert _summary("Two years of full-time paid experience as a hydrographer.") == [(None, 24)]
    assert _summary("Graduation from an accredited four-year college or university.") == [(None, 0)]
    assert qualification_paths("") == []


def test_path_parts() -> None:
    assert prior_classes("two years as a Clerk Typist with the City") == ["Clerk Typist"]
    assert prior_classes("as a Maintenance and Construction Helper, or Electrical Craft Helper") == [
        "Maintenance and Construction Helper",
        "Electrical Craft Helper",
    ]
    assert prior_classes("Certification as an Engineer-In-Training recognized by the State") == []
    assert licenses("Certification as an Engineer-In-Training recognized by the State") == [
        "Engineer-In-Training"
    ]
    assert licenses('a certificate as a "Certified Industrial Hygienist" (CIH)') == [
        "Certified Industrial Hygienist"
    ]
    assert courses("at least 24 semester or 36 quarter units in accounting from an accredited college") == {
        "count": None,
        "units": 24,
        "subject": "accounting",
    }
    assert courses("at least 4 courses in engineering")["count"] == 4
    assert courses("Two years of experience") is None


NYC_COMMERCIAL_ART = (
    "1. High school graduation or equivalent and two years of training in an approved technical "
    "school in oils, water colors and other art media and seven years full-time paid experience "
    "as a commercial artist, four years of which must have been in supervision and planning of "
    "art work done by a staff; or\n\n"
    "2. Education and/or experience which is equivalent to \u201c1\u201d. However, all candidates "
    "must have the four years of supervisory experience as described above.\n\n"
    "3. NYC residency*"
)


def test_nyc_civil_service_paths_catch_all_and_residency() -> None:
    """The equivalence path is a catch-all (it does not lower the minimum) and a
    residency rule is no way in at all (the requirements gold's reading, issue #23)."""
    assert _summary(NYC_COMMERCIAL_ART) == [("1", 84)]


@pytest.mark.corpus("jobdocs")
def test_nyc_commercial_art_postings_give_84_months() -> None:
    from classspec.api import parse_file
    from conftest import SHARED

    folder = SHARED / "corpus" / "jobdocs" / "nyc_digital_service_postings"
    (record,) = parse_file(folder / "design-lab-director.md")
    assert record.minimum_qualifications.min_experience_months == 84


def test_or_any_equivalent_combination_is_a_catch_all() -> None:
    text = (
        "EDUCATION:\n\nEducation equivalent to completion of the tenth school grade.\n\nAND\n\n"
        "EXPERIENCE:\n\nTwo years of experience performing institutional cooking.\n\nOR\n\n"
        "Or any equivalent combination of education and experience determined to be acceptable."
    )
    assert _summary(text) == [(None, 24)]


@pytest.mark.corpus("california")
def test_each_level_of_a_calhr_series_gets_its_own_qualifications() -> None:
    """CalHR 2884: the 'Experience:' / 'Education:' labels under each level's title are
    that level's, not the end of its block (Designer I once got Designer II's paths)."""
    from classspec.api import parse_file
    from conftest import SHARED

    records = parse_file(SHARED / "corpus" / "california" / "2884.html")
    found = {
        r.class_code: [
            (p.label, p.experience_months, p.courses.units if p.courses else None)
            for p in r.minimum_qualifications.paths
        ]
        for r in records
    }
    assert found == {
        "2884": [(None, 12, 12)],  # one year and 12 semester units
        "2885": [("I", 12, None), ("II", 24, 24)],
        "2886": [("I", 12, None), ("II", 36, 30)],
    }
    assert "Graphic Designer II" not in records[0].minimum_qualifications.text


def test_specialty_blocks_are_ways_in_and_a_repeated_specialty_joins_its_block() -> None:
    text = (
        "EDUCATION:\n\nHEALTH SPECIALTY:\n\nMaster's degree in public health.\n\n"
        "HUMAN SERVICES SPECIALTY:\n\nMaster's degree in social work.\n\nAND\n\nEXPERIENCE:\n\n"
        "HEALTH SPECIALTY:\n\nTwo years of experience analyzing nutrition policies.\n\n"
        "HUMAN SERVICES SPECIALTY:\n\nThree years of experience analyzing child welfare policies.\n\n"
        "OR\n\nAny equivalent combination of education and experience."
    )
    assert _summary(text) == [("HEALTH SPECIALTY", 24), ("HUMAN SERVICES SPECIALTY", 36)]


def test_the_last_joining_word_decides_between_two_durations() -> None:
    from classspec.normalize import experience_months

    text = (
        "Two years of customer service experience giving information and eliciting information "
        "from the public, or two years of field work investigating tax delinquents."
    )
    assert experience_months(text) == 24


def test_promotional_lines_and_incumbents_are_prior_classes() -> None:
    text = (
        "Two years of experience as a Senior Clerk; or\n"
        "Open to incumbents of the class of Principal Clerk.\n\n"
        "Promotional Line:\n\nClerk Typist (1101)\n\nSenior Clerk Typist (1368)"
    )
    (path,) = qualification_paths(text)
    assert path["experience_months"] == 24
    assert path["prior_classes"] == [
        "Senior Clerk",
        "Principal Clerk",
        "Clerk Typist (1101)",
        "Senior Clerk Typist (1368)",
    ]
    assert "Promotional" not in path["text"]


@pytest.mark.corpus("california")
def test_series_wide_numbered_requirements_hold_for_every_pattern() -> None:
    """CalHR 8197: '1. All classes require a licence; and 2. … a degree; and 3. …', then
    each level's own 'Two years …' or 'Either I … Or II …' (not added together)."""
    from classspec.api import parse_file
    from conftest import SHARED

    records = parse_file(SHARED / "corpus" / "california" / "8197.html")
    found = {r.class_code: [p.experience_months for p in r.minimum_qualifications.paths] for r in records}
    assert found == {"8197": [24], "8195": [24, 48], "8181": [24, 60], "8179": [24, 60]}


def test_a_licence_named_by_its_kind_keeps_what_it_licenses() -> None:
    """CalHR 2091, 8197, 3164, 2727, 6048, 7594: 'a valid license as a …' names the licence by
    what follows; the same licence said again is one; the bar and medical practice count."""
    assert licenses("Possession of a valid California license as a hairdresser and cosmetician.") == [
        "California license as hairdresser and cosmetician"
    ]
    assert licenses(
        "Possession of a valid certificate of registration as an electrical engineer issued by the "
        "Board. Five years of experience, two years of which after obtaining registration as an "
        "Electrical Engineer from any state."
    ) == ["certificate of registration as electrical engineer"]
    assert licenses(
        "Possession of a valid license issued by the Medical Board of California to practice as a "
        "Speech Pathologist or Audiologist."
    ) == ["license as Speech Pathologist or Audiologist"]
    assert licenses("Admission to practice law in any State in the United States.") == [
        "Admission to practice law"
    ]
    assert licenses("Possession of the legal requirements for the practice of medicine in California.") == [
        "legal requirements for the practice of medicine"
    ]


def test_numbered_kinds_of_experience_inside_a_pattern_are_not_paths() -> None:
    """CalHR 6048: 'Either I … in at least one of the following: 1. … 2. … Or II …' is two ways in."""
    text = (
        "Either I\n\nOne year of experience performing legal duties in at least one of the following:\n\n"
        "1. The presentation of evidence and the examination of witnesses\n\n"
        "2. Assisting in the preparation of formal decisions\n\n"
        "Or II\n\nThree years of hearing experience."
    )
    assert _summary(text) == [("I", 12), ("II", 36)]


def test_a_path_asks_the_highest_level_of_its_parts() -> None:
    """CalHR 8197 (a baccalaureate AND a master's), NYC's 'baccalaureate degree ... including
    or supplemented by 24 credits' (a degree, not some college); a substituted master's
    (CalHR 8353) and a combination of kinds (SUCSS 4807) do not raise it."""
    text = (
        "1. All classes require a baccalaureate or higher degree in nursing. and\n\n"
        "2. All classes require possession of a master's degree in a health-related field.\n\n"
        "Two years of professional registered nursing experience."
    )
    assert [p["education"] for p in qualification_paths(text)] == ["master"]
    nyc = (
        "1. A baccalaureate degree from an accredited college including or supplemented by 24 credits "
        "in a pertinent area, and four years of satisfactory full-time experience; or\n\n"
        "2. An associate degree from an accredited college including or supplemented by 12 credits "
        "in a pertinent area and five years of experience as described in 1 above."
    )
    assert [(p["education"], p["experience_months"]) for p in qualification_paths(nyc)] == [
        ("bachelor", 48),
        ("associate", 60),
    ]
    substituted = (
        "Education: Equivalent to graduation from college. and\n\n"
        "Two years of analytical staff work. (Possession of a Master's Degree in Public "
        "Administration may be substituted for one year of the required experience.)"
    )
    assert [p["education"] for p in qualification_paths(substituted)] == ["bachelor"]
    combination = (
        "High school graduation or equivalent; and\n\n"
        "Any one or any combination that equals 18 months from the categories below: (a) responsible "
        "experience in customer services (b) credit for 60 semester hours of college training"
    )
    assert [p["education"] for p in qualification_paths(combination)] == ["high_school"]


def test_residency_listed_with_the_ways_in_is_not_one() -> None:
    """NYC postings number 'NYC residency*' after the ways in: a condition, not a path."""
    text = (
        "1. A baccalaureate degree and four years of experience; or\n\n"
        "2. An associate degree and five years of experience as described in 1 above; or\n\n"
        "3. Education and/or experience equivalent to 1 above.\n\n"
        "4. NYC residency*"
    )
    assert _summary(text) == [("1", 48), ("2", 60)]


def test_a_proportional_combination_of_patterns_adds_no_months() -> None:
    """CalHR 4901: 'may be combined on a proportional basis ... totals at least 30 months'
    says how patterns may be mixed; it is no part of either pattern."""
    text = (
        "Experience applicable to one of the following patterns may be combined on a proportional "
        "basis with experience applicable to the other pattern to meet the total experience "
        "requirements, provided that the combined qualifying experience totals at least 30 months.\n\n"
        "Either I\n\nOne year of experience performing the duties of a Buyer II.\n\n"
        "Or II\n\nThree years of technical work.\n\n"
        "Experience applicable to one of the above patterns may be combined on a proportional basis "
        "with experience applicable to the other to meet the total experience requirement."
    )
    assert _summary(text) == [("I", 12), ("II", 36)]


def test_a_specialty_heading_with_a_curly_apostrophe_heads_its_own_path() -> None:
    """Philadelphia 1B40: 'Sheriff\u2019s Sales Specialty' was read into the path above it."""
    text = (
        "Ethics Compliance Specialty\n\n"
        "Three years of experience in clerical work for the Board of Ethics.\n\n"
        "Sheriff\u2019s Sales Specialty\n\n"
        "Three years of experience in clerical work in the Sheriff\u2019s Office."
    )
    assert _summary(text) == [("Ethics Compliance Specialty", 36), ("Sheriff\u2019s Sales Specialty", 36)]


def test_a_licence_named_with_a_curly_apostrophe() -> None:
    """Philadelphia 7K02: 'a valid electrical contractor\u2019s license' was not read."""
    assert licenses("Possession of a valid electrical contractor\u2019s license, issued by the City.") == [
        "electrical contractor\u2019s license"
    ]


def test_a_lead_in_before_or_and_a_specialty_block_is_a_way_in_of_its_own() -> None:
    """Philadelphia 7Q37: '... Four years of experience / OR / ELECTRICIAN SPECIALTY ONLY /
    licence': two ways in, not the experience AND the licence."""
    text = (
        "EDUCATION:\n\nEquivalent to completion of the twelfth grade.\n\nEXPERIENCE\n\n"
        "Four years of experience in the area of specialization as a helper or apprentice.\n\nOR\n\n"
        "ELECTRICIAN SPECIALTY ONLY\n\n"
        "Possession of a valid electrical contractor's license, issued by the City, at time of application."
    )
    paths = qualification_paths(text)
    assert [(p["label"], p["experience_months"], p["licenses"]) for p in paths] == [
        (None, 48, []),
        (None, 0, ["electrical contractor's license"]),
    ]


def test_what_may_be_substituted_sets_no_level_or_licence() -> None:
    """CalHR 4075 and 3130: a degree or certificate that 'may be substituted' is not asked;
    'graduation from a four-year curriculum in civil engineering' is a bachelor's."""
    estimator = (
        "Five years of electrical systems design experience. (Graduation from college with major "
        "work in electrical engineering may be substituted for two years of the required experience.)"
    )
    assert [p["education"] for p in qualification_paths(estimator)] == [None]
    engineer = (
        "Graduation from a four-year curriculum in civil engineering accredited by the Board. "
        "(Possession of a valid certificate as an Engineer-in-Training issued by the Board may be "
        "substituted for the required education.)"
    )
    assert [(p["education"], p["licenses"]) for p in qualification_paths(engineer)] == [("bachelor", [])]
