"""The Markdown format: tables, with the charts written as SVG files beside the .md file."""

from __future__ import annotations

import html
from pathlib import Path

from forecasts.reports import charts
from forecasts.reports.layout import Link, Table, month_name, sections, title
from forecasts.reports.model import MonthlyReport


def _escape(text: str) -> str:
    # Text from articles must not become Markdown/HTML structure: escape HTML, table pipes,
    # and the characters that start emphasis, code or links; keep it on one line.
    text = html.escape(" ".join(text.split()), quote=False)
    for ch in "\\`*_[]|":
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(cell: str | Link) -> str:
    if isinstance(cell, Link) and cell.safe_url:
        return f"[{_escape(cell.text)}](<{cell.safe_url.replace('>', '%3E').replace(' ', '%20')}>)"
    return _escape(str(cell))


def _table(table: Table) -> list[str]:
    lines = [f"*{_escape(table.caption)}*", ""] if table.caption else []
    lines.append("| " + " | ".join(_escape(h) for h in table.headers) + " |")
    lines.append(
        "|"
        + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
        + "|"
    )
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def chart_paths(out: Path) -> dict[str, Path]:
    return {
        "reliability": out.with_name(f"{out.stem}-reliability.svg"),
        "trend": out.with_name(f"{out.stem}-trend.svg"),
    }


def render(report: MonthlyReport, out: Path) -> list[Path]:
    """Write ``out`` (.md) and its chart files; return every path written."""
    paths = chart_paths(out)
    written: list[Path] = []
    lines = [f"# {title(report)}", ""]
    lines.append(
        f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC; months in {report.timezone}."
    )
    lines.append("")
    for section in sections(report):
        lines += [f"## {section.title}", ""]
        for p in section.paragraphs:
            lines += [_escape(p), ""]
        if section.chart:
            path = paths[section.chart]
            if section.chart == "reliability":
                fig = charts.reliability_diagram(
                    report.calibration, f"Reliability, {month_name(report.month)}", report.all_time
                )
            else:
                fig = charts.trend_chart(report.trend, "Hit rate and Brier score by month")
            charts.save(fig, path, salt=section.chart)
            written.append(path)
            lines += [f"![{section.chart} chart](<{path.name}>)", ""]
        for table in section.tables:
            if table.rows:
                lines += _table(table)
    out.write_text("\n".join(lines), encoding="utf-8")
    return [out, *written]
