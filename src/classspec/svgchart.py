"""Horizontal bar charts as inline SVG: a few dozen lines instead of a plotting
library, readable without a browser script and printable."""

from __future__ import annotations

import html

WIDTH = 480
ROW = 24
LABEL_WIDTH = 130
COUNT_WIDTH = 50
COLOUR = "#4c78a8"


CHAR_WIDTH = 7.5  # of a label at 13px, to cut labels to the room they have


def _fit(label: str, room: float) -> str:
    chars = int(room / CHAR_WIDTH)
    return label if len(label) <= chars else label[: chars - 1] + "…"


def _figure(title: str, width: float, height: float, parts: list[str]) -> str:
    """A chart's caption and its SVG, named by its title for screen readers."""
    name = html.escape(title)
    return (
        f"<figcaption>{name}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{name}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif" '
        f'font-size="13" fill="#1f2328"><title>{name}</title>{"".join(parts)}</svg>'
    )


def bar_chart(title: str, rows: list[tuple[str, int]], label_width: int = LABEL_WIDTH) -> str:
    """`rows` as (label, count), drawn top to bottom; each bar carries its figures in
    data-label / data-count so the page can be checked by a program. Long labels
    (SOC titles) want a wider `label_width`; what still does not fit is cut with "…"."""
    width = WIDTH + label_width - LABEL_WIDTH
    top = max((count for _, count in rows), default=0) or 1
    span = width - label_width - COUNT_WIDTH
    height = ROW * max(len(rows), 1) + 8
    bars = []
    for index, (label, count) in enumerate(rows):
        y = 4 + index * ROW
        length = round(span * count / top, 1)
        shown = html.escape(_fit(str(label), label_width - 10))
        bars.append(
            f'<g class="bar" data-label="{html.escape(str(label))}" data-count="{count}">'
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{shown}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{ROW - 6}" fill="{COLOUR}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}">{count}</text></g>'
        )
    if not rows:
        bars.append(f'<text x="{label_width}" y="20">no data</text>')
    return _figure(title, width, height, bars)


RANGE_LABEL_WIDTH = 260
MARKER_COLOUR = "#e45756"


def range_chart(title: str, rows: list[tuple[str, float, float, float | None]], unit: str = "") -> str:
    """`rows` as (label, low, high, marker): a bar from low to high on one scale for
    all rows, and a marker (a market median) where one is given. Each row carries its
    figures in data-low / data-high / data-marker."""
    width = WIDTH + 220
    right = 140 + 8 * max(len(unit) - 1, 0)  # room for the figures after the longest bar ("CAD 1,000")
    top = max((max(hi, mk or 0) for _, _, hi, mk in rows), default=0) or 1
    span = width - RANGE_LABEL_WIDTH - right
    scale = span / top
    height = ROW * max(len(rows), 1) + 28
    parts = []
    for index, (label, low, high, mark) in enumerate(rows):
        y = 4 + index * ROW
        shown = html.escape(_fit(str(label), RANGE_LABEL_WIDTH - 10))
        x0 = RANGE_LABEL_WIDTH + round(low * scale, 1)
        length = max(round((high - low) * scale, 1), 2.0)  # a single figure still shows
        marker = ""
        if mark is not None:
            mx = RANGE_LABEL_WIDTH + round(mark * scale, 1)
            marker = (
                f'<line class="marker" x1="{mx}" x2="{mx}" y1="{y + 1}" y2="{y + ROW - 1}" '
                f'stroke="{MARKER_COLOUR}" stroke-width="3"/>'
            )
        parts.append(
            f'<g class="range" data-label="{html.escape(str(label))}" data-low="{low}" data-high="{high}" '
            f'data-marker="{"" if mark is None else mark}">'
            f'<text x="{RANGE_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{shown}</text>'
            f'<rect x="{x0}" y="{y + 5}" width="{length}" height="{ROW - 10}" fill="{COLOUR}"/>{marker}'
            f'<text x="{x0 + length + 6}" y="{y + 16}">{unit}{low:,.0f}–{high:,.0f}</text></g>'
        )
    if not rows:
        parts.append(f'<text x="{RANGE_LABEL_WIDTH}" y="20">no data</text>')
    axis_y = height - 8
    parts.append(
        f'<text x="{RANGE_LABEL_WIDTH}" y="{axis_y}" fill="#57606a">0</text>'
        f'<text x="{RANGE_LABEL_WIDTH + span}" y="{axis_y}" text-anchor="end" fill="#57606a">'
        f"{unit}{top:,.0f}</text>"
    )
    return _figure(title, width, height, parts)
