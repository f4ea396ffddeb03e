"""Horizontal bar charts as inline SVG: a few dozen lines instead of a plotting
library, readable without a browser script and printable."""

from __future__ import annotations

import html

WIDTH = 480
ROW = 24
LABEL_WIDTH = 130
COUNT_WIDTH = 50
COLOUR = "#4c78a8"


def bar_chart(title: str, rows: list[tuple[str, int]]) -> str:
    """`rows` as (label, count), drawn top to bottom; each bar carries its figures in
    data-label / data-count so the page can be checked by a program."""
    top = max((count for _, count in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - COUNT_WIDTH
    height = ROW * max(len(rows), 1) + 8
    bars = []
    for index, (label, count) in enumerate(rows):
        y = 4 + index * ROW
        length = round(span * count / top, 1)
        shown = html.escape(str(label))
        bars.append(
            f'<g class="bar" data-label="{shown}" data-count="{count}">'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{shown}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{ROW - 6}" fill="{COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}">{count}</text></g>'
        )
    if not rows:
        bars.append(f'<text x="{LABEL_WIDTH}" y="20">no data</text>')
    name = html.escape(title)
    return (
        f"<figcaption>{name}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{name}" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="system-ui,sans-serif" '
        f'font-size="13" fill="#1f2328"><title>{name}</title>{"".join(bars)}</svg>'
    )
