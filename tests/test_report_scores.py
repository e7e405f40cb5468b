"""Scores: Brier, Murphy decomposition, Wilson intervals and bins, against hand-computed values."""

from __future__ import annotations

import pytest

from forecasts.reports.scores import (
    bin_stats,
    brier_score,
    bucket_index,
    bucket_label,
    calibration_bins,
    decompose,
    hit_rate,
    wilson_interval,
)

# Three "will" claims (0.9): two came true; two "unlikely" claims (0.2): one came true.
FIVE = [(0.9, 1), (0.9, 1), (0.9, 0), (0.2, 0), (0.2, 1)]


def test_brier_is_the_mean_squared_error() -> None:
    """(0.01 + 0.01 + 0.81 + 0.04 + 0.64) / 5 = 0.302."""
    assert brier_score(FIVE) == pytest.approx(0.302)


def test_brier_of_nothing_is_none() -> None:
    """An empty month has no score rather than a misleading zero."""
    assert brier_score([]) is None


def test_decomposition_matches_hand_computation() -> None:
    """REL = 103/1500, RES = 1/150, UNC = 0.6*0.4; REL - RES + UNC = BS exactly (one value per bin)."""
    d = decompose(bin_stats(FIVE))
    assert d is not None
    assert d.n == 5
    assert d.base_rate == pytest.approx(0.6)
    assert d.reliability == pytest.approx(103 / 1500)
    assert d.resolution == pytest.approx(1 / 150)
    assert d.uncertainty == pytest.approx(0.24)
    assert d.within_bin == 0.0
    assert d.reliability - d.resolution + d.uncertainty == pytest.approx(d.brier)
    assert d.brier == pytest.approx(0.302)


def test_within_bin_remainder_is_reported_when_a_bin_mixes_probabilities() -> None:
    """0.70 (true) and 0.75 (false) share the 70–80% bin: BS 0.32625, REL+UNC 0.300625, rest 0.025625."""
    d = decompose(bin_stats([(0.7, 1), (0.75, 0)]))
    assert d is not None
    assert d.brier == pytest.approx(0.32625)
    assert d.reliability == pytest.approx(0.050625)
    assert d.resolution == pytest.approx(0.0)
    assert d.uncertainty == pytest.approx(0.25)
    assert d.within_bin == pytest.approx(0.025625)


def test_decomposition_of_nothing_is_none() -> None:
    assert decompose([]) is None


def test_wilson_interval_for_five_of_ten() -> None:
    """Published value: 5/10 -> (0.2366, 0.7634)."""
    low, high = wilson_interval(5, 10) or (0, 0)
    assert low == pytest.approx(0.2366, abs=1e-4)
    assert high == pytest.approx(0.7634, abs=1e-4)


def test_wilson_interval_for_zero_hits_stays_inside_0_1() -> None:
    """0/10 -> (0, z²/(n+z²)) = (0, 0.2775): never negative, unlike the normal approximation."""
    low, high = wilson_interval(0, 10) or (1, 1)
    assert low == 0.0
    assert high == pytest.approx(3.8415 / 13.8415, abs=1e-4)


def test_wilson_interval_for_all_hits_mirrors_zero_hits() -> None:
    low, high = wilson_interval(10, 10) or (0, 0)
    assert high == pytest.approx(1.0)
    assert low == pytest.approx(1 - 3.8415 / 13.8415, abs=1e-4)


def test_wilson_interval_of_no_cases_is_none() -> None:
    assert wilson_interval(0, 0) is None


@pytest.mark.parametrize(
    ("p", "index"),
    [
        (0.0, 0),
        (0.03, 0),
        (0.0999, 0),
        (0.1, 1),
        (0.2, 2),
        (0.3, 3),
        (0.45, 4),
        (0.5, 5),
        (0.7, 7),
        (0.75, 7),
        (0.8, 8),
        (0.9, 9),
        (0.95, 9),
        (1.0, 9),
    ],
)
def test_bucket_assignment(p: float, index: int) -> None:
    """Bins are [k/10, (k+1)/10), the last closed at 1.0; an edge belongs to the bin above it."""
    assert bucket_index(p) == index


def test_no_folding_at_fifty_percent() -> None:
    """'unlikely' (0.2) stays in the 20–30% bin; it is not folded onto 80% as 'likely not'."""
    assert bucket_index(0.2) == 2
    assert bucket_label(2) == "20–30%"
    assert bucket_label(9) == "90–100%"


def test_out_of_range_probability_is_refused() -> None:
    with pytest.raises(ValueError):
        bucket_index(1.2)


def test_bins_are_plotted_at_their_mean_forecast_with_counts() -> None:
    """A bin's x is the mean of its forecasts (0.725), not its midpoint (0.75); counts are kept."""
    bins = calibration_bins(bin_stats([(0.7, 1), (0.75, 0), (0.2, 0)]))
    assert [b.index for b in bins] == [2, 7]
    seventy = bins[1]
    assert seventy.mean_forecast == pytest.approx(0.725)
    assert (seventy.count, seventy.hits, seventy.observed) == (2, 1, 0.5)
    assert seventy.wilson_low < 0.5 < seventy.wilson_high


def test_hit_rate() -> None:
    assert hit_rate(9, 14) == pytest.approx(9 / 14)
    assert hit_rate(0, 0) is None
