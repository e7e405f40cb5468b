"""The report's sections as neutral data (titles, sentences, tables, chart slots).

Every output format renders this same outline, so the terminal, Markdown and HTML reports
never disagree about what is shown or in which order. Cells are plain strings, or ``Link``
for evidence and article links (rendered as links only when the URL is http or https).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from forecasts.reports.model import (
    MIN_SPEAKER_RESOLVED,
    ClaimRow,
    MonthlyReport,
    StatusCounts,
    TrackRecord,
)

TRACK_ROWS = 25


@dataclass(frozen=True)
class Link:
    text: str
    url: str

    @property
    def safe_url(self) -> str:
        """The URL when it is http(s); anything else (javascript:, data:) is not linked."""
        return self.url if self.url.lower().startswith(("http://", "https://")) else ""

    def __str__(self) -> str:
        return self.text


Cell = str | Link


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    numeric: set[int] = field(default_factory=set)  # column indexes aligned right
    caption: str = ""


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    chart: str = ""  # "reliability" or "trend": the renderer places that chart here


def claims(n: int) -> str:
    return f"{n} claim" if n == 1 else f"{n} claims"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def month_name(month: str) -> str:
    year, mon = month.split("-")
    return date(int(year), int(mon), 1).strftime("%B %Y")


def title(report: MonthlyReport) -> str:
    return f"Forecast accuracy — {month_name(report.month)}"


def _status_sentence(counts: StatusCounts) -> str:
    return (
        f"{claims(counts.total)} fell due: {counts.fulfilled} fulfilled, "
        f"{counts.unfulfilled} unfulfilled, {counts.needs_review} need review, "
        f"{counts.open} still open, {counts.void} void, {counts.not_verifiable} not verifiable"
        + (
            f", {counts.unresolved} not covered by your feeds (unresolved)"
            if counts.unresolved
            else ""
        )
        + (f"; they are about {counts.questions} questions." if counts.questions else ".")
    )


# How a status reads in a report where its name alone would not say enough.
_STATUS_TEXT = {"unresolved": "not covered by your feeds"}


def _claims_table(rows: list[ClaimRow], *, with_status: bool = True) -> Table:
    headers = ["Claim", "Speaker", "Outlet", "Hedge", "P", "Window"]
    if with_status:
        headers += ["Status", "Event date", "Evidence"]
    out: list[list[Cell]] = []
    for r in rows:
        window = f"{r.due_earliest.isoformat()} – {r.due_latest.isoformat()}"
        claim: Cell = Link(r.claim or r.event, r.article_url) if r.article_url else r.claim
        row: list[Cell] = [claim, r.speaker or "—", r.outlet or "—", r.hedge or "—"]
        row += [f"{r.probability:.2f}", window]
        if with_status:
            evidence: Cell = Link("evidence", r.evidence_url) if r.evidence_url else "—"
            row += [
                _STATUS_TEXT.get(r.status, r.status.replace("_", " ")),
                r.event_date.isoformat() if r.event_date else "—",
            ]
            row.append(evidence)
        out.append(row)
    return Table(headers, out, numeric={4})


def _track_table(records: list[TrackRecord], caption: str) -> Table:
    shown = records[:TRACK_ROWS]
    rows: list[list[Cell]] = [
        [r.name, str(r.claims), str(r.resolved), str(r.hits), pct(r.hit_rate), score(r.brier)]
        for r in shown
    ]
    if len(records) > len(shown):
        caption += f" (top {len(shown)} of {len(records)} by resolved claims; all in JSON)"
    return Table(
        ["Name", "Claims", "Resolved", "Came true", "Hit rate", "Brier"],
        rows,
        numeric={1, 2, 3, 4, 5},
        caption=caption,
    )


def sections(report: MonthlyReport) -> list[Section]:
    """The outline of the report, top to bottom."""
    counts = report.counts
    summary = Section("Summary", [_status_sentence(counts)])
    d = report.calibration.decomposition
    if report.is_empty:
        summary.paragraphs = [f"No claims fell due in {month_name(report.month)}."]
        upcoming = report.next_month_counts.total
        summary.paragraphs.append(
            f"{claims(upcoming)} fall due in {month_name(report.next_month)}."
        )
        return [summary]
    summary.paragraphs.append(
        f"Hit rate: {pct(counts.hit_rate)} of {counts.resolved} resolved "
        + ("claim " if counts.resolved == 1 else "claims ")
        + f"about {counts.questions_resolved} "
        + ("question " if counts.questions_resolved == 1 else "questions ")
        + "(claims needing review, still open, void, not verifiable or not covered by your "
        "feeds are counted but not scored)."
    )
    if d is not None:
        summary.paragraphs.append(
            f"Brier score: {score(d.brier)} = reliability {score(d.reliability)} − resolution "
            f"{score(d.resolution)} + uncertainty {score(d.uncertainty)}"
            + (f" + within-bin {score(d.within_bin)}" if d.within_bin else "")
            + " (0 is perfect; always saying 50% scores 0.250)."
        )
    summary.tables.append(
        Table(
            ["Status", "Claims"],
            [
                ["fulfilled", str(counts.fulfilled)],
                ["unfulfilled", str(counts.unfulfilled)],
                ["needs review", str(counts.needs_review)],
                ["open", str(counts.open)],
                ["void", str(counts.void)],
                ["not verifiable", str(counts.not_verifiable)],
                ["not covered by your feeds", str(counts.unresolved)],
                ["total", str(counts.total)],
            ],
            numeric={1},
        )
    )

    calibration = Section(
        "Calibration",
        [
            "For each probability bin: the chance the hedge words imply against how often "
            "such claims came true, with the 95% Wilson interval. Bins are plotted at their "
            "mean forecast; small bins are shown with their counts, not hidden."
        ],
        chart="reliability",
    )
    calibration.tables.append(_bins_table(report, all_time=False))
    calibration.tables.append(_hedge_table(report, all_time=False))
    calibration.tables.append(_hedge_table(report, all_time=True))

    track = Section("Track records")
    track.tables = [
        _track_table(report.speakers_month, f"Speakers, {month_name(report.month)}"),
        _track_table(report.outlets_month, f"Outlets, {month_name(report.month)}"),
        _track_table(report.speakers_all_time, "Speakers, all time"),
        _track_table(report.outlets_all_time, "Outlets, all time"),
    ]
    if report.speaker_calibration:
        track.tables.append(_speaker_calibration_table(report))

    highlights = Section("Misses and surprises")
    misses = _claims_table(report.overconfident_misses)
    misses.caption = "Most over-confident misses (more than even odds, did not happen)"
    surprises = _claims_table(report.surprises)
    surprises.caption = "Biggest surprises (less than even odds, happened)"
    highlights.tables = [misses, surprises]
    if not report.overconfident_misses and not report.surprises:
        highlights.paragraphs.append("None this month.")

    trend = Section("Trend", chart="trend")
    trend.tables.append(
        Table(
            ["Month", "Due", "Resolved", "Came true", "Hit rate", "Brier"],
            [
                [p.month, str(p.due), str(p.resolved), str(p.hits), pct(p.hit_rate), score(p.brier)]
                for p in report.trend
            ],
            numeric={1, 2, 3, 4, 5},
            caption="The last 12 months",
        )
    )

    due = Section(f"Claims due in {month_name(report.month)}")
    listing = _claims_table(report.claims)
    if counts.total > len(report.claims):
        listing.caption = (
            f"Showing {len(report.claims)} of {counts.total}; `forecasts export` has them all."
        )
    due.tables.append(listing)

    nxt = report.next_month_counts
    coming = Section(
        f"Due next month ({month_name(report.next_month)})",
        [f"{claims(nxt.total)} fall due, {nxt.open} of them still open."],
    )
    if report.next_month_claims:
        coming.tables.append(_claims_table(report.next_month_claims, with_status=False))
    return [summary, calibration, track, highlights, trend, due, coming]


def _speaker_calibration_table(report: MonthlyReport) -> Table:
    return Table(
        ["Speaker", "Bin", "Claims", "Came true", "Observed", "95% interval"],
        [
            [
                sc.name,
                b.label,
                str(b.count),
                str(b.hits),
                pct(b.observed),
                f"{pct(b.wilson_low)}–{pct(b.wilson_high)}",
            ]
            for sc in report.speaker_calibration
            for b in sc.bins
        ],
        numeric={2, 3, 4},
        caption="Calibration per speaker, all time (the speakers with most resolved claims, "
        f"{MIN_SPEAKER_RESOLVED} at least)",
    )


def _bins_table(report: MonthlyReport, *, all_time: bool) -> Table:
    cal = report.all_time if all_time else report.calibration
    return Table(
        ["Bin", "Mean forecast", "Claims", "Came true", "Observed", "95% interval"],
        [
            [
                b.label,
                pct(b.mean_forecast),
                str(b.count),
                str(b.hits),
                pct(b.observed),
                f"{pct(b.wilson_low)}–{pct(b.wilson_high)}",
            ]
            for b in cal.bins
        ],
        numeric={1, 2, 3, 4},
        caption="By probability bin, " + ("all time" if all_time else "this month"),
    )


def _hedge_table(report: MonthlyReport, *, all_time: bool) -> Table:
    cal = report.all_time if all_time else report.calibration
    return Table(
        ["Hedge", "Implies", "Said", "Came true", "Observed", "95% interval", "Brier"],
        [
            [
                h.hedge,
                pct(h.mean_probability),
                str(h.count),
                str(h.hits),
                pct(h.observed),
                f"{pct(h.wilson_low)}–{pct(h.wilson_high)}",
                score(h.brier),
            ]
            for h in cal.hedges
        ],
        numeric={1, 2, 3, 4, 6},
        caption="By hedge word, " + ("all time" if all_time else "this month"),
    )
