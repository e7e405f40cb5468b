"""How news names a claim's actors: company short forms, governments, central banks, agencies."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from forecasts.evidence.actors import build_actor, match_actor
from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge
from forecasts.evidence.text import tokenize


def named(name: str, text: str) -> bool:
    return match_actor(build_actor(name, tokenize(name)), tokenize(text)) > 0


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("Apple Inc.", "Apple launches Vision Pro", True),
        ("Apple Inc.", "an apple a day", False),  # a short form is a name only when capitalised
        ("Microsoft Corporation", "Microsoft completes Activision deal", True),
        ("The Boeing Company", "Boeing delays Starliner again", True),
        ("Astrobotic Technology", "Astrobotic lander loses fuel", True),
        ("European Commission", "European leaders meet in Brussels", False),
        ("Japanese government", "Japan approves record defence budget", True),
        ("government of India", "Indian cabinet clears bill", True),
        ("Bank of England", "UK central bank cuts rates", True),
        ("Bank of England", "Britain's central bank holds rates", True),
        ("Bank of Japan", "Japan's central bank ends negative rates", True),
        ("Reserve Bank of Australia", "Australian central bank lifts rates", True),
        ("Federal Reserve", "US central bank holds steady", True),
        ("Bank of America", "US central bank holds steady", False),  # a commercial bank
        ("United Auto Workers", "UAW launches strike", True),
    ],
)
def test_actor_aliases_news_uses(name: str, text: str, found: bool) -> None:
    assert named(name, text) is found


def test_a_short_form_is_an_index_key() -> None:
    assert "microsoft" in build_actor("Microsoft Corporation", tokenize("")).keys


SLIM = ClaimFacts(
    claim="JAXA's SLIM lander will touch down on the moon on 19 January",
    actors=("Japan Aerospace Exploration Agency",),
    event="SLIM moon landing",
    event_type="landing",
    reference_date=date(2024, 1, 5),
    due_earliest=date(2024, 1, 19),
    due_latest=date(2024, 1, 20),
)
BOE = ClaimFacts(
    claim="The Bank of England will cut interest rates in August",
    actors=("Bank of England",),
    event="Bank of England rate cut",
    event_type="rate_change",
    reference_date=date(2024, 7, 1),
    due_earliest=date(2024, 8, 1),
    due_latest=date(2024, 8, 2),
)


def test_a_national_agency_is_named_by_its_country_for_a_mission() -> None:
    j = judge(
        SLIM,
        ItemFacts("Japan's SLIM touches down on the moon", "", datetime(2024, 1, 19, tzinfo=UTC)),
    )
    assert j.kind == "fulfilment" and j.decisive


def test_a_country_does_not_stand_for_its_central_bank() -> None:
    """ "Britain raises tariff rates" is no Bank of England move."""
    j = judge(
        BOE, ItemFacts("Britain cuts tariff rates on steel", "", datetime(2024, 8, 1, tzinfo=UTC))
    )
    assert j.kind == "none"
    j = judge(
        BOE, ItemFacts("UK central bank cuts rates to 5%", "", datetime(2024, 8, 1, tzinfo=UTC))
    )
    assert j.kind == "fulfilment" and j.decisive
