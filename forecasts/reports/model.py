"""MonthlyReport: every figure of one month's report, as plain dataclasses.

``aggregate.build_report`` fills it from the database; the renderers (``table``, ``markdown``,
``html``) only read it, and ``to_dict`` is the JSON format. Nothing here touches a database.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from forecasts.errors import InputError
from forecasts.reports.scores import CalibrationBin, Decomposition

# Statuses in the order reports show them; only the first two have an outcome.
# "unresolved": the window closed and nothing in the store covered the event (not scored).
STATUS_ORDER = (
    "fulfilled",
    "unfulfilled",
    "needs_review",
    "open",
    "void",
    "not_verifiable",
    "unresolved",
)
RESOLVED = ("fulfilled", "unfulfilled")
# Claims with no speaker, or a generic one ("officials"): counted, but no one's track record.
UNATTRIBUTED = "(unattributed)"
# A speaker's calibration is shown once this many of their claims are resolved (all time).
MIN_SPEAKER_RESOLVED = 10
# ... for the speakers with the most resolved claims (a table of every speaker's bins would
# swamp the report).
SPEAKER_CALIBRATION_ROWS = 10


@dataclass
class StatusCounts:
    """Claims by status; ``hit_rate`` is fulfilled / (fulfilled + unfulfilled)."""

    fulfilled: int = 0
    unfulfilled: int = 0
    needs_review: int = 0
    open: int = 0
    void: int = 0
    not_verifiable: int = 0
    unresolved: int = 0
    # Claims are about questions (events): how many the claims cover, and the resolved ones.
    questions: int = 0
    questions_resolved: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, s) for s in STATUS_ORDER)

    @property
    def resolved(self) -> int:
        return self.fulfilled + self.unfulfilled

    @property
    def hit_rate(self) -> float | None:
        return self.fulfilled / self.resolved if self.resolved else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {s: getattr(self, s) for s in STATUS_ORDER}
        out.update(total=self.total, resolved=self.resolved, hit_rate=self.hit_rate)
        out.update(questions=self.questions, questions_resolved=self.questions_resolved)
        return out


@dataclass
class ClaimRow:
    """One claim as a report lists it."""

    id: int
    claim: str
    event: str
    speaker: str
    outlet: str
    hedge: str
    probability: float
    due_earliest: date
    due_latest: date
    status: str
    event_date: date | None
    article_url: str
    evidence_url: str = ""


@dataclass
class HedgeCalibration:
    """'likely' said 14 times, came true 9: the words against what happened."""

    hedge: str
    mean_probability: float
    count: int
    hits: int
    observed: float
    wilson_low: float
    wilson_high: float
    brier: float


@dataclass
class TrackRecord:
    """A speaker's or outlet's record: claims due, resolved, hits, hit rate, Brier score."""

    name: str
    claims: int
    resolved: int
    hits: int
    hit_rate: float | None
    brier: float | None


@dataclass
class SpeakerCalibration:
    """One speaker's reliability: for each probability bin, how often their claims came true."""

    name: str
    resolved: int
    hits: int
    brier: float
    bins: list[CalibrationBin]


@dataclass
class TrendPoint:
    month: str
    due: int
    resolved: int
    hits: int
    hit_rate: float | None
    brier: float | None


@dataclass
class Calibration:
    """Scores of one set of resolved claims: Brier decomposition, reliability bins, hedge words."""

    decomposition: Decomposition | None
    bins: list[CalibrationBin] = field(default_factory=list)
    hedges: list[HedgeCalibration] = field(default_factory=list)


@dataclass
class MonthlyReport:
    """Every figure of the report for ``month`` (claims whose due window closes in it)."""

    month: str
    start: date
    end: date
    generated_at: datetime
    timezone: str
    counts: StatusCounts
    claims: list[ClaimRow]
    calibration: Calibration
    all_time: Calibration
    speakers_month: list[TrackRecord]
    outlets_month: list[TrackRecord]
    speakers_all_time: list[TrackRecord]
    outlets_all_time: list[TrackRecord]
    overconfident_misses: list[ClaimRow]
    surprises: list[ClaimRow]
    trend: list[TrendPoint]
    next_month: str
    next_month_counts: StatusCounts
    next_month_claims: list[ClaimRow]
    listing_limit: int
    speaker_calibration: list[SpeakerCalibration] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.counts.total == 0

    def to_dict(self) -> dict[str, Any]:
        """Every figure, JSON-ready apart from dates (the caller's encoder turns them to ISO)."""
        out = dataclasses.asdict(self)
        out["counts"] = self.counts.to_dict()
        out["next_month_counts"] = self.next_month_counts.to_dict()
        out["is_empty"] = self.is_empty
        return out


def parse_month(value: str) -> tuple[date, date]:
    """'2023-06' -> (2023-06-01, 2023-06-30), or an InputError naming the expected form."""
    try:
        year_s, month_s = value.split("-")
        if len(year_s) != 4 or len(month_s) != 2:
            raise ValueError
        year, month = int(year_s), int(month_s)
        start = date(year, month, 1)
    except ValueError:
        raise InputError(f"--month: '{value}' is not a month (expected YYYY-MM)") from None
    return start, date(year, month, calendar.monthrange(year, month)[1])


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, delta: int) -> str:
    """The month ``delta`` months after ``month`` (negative: before)."""
    start, _ = parse_month(month)
    index = start.year * 12 + start.month - 1 + delta
    if not 12 <= index < 10_000 * 12:  # years 0001..9999: what a date can hold
        raise InputError(
            f"--month: '{month}' is too close to the ends of the calendar (years 0001-9999): "
            "a report also covers the months around it"
        )
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def previous_month(now: datetime, timezone: str) -> str:
    """The month before the one ``now`` falls in, in the given IANA zone."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(timezone)).date()
    return shift_month(month_of(local), -1)


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(report: MonthlyReport) -> str:
    """The JSON format: every figure of the report (``MonthlyReport.to_dict``)."""
    import json

    return json.dumps(report.to_dict(), default=_json_default, ensure_ascii=False, indent=2) + "\n"
