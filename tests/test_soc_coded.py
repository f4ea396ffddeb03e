"""The employer's coded classes (occupations/coded.py): what they add, and what they may
not read."""

from __future__ import annotations

import numpy as np

from classspec.occupations import Subject, suggest
from classspec.occupations.coded import (
    COLUMNS,
    Coded,
    CodedClass,
    Colleagues,
    colleagues_of,
    load_coded,
)
from classspec.occupations.mates import grade_key, name_words, series_key
from classspec.occupations.rerank import _model, coded_nudge


def _coded() -> Coded:
    classes = [
        CodedClass("town-a", "doc-1", "Water Meter Reader 1", "43-5041", ("49-9099",)),
        CodedClass("town-a", "doc-2", "Parks Crew Chief", "37-1012"),
        CodedClass("town-b", "doc-3", "Water Meter Reader", "49-9099"),
    ]
    return Coded.of(classes, ["reads water meters on a route and records usage", "", ""])


def test_the_shipped_classes_are_the_labelled_ones():
    import soc_eval

    shipped = load_coded()
    labelled = soc_eval.cases()
    assert len(shipped.classes) == len(labelled)
    assert [c.code for c in shipped.classes] == [c.code for c in labelled]
    assert all(len(c.document) == 64 for c in shipped.classes)
    assert shipped.text_vectors.shape[0] == len(labelled)


def test_only_the_same_employer_and_never_the_document_itself():
    coded = _coded()
    assert coded.usable("town-a", None).tolist() == [0, 1]
    assert coded.usable("town-a", "doc-1").tolist() == [1]
    assert coded.usable("town-c", None).tolist() == []
    assert coded.usable(None, None).tolist() == []


def test_a_coded_colleague_with_the_same_title_speaks_for_its_code():
    coded = _coded()
    colleagues = Colleagues.of(coded, coded.usable("town-a", None), "Water Meter Reader 2", "")
    rows = colleagues.columns(["43-5041", "49-9099", "11-1021"])
    assert rows.shape == (3, len(COLUMNS))
    same_title = COLUMNS.index("coded_same_title")
    assert rows[0, same_title] == 1.0  # the code itself, same title words (grades aside)
    assert rows[1, same_title] == 0.0  # only an alternate there
    assert 0 < rows[1, COLUMNS.index("coded_similarity")] < rows[0, COLUMNS.index("coded_similarity")]
    assert not rows[2].any()
    assert colleagues.named(["43-5041", "49-9099"]) == {
        "43-5041": 'the employer\'s class "Water Meter Reader 1" is coded so'
    }
    nobody = Colleagues.of(coded, coded.usable("town-c", None), "Water Meter Reader", "")
    assert nobody.columns(["43-5041"]) is None and nobody.named(["43-5041"]) == {}


def test_the_weights_favour_a_like_colleague_and_nothing_without_one():
    weights = np.array(_model()["coded_weights"])
    assert len(weights) == len(COLUMNS) and weights[COLUMNS.index("coded_title_overlap")] > 0
    alone = colleagues_of(Subject(title="Water Meter Reader", jurisdiction="nowhere-xx"))
    assert not coded_nudge(alone, ["43-5041", "49-9099"]).any()


def test_a_philadelphia_class_follows_its_coded_colleagues():
    """A Philadelphia class title like coded Philadelphia ones: its suggestions move
    towards their codes; a title-only query (no employer) is untouched."""
    coded = load_coded()
    philadelphia = coded.by_jurisdiction["philadelphia-pa"]
    typist = next(c for k in philadelphia if (c := coded.classes[k]).title.lower().startswith("clerk typist"))
    given = {code for k in philadelphia for code in (coded.classes[k].code, *coded.classes[k].alternates)}
    never = next(code for code in ("45-2091", "53-5011", "27-2042") if code not in given)
    subject = Subject(title=typist.title + " 3", jurisdiction="philadelphia-pa")
    alone = Subject(title=typist.title + " 3")
    codes = [s.code for s in suggest(alone)]
    assert coded_nudge(colleagues_of(subject), [typist.code, never]).tolist()[0] > 0
    assert coded_nudge(colleagues_of(subject), [never]).tolist() == [0.0]
    assert not coded_nudge(colleagues_of(alone), [*codes, typist.code]).any()
    first = suggest(subject)[0]
    assert first.code == typist.code
    assert f'the employer\'s class "{typist.title}" is coded so' in first.evidence
    assert "coded so" not in suggest(alone)[0].evidence


