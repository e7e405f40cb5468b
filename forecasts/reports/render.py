"""Write a report in one of the formats: table, md, html, json."""

from __future__ import annotations

import os
from pathlib import Path

from forecasts.reports import html, markdown, table
from forecasts.reports.model import MonthlyReport, to_json

FORMATS = ("table", "md", "html", "json")
SUFFIX = {"table": ".txt", "md": ".md", "html": ".html", "json": ".json"}


def render_text(report: MonthlyReport, fmt: str) -> str:
    """The report as one string (every format but md, whose charts are separate files)."""
    if fmt == "table":
        return table.render(report)
    if fmt == "html":
        return html.render(report)
    if fmt == "json":
        return to_json(report)
    raise ValueError(f"format {fmt!r} cannot be rendered to a single string")


def _write_atomic(path: Path, text: str) -> None:
    # A reader (or a crash) never sees half a report: write beside it, then rename over it.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write(report: MonthlyReport, fmt: str, out: Path) -> list[Path]:
    """Write the report to ``out`` (md also writes its chart files); return the paths written."""
    if fmt == "md":
        out.parent.mkdir(parents=True, exist_ok=True)
        return markdown.render(report, out)
    _write_atomic(out, render_text(report, fmt))
    return [out]
