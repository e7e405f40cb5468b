"""A question's verdict from all its claims' evidence; each claim's status from its question,
its own window and its polarity (forecasts.questions.resolve)."""

from __future__ import annotations

from datetime import date

import pytest

from forecasts.questions.resolve import ClaimWindow, Verdict, claim_decision, question_verdict
from forecasts.verdicts.lifecycle import EvidenceFacts

LANDS = EvidenceFacts(
    "fulfilment", 0.95, "report:present lands", "https://x/lands", "Yellen lands in Beijing",
    date(2023, 7, 6), date(2023, 7, 6),
)  # fmt: skip
HAPPENED = Verdict("fulfilled", "reported", date(2023, 7, 6))


def test_evidence_of_a_negated_claim_is_read_in_the_event_s_terms() -> None:
    """ "Yellen will not go" judged the landing as counter-evidence: for the event it is a report."""
    flipped = EvidenceFacts("counter", 0.95, "r", "https://x/lands", "t", date(2023, 7, 6))
    verdict = question_verdict([(flipped, "negative")])
    assert verdict is not None and verdict.status == "fulfilled"
    assert verdict.event_date == date(2023, 7, 6)


def test_one_item_found_through_several_claims_counts_once() -> None:
    """The same report reached through three claims is one piece of evidence."""
    verdict = question_verdict([(LANDS, "positive")] * 3)
    assert verdict is not None and len(verdict.evidence) == 1


@pytest.mark.parametrize(
    ("polarity", "earliest", "latest", "status"),
    [
        ("positive", date(2023, 6, 18), date(2023, 12, 31), "fulfilled"),  # "later this year"
        ("positive", date(2023, 7, 6), date(2023, 7, 9), "fulfilled"),  # "July 6-9"
        ("positive", date(2023, 6, 1), date(2023, 6, 30), "unfulfilled"),  # "by June"
        ("negative", date(2023, 6, 18), date(2023, 12, 31), "unfulfilled"),  # "will not go"
        ("negative", date(2023, 6, 1), date(2023, 6, 30), "fulfilled"),  # "not before July"
    ],
)
def test_each_claim_follows_its_question_by_its_window_and_polarity(
    polarity: str, earliest: date, latest: date, status: str
) -> None:
    """The trip happened on 6 July: "by December" came true, "by June" did not, and "she will
    not go" is the opposite verdict."""
    decision = claim_decision(HAPPENED, ClaimWindow(1, polarity, earliest, latest))
    assert decision is not None and decision.status == status
    assert decision.event_date == (
        date(2023, 7, 6) if status == "fulfilled" and polarity == "positive" else None
    )


def test_an_event_long_before_a_claim_s_window_is_not_its_event() -> None:
    """A claim whose window opens months after the event is left to its own evidence."""
    window = ClaimWindow(1, "positive", date(2024, 1, 1), date(2024, 12, 31))
    assert claim_decision(HAPPENED, window) is None


def test_called_off_fails_the_claim_and_bears_out_its_negation() -> None:
    """A cancellation: "will go" unfulfilled, "will not go" fulfilled."""
    off = Verdict("unfulfilled", "cancelled")
    window = (date(2023, 6, 1), date(2023, 12, 31))
    assert claim_decision(off, ClaimWindow(1, "positive", *window)).status == "unfulfilled"  # type: ignore[union-attr]
    assert claim_decision(off, ClaimWindow(1, "negative", *window)).status == "fulfilled"  # type: ignore[union-attr]
