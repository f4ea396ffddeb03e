"""SOC suggestions, OEWS area lookup and wages, and the --soc/--wages/--area/soc CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from classspec import parse_file
from classspec.model import ClassSpec, Jurisdiction, SalaryRange
from classspec.occupations import Subject, UnknownAreaError, enrich, resolve_area, suggest
from classspec.occupations.rerank import wage_threshold
from classspec.occupations.store import load_index
from classspec.occupations.wages import area_for, government_wages, market_wages
from conftest import PHILADELPHIA, SEEDS

NORFOLK = SEEDS / "norfolk-customer-service-supervisor.txt"
# A sure match (its first suggestion scores above the wage threshold): wages are given.
CHICAGO = SEEDS / "chicago-7401-customer-services-supervisor.txt"
UNSURE = re.compile(r"^occupation unsure: \d\d-\d{4} 0\.\d\d(?:, \d\d-\d{4} 0\.\d\d)*$")


def codes(title: str, **fields) -> list[str]:
    return [s.code for s in suggest(Subject(title=title, **fields))]


def test_index_holds_every_detailed_occupation():
    index = load_index()
    assert len(index.codes) == 867
    assert len(index.titles) > 50_000


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Clerk Typist", "43-9022"),
        ("Clerk Typist II", "43-9022"),
        ("Senior Clerk Typist", "43-9022"),
        ("Civil Engineer Trainee", "17-2051"),
        ("Police Officer Recruit", "33-3051"),
        ("Clerical Supervisor", "43-1011"),
        ("Supervisor of Clerks", "43-1011"),
        ("Carpenter Crew Chief", "47-1011"),
        ("Police Sergeant", "33-1012"),
        ("Purchasing Manager", "11-3061"),
        ("Human Resources Director", "11-3121"),
    ],
)
def test_titles_and_level_words(title, expected):
    assert codes(title)[0] == expected


def test_supervisor_of_workers_is_their_first_line_supervisor_code():
    """SOC coding rule: supervisors of workers in major groups 31-53 are coded to the
    first-line supervisor occupation, even when the title does not say 'supervisor'."""
    subject = Subject(
        title="Office Services Coordinator",
        summary="This is supervisory clerical work. An employee in this class supervises a group of "
        "clerks engaged in typing, filing, and processing records and correspondence.",
    )
    found = suggest(subject)
    assert found[0].code == "43-1011"
    assert "supervisory class" in found[0].evidence


def test_a_working_lead_is_coded_with_the_workers():
    """'limited supervisory responsibility over a small crew' is a lead, not a supervisor;
    'under the general supervision of a crew chief' is the class being supervised."""
    for opening in (
        "Performs skilled carpentry work with limited supervisory responsibility over a small crew.",
        "Performs skilled carpentry work under the general supervision of a crew chief.",
    ):
        assert codes("Carpenter", summary=opening)[0] == "47-2031"
    assert codes("Carpenter", summary="Supervises a crew of carpenters building forms.")[0] == "47-1011"


def test_what_does_not_make_a_class_supervisory():
    """SCADA ('Supervisory Control and Data Acquisition'), the bulletins' boilerplate
    'applies sound supervisory principles' and a level distinction ('the extent of
    supervisory responsibility') say nothing of directing staff; 'supervises a crew' does."""
    from classspec.occupations.match import _is_supervisory

    for opening in (
        "Monitors the Supervisory Control and Data Acquisition (SCADA) system.",
        "Applies sound supervisory principles and techniques in building an effective work force.",
        "Positions are allocated by the extent of management and supervisory responsibilities.",
    ):
        assert not _is_supervisory(Subject(title="Water Utility Operator", summary=opening)), opening
    assert _is_supervisory(Subject(title="Water Utility Operator", summary="Supervises a crew of operators."))


def test_an_occupation_title_that_says_the_whole_class_title_wins():
    """'Tree Surgeon' (an SOC direct-match title) says all of 'Assistant Tree Surgeon',
    'Surgeon' only half; 'Accountant' names the head word of 'Treasury Accountant',
    'Treasury Consultant' (a financial manager's O*NET title) does not."""
    from classspec.occupations.match import score_all
    from classspec.occupations.rerank import FEATURES, candidates, features
    from classspec.occupations.store import load_index

    scored = score_all(Subject(title="Assistant Tree Surgeon"))
    pool = candidates(scored)
    rows = features(scored, pool)
    names = [load_index().codes[i] for i in pool.members]
    recall = dict(zip(names, rows[:, FEATURES.index("title_recall")], strict=True))
    assert recall["37-3013"] == 1.0 and 0 < recall["29-1249"] < 1
    assert codes("Assistant Tree Surgeon")[0] == "37-3013"
    assert codes("Treasury Accountant")[0] == "13-2011"


def test_duties_decide_when_the_title_is_no_help():
    subject = Subject(
        title="Skip Ribbon Commands",  # a web page's navigation read as the title
        summary="Under direction, to operate the machinery and equipment of a movable span bridge; "
        "to raise and lower the bridge for marine traffic, signal vessels and stop road traffic.",
        duties=[
            "Operates and maintains the machinery used in opening and closing a movable span bridge; "
            "operates marine band radio and telephone; observes safety rules."
        ]
        * 3,
    )
    assert codes(subject.title, summary=subject.summary, duties=subject.duties)[0] == "53-6011"


def test_suggestions_are_ranked_scored_and_explained():
    found = suggest(
        Subject(title="Water Treatment Plant Operator", summary="Operates a water treatment plant.")
    )
    assert 1 <= len(found) <= 5
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert all(0 <= s.score <= 1 and s.evidence for s in found)
    assert found[0].code == "51-8031"
    assert "title" in found[0].evidence


def test_nothing_to_match_gives_no_suggestions():
    assert suggest(Subject()) == []
    assert suggest(Subject(title="zzzz qqqq")) == []


def test_education_weighs_against_unlikely_occupations():
    lab = dict(summary="Performs tests on samples in a laboratory and records the results.")
    with_degree = suggest(Subject(title="Laboratory Worker", min_education="bachelor", **lab))
    without = suggest(Subject(title="Laboratory Worker", min_education="none", **lab))
    degree_codes = ("19-", "29-1", "17-2")
    assert with_degree[0].code.startswith(degree_codes) or not without[0].code.startswith(degree_codes)


@pytest.mark.parametrize(
    ("jurisdiction", "area"),
    [
        (Jurisdiction(id="philadelphia-pa", name="City of Philadelphia", state="PA"), "0037980"),
        (Jurisdiction(id="chicago-il", name="City of Chicago", state="IL"), "0016980"),
        (Jurisdiction(id="norfolk-va", name="City of Norfolk", state="VA"), "0047260"),
        (Jurisdiction(id="chattanooga-tn", name="City of Chattanooga", state="TN"), "0016860"),
        (Jurisdiction(id="san-diego-county-ca", name="County of San Diego", state="CA"), "0041740"),
        (Jurisdiction(id="ventura-county-ca", name="Ventura County", state="CA"), "0037100"),
        (Jurisdiction(id="los-angeles", name="City of Los Angeles"), "0031080"),
        (Jurisdiction(id="sucss-il", name="State Universities Civil Service System", state="IL"), "1700000"),
        (Jurisdiction(id="nowhere-tx", name="City of Nowhere", state="TX"), "4800000"),
        (None, "0000000"),
    ],
)
def test_area_for_jurisdiction(jurisdiction, area):
    assert area_for(jurisdiction).code == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("0037980", "0037980"),
        ("37980", "0037980"),
        ("Chattanooga", "0016860"),
        ("tx", "4800000"),
        ("Texas", "4800000"),
        ("National", "0000000"),
    ],
)
def test_resolve_area(text, area):
    assert resolve_area(text).code == area


