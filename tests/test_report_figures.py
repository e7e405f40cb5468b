"""The report's SQL figures equal the same figures worked out claim by claim in Python.

The queries group by day, status and probability (trend), count with FILTER (outlets,
speakers) and pick listing ids from an index before reading rows; on a database of random
claims (every status, repeated probabilities, ties in due dates, several claims per article)
each figure must come out as the plain definition says.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import write_session
from forecasts.models import Claim
from forecasts.reports.aggregate import build_report
from forecasts.reports.model import STATUS_ORDER, MonthlyReport, TrackRecord
from tests.report_data import NOW, make_article

MONTH = "2023-06"
STATUSES = [*STATUS_ORDER, "fulfilled", "unfulfilled", "fulfilled"]  # mostly resolved


@dataclass
class Row:
    id: int
    outlet: str
    speaker: str
    probability: float
    status: str
    due: date


def fill(engine: Engine, n: int = 900, seed: int = 11) -> list[Row]:
    """``n`` random claims due from 2022-05 to 2023-08 on 60 articles of 7 outlets."""
    rng = random.Random(seed)
    out = []
    with write_session(engine) as s:
        articles = [make_article(s, f"Outlet {i % 7}", i) for i in range(60)]
        claims = []
        for _ in range(n):
            article = rng.choice(articles)
            due = date(2022, 5, 1) + timedelta(days=rng.randrange(480))
            claim = Claim(
                article_id=article.id,
                sentence="s",
                claim="c",
                event="e",
                hedge=rng.choice(["will", "may", "could"]),
                probability=rng.choice([0.05, 0.2, 0.45, 0.5, 0.7, 0.9, rng.random()]),
                speaker=rng.choice(["Janet Yellen", "Antony Blinken", ""]),
                due_earliest=due - timedelta(days=30),
                due_latest=due,
                status=rng.choice(STATUSES),
                created_at=NOW,
            )
            claims.append((claim, article.source))
        s.add_all([claim for claim, _ in claims])
        s.flush()
        for claim, outlet in claims:
            assert claim.id is not None
            out.append(
                Row(
                    claim.id,
                    outlet,
                    claim.speaker,
                    claim.probability,
                    claim.status,
                    due=claim.due_latest,
                )
            )
    return out


def record(name: str, rows: list[Row]) -> tuple[str, int, int, int, float | None]:
    resolved = [r for r in rows if r.status in ("fulfilled", "unfulfilled")]
    hits = sum(r.status == "fulfilled" for r in resolved)
    sq = sum((r.probability - (r.status == "fulfilled")) ** 2 for r in resolved)
    return (name, len(rows), len(resolved), hits, sq / len(resolved) if resolved else None)


def as_tuple(r: TrackRecord) -> tuple[str, int, int, int, float | None]:
    return (r.name, r.claims, r.resolved, r.hits, r.brier)


def by_outlet(rows: list[Row]) -> list[tuple[str, int, int, int, float | None]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.outlet].append(r)
    return sorted((record(k, v) for k, v in groups.items()), key=lambda t: (-t[2], -t[1], t[0]))


@pytest.fixture
def filled(engine: Engine) -> tuple[MonthlyReport, list[Row]]:
    rows = fill(engine)
    report = build_report(engine, MONTH, now=NOW, timezone="UTC", listing_limit=7, highlights=3)
    return report, rows


def in_month(rows: list[Row], month: str) -> list[Row]:
    return [r for r in rows if f"{r.due:%Y-%m}" == month]


def test_trend_counts_and_scores_every_month(filled: tuple[MonthlyReport, list[Row]]) -> None:
    """Each of the 12 months: claims due, resolved, hits, hit rate and Brier as defined."""
    report, rows = filled
    assert [p.month for p in report.trend][-1] == MONTH and len(report.trend) == 12
    for point in report.trend:
        _, due, resolved, hits, brier = record(point.month, in_month(rows, point.month))
        assert (point.due, point.resolved, point.hits) == (due, resolved, hits)
        assert point.brier == pytest.approx(brier, abs=1e-12)
        assert point.hit_rate == (hits / resolved if resolved else None)


def test_outlet_records_month_and_all_time(filled: tuple[MonthlyReport, list[Row]]) -> None:
    """Per outlet: counts equal, Brier to 1e-12; all time stops at the month's end."""
    report, rows = filled
    june = in_month(rows, MONTH)
    up_to_june = [r for r in rows if r.due <= date(2023, 6, 30)]
    for got, want in ((report.outlets_month, june), (report.outlets_all_time, up_to_june)):
        expected = by_outlet(want)
        assert [as_tuple(r)[:4] for r in got] == [t[:4] for t in expected]
        for g, w in zip(got, expected, strict=True):
            assert g.brier == pytest.approx(w[4], abs=1e-12)


def test_speaker_totals_and_calibration_counts(filled: tuple[MonthlyReport, list[Row]]) -> None:
    """The speakers' records add up to every claim; bins and hedges count the resolved ones."""
    report, rows = filled
    up_to_june = [r for r in rows if r.due <= date(2023, 6, 30)]
    for records, want in (
        (report.speakers_month, in_month(rows, MONTH)),
        (report.speakers_all_time, up_to_june),
    ):
        _, n, resolved, hits, _ = record("all", want)
        assert sum(r.claims for r in records) == n
        assert sum(r.resolved for r in records) == resolved
        assert sum(r.hits for r in records) == hits
    _, _, resolved, hits, brier = record("all", up_to_june)
    assert sum(b.count for b in report.all_time.bins) == resolved
    assert sum(b.hits for b in report.all_time.bins) == hits
    assert report.all_time.decomposition is not None
    assert report.all_time.decomposition.brier == pytest.approx(brier, abs=1e-12)


def test_listings_are_the_first_claims_in_their_order(
    filled: tuple[MonthlyReport, list[Row]],
) -> None:
    """Claims due (status order, then due date, then id), misses and surprises, each cut to
    its limit after ordering; next month's listing likewise."""
    report, rows = filled
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    for listing, month in ((report.claims, MONTH), (report.next_month_claims, "2023-07")):
        due = sorted(in_month(rows, month), key=lambda r: (rank[r.status], r.due, r.id))
        assert [c.id for c in listing] == [r.id for r in due[:7]]
    june = in_month(rows, MONTH)
    misses = sorted(
        (r for r in june if r.status == "unfulfilled" and r.probability > 0.5),
        key=lambda r: (-r.probability, r.id),
    )
    surprises = sorted(
        (r for r in june if r.status == "fulfilled" and r.probability < 0.5),
        key=lambda r: (r.probability, r.id),
    )
    assert [c.id for c in report.overconfident_misses] == [r.id for r in misses[:3]]
    assert [c.id for c in report.surprises] == [r.id for r in surprises[:3]]
    assert all(c.outlet.startswith("Outlet ") for c in report.claims)
