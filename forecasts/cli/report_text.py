"""The monthly report for a terminal of any width (80 columns included), as plain lines.

A table that fits is printed in aligned columns; one that does not becomes a list of records
(the first column as a heading, then "header: value" lines), so a value is never cut to one
word per line. Paragraphs are wrapped at word boundaries.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from forecasts.cli import render
from forecasts.cli.app import clean

if TYPE_CHECKING:
    from forecasts.reports.layout import Cell, Table
    from forecasts.reports.model import MonthlyReport

CHART_NOTE = {
    "reliability": "(reliability diagram in the md/html formats)",
    "trend": "(trend chart in the md/html formats)",
}


def _text(cell: Cell) -> str:
    return render.one_line(clean(cell if isinstance(cell, str) else cell.text))


def table_lines(table: Table, columns: int) -> list[str]:
    """Aligned columns when they fit in ``columns``, else one record per row."""
    headers = [_text(h) for h in table.headers]
    rows = [[_text(c) for c in row] for row in table.rows]
    widths = [
        max(render.width(x) for x in [h, *(r[i] for r in rows)]) for i, h in enumerate(headers)
    ]
    lines = [render.cut(table.caption, columns)] if table.caption else []
    if sum(widths) + 2 * (len(widths) - 1) <= columns:

        def line(cells: list[str]) -> str:
            parts = []
            for i, cell in enumerate(cells):
                pad = " " * (widths[i] - render.width(cell))
                parts.append(pad + cell if i in table.numeric else cell + pad)
            return "  ".join(parts).rstrip()

        lines.append(line(headers))
        lines.append("  ".join("-" * w for w in widths))
        lines += [line(r) for r in rows]
        return lines
    label_w = max(render.width(h) for h in headers[1:]) if len(headers) > 1 else 0
    for row in rows:
        lines.append(render.cut("- " + row[0], columns))
        for header, cell in zip(headers[1:], row[1:], strict=True):
            label = render.pad(header + ":", label_w + 1)
            lines.append(render.cut(f"    {label} {cell}", columns, fold=False))
    return lines


def report_lines(report: MonthlyReport, columns: int) -> list[str]:
    from forecasts.reports.layout import sections, title

    heading = clean(title(report))
    lines = [heading, "=" * min(render.width(heading), columns), ""]
    for section in sections(report):
        lines += [clean(section.title), "-" * min(render.width(clean(section.title)), columns)]
        for paragraph in section.paragraphs:
            lines += textwrap.wrap(render.one_line(clean(paragraph)), columns) or [""]
        if section.chart:
            lines.append(CHART_NOTE.get(section.chart, ""))
        for table in section.tables:
            if table.rows:
                lines += ["", *table_lines(table, columns)]
        lines.append("")
    return lines
