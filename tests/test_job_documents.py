"""Kinds of job document the generic engine reads without a template: a posting titled by
a '#' heading whose headings are questions or sentences, a plain-text file carrying
Markdown heading marks, a Markdown file with YAML front matter, a SAP-style label block
whose labels name the class, a bulleted 'Job details' list. Each case is written in
the words of no one employer; test_corpus_jobdocs.py measures the real documents."""

from __future__ import annotations

from classspec.api import parse_bytes, parse_text

POSTING = """# Librarian II

We run twelve branch libraries across the city.

## What you’ll do

- Run the branch library and its programmes.
- Supervise two library assistants.

## How do I qualify?

- A master's degree in library science.
- Two years of experience in a public library.
"""


def test_a_posting_with_question_headings_is_read_by_its_sections() -> None:
    (record,) = parse_bytes(POSTING.encode(), "librarian.md")
    assert record.title == "Librarian II"
    assert [d.text for d in record.duties] == [
        "Run the branch library and its programmes.",
        "Supervise two library assistants.",
    ]
    assert "master's degree" in record.minimum_qualifications.text
    assert not any("degree" in d.text for d in record.duties)
    assert record.minimum_qualifications.min_experience_months == 24


def test_plain_text_with_markdown_heading_marks_reads_as_the_markdown_does() -> None:
    text = "# Librarian II\n\n## Your responsibilities\n\n- Run the branch.\n- Supervise staff.\n\n"
    text += "## Requirements\n\n- A degree in library science.\n- Two years of experience.\n"
    (plain,) = parse_bytes(text.encode(), "librarian.txt")
    (marked,) = parse_bytes(text.encode(), "librarian.md")
    for record in (plain, marked):
        assert record.title == "Librarian II"
        assert [d.text for d in record.duties] == ["Run the branch.", "Supervise staff."]
        assert record.minimum_qualifications.text.startswith("A degree in library science.")


def test_front_matter_gives_title_code_and_dates_and_never_the_text() -> None:
    text = (
        '---\ntitle: "Branch Librarian"\nclass_code: "LIB-2"\nupdated: 2024-05-02\n'
        'description: "We are hiring a librarian to run the branch."\nlayout: job\n---\n\n' + POSTING
    )
    (record,) = parse_bytes(text.encode(), "librarian.md")
    assert record.title == "Branch Librarian"
    assert record.class_code == "LIB-2"
    assert record.dates.edited == "2024-05-02"
    assert not (record.summary or "").startswith("We are hiring")
    kept = {s.text for s in record.other_sections if s.heading == "front matter"}
    assert "description: We are hiring a librarian to run the branch." in kept
    assert '"' not in record.title


def test_a_job_document_without_a_title_is_parsed_and_says_so() -> None:
    text = "What you'll do:\n- Run the branch library.\n- Supervise two assistants.\n\n"
    text += "Minimum qualifications:\n- Two years of experience in a public library.\n"
    (record,) = parse_text(text)
    assert record.duties and record.minimum_qualifications.text
    assert "no class title found in the text" in record.warnings
    assert record.source.confidence < 0.5


SAP_FORM = """Program Administration Officer
1-2
J o b D e s c r i p t i o n

CLASSIFICATION JOB INFORMATION
SAP Job ID:\t90005869
Position/Classification Title:\tProgram Administration Officer 1-2
Pay Grade:\tPR 06-10

JOB INFORMATION
Job/Working Title:\tOHS and PC Refresh Administrator
Department:\tService Nova Scotia

KEY RESPONSIBILITIES
Develops the occupational health and safety program.
Administers the computer refresh program.
"""


def test_the_classification_label_names_the_class_and_a_level_range_is_no_code() -> None:
    (record,) = parse_text(SAP_FORM)
    assert record.class_code == "90005869"
    assert record.title == "Program Administration Officer 1-2"
    assert record.pay_grade == "PR 06-10"