@pytest.mark.parametrize("text", ["Nowhere at all", "San"])
def test_resolve_area_refuses_unknown_or_ambiguous(text):
    with pytest.raises(UnknownAreaError):
        resolve_area(text)


def test_market_wages_for_an_area():
    wages = market_wages("43-1011", resolve_area("0037980"))
    assert wages.area_name == "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD"
    assert wages.industry == "cross-industry" and wages.release == "OEWS May 2025"
    assert wages.annual_p10 < wages.annual_median < wages.annual_p90
    local = government_wages("43-1011")
    assert local.area_code == "0000000" and local.industry.startswith("local government")


def test_market_wages_fall_back_to_state_then_nation():
    """Bridge tenders are not published for the Chattanooga metro area."""
    wages = market_wages("53-6011", resolve_area("Chattanooga"))
    assert wages is None or wages.area_code != "0016860"


def test_enrich_adds_the_fields_and_they_validate():
    record = parse_file(CHICAGO)[0]
    assert "soc" not in record.to_dict() and "market_wages" not in record.to_dict()
    enriched = enrich([record], soc=True, wages=True)[0]
    data = enriched.to_dict()
    assert data["soc"][0]["code"] == "43-1011"
    assert data["soc"][0]["score"] >= wage_threshold()
    assert data["market_wages"]["area_code"] == "0016980"
    assert not any(w.startswith("occupation unsure") for w in data["warnings"])
    ClassSpec.model_validate(data)
    only_wages = enrich([record], soc=False, wages=True, area="TX")[0].to_dict()
    assert "soc" not in only_wages and only_wages["market_wages"]["area_name"] == "Texas"


