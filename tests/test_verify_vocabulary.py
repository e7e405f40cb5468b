"""Event families in the many words and shorthands of headlines, and the guards beside them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from forecasts.evidence.candidates import item_words
from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge, prepare


def claim(actors: tuple[str, ...], event_type: str, event: str, location: str = "") -> ClaimFacts:
    return ClaimFacts(
        claim=event,
        actors=actors,
        event=event,
        event_type=event_type,
        location=location,
        reference_date=date(2024, 3, 1),
        due_earliest=date(2024, 3, 10),
        due_latest=date(2024, 3, 20),
    )


SCHOLZ = claim(("Olaf Scholz",), "visit", "Olaf Scholz visit to Beijing", "Beijing")
SUMMIT = claim(("Joe Biden", "Xi Jinping"), "meeting", "Biden Xi meeting", "San Francisco")
MILEI = claim(("Javier Milei",), "election", "Javier Milei wins the presidential election")
SUNAK = claim(("Rishi Sunak",), "resignation", "Rishi Sunak resignation")
UAW = claim(("United Auto Workers",), "strike", "UAW strike at Detroit automakers")
STARSHIP = claim(("SpaceX",), "launch", "SpaceX Starship test flight launch")
DEAL = claim(("Microsoft Corporation",), "merger", "Microsoft acquisition of Activision")
VISION = claim(("Apple Inc.",), "product_launch", "Apple launch of the Vision Pro headset")
AID = claim(("US Senate",), "vote", "Senate vote to pass the aid bill")
OSCAR = claim(("Cillian Murphy",), "award", "Cillian Murphy wins the best actor Oscar")


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (SCHOLZ, "Scholz, Xi hold talks in Beijing"),
        (SCHOLZ, "In Beijing, Scholz presses Xi on Ukraine"),
        (SCHOLZ, "Scholz jets into Beijing"),
        (SUMMIT, "Biden, Xi hold talks in San Francisco"),
        (MILEI, "Milei triumphs in Argentina vote"),
        (MILEI, "Milei sweeps to victory in Argentina"),
        (SUNAK, "UK PM Sunak announces his resignation"),
        (UAW, "UAW launches strike at three plants"),
        (STARSHIP, "Starship lifts off from Texas"),
        (DEAL, "Microsoft's Activision purchase is done"),
        (VISION, "Apple Vision Pro now available in the US"),
        (AID, "Senate votes 70-29 to approve aid bill"),
        (AID, "Senators pass Ukraine aid bill"),
    ],
)
def test_reports_in_other_words_are_decisive(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == "fulfilment" and j.decisive, j


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (SCHOLZ, "Scholz, Xi to hold talks in Beijing"),
        (SCHOLZ, "In Beijing, Scholz will press Xi on Ukraine"),
        (SCHOLZ, "Reflections on the China visit"),
        (MILEI, "Milei hopes to sweep to victory"),
        (OSCAR, "Cillian Murphy earns best actor Oscar nomination"),
        (OSCAR, "Cillian Murphy wins best actor nomination at the Oscars"),
        (STARSHIP, "Blue Origin's New Glenn lifts off from Florida"),
    ],
)
def test_plans_nominations_and_other_things_are_no_report(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert not (j.kind == "fulfilment" and j.decisive), j


def test_a_name_after_a_preposition_of_place_is_no_name_of_the_event() -> None:
    """'UAW strike at Detroit automakers': a report need not say Detroit."""
    j = judge(UAW, ItemFacts("UAW workers walk off the job", "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == "fulfilment", j


def test_on_a_visit_after_the_name_reports_it_under_way() -> None:
    j = judge(
        SCHOLZ,
        ItemFacts(
            "Scholz on first visit to Beijing since pandemic", "", datetime(2024, 3, 15, tzinfo=UTC)
        ),
    )
    assert j.kind == "fulfilment" and j.rule.startswith("report:on"), j


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Massa wins Argentina election", "counter"),
        ("Massa wins first round in Argentina", "none"),  # a stage, not the outcome
        ("Sunak wins UK election", "none"),  # another contest
    ],
)
def test_another_winner_of_the_contest_refutes_a_claimed_win(title: str, kind: str) -> None:
    """The rival need not be one of the claim's actors: the item must name the contest."""
    facts = claim(("Javier Milei",), "election", "Javier Milei wins the Argentina election")
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == kind, j


