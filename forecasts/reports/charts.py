"""Charts drawn with matplotlib (object API, no pyplot state): reliability diagram and trend.

Figures are rendered by matplotlib's own backends: SVG for the HTML report (inlined, text kept
as text so it stays small and selectable) and SVG/PNG files beside the Markdown report. Output
is deterministic: no creation date, and a fixed hash salt so element ids do not change between
runs (and differ between the charts inlined in one page).
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure

from forecasts.reports.model import Calibration, TrendPoint
from forecasts.reports.scores import N_BINS, wilson_interval

BLUE = "#1f5fa8"
ORANGE = "#c2571a"
GREY = "#777777"


def reliability_diagram(
    cal: Calibration, title: str, reference: Calibration | None = None
) -> Figure:
    """Observed frequency against mean forecast per bin, with Wilson bars, over a count histogram.

    The top panel leaves room above 1.0 and below 0.0 so that points and interval caps on the
    edges are drawn whole. The bottom panel, the usual companion of a reliability diagram, shows
    how many resolved claims each bin holds, labelled "n=" on its own bar (so a label can never
    point at a neighbouring bin, and labels never overlap the points). ``reference`` (all time,
    say) is drawn as hollow grey points behind, for context.
    """
    fig = Figure(figsize=(6.0, 6.2), layout="constrained")
    ax, hist = fig.subplots(2, 1, sharex=True, height_ratios=[3.2, 1])
    ax.plot([0, 1], [0, 1], linestyle="--", color=GREY, linewidth=1, label="perfect calibration")
    if reference is not None and reference.bins:
        ax.plot(
            [b.mean_forecast for b in reference.bins],
            [b.observed for b in reference.bins],
            "o",
            markerfacecolor="none",
            color=GREY,
            label="all time",
            clip_on=False,
        )
    if cal.bins:
        xs = [b.mean_forecast for b in cal.bins]
        ys = [b.observed for b in cal.bins]
        low = [b.observed - b.wilson_low for b in cal.bins]
        high = [b.wilson_high - b.observed for b in cal.bins]
        bars = ax.errorbar(
            xs,
            ys,
            yerr=[low, high],
            fmt="o",
            color=BLUE,
            ecolor=BLUE,
            elinewidth=1.2,
            capsize=3,
            label="observed (95% Wilson interval)",
        )
        for artist in bars.get_children():
            artist.set_clip_on(False)
    else:
        ax.text(0.5, 0.5, "no resolved claims", ha="center", va="center", color=GREY)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.06, 1.06)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_ylabel("share that came true")
    ax.set_title(title)
    ax.grid(True, linewidth=0.4, alpha=0.5)
    # Below the figure, not inside the plot: no corner of a reliability diagram is always empty.
    fig.legend(loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    _count_histogram(hist, cal)
    hist.set_xlabel("probability the words imply (mean per bin)")
    hist.set_xticks([k / 10 for k in range(11)], [f"{10 * k}%" for k in range(11)], fontsize=9)
    return fig


def _count_histogram(hist: Any, cal: Calibration) -> None:
    """Resolved claims per probability bin, each bar labelled with its own count."""
    width = 1 / N_BINS
    lefts = [b.index * width for b in cal.bins]
    counts = [b.count for b in cal.bins]
    bars = hist.bar(lefts, counts, width=width * 0.92, align="edge", color=BLUE, alpha=0.35)
    top = max(counts, default=0)
    for bar, count in zip(bars, counts, strict=True):
        hist.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height() + top * 0.04,
            f"n={count}",
            ha="center",
            va="bottom",
            fontsize=9,
            color="#333333",
        )
    hist.set_ylim(0, max(top, 1) * 1.45)  # room for the labels above the tallest bar
    hist.set_ylabel("claims")
    hist.yaxis.get_major_locator().set_params(integer=True)
    hist.grid(True, axis="y", linewidth=0.4, alpha=0.5)


def trend_chart(points: list[TrendPoint], title: str) -> Figure:
    """Hit rate, Brier score and resolved claims per month, each on its own axis.

    Hit rate (higher is better) and Brier score (lower is better) point opposite ways, so they
    get separate panels with their own scales. Each hit rate carries its 95% Wilson interval and
    the bottom panel shows how many claims were resolved that month, so a month of 3 claims
    does not look as solid as a month of 300. Gaps: months with nothing resolved.
    """
    fig = Figure(figsize=(7.0, 5.6), layout="constrained")
    top, mid, low = fig.subplots(3, 1, sharex=True, height_ratios=[2.2, 1.6, 1.2])
    labels = [p.month for p in points]
    xs = list(range(len(points)))
    hit = [p.hit_rate if p.hit_rate is not None else math.nan for p in points]
    brier = [p.brier if p.brier is not None else math.nan for p in points]
    err_low, err_high = [], []
    for p in points:
        interval = wilson_interval(p.hits, p.resolved) if p.resolved else None
        rate = p.hit_rate if p.hit_rate is not None else math.nan
        err_low.append(rate - interval[0] if interval else math.nan)
        err_high.append(interval[1] - rate if interval else math.nan)
    line = top.errorbar(
        xs, hit, yerr=[err_low, err_high], marker="o", color=BLUE, capsize=3, elinewidth=1
    )
    for artist in line.get_children():
        artist.set_clip_on(False)
    top.set_ylim(-0.06, 1.06)
    top.set_yticks([0, 0.5, 1.0], ["0%", "50%", "100%"])
    top.set_ylabel("hit rate")
    top.set_title(title)
    top.grid(True, linewidth=0.4, alpha=0.5)
    if all(math.isnan(v) for v in hit):
        top.text(max(len(xs) - 1, 0) / 2, 0.5, "no resolved claims", ha="center", color=GREY)
    mid.plot(xs, brier, marker="s", color=ORANGE, clip_on=False)
    finite = [b for b in brier if not math.isnan(b)]
    mid.set_ylim(0, max(0.3, max(finite, default=0) * 1.15))
    mid.set_ylabel("Brier\n(lower is better)", fontsize=9)
    mid.grid(True, linewidth=0.4, alpha=0.5)
    resolved = [p.resolved for p in points]
    bars = low.bar(xs, resolved, color=GREY, alpha=0.45, width=0.7)
    most = max(resolved, default=0)
    for bar, n in zip(bars, resolved, strict=True):
        low.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height() + most * 0.05,
            str(n),
            ha="center",
            va="bottom",
            fontsize=9,
            color="#333333",
        )
    low.set_ylim(0, max(most, 1) * 1.5)
    low.set_ylabel("resolved", fontsize=9)
    low.yaxis.get_major_locator().set_params(integer=True)
    low.set_xticks(xs, labels, rotation=45, ha="right", fontsize=8)
    low.set_xlim(-0.6, len(xs) - 0.4)
    return fig


def to_svg(fig: Figure, salt: str) -> str:
    """The figure as an ``<svg>`` element ready to inline in HTML (no XML prolog)."""
    buf = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    start = text.find("<svg")
    svg = text[start:]
    # Let CSS size the chart: drop the fixed size, keep the viewBox.
    return re.sub(r'^<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)


def save(fig: Figure, path: Path, salt: str) -> None:
    """Write the figure to ``path`` in the format its suffix names (.svg or .png)."""
    fmt = path.suffix.lstrip(".").lower()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with mpl.rc_context({"svg.hashsalt": salt}):
        fig.savefig(path, format=fmt, metadata=metadata, dpi=110)
