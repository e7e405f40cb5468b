"""Job: write the monthly accuracy report (the daemon runs it on the 1st; `forecasts report` too)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.errors import InputError
from forecasts.reports import render
from forecasts.reports.aggregate import build_report
from forecasts.reports.model import MonthlyReport, parse_month, previous_month


@dataclass
class ReportSummary:
    month: str
    paths: list[str] = field(default_factory=list)
    written: bool = False


def report_month(settings: Settings, clock: Clock, month: str | None) -> str:
    """The month asked for (checked), else the previous month in the configured time zone."""
    if month is None:
        return previous_month(clock.now(), settings.timezone)
    parse_month(month)
    return month


def monthly_report(
    engine: Engine, settings: Settings, clock: Clock, *, month: str | None = None
) -> MonthlyReport:
    """Every figure of one month's report (the previous month by default)."""
    return build_report(
        engine,
        report_month(settings, clock, month),
        now=clock.now(),
        timezone=settings.timezone,
        listing_limit=settings.reports.listing_limit,
        highlights=settings.reports.highlights,
    )


def report_paths(settings: Settings, month: str, formats: Sequence[str]) -> list[Path]:
    folder = settings.path(settings.reports_dir)
    return [folder / f"{month}{render.SUFFIX[fmt]}" for fmt in formats]


def write_monthly_report(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    month: str | None = None,
    formats: Sequence[str] | None = ("md", "html"),
    skip_existing: bool = False,
) -> ReportSummary:
    """Write ``month``'s report (default: the previous month) into ``settings.reports_dir``.

    ``formats=None`` means ``settings.reports.formats``. With ``skip_existing`` a report whose
    files are all there already is left alone (``written`` is False): a daemon catching up
    after downtime can call this freely.
    """
    chosen = list(settings.reports.formats if formats is None else formats)
    unknown = [f for f in chosen if f not in render.FORMATS]
    if unknown:
        raise InputError(f"unknown report format {unknown[0]!r} (choose from {render.FORMATS})")
    target = report_month(settings, clock, month)
    paths = report_paths(settings, target, chosen)
    if skip_existing and paths and all(p.exists() for p in paths):
        return ReportSummary(month=target, paths=[str(p) for p in paths], written=False)
    report = monthly_report(engine, settings, clock, month=target)
    written: list[str] = []
    for fmt, path in zip(chosen, paths, strict=True):
        written += [str(p) for p in render.write(report, fmt, path)]
    return ReportSummary(month=target, paths=written, written=True)
