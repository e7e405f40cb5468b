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

import matplotlib as mpl
from matplotlib.figure import Figure

from forecasts.reports.model import Calibration, TrendPoint

BLUE = "#1f5fa8"
ORANGE = "#c2571a"
GREY = "#777777"


def reliability_diagram(
    cal: Calibration, title: str, reference: Calibration | None = None
) -> Figure:
    """Observed frequency against mean forecast per bin, with Wilson bars and counts.

    ``reference`` (all time, say) is drawn as hollow grey points behind, for context.
    """
    fig = Figure(figsize=(6.0, 5.0), layout="constrained")
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], linestyle="--", color=GREY, linewidth=1, label="perfect calibration")
    if reference is not None and reference.bins:
        ax.plot(
            [b.mean_forecast for b in reference.bins],
            [b.observed for b in reference.bins],
            "o",
            markerfacecolor="none",
            color=GREY,
            label="all time",
        )
    if cal.bins:
        xs = [b.mean_forecast for b in cal.bins]
        ys = [b.observed for b in cal.bins]
        low = [b.observed - b.wilson_low for b in cal.bins]
        high = [b.wilson_high - b.observed for b in cal.bins]
        ax.errorbar(
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
        for b in cal.bins:
            ax.annotate(
                f"n={b.count}",
                (b.mean_forecast, b.observed),
                textcoords="offset points",
                xytext=(-34 if b.mean_forecast > 0.85 else 6, -12),
                fontsize=8,
                color="#333333",
            )
    else:
        ax.text(0.5, 0.5, "no resolved claims", ha="center", va="center", color=GREY)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("probability the words imply (mean per bin)")
    ax.set_ylabel("share that came true")
    ax.set_title(title)
    ax.grid(True, linewidth=0.4, alpha=0.5)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


def trend_chart(points: list[TrendPoint], title: str) -> Figure:
    """Hit rate and Brier score per month (gaps where a month had nothing resolved)."""
    fig = Figure(figsize=(7.0, 3.8), layout="constrained")
    ax = fig.add_subplot()
    labels = [p.month for p in points]
    xs = list(range(len(points)))
    hit = [p.hit_rate if p.hit_rate is not None else math.nan for p in points]
    brier = [p.brier if p.brier is not None else math.nan for p in points]
    ax.plot(xs, hit, marker="o", color=BLUE, label="hit rate")
    ax.plot(xs, brier, marker="s", color=ORANGE, label="Brier score (lower is better)")
    if all(math.isnan(v) for v in hit):
        ax.text(len(xs) / 2, 0.5, "no resolved claims", ha="center", va="center", color=GREY)
    ax.set_xticks(xs, labels, rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_ylabel("share / score")
    ax.set_title(title)
    ax.grid(True, linewidth=0.4, alpha=0.5)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
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
