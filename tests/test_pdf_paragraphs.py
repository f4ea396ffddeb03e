"""Rebuilding paragraphs from printed lines: the cases where a line's geometry alone
cannot tell a wrap from a new paragraph (text printed to PDF without spacing)."""

from __future__ import annotations

from classspec.readers.pdf_layout import VisualLine
from classspec.readers.pdf_paragraphs import rebuild_paragraphs

PITCH = 6.0  # a monospaced font, 10 pt: every character 6 pt wide
WIDTH = 60  # characters per line


def printed(*texts: str, page: int = 1, right_aligned: bool = False) -> list[VisualLine]:
    """Lines as a typewriter-style printout sets them, one below the other, and far
    below them a line as wide as the text block (it sets the right margin)."""
    lines = []
    for row, text in enumerate([*texts, RULER]):
        top = 100.0 + 12 * row + (300 if text is RULER else 0)
        x0 = 50.0 + PITCH * (WIDTH - len(text)) if right_aligned else 50.0
        lines.append(
            VisualLine(
                text,
                page,
                top,
                top + 10,
                x0,
                x0 + PITCH * len(text),
                10.0,
                False,
                first_word_width=PITCH * len(text.split()[0]),
                space_width=PITCH,
                monospaced=True,
            )
        )
    return lines


def texts(*pages: list[VisualLine]) -> list[str]:
    """The rebuilt lines, the margin-setting line left out."""
    return [line.text for line in rebuild_paragraphs(list(pages)) if line.text and line.text != RULER]


RULER = "X" * WIDTH


def test_a_wrapped_paragraph_is_joined() -> None:
    lines = printed("Plans and organizes the work of the section and reviews the", "reports.")
    assert texts(lines) == ["Plans and organizes the work of the section and reviews the reports."]


def test_an_item_whose_last_line_fills_the_width_does_not_swallow_the_next() -> None:
    duties = printed(
        "Prepares the weekly schedule of the crews.",
        "Orders supplies and keeps the stock records.",
        "Reviews the reports of the field staff and the vendors daily.",  # 60: full
        "Trains new employees.",  # would not fit after it: geometry says "wrapped"
    )
    assert texts(duties) == [
        "Prepares the weekly schedule of the crews.",
        "Orders supplies and keeps the stock records.",
        "Reviews the reports of the field staff and the vendors daily.",
        "Trains new employees.",
    ]


def test_items_without_full_stops_stay_apart() -> None:
    knowledge = printed(
        "Knowledge of:",
        "Local, State and Federal laws",
        "Principles of management and organizational analysis",
        "Department policies procedures and the County Administrative",
        "Budget analysis",
    )
    assert texts(knowledge)[2:] == [
        "Principles of management and organizational analysis",
        "Department policies procedures and the County Administrative",
        "Budget analysis",
    ]


def test_a_line_ending_in_a_joining_word_goes_on() -> None:
    lines = printed(
        "Knowledge of:",
        "Essential Functions:",
        "As the manager of a major function of the Sheriff's Office, an",
        "Assistant Sheriff operates within policy.",
    )
    assert texts(lines)[-1].startswith("As the manager") and texts(lines)[-1].endswith("within policy.")


def test_a_title_case_heading_after_a_full_last_line_is_its_own_line() -> None:
    lines = printed(
        "This classification assists the manager in informing the city.",
        "Examples Of Duties",
        "Responds to public inquiries.",
    )
    assert "Examples Of Duties" in texts(lines)


def test_a_paragraph_goes_on_across_a_page_break() -> None:
    first = printed("Reviews the reports of the field staff and prepares the")
    second = printed("monthly summary for the director.", page=2)
    assert texts(first[:-1], second) == [
        "Reviews the reports of the field staff and prepares the monthly summary for the director."
    ]


def test_a_word_cut_to_fit_a_narrow_column_is_mended() -> None:
    column = printed("WATER", "ENGINEERIN", "G PROJECTS", "ASSISTANTS", right_aligned=True)
    body = printed("Directs the engineering staff.")
    for line in body:
        line.top += 400
        line.bottom += 400
    assert texts(column[:-1] + body)[0] == "WATER ENGINEERING PROJECTS ASSISTANTS"
