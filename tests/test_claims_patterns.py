"""Patterns measured on real news: forward-looking forms, not-claims, repeats and windows."""

from __future__ import annotations

from datetime import date

import pytest

from forecasts.claims.extract import extract_claims
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

REF = date(2024, 3, 4)  # a Monday


def claims_of(text: str, ref: date = REF) -> list[ExtractedClaim]:
    return extract_claims(text, ref, Settings())


def window(c: ExtractedClaim) -> tuple[str, str]:
    return (str(c.due_earliest), str(c.due_latest))


def test_a_weekday_that_is_the_publication_day_is_that_day() -> None:
    """'will meet on Monday' in Monday's paper is today's meeting; 'next Monday' is not."""
    today, later = claims_of(
        "The cartel will meet on Monday to review output. The panel will report next Monday."
    )
    assert window(today) == ("2024-03-04", "2024-03-04")
    assert window(later) == ("2024-03-11", "2024-03-11")


def test_a_date_stated_earlier_carries_to_the_claims_that_follow() -> None:
    """A claim a few sentences after 'will meet on Thursday' that names no time shares it."""
    claims = claims_of(
        "Finance ministers will meet in Lisbon on Thursday. Prices rose again in February. "
        "Inflation data surprised markets. Ministers are expected to sign a joint declaration."
    )
    agree = next(c for c in claims if "declaration" in c.claim)
    assert window(agree) == ("2024-03-07", "2024-03-07")
    assert agree.due_basis == "event_anchor"


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("In Vermont, landlords will be required to register every unit.", "In Vermont"),
        (
            "On March 15 and 16, the king will host the leaders of ten nations.",
            "On March 15 and 16",
        ),
        (
            "Beginning July 1, 2024, dealers will be required to check buyers.",
            "Beginning July 1, 2024",
        ),
    ],
)
def test_a_fronted_place_or_time_belongs_to_the_claim(text: str, front: str) -> None:
    """'In <place>, X will ...' / 'On <date>, X will ...': the claim text keeps the opener."""
    (claim,) = claims_of(text)
    assert claim.claim.startswith(front)


def test_a_clock_time_does_not_cut_the_claim() -> None:
    """'is due at 8:15 a.m.': the colon of a clock time is no clause boundary."""
    (claim,) = claims_of("The payrolls report is due at 8:15 a.m. on Friday.")
    assert "8:15" in claim.claim
