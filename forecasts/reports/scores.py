"""Scoring rules for probability forecasts: pure functions over plain numbers.

A claim's ``probability`` is P(the claim as stated comes true); a fulfilled claim scores as
outcome 1, an unfulfilled one as 0. Claims that are open, need review, are void or cannot be
verified have no outcome and never enter these functions (the reports count them separately).

Calibration uses fixed, equal-width probability bins over the whole range 0..1 (no folding at
50 %: a 0.2 forecast that failed is not treated as a 0.8 forecast that came true). Each bin is
plotted at the mean forecast of the claims in it, not at its midpoint, with its count and a
Wilson score interval for the observed frequency.

The Brier score decomposes (Murphy 1973) as ``BS = reliability - resolution + uncertainty``
when every forecast in a bin equals the bin's mean; with bins that hold several distinct
probabilities a small remainder is left (Stephenson, Coelho & Jolliffe 2008 call it the
within-bin variance and covariance terms), which ``Decomposition.within_bin`` reports so the
three parts always add up to the score shown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

N_BINS = 10
Z_95 = 1.959963984540054  # two-sided 95 % normal quantile


def bin_edges(n_bins: int = N_BINS) -> list[float]:
    """Lower edges of ``n_bins`` equal bins over 0..1: [0.0, 0.1, ..., 0.9] for ten."""
    return [k / n_bins for k in range(n_bins)]


def bucket_index(probability: float, n_bins: int = N_BINS) -> int:
    """The bin a probability falls in: bins are [k/n, (k+1)/n), the last one closed at 1.0.

    Comparing against the literal edges k/n rather than flooring p*n (0.29*100 is
    28.999999999999996) puts every edge value in the bin above it, as the label says.
    """
    if not 0.0 <= probability <= 1.0 or math.isnan(probability):
        raise ValueError(f"probability {probability} is outside 0..1")
    index = 0
    for k, edge in enumerate(bin_edges(n_bins)):
        if probability >= edge:
            index = k
    return index


def bucket_label(index: int, n_bins: int = N_BINS) -> str:
    """A readable range, e.g. '70–80%' (the last bin is '90–100%')."""
    low = round(100 * index / n_bins)
    high = round(100 * (index + 1) / n_bins)
    return f"{low}–{high}%"


def brier_score(pairs: Iterable[tuple[float, int]]) -> float | None:
    """Mean squared difference between forecast and outcome; None when there is nothing to score."""
    total = 0.0
    n = 0
    for probability, outcome in pairs:
        total += (probability - outcome) ** 2
        n += 1
    return total / n if n else None


def wilson_interval(hits: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion hits/n (Wilson 1927); None when n is 0.

    Unlike the normal approximation it stays inside 0..1 and is sensible for small counts and
    for 0/n or n/n, which is exactly where a monthly report's bins live.
    """
    if n <= 0:
        return None
    if not 0 <= hits <= n:
        raise ValueError(f"hits {hits} outside 0..{n}")
    p = hits / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class BinStats:
    """Sufficient statistics of one bin, as the database returns them."""

    index: int
    count: int
    hits: int
    sum_probability: float
    sum_squared_error: float


@dataclass(frozen=True)
class CalibrationBin:
    """One point of a reliability diagram."""

    index: int
    label: str
    count: int
    hits: int
    mean_forecast: float
    observed: float
    wilson_low: float
    wilson_high: float


@dataclass(frozen=True)
class Decomposition:
    """The Brier score and its Murphy decomposition over the bins."""

    n: int
    brier: float
    reliability: float
    resolution: float
    uncertainty: float
    within_bin: float
    base_rate: float


def calibration_bins(stats: Sequence[BinStats], n_bins: int = N_BINS) -> list[CalibrationBin]:
    """Reliability-diagram points for the non-empty bins, in bin order."""
    out = []
    for s in sorted(stats, key=lambda b: b.index):
        if s.count <= 0:
            continue
        low, high = wilson_interval(s.hits, s.count) or (0.0, 1.0)
        out.append(
            CalibrationBin(
                index=s.index,
                label=bucket_label(s.index, n_bins),
                count=s.count,
                hits=s.hits,
                mean_forecast=s.sum_probability / s.count,
                observed=s.hits / s.count,
                wilson_low=low,
                wilson_high=high,
            )
        )
    return out


def decompose(stats: Sequence[BinStats]) -> Decomposition | None:
    """Brier score, reliability, resolution and uncertainty from per-bin sums; None if empty."""
    n = sum(s.count for s in stats)
    if n == 0:
        return None
    hits = sum(s.hits for s in stats)
    base_rate = hits / n
    brier = sum(s.sum_squared_error for s in stats) / n
    reliability = 0.0
    resolution = 0.0
    for s in stats:
        if s.count == 0:
            continue
        mean_f = s.sum_probability / s.count
        observed = s.hits / s.count
        reliability += s.count * (mean_f - observed) ** 2
        resolution += s.count * (observed - base_rate) ** 2
    reliability /= n
    resolution /= n
    uncertainty = base_rate * (1 - base_rate)
    within = brier - (reliability - resolution + uncertainty)
    # Rounding noise only: report an exact zero when every bin holds one forecast value.
    if abs(within) < 1e-12:
        within = 0.0
    return Decomposition(
        n=n,
        brier=brier,
        reliability=reliability,
        resolution=resolution,
        uncertainty=uncertainty,
        within_bin=within,
        base_rate=base_rate,
    )


def bin_stats(pairs: Iterable[tuple[float, int]], n_bins: int = N_BINS) -> list[BinStats]:
    """Per-bin sums from (probability, outcome) pairs: the pure twin of the SQL aggregation."""
    acc: dict[int, list[float]] = {}
    for probability, outcome in pairs:
        k = bucket_index(probability, n_bins)
        row = acc.setdefault(k, [0, 0, 0.0, 0.0])
        row[0] += 1
        row[1] += outcome
        row[2] += probability
        row[3] += (probability - outcome) ** 2
    return [BinStats(k, int(r[0]), int(r[1]), r[2], r[3]) for k, r in sorted(acc.items())]


def hit_rate(hits: int, resolved: int) -> float | None:
    """Share of resolved claims that came true; None when none were resolved."""
    return hits / resolved if resolved else None