def test_series_mates_are_the_employers_nearest_numbers_of_the_same_length():
    classes = [
        CodedClass("town-a", f"doc-{code}", title, soc, class_code=code)
        for code, title, soc in (
            ("3B11", "Electrical Engineer I", "17-2071"),
            ("3B13", "Electrical Engineer III", "17-2071"),
            ("3B40", "Engineering Manager", "11-9041"),
            ("1A18", "Secretary", "43-6014"),
            ("39120", "Water Utility Worker", "47-2152"),  # another length: never a mate
        )
    ]
    coded = Coded.of(classes, [""] * len(classes))
    assert series_key("3b12") == (4, int("3B12", 36)) and series_key("A-12") is None
    usable = coded.usable("town-a", None)
    colleagues = Colleagues.of(coded, usable, "Electrical Engineer II", "", class_code="3B12")
    assert [coded.classes[usable[j]].class_code for j in colleagues.series[:3]] == ["3B11", "3B13", "3B40"]
    rows = colleagues.columns(["17-2071", "11-9041", "47-2152"])
    series, group = COLUMNS.index("coded_series"), COLUMNS.index("coded_series_group")
    assert rows[0, series] > rows[1, series] > 0 and rows[2, series] == 0
    assert rows[0, group] == 2 * rows[1, group] > 0 and rows[2, group] == 0  # 47- counts nowhere
    assert colleagues.named(["11-9041"]) == {
        "11-9041": 'the employer\'s class 3B40 "Engineering Manager", numbered near it, is coded so'
    }
    uncoded = Colleagues.of(coded, usable, "Electrical Engineer II", "")
    assert not uncoded.columns(["17-2071"])[:, [series, group]].any()


def test_the_shipped_classes_keep_their_class_codes_and_pay_grades():
    shipped = load_coded()
    philadelphia = [shipped.classes[k].class_code for k in shipped.by_jurisdiction["philadelphia-pa"]]
    assert sum(bool(series_key(c)) for c in philadelphia) >= 0.95 * len(philadelphia)
    grades = [shipped.classes[k].pay_grade for k in shipped.by_jurisdiction["philadelphia-pa"]]
    assert sum(bool(grade_key(g)) for g in grades) >= 0.95 * len(grades)


def test_grade_mates_say_what_such_pay_buys():
    """Classes on the same pay schedule a grade either side: a candidate whose median wage
    is near their codes' gets the grade pay column, and the share of mates of its kind."""
    classes = [
        CodedClass("town-a", f"doc-{k}", title, soc, pay_grade=grade)
        for k, (title, soc, grade) in enumerate(
            (
                ("Clerk 1", "43-9061", "9"),
                ("Clerk 2", "43-9061", "10"),
                ("Clerk Supervisor", "43-1011", "11"),
                ("Engineer", "17-2051", "EP10"),  # another schedule: never a mate of '10'
            )
        )
    ]
    coded = Coded.of(classes, [""] * len(classes))
    assert grade_key("ep19") == ("EP", 19) and grade_key("13") == ("", 13) and grade_key("N/A") is None
    usable = coded.usable("town-a", None)
    colleagues = Colleagues.of(coded, usable, "Typist", "", pay_grade="10")
    assert sorted(coded.classes[usable[j]].title for j in colleagues.grade_mates) == [
        "Clerk 1", "Clerk 2", "Clerk Supervisor"
    ]  # fmt: skip
    rows = colleagues.columns(["43-9022", "11-1021", "43-1011"])
    pay, kind = COLUMNS.index("coded_grade_pay"), COLUMNS.index("coded_grade_kind")
    assert rows[0, pay] > 0.5 > rows[1, pay]  # typists earn what clerks do, chief executives not
    assert rows[:, kind].tolist() == [2 / 3, 0.0, 1 / 3]
    ungraded = Colleagues.of(coded, usable, "Typist", "")
    assert not ungraded.columns(["43-9022"])[:, [pay, kind]].any()


def test_the_classes_the_qualifications_name_and_the_work_they_lead_to():
    """A class whose qualifications name a coded class: its code, and the first-line
    supervisor and manager of that work, get the feeder columns; the class's own name and
    names too short to mean one class do not count."""
    classes = [
        CodedClass("town-a", f"doc-{k}", title, soc)
        for k, (title, soc) in enumerate(
            (("Equipment Mechanic II", "49-3042"), ("Clerk", "43-9061"), ("Equipment Supervisor", "49-1011"))
        )
    ]
    coded = Coded.of(classes, [""] * len(classes))
    assert name_words("Equipment Mechanic II (Heavy)") == ("equipment", "mechanic")
    usable = coded.usable("town-a", None)
    text = "Two years as an Equipment Mechanic, or three as a Clerk, or as an Equipment Supervisor."
    colleagues = Colleagues.of(coded, usable, "Equipment Supervisor", "", qualifications=text)
    assert [coded.classes[usable[j]].title for j in colleagues.feeders] == ["Equipment Mechanic II"]
    rows = colleagues.columns(["49-3042", "49-1011", "11-3013", "43-9061"])
    feeder, over = COLUMNS.index("coded_feeder"), COLUMNS.index("coded_feeder_over")
    assert rows[:, feeder].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert rows[:, over].tolist() == [0.0, 1.0, 1.0, 0.0]  # its first-line supervisor and manager
    assert (
        not Colleagues.of(coded, usable, "Equipment Supervisor", "")
        .columns(["49-3042"])[:, [feeder, over]]
        .any()
    )
    said = 'its qualifications name the employer\'s class "Equipment Mechanic II", coded '
    assert colleagues.named(["49-3042", "11-3013", "49-1011"]) == {
        "49-3042": said + "so",
        "11-3013": said + "49-3042, whose work this code supervises or manages",
        # a colleague alike speaks first
        "49-1011": 'the employer\'s class "Equipment Supervisor" is coded so',
    }
