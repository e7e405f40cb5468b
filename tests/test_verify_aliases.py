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
        ("European Commission", "European leaders meet in Paris", False),
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


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("Claudia Sheinbaum Pardo", "Sheinbaum sworn in as Mexico's president", True),
        ("Luiz Inácio Lula da Silva", "Lula arrives in Beijing", True),
        ("Andrés Manuel López Obrador", "López Obrador hosts Biden", True),
        ("Andrés Manuel López Obrador", "Manuel Neuer saves a penalty", False),  # a given name
        ("Senegal", "Senegalese voters go to the polls", True),
        ("Chile", "Chilean lawmakers reject the draft", True),
    ],
)
def test_paternal_surnames_and_more_countries(name: str, text: str, found: bool) -> None:
    assert named(name, text) is found


def test_a_capital_outside_the_first_list_is_its_countrys_place() -> None:
    """A visit to Dakar is not proved by a report of arriving in Lima."""
    facts = ClaimFacts(
        claim="Macron will visit Dakar in March",
        actors=("Emmanuel Macron",),
        event="Macron visit to Dakar",
        event_type="visit",
        location="Dakar",
        reference_date=date(2024, 3, 1),
        due_earliest=date(2024, 3, 10),
        due_latest=date(2024, 3, 20),
    )
    at = datetime(2024, 3, 15, tzinfo=UTC)
    assert judge(facts, ItemFacts("Macron arrives in Lima", "", at)).kind == "none"
    assert judge(facts, ItemFacts("Macron arrives in Senegal", "", at)).kind == "fulfilment"


def test_a_bodys_country_may_stand_nearest_the_verb_as_its_subject() -> None:
    """'Bank of England scraps old policy, UK makes first rate cut': the subject is the bank."""
    j = judge(
        BOE,
        ItemFacts(
            "Bank of England ends its hold, Britain makes first rate cut in four years",
            "",
            datetime(2024, 8, 1, tzinfo=UTC),
        ),
    )
    assert j.kind == "fulfilment", j