def test_a_job_code_beats_a_posting_id_and_names_its_class() -> None:
    text = POSTING + "\n## Job details\n\n- Job ID: 160949\n- Job code: 17158 - Systems Officer 4\n"
    (record,) = parse_bytes(text.encode(), "posting.md")
    assert record.class_code == "17158"
    assert record.taxonomy.get("classification") == "Systems Officer 4"


def test_a_document_read_as_one_line_is_cut_at_its_headings_and_labels() -> None:
    text = (
        "LIBRARY OFFICER Class Code: 4410 DEFINITION Under general supervision, runs a branch "
        "library and its programmes for the public. EXAMPLES OF DUTIES Runs the branch library; "
        "supervises two library assistants; plans reading programmes for children and adults. "
        "MINIMUM QUALIFICATIONS Two years of experience in a public library and a degree in library science."
    )
    (record,) = parse_text(text)
    assert (record.title, record.class_code) == ("Library Officer", "4410")
    assert record.summary.startswith("Under general supervision")
    assert record.duties and record.minimum_qualifications.min_experience_months == 24


def test_a_one_line_document_opening_with_its_title_as_a_sentence() -> None:
    text = (
        "Library Officer. Job description. Purpose of the job: runs a branch library and its "
        "programmes for the public and the schools nearby. Main duties: runs the branch library; "
        "supervises two library assistants; plans reading programmes for children and adults. "
        "Requirements: two years of experience in a public library and a degree in library science."
    )
    (record,) = parse_text(text)
    assert record.title == "Library Officer"
    assert record.duties and record.minimum_qualifications.text


def test_a_class_named_in_a_sentence_or_by_its_series_number_is_the_code_when_nothing_else_is() -> None:
    body = "\n\nDUTIES\n- Prepares budgets.\n- Reviews spending.\n\n"
    body += "QUALIFICATIONS\nTwo years of experience.\n"
    (said,) = parse_text("Budget Analyst\n\nThis position is classified as EC-03 in its group." + body)
    assert said.class_code == "EC-03"
    (series,) = parse_text("Budget Analyst\n\nPay Plan: GS   Series: 0560   Grade: 11" + body)
    assert (series.class_code, series.pay_grade) == ("0560", "11")
    labelled_text = "Budget Analyst\nClass Code: 4410\n\nThis position is classified as EC-03."
    (labelled,) = parse_text(labelled_text + body)
    assert labelled.class_code == "4410"


def test_a_series_list_without_a_title_line_decides_nothing() -> None:
    body = (
        "\nDEFINITION\nPerforms library work of varying difficulty in a public library.\n\n"
        "EXAMPLES OF DUTIES\n- Checks out books.\n- Shelves returned items.\n\n"
        "MINIMUM QUALIFICATIONS\nOne year of experience in a library.\n"
    )
    for head in (
        "SERIES\n- Library Assistant I\n- Library Assistant II\n- Library Assistant III\n",
        "Library Assistant I, Library Assistant II and Library Assistant III\n",
    ):
        (record,) = parse_text(head + body)
        assert record.title is None
        assert "no class title found in the text" in record.warnings
        assert "the document lists classes of a series but names none as its own" in record.warnings
        assert record.source.confidence < 0.5


def test_a_web_posting_named_only_by_its_og_title_takes_it_as_its_title() -> None:
    page = (
        "<html><head><title>Water Treatment Operator II | Town Careers</title>"
        '<meta property="og:title" content="Water Treatment Operator II"></head>'
        '<body><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav><main>'
        "<p>Join our utilities team and keep the town's water safe.</p>"
        "<p><strong>Description of work</strong></p><ul><li>Operates the treatment plant.</li>"
        "<li>Takes and tests water samples.</li></ul><p><strong>Requirements</strong></p>"
        "<ul><li>Two years of experience operating a water plant.</li></ul></main></body></html>"
    )
    (record,) = parse_bytes(page.encode(), "posting.html")
    assert record.title == "Water Treatment Operator II"
    assert len(record.duties) == 2
    assert record.minimum_qualifications.min_experience_months == 24