def test_wages_are_withheld_when_the_match_is_unsure():
    """The 6J27 seed has no title line, so only its duties speak. Read as from an employer
    with no coded classes (its Philadelphia series mates lift it above the threshold), the
    match is unsure: no wages (the issue's example: it once got a police supervisor's), and
    a warning that names the candidates with their scores."""
    seed = parse_file(SEEDS / "philadelphia-6j27-customer-services-manager-truncated.txt")[0]
    record = seed.model_copy(update={"jurisdiction": None})
    enriched = enrich([record], soc=True, wages=True)[0]
    assert enriched.soc[0].score < wage_threshold()
    assert enriched.market_wages is None
    unsure = [w for w in enriched.warnings if w.startswith("occupation unsure")]
    assert len(unsure) == 1 and UNSURE.match(unsure[0]), unsure
    assert unsure[0].startswith(f"occupation unsure: {enriched.soc[0].code} {enriched.soc[0].score:.2f}")
    assert enrich([record], soc=True, wages=False)[0].warnings == record.warnings


def test_wages_are_withheld_when_pay_is_in_another_currency():
    """OEWS wages are US dollars for US areas: a class paid in Canadian dollars gets none
    (a sure match still keeps its SOC codes) unless the analyst names an area."""
    record = parse_file(CHICAGO)[0]
    pay = SalaryRange(min=52000, max=61000, period="year", currency="CAD", text="$52,000 - $61,000")
    canadian = record.model_copy(update={"salary": [pay]})
    enriched = enrich([canadian], soc=True, wages=True)[0]
    assert enriched.soc[0].score >= wage_threshold() and enriched.market_wages is None
    assert enriched.warnings[-1].startswith("market wages withheld: pay is stated in CAD")
    assert not any(w.startswith("occupation unsure") for w in enriched.warnings)
    asked = enrich([canadian], soc=True, wages=True, area="Chicago")[0]
    assert asked.market_wages is not None and asked.warnings == canadian.warnings
    dollars = enrich([record.model_copy(update={"salary": [pay.model_copy(update={"currency": "USD"})]})],
                     wages=True)[0]  # fmt: skip
    assert dollars.market_wages is not None


def test_scores_are_probabilities_best_first():
    found = suggest(Subject.of(parse_file(CHICAGO)[0]))
    scores = [s.score for s in found]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert 0.3 < wage_threshold() < 1


@pytest.mark.corpus("philadelphia")
def test_enrich_handles_records_with_missing_fields():
    records = parse_file(PHILADELPHIA / "r301.htm")
    for record in enrich([r.model_copy(update={"title": None, "duties": []}) for r in records], wages=True):
        assert record.soc is not None


