"""The terminal format: the report outline as rich tables.

Cells go in as ``rich.text.Text``, which neither interprets markup nor passes terminal
control codes through, so text taken from articles cannot restyle or rewrite the terminal.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from forecasts.reports.layout import Link, Table, sections, title
from forecasts.reports.model import MonthlyReport

CHART_NOTE = {
    "reliability": "(reliability diagram in the md/html formats)",
    "trend": "(trend chart in the md/html formats)",
}


def _table(table: Table) -> RichTable:
    out = RichTable(
        title=Text(table.caption) if table.caption else None,
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    for i, header in enumerate(table.headers):
        out.add_column(Text(header), justify="right" if i in table.numeric else "left")
    for row in table.rows:
        out.add_row(*(Text(cell.text if isinstance(cell, Link) else cell) for cell in row))
    return out


def renderable(report: MonthlyReport) -> RenderableType:
    parts: list[RenderableType] = [Rule(Text(title(report), style="bold"))]
    for section in sections(report):
        parts.append(Text(section.title, style="bold underline"))
        parts.extend(Text(p) for p in section.paragraphs)
        if section.chart:
            parts.append(Text(CHART_NOTE[section.chart], style="dim"))
        parts.extend(_table(t) for t in section.tables if t.rows)
        parts.append(Text(""))
    return Group(*parts)


def render(report: MonthlyReport, *, width: int = 120) -> str:
    """The terminal report as plain text (no colour codes), e.g. for --out."""
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False).print(renderable(report))
    return buf.getvalue()