@pytest.mark.parametrize(
    "title",
    [
        "Scholz drops plans to visit China",
        "Scholz will not go to China this month",
        "UAW reaches deal, averting strike",
        "Starship launch pushed to April",
        "Milei falls short in runoff",
    ],
)
def test_called_off_in_other_words(title: str) -> None:
    facts = {
        "Scholz": SCHOLZ,
        "UAW": UAW,
        "Starship": STARSHIP,
        "Milei": MILEI,
    }[next(k for k in ("Scholz", "UAW", "Starship", "Milei") if k in title)]
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == "counter", j


def test_a_concession_is_news_of_the_contest_for_the_candidate_search() -> None:
    """'Massa concede a Milei' names no election word a family lists: the loss does."""
    _, families = item_words(ItemFacts("Massa concede eleição presidencial a Milei"))
    assert "election" in families


def test_the_events_own_name_indexes_the_claim() -> None:
    assert "starship" in prepare(STARSHIP).keys


ODYSSEUS = claim(("Intuitive Machines",), "landing", "Intuitive Machines Odysseus lunar landing")
EUAI = claim(("European Parliament",), "vote", "European Parliament vote to approve the AI Act")


@pytest.mark.parametrize(
    ("facts", "title", "decisive"),
    [
        (ODYSSEUS, "Intuitive Machines lands on moon, first US landing since 1972", True),
        (ODYSSEUS, "Intuitive Machines lands Nova-C Peregrine on the moon", False),
        (ODYSSEUS, "Odysseus becomes first private craft to land on moon", True),
        (EUAI, "MEPs adopt AI Act", True),
        (EUAI, "EU Parliament votes to adopt AI Act", True),
        (EUAI, "European Parliament gives final approval to AI Act", True),
        (claim(("Writers Guild of America",), "strike", "WGA strike"), "WGA strike begins", True),
    ],
)
def test_landings_records_and_parliaments(facts: ClaimFacts, title: str, decisive: bool) -> None:
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert (j.kind == "fulfilment" and j.decisive) is decisive, j


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (STARSHIP, "Tickets now on sale for Starship launch viewing"),
        (VISION, "Apple Vision Pro pre-orders now available"),
        (SCHOLZ, "Scholz's China trip is off to a good start"),
    ],
)
def test_tickets_and_pre_orders_are_no_launch(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind != "counter" and not (j.kind == "fulfilment" and j.decisive), j


NVIDIA = claim(("Nvidia Corporation",), "earnings", "Nvidia fourth-quarter earnings report")
REDDIT = claim(("Reddit",), "ipo", "Reddit initial public offering on the NYSE")


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (NVIDIA, "Nvidia reports record revenue"),
        (NVIDIA, "Nvidia's profit jumps sevenfold"),
        (NVIDIA, "Nvidia beats estimates as AI demand soars"),
        (REDDIT, "Reddit stock jumps in market debut"),
    ],
)
def test_results_and_listings_in_headline_words(facts: ClaimFacts, title: str) -> None:
    """A reporting period or an exchange after 'on' is no name the report must repeat."""
    j = judge(facts, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == "fulfilment" and j.decisive, j


def test_a_profit_expected_to_jump_is_no_result() -> None:
    j = judge(
        NVIDIA, ItemFacts("Nvidia profit expected to jump", "", datetime(2024, 3, 15, tzinfo=UTC))
    )
    assert j.kind != "fulfilment", j


@pytest.mark.parametrize(
    ("title", "kind", "decisive"),
    [
        ("Biden, Xi sit down for four hours", "fulfilment", True),
        ("Biden and Xi meet virtually", "counter", True),
        ("Biden and Xi hold talks by video link", "counter", True),
    ],
)
def test_a_meeting_of_every_party_needs_no_place_but_must_be_in_person(
    title: str, kind: str, decisive: bool
) -> None:
    j = judge(SUMMIT, ItemFacts(title, "", datetime(2024, 3, 15, tzinfo=UTC)))
    assert j.kind == kind and j.decisive is decisive, j


def test_headline_shorthand_for_a_visit_reaches_the_judge() -> None:
    """'Scholz in Beijing' names no event word: the search must still offer it to visit claims."""
    _, families = item_words(ItemFacts("Scholz in Beijing"))
    assert {"visit", "attend"} <= families


def test_voters_heading_to_the_polls_report_an_election() -> None:
    facts = claim(("Indonesia",), "election", "Indonesia general election")
    j = judge(
        facts, ItemFacts("Indonesians head to the polls", "", datetime(2024, 3, 15, tzinfo=UTC))
    )
    assert j.kind == "fulfilment", j