def test_parse_with_soc_and_wages(classspec_bin, tmp_path):
    out = subprocess.run(
        [classspec_bin, "parse", str(CHICAGO), "--soc", "--wages", "--area", "Chicago"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)[0]
    assert record["soc"][0]["code"] == "43-1011"
    assert record["market_wages"]["area_code"] == "0016980"
    csv = subprocess.run(
        [classspec_bin, "parse", str(NORFOLK), "--soc", "--wages", "-f", "csv"],
        capture_output=True,
        text=True,
    )
    assert "43-1011" in csv.stdout


def test_parse_rejects_an_unknown_area(classspec_bin):
    out = subprocess.run(
        [classspec_bin, "parse", str(NORFOLK), "--wages", "--area", "Atlantis"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert out.stderr.startswith("classspec: error: --area:")
    assert out.stdout == ""


def test_soc_command_json(classspec_bin):
    out = subprocess.run(
        [classspec_bin, "soc", "Analyst", "Clerk Typist II", str(CHICAGO), "-f", "json", "--wages"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    answers = json.loads(out.stdout)
    assert [a["soc"][0]["code"] for a in answers][1:] == ["43-9022", "43-1011"]
    # A bare title that could be many occupations is not sure enough for wages; one that is
    # an SOC direct-match title, and the spec file, are.
    assert answers[0]["market_wages"] == [] and UNSURE.match(answers[0]["warnings"][0])
    assert answers[1]["market_wages"][0]["area_code"] == "0000000"
    assert answers[2]["market_wages"][0]["area_code"] == "0016980"
    assert "warnings" not in answers[2]


def test_soc_command_refuses_a_missing_path_and_an_empty_title(classspec_bin, tmp_path):
    missing = tmp_path / "nope.htm"
    out = subprocess.run([classspec_bin, "soc", str(missing), "Plumber"], capture_output=True, text=True)
    assert out.returncode == 1
    assert "nope.htm: no such file or folder" in out.stderr and "47-2152" in out.stdout
    assert "nope" not in out.stdout  # not looked up as a title
    for item in ("./nope", "../nope/Clerk", "specs/missing.pdf"):
        out = subprocess.run([classspec_bin, "soc", item], capture_output=True, text=True)
        assert out.returncode == 1 and "no such file or folder" in out.stderr, item
    out = subprocess.run([classspec_bin, "soc", "Plumber", "  "], capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("classspec: error: an empty title")
    # A title with a slash is still a title.
    out = subprocess.run([classspec_bin, "soc", "Clerk/Typist"], capture_output=True, text=True)
    assert out.returncode == 0 and "43-9022" in out.stdout


def test_soc_command_reports_a_bad_file_and_goes_on(classspec_bin, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = subprocess.run([classspec_bin, "soc", str(empty), "Plumber"], capture_output=True, text=True)
    assert out.returncode == 1
    assert "empty.txt" in out.stderr and "47-2152" in out.stdout


def test_cli_start_up_does_not_load_the_occupation_data():
    code = (
        "import sys, classspec.cli; "
        "heavy = ('classspec.occupations', 'snowballstemmer', 'Stemmer'); "
        "print(any(m.startswith(heavy) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"


def test_vector_similarity_reads_meaning_not_shared_words():
    """The stored word vectors (occupations/vectors.py) bring a duty to the occupation whose
    tasks say it in other words: no word of 'keeps the city's webpages current' is in the
    SOC title 'Web Developers', yet its cosines beat those of Carpenters."""
    import numpy as np

    from classspec.occupations.vectors import embed, similarities

    position = load_index().position
    pool = np.array([position["15-1254"], position["47-2031"]])
    title, text, duty_task = similarities(
        "Webmaster", "Keeps the city's webpages current.", ["Keeps the city's webpages current."], pool
    )
    assert title[0] > title[1] and text[0] > text[1] and duty_task[0] > duty_task[1]
    assert embed("zzqx qqzx") is None
    assert all(column.tolist() == [0.0, 0.0] for column in similarities("zzqx", "", [], pool)[1:])


@pytest.mark.corpus("jobdocs")
def test_soc_command_gives_no_us_wages_for_pay_in_another_currency(classspec_bin):
    """An Ontario posting states its pay in Canadian dollars: its sure match gets no OEWS
    wages, and says why, unless --area asks for an area."""
    from conftest import SHARED

    posting = SHARED / "corpus" / "jobdocs" / "ontario_ods_postings" / "engineering-manager.md"
    command = [classspec_bin, "soc", str(posting), "-f", "json", "--wages", "--top", "1"]
    out = subprocess.run(command, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    (answer,) = json.loads(out.stdout)
    assert answer["soc"][0]["score"] >= wage_threshold()
    assert answer["market_wages"] == []
    assert answer["warnings"] == [
        "market wages withheld: pay is stated in CAD and OEWS wages are US dollars for US areas; "
        "--area compares them anyway"
    ]
    as_text = [classspec_bin, "soc", str(posting), "--wages", "--top", "1"]
    text = subprocess.run(as_text, capture_output=True, text=True).stdout
    assert "wages: none given (pay is stated in CAD" in text
    asked = subprocess.run([*command, "--area", "national"], capture_output=True, text=True)
    (answer,) = json.loads(asked.stdout)
    assert answer["market_wages"][0]["area_code"] == "0000000" and "warnings" not in answer
