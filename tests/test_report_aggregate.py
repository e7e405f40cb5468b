"""The report's figures, aggregated in SQL, match the hand-worked small database."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from forecasts.reports.aggregate import build_report
from forecasts.reports.model import MonthlyReport
from tests.report_data import NOW, small_db


@pytest.fixture
def june(engine: Engine) -> MonthlyReport:
    small_db(engine)
    return build_report(engine, "2023-06", now=NOW, timezone="UTC")


def test_claims_due_in_the_month_by_status(june: MonthlyReport) -> None:
    """Statuses are counted whether or not they are scored; hit rate = 3 of 5 resolved."""
    counts = june.counts
    assert (counts.fulfilled, counts.unfulfilled, counts.needs_review) == (3, 2, 1)
    assert (counts.open, counts.void, counts.not_verifiable) == (1, 1, 0)
    assert counts.total == 8 and counts.resolved == 5
    assert counts.hit_rate == pytest.approx(0.6)


def test_brier_and_decomposition_of_the_month(june: MonthlyReport) -> None:
    d = june.calibration.decomposition
    assert d is not None
    assert d.n == 5
    assert d.brier == pytest.approx(0.302)
    assert d.reliability == pytest.approx(103 / 1500)
    assert d.resolution == pytest.approx(1 / 150)
    assert d.uncertainty == pytest.approx(0.24)


def test_bins_hold_counts_and_sit_at_their_mean_forecast(june: MonthlyReport) -> None:
    bins = {b.index: b for b in june.calibration.bins}
    assert set(bins) == {2, 9}
    assert (bins[9].count, bins[9].hits, bins[9].mean_forecast) == (3, 2, pytest.approx(0.9))
    assert (bins[2].count, bins[2].hits, bins[2].mean_forecast) == (2, 1, pytest.approx(0.2))


def test_calibration_per_hedge_word(june: MonthlyReport) -> None:
    """'will' said 3 times, came true 2; 'unlikely' said 2 times, came true 1."""
    words = {h.hedge: (h.count, h.hits) for h in june.calibration.hedges}
    assert words == {"will": (3, 2), "unlikely": (2, 1)}


def test_all_time_includes_earlier_months(june: MonthlyReport) -> None:
    words = {h.hedge: (h.count, h.hits) for h in june.all_time.hedges}
    assert words["likely"] == (1, 1)
    assert june.all_time.decomposition is not None
    assert june.all_time.decomposition.n == 6


def test_track_records_per_speaker_and_outlet(june: MonthlyReport) -> None:
    speakers = {r.name: r for r in june.speakers_month}
    assert (speakers["Blinken"].claims, speakers["Blinken"].resolved, speakers["Blinken"].hits) == (
        3,
        3,
        3,
    )
    assert speakers["Blinken"].brier == pytest.approx(0.22)
    assert (speakers["Yellen"].claims, speakers["Yellen"].resolved, speakers["Yellen"].hits) == (
        3,
        2,
        0,
    )
    assert speakers["Yellen"].brier == pytest.approx(0.425)
    assert speakers["(unattributed)"].resolved == 0 and speakers["(unattributed)"].brier is None
    outlets = {r.name: r for r in june.outlets_month}
    assert (outlets["The Japan Times"].claims, outlets["The Japan Times"].hits) == (5, 2)
    assert outlets["Reuters"].brier == pytest.approx(1.49 / 3)
    all_time = {r.name: r for r in june.speakers_all_time}
    assert all_time["Blinken"].resolved == 4
    assert all_time["Blinken"].brier == pytest.approx(0.75 / 4)


def test_most_overconfident_misses_and_biggest_surprises(june: MonthlyReport) -> None:
    assert [r.event for r in june.overconfident_misses] == ["visit Beijing in June"]
    assert [r.event for r in june.surprises] == ["surprise summit"]


def test_listing_carries_outlet_window_and_best_evidence_link(june: MonthlyReport) -> None:
    """The fulfilment evidence is preferred to a higher-scored signal."""
    first = june.claims[0]
    assert first.status == "fulfilled" and first.outlet == "The Japan Times"
    assert first.evidence_url == "https://news.example/blinken-arrives"
    assert [r.status for r in june.claims][:5] == ["fulfilled"] * 3 + ["unfulfilled"] * 2


def test_twelve_month_trend(june: MonthlyReport) -> None:
    assert june.trend[0].month == "2022-07"
    assert june.trend[-1].month == "2023-06"
    may, jun = june.trend[-2], june.trend[-1]
    assert (may.due, may.hit_rate, may.brier) == (1, 1.0, pytest.approx(0.09))
    assert jun.hit_rate == pytest.approx(0.6) and jun.brier == pytest.approx(0.302)
    assert june.trend[0].due == 0 and june.trend[0].hit_rate is None


def test_due_next_month(june: MonthlyReport) -> None:
    assert june.next_month == "2023-07"
    assert june.next_month_counts.open == 1
    assert [r.event for r in june.next_month_claims] == ["G7 statement"]


def test_an_empty_month_is_a_report_not_an_error(engine: Engine) -> None:
    report = build_report(engine, "2031-02", now=NOW, timezone="UTC")
    assert report.is_empty
    assert report.calibration.decomposition is None
    assert report.counts.hit_rate is None


def test_listing_limit_keeps_counts_complete(engine: Engine) -> None:
    small_db(engine)
    report = build_report(engine, "2023-06", now=NOW, timezone="UTC", listing_limit=2)
    assert len(report.claims) == 2 and report.counts.total == 8


def test_sql_aggregation_agrees_with_the_pure_scores(engine: Engine) -> None:
    """On 400 random claims the database's GROUP BY figures equal the pure functions' figures."""
    import random
    from datetime import date

    from forecasts.db import write_session
    from forecasts.reports.scores import bin_stats, calibration_bins, decompose
    from tests.report_data import make_article, make_claim

    rng = random.Random(3)
    statuses = ["fulfilled", "unfulfilled", "open", "needs_review", "void", "not_verifiable"]
    pairs = []
    with write_session(engine) as s:
        articles = [make_article(s, f"Outlet {i}", i) for i in range(5)]
        for _ in range(400):
            p = rng.choice([0.03, 0.1, 0.2, 0.45, 0.5, 0.7, 0.75, 0.9, 0.95, rng.random()])
            status = rng.choice(statuses)
            make_claim(
                s,
                rng.choice(articles),
                probability=p,
                status=status,
                speaker=rng.choice(["A", "B", ""]),
                hedge=rng.choice(["will", "may", "could"]),
                due=date(2023, 6, rng.randint(1, 30)),
            )
            if status in ("fulfilled", "unfulfilled"):
                pairs.append((p, int(status == "fulfilled")))
    report = build_report(engine, "2023-06", now=NOW, timezone="UTC")
    expected = decompose(bin_stats(pairs))
    got = report.calibration.decomposition
    assert got is not None and expected is not None
    assert got.n == expected.n == report.counts.resolved
    for field in ("brier", "reliability", "resolution", "uncertainty", "within_bin"):
        assert getattr(got, field) == pytest.approx(getattr(expected, field), abs=1e-9)
    want_bins = calibration_bins(bin_stats(pairs))
    assert [(b.index, b.count, b.hits) for b in report.calibration.bins] == [
        (b.index, b.count, b.hits) for b in want_bins
    ]
    for got_bin, want_bin in zip(report.calibration.bins, want_bins, strict=True):
        assert got_bin.mean_forecast == pytest.approx(want_bin.mean_forecast)
    assert sum(r.resolved for r in report.speakers_month) == len(pairs)
    assert sum(r.claims for r in report.outlets_month) == 400


def test_counts_say_how_many_questions_the_claims_cover(engine: Engine) -> None:
    """Three claims about one event and one about another: 4 claims, 2 questions; only the
    resolved claims' questions count as resolved."""
    from forecasts.db import write_session
    from forecasts.models import Question
    from tests.report_data import make_article, make_claim

    with write_session(engine) as s:
        article = make_article(s, "Reuters", 1)
        trip = Question(
            title="trip", due_earliest=NOW.date(), due_latest=NOW.date(), created_at=NOW
        )
        meeting = Question(
            title="meet", due_earliest=NOW.date(), due_latest=NOW.date(), created_at=NOW
        )
        s.add(trip)
        s.add(meeting)
        s.flush()
        for status in ("fulfilled", "fulfilled", "unfulfilled"):
            make_claim(s, article, status=status, question_id=trip.id)
        make_claim(s, article, status="open", question_id=meeting.id)
    counts = build_report(engine, "2023-06", now=NOW, timezone="UTC").counts
    assert (counts.total, counts.questions, counts.questions_resolved) == (4, 2, 1)


def test_speakers_are_one_name_and_generic_sources_none(engine: Engine) -> None:
    """ "the Treasury" and "Treasury Department" are one record; "officials" is unattributed;
    a speaker with ten resolved claims gets a calibration by probability bin."""
    from forecasts.db import write_session
    from tests.report_data import make_article, make_claim

    with write_session(engine) as s:
        article = make_article(s, "Reuters", 1)
        for n in range(10):
            make_claim(
                s,
                article,
                speaker="the Treasury" if n % 2 else "Treasury Department",
                status="fulfilled" if n < 7 else "unfulfilled",
            )
        make_claim(s, article, speaker="officials", status="fulfilled")
    report = build_report(engine, "2023-06", now=NOW, timezone="UTC")
    names = {r.name: r.claims for r in report.speakers_month}
    assert names == {"Treasury Department": 10, "(unattributed)": 1}
    (treasury,) = report.speaker_calibration
    assert treasury.name == "Treasury Department" and treasury.resolved == 10
    assert [(b.label, b.count, b.hits) for b in treasury.bins] == [(treasury.bins[0].label, 10, 7)]
