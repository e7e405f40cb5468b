"""The report: the figures read by ``forecasts.store.report_figures`` combined into scores.

SQL returns a few aggregated rows per speaker, hedge and probability; here they roll up into
reliability bins, hedge words, the Brier decomposition and per-speaker records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from forecasts.reports.model import (
    MIN_SPEAKER_RESOLVED,
    SPEAKER_CALIBRATION_ROWS,
    UNATTRIBUTED,
    Calibration,
    HedgeCalibration,
    MonthlyReport,
    SpeakerCalibration,
    TrackRecord,
    parse_month,
    shift_month,
)
from forecasts.reports.scores import (
    BinStats,
    bucket_index,
    calibration_bins,
    decompose,
    wilson_interval,
)
from forecasts.reports.speakers import canonical_speakers
from forecasts.store.report_figures import (
    by_resolved,
    claims_due,
    outlet_records,
    overconfident_misses,
    question_counts,
    scored_groups,
    status_counts,
    surprises,
    track_record,
    trend,
)


def _bins_and_hedges(rows: Iterable[Any]) -> Calibration:
    """Roll (speaker, hedge, probability) sums up into bins, hedge words and the decomposition.

    Probabilities come from the hedge lexicon, so the database returns a few rows per speaker
    and hedge; the bin of each row is then assigned here, from its exact probability.
    """
    bins: dict[int, list[float]] = {}
    hedges: dict[str, list[float]] = {}
    buckets: dict[float, int] = {}  # a lexicon gives few distinct probabilities: bin each once
    for row in rows:
        if not row.resolved:
            continue
        p = float(row.probability)
        bucket = buckets.get(p)
        if bucket is None:
            bucket = buckets[p] = bucket_index(min(1.0, max(0.0, p)))
        for key, acc in ((bucket, bins), (row.hedge or "(none)", hedges)):
            a = acc.setdefault(key, [0, 0, 0.0, 0.0])  # type: ignore[arg-type]
            a[0] += int(row.resolved)
            a[1] += int(row.hits or 0)
            a[2] += float(row.sum_p or 0)
            a[3] += float(row.sum_sq or 0)
    stats = [BinStats(k, int(a[0]), int(a[1]), a[2], a[3]) for k, a in sorted(bins.items())]
    words = []
    for word, a in hedges.items():
        n, hits = int(a[0]), int(a[1])
        if n == 0:
            continue
        low, high = wilson_interval(hits, n) or (0.0, 1.0)
        words.append(
            HedgeCalibration(
                hedge=word,
                mean_probability=a[2] / n,
                count=n,
                hits=hits,
                observed=hits / n,
                wilson_low=low,
                wilson_high=high,
                brier=a[3] / n,
            )
        )
    words.sort(key=lambda h: (-h.mean_probability, -h.count, h.hedge))
    return Calibration(decomposition=decompose(stats), bins=calibration_bins(stats), hedges=words)


def calibration(groups: Sequence[Any]) -> Calibration:
    """Reliability bins, hedge words and the Brier decomposition of the resolved claims."""
    return _bins_and_hedges(groups)


def _speaker_names(groups: Sequence[Any]) -> dict[str, str | None]:
    counts: dict[str, int] = {}
    for row in groups:
        counts[row.speaker or ""] = counts.get(row.speaker or "", 0) + int(row.n)
    return canonical_speakers(counts, counts)


def speaker_records(
    groups: Sequence[Any], names: dict[str, str | None] | None = None
) -> list[TrackRecord]:
    """Per speaker (normalised: "the Treasury" is "U.S. Treasury"): claims due, resolved, hits,
    hit rate, Brier score. Generic sources ("officials") count as unattributed. ``names``:
    the normalised names, when already worked out over a superset of ``groups``."""
    names = names if names is not None else _speaker_names(groups)
    acc: dict[str, list[float]] = {}
    for row in groups:
        name = names.get(row.speaker or "") or UNATTRIBUTED
        a = acc.setdefault(name, [0, 0, 0, 0.0])
        a[0] += int(row.n)
        a[1] += int(row.resolved or 0)
        a[2] += int(row.hits or 0)
        a[3] += float(row.sum_sq or 0)
    return by_resolved([track_record(name, *a) for name, a in acc.items()])


def speaker_calibration(
    groups: Sequence[Any],
    names: dict[str, str | None] | None = None,
    *,
    min_resolved: int = MIN_SPEAKER_RESOLVED,
    limit: int = SPEAKER_CALIBRATION_ROWS,
) -> list[SpeakerCalibration]:
    """Reliability by probability bin for the ``limit`` named speakers with the most resolved
    claims, ``min_resolved`` at least (generic and unattributed speakers have no record)."""
    names = names if names is not None else _speaker_names(groups)
    per: dict[str, dict[int, list[float]]] = {}
    buckets: dict[float, int] = {}  # few distinct probabilities: bin each once
    for row in groups:
        name = names.get(row.speaker or "")
        if not name or not row.resolved:
            continue
        p = float(row.probability)
        bucket = buckets.get(p)
        if bucket is None:
            bucket = buckets[p] = bucket_index(min(1.0, max(0.0, p)))
        a = per.setdefault(name, {}).setdefault(bucket, [0, 0, 0.0, 0.0])
        a[0] += int(row.resolved)
        a[1] += int(row.hits or 0)
        a[2] += float(row.sum_p or 0)
        a[3] += float(row.sum_sq or 0)
    out = []
    for name, bins in per.items():
        stats = [BinStats(k, int(a[0]), int(a[1]), a[2], a[3]) for k, a in sorted(bins.items())]
        resolved = sum(s.count for s in stats)
        if resolved < min_resolved:
            continue
        hits = sum(s.hits for s in stats)
        brier = sum(s.sum_squared_error for s in stats) / resolved
        out.append(SpeakerCalibration(name, resolved, hits, brier, calibration_bins(stats)))
    out.sort(key=lambda c: (-c.resolved, c.name))
    return out[:limit]


def build_report(
    engine: Engine,
    month: str,
    *,
    now: datetime,
    timezone: str,
    listing_limit: int = 100,
    highlights: int = 10,
) -> MonthlyReport:
    """Every figure of ``month``'s report, read in one transaction."""
    start, end = parse_month(month)
    next_month = shift_month(month, 1)
    next_start, next_end = parse_month(next_month)
    with engine.connect() as conn:
        month_groups = scored_groups(conn, start, end)
        all_groups = scored_groups(conn, None, end)
        names = _speaker_names(all_groups)  # the month's speakers are among them
        counts = status_counts(conn, start, end)
        counts.questions, counts.questions_resolved = question_counts(conn, start, end)
        return MonthlyReport(
            month=month,
            start=start,
            end=end,
            generated_at=now,
            timezone=timezone,
            counts=counts,
            claims=claims_due(conn, start, end, listing_limit),
            calibration=calibration(month_groups),
            all_time=calibration(all_groups),
            speakers_month=speaker_records(month_groups, names),
            outlets_month=outlet_records(conn, start, end),
            speakers_all_time=speaker_records(all_groups, names),
            outlets_all_time=outlet_records(conn, None, end),
            overconfident_misses=overconfident_misses(conn, start, end, highlights),
            surprises=surprises(conn, start, end, highlights),
            trend=trend(conn, month),
            next_month=next_month,
            next_month_counts=status_counts(conn, next_start, next_end),
            next_month_claims=claims_due(conn, next_start, next_end, listing_limit),
            listing_limit=listing_limit,
            speaker_calibration=speaker_calibration(all_groups, names),
        )
