"""Kinds of event the real-headline corpus barely holds: each family reads its reports in
ordinary headline words, and common words alone do not make a report."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from forecasts.evidence.actors import build_actor, match_actor, wide_match
from forecasts.evidence.candidates import item_words
from forecasts.evidence.dates import beyond_window
from forecasts.evidence.events import family_of
from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge, prepare
from forecasts.evidence.text import tokenize


def on(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 12, tzinfo=UTC)


def claim(
    actors: tuple[str, ...], event_type: str, event: str, day: date, location: str = ""
) -> ClaimFacts:
    return ClaimFacts(
        claim=f"{event} is expected.",
        actors=actors,
        event=event,
        event_type=event_type,
        location=location,
        reference_date=date(day.year, 1, 1) if day.month > 1 else day,
        due_earliest=day,
        due_latest=day,
    )


CORONATION = claim(
    ("King Charles III",), "coronation", "Coronation of King Charles III", date(2023, 5, 6)
)
FINLAND = claim(("Finland", "NATO"), "accession", "Finland's accession to NATO", date(2023, 4, 4))
SUNAK = claim(
    ("Rishi Sunak",), "take_office", "Rishi Sunak becomes prime minister", date(2022, 10, 25)
)
MCCARTHY = claim(
    ("Kevin McCarthy",),
    "removal",
    "Vote to remove Kevin McCarthy as House speaker",
    date(2023, 10, 3),
)
TARIFFS = claim(("Joe Biden",), "tariff", "Tariffs on Chinese electric vehicles", date(2024, 5, 14))
FAA = claim(("FAA", "Boeing"), "grounding", "Grounding of Boeing 737 Max 9", date(2024, 1, 7))
IDALIA = claim(
    ("Hurricane Idalia",), "landfall", "Hurricane Idalia landfall in Florida", date(2023, 8, 30),
    "Florida",
)  # fmt: skip
WGA = claim(
    ("Writers Guild", "studios"), "agreement", "Deal to end the writers' strike", date(2023, 9, 25)
)
UNSC = claim(
    ("UN Security Council",), "vote", "Security Council vote on a Gaza ceasefire resolution",
    date(2024, 3, 25),
)  # fmt: skip
REDDIT = claim(("Reddit",), "ipo", "Reddit IPO on NYSE", date(2024, 3, 21))
FUKUSHIMA = claim(
    ("Japan",), "release", "Release of treated water from Fukushima", date(2023, 8, 24)
)
RBA = claim(
    ("Reserve Bank of Australia",), "rate_change", "RBA rate decision", date(2023, 11, 7), "Sydney"
)
ARGENTINA = claim(("Argentina",), "final", "World Cup final", date(2022, 12, 18))


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (CORONATION, "King Charles III crowned at Westminster Abbey"),
        (FINLAND, "Finland joins NATO, doubling alliance's border with Russia"),
        (FINLAND, "Finland becomes NATO's 31st member"),
        (SUNAK, "Rishi Sunak becomes UK prime minister"),
        (SUNAK, "Sunak takes office as Britain's first Hindu PM"),
        (MCCARTHY, "Kevin McCarthy ousted as House speaker in historic vote"),
        (MCCARTHY, "House votes to remove McCarthy as speaker"),
        (TARIFFS, "Biden hikes tariffs on Chinese electric vehicles, chips and solar cells"),
        (FAA, "FAA grounds 171 Boeing 737 Max 9 planes"),
        (IDALIA, "Idalia makes landfall in Florida's Big Bend as Category 3 hurricane"),
        (WGA, "Writers Guild reaches tentative deal with studios"),
        (UNSC, "UN Security Council passes Gaza ceasefire resolution as US abstains"),
        (REDDIT, "Reddit shares soar 48% in NYSE debut"),
        (REDDIT, "Reddit goes public, valued at $6.4 billion"),
        (FUKUSHIMA, "Japan begins releasing Fukushima wastewater into Pacific"),
        (RBA, "Australia's central bank lifts interest rates to 12-year high"),
        (ARGENTINA, "Argentina win World Cup after beating France on penalties"),
    ],
)
def test_reports_of_unseen_kinds_of_event_are_decisive(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert (j.kind, j.decisive) == ("fulfilment", True), j


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (FINLAND, "Finland set to become NATO member on Tuesday"),
        (SUNAK, "Sunak poised to become prime minister"),
        (FINLAND, "Finland joins talks on Arctic shipping"),
        (TARIFFS, "Biden raises concerns over Chinese electric vehicles"),
        (MCCARTHY, "McCarthy fires aide over leak"),
        (FUKUSHIMA, "Japan to begin releasing Fukushima water on Thursday"),
        (ARGENTINA, "Argentina fans fill the streets of Buenos Aires"),
    ],
)
def test_plans_and_other_acts_are_no_report(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert j.kind != "fulfilment", j


def test_a_name_of_the_events_own_kind_is_no_other_event() -> None:
    """ "IPO" names what the event is: an item need not repeat it to be about this one."""
    assert "ipo" not in prepare(REDDIT).objects


ACTIVISION = ClaimFacts(
    claim="Microsoft expects to complete its acquisition of Activision Blizzard by June.",
    actors=("Microsoft", "Activision Blizzard"),
    event="Microsoft-Activision Blizzard deal closing",
    event_type="merger",
    reference_date=date(2023, 1, 5),
    due_earliest=date(2023, 1, 5),
    due_latest=date(2023, 6, 30),
)
SEAFOOD = claim(("Chinese government",), "policy", "China lifts its seafood ban", date(2024, 3, 28))
INDIA = claim(("Election Commission of India",), "election", "Indian election", date(2024, 6, 4))
H3 = claim(("JAXA", "H3"), "launch", "H3 rocket launch", date(2024, 2, 17), "Tanegashima")


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (ACTIVISION, "Microsoft completes acquisition of Nuance Communications"),
        (ACTIVISION, "Microsoft closes deal to buy Fungible"),
        (SEAFOOD, "China lifts ban on Australian wine"),
        (INDIA, "India votes to ban single-use plastics"),
        (TARIFFS, "Biden lifts tariffs on Chinese solar panels"),
    ],
)
def test_the_same_actor_doing_the_same_kind_of_thing_to_another_is_no_report(
    facts: ClaimFacts, title: str
) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert j.kind != "fulfilment", j


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (ACTIVISION, "Microsoft completes Activision Blizzard acquisition"),
        (H3, "Japan's H3 rocket reaches orbit on second try"),
        (SEAFOOD, "China lifts ban on Japanese seafood"),
    ],
)
def test_the_same_act_with_the_claimed_party_is_a_report(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert (j.kind, j.decisive) == ("fulfilment", True), j


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("Volodymyr Zelensky", "Ukraine's Zelenskiy arrives in Washington", True),
        ("Volodymyr Zelensky", "Zelenskyy visits Capitol Hill", True),
        ("Alexei Navalny", "Navalnyy's widow speaks", True),
        ("Cybertruck", "Tesla hands over first Cybertrucks", True),
        ("US Congress", "Netanyahu addresses Congress", True),
        ("Writers Guild of America", "Writers Guild reaches deal", True),
        ("US Congress", "Netanyahu addresses the congress of his party", False),
        ("Reserve Bank of Australia", "Reserve Bank of India holds rates", False),
    ],
)
def test_other_spellings_and_shorter_names_of_an_actor(name: str, text: str, named: bool) -> None:
    actor = build_actor(name, tokenize(name))
    assert (match_actor(actor, tokenize(text)) > 0) is named


def test_a_shorter_name_is_worth_a_title_not_a_name() -> None:
    """ "Congress" for "US Congress" may be another country's: weaker than the full name."""
    actor = build_actor("US Congress", tokenize("US Congress"))
    assert match_actor(actor, tokenize("Congress votes")) < match_actor(
        actor, tokenize("US Congress votes")
    )


RECOVERY = claim(
    ("NASA", "Orion"),
    "splashdown",
    "Orion capsule recovery off Baja California",
    date(2022, 12, 11),
)
DELIVERY_777X = claim(("Boeing", "Emirates"), "delivery", "First 777X delivery", date(2023, 10, 5))


def test_an_event_of_no_family_is_read_by_its_verbs_and_nouns() -> None:
    """ "recovery" is the verb "recover"; names ("Orion", "Baja") are no verbs."""
    pc = prepare(RECOVERY)
    assert pc.family == ""
    words = {t.words[0] for t in pc.extra}
    assert {"recovers", "recovered", "recovery"} <= words
    assert not {"orion", "orions", "baja", "bajas"} & words


def test_an_event_of_no_family_must_share_its_subject() -> None:
    """A 787 delivered to the same airline is not the first 777X."""
    j = judge(
        DELIVERY_777X, ItemFacts("Boeing delivers 787 to Emirates", "", on(date(2023, 10, 5)))
    )
    assert j.kind != "fulfilment" or not j.decisive


WARRANT = claim(
    ("International Criminal Court", "Vladimir Putin"), "warrant", "ICC arrest warrant for Putin",
    date(2023, 3, 17),
)  # fmt: skip
WIMBLEDON = ClaimFacts(
    claim="Djokovic will play Alcaraz in the Wimbledon final on Sunday and hopes to win.",
    actors=("Novak Djokovic", "Carlos Alcaraz"),
    event="Wimbledon men's final",
    event_type="final",
    statement="Djokovic wins the Wimbledon final",
    reference_date=date(2023, 7, 14),
    due_earliest=date(2023, 7, 16),
    due_latest=date(2023, 7, 16),
)
NVIDIA = claim(("Nvidia",), "earnings", "Nvidia Q2 earnings report", date(2023, 8, 23))
WWDC = claim(("Apple",), "unveiling", "Apple headset unveiling at WWDC", date(2023, 6, 5))


@pytest.mark.parametrize(
    ("facts", "title", "kind"),
    [
        (WARRANT, "ICC issues arrest warrant for Putin over alleged war crimes", "fulfilment"),
        (WARRANT, "ICC issues arrest warrant for Netanyahu", "none"),
        (WIMBLEDON, "Carlos Alcaraz dethrones Novak Djokovic in epic Wimbledon final", "counter"),
        (NVIDIA, "Nvidia smashes expectations as sales soar 101%", "fulfilment"),
        (NVIDIA, "Nvidia posts record quarterly revenue", "fulfilment"),
        (WWDC, "Apple takes the wraps off its headset at WWDC", "fulfilment"),
    ],
)
def test_headline_idioms_of_unseen_events(facts: ClaimFacts, title: str, kind: str) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert j.kind == kind and (kind == "none" or j.decisive), j


def test_a_sole_title_names_its_holder() -> None:
    """ "the pontiff" is Pope Francis; "the king" is not named so loosely."""
    pope = build_actor("Pope Francis", tokenize("Pope Francis will visit Lisbon"))
    assert match_actor(pope, tokenize("Pontiff greets crowds in Lisbon")) > 0
    assert "pope" in pope.keys
    king = build_actor("King Charles III", tokenize("King Charles III"))
    assert match_actor(king, tokenize("King Abdullah arrives in Kenya")) == 0


LANDER = claim(
    ("Japanese government",), "launch", "launch of the first lunar lander", date(2024, 1, 19)
)


@pytest.mark.parametrize(
    ("title", "fulfilled"),
    [
        ("Japan launches spy satellite", False),
        ("Japan launches its first lunar lander", True),
    ],
)
def test_an_actor_named_only_by_a_wide_name_needs_the_events_subject(
    title: str, fulfilled: bool
) -> None:
    """ "Japan" names the Japanese government and much else: the item must say what was
    launched for it to be this launch."""
    j = judge(LANDER, ItemFacts(title, "", on(date(2024, 1, 19))))
    assert (j.kind == "fulfilment") is fulfilled, j


def test_a_one_word_organisation_is_named_by_its_name() -> None:
    assert not wide_match(build_actor("Reddit", tokenize("Reddit")), tokenize("Reddit lists"))
    assert wide_match(
        build_actor("Japanese government", tokenize("Japanese government")),
        tokenize("Japan launches"),
    )


def test_becoming_a_member_reaches_the_join_claims() -> None:
    assert {"join", "inaugurate"} <= item_words(ItemFacts("Sweden becomes NATO member"))[1]


FED = claim(("Federal Reserve",), "rate_change", "Fed rate hike", date(2022, 11, 2), "Washington")
IRA = claim(
    ("US House of Representatives",), "vote", "House vote on the Inflation Reduction Act",
    date(2022, 8, 12), "Washington",
)  # fmt: skip
HARRY = claim(
    ("Prince Harry",), "attend", "Prince Harry attends the coronation", date(2023, 5, 6), "London"
)
BALI = claim(("Joe Biden", "Xi Jinping"), "meeting", "Biden-Xi meeting", date(2022, 11, 14), "Bali")


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (FED, "Fed delivers another jumbo hike"),
        (FED, "Fed hikes 75bp, hints at slower pace"),
        (IRA, "Inflation Reduction Act passes the House"),
        (HARRY, "Prince Harry attends coronation without Meghan"),
    ],
)
def test_common_events_in_headline_shorthand(facts: ClaimFacts, title: str) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert (j.kind, j.decisive) == ("fulfilment", True), j


def test_the_matter_of_a_vote_is_its_object_not_its_place() -> None:
    """ "vote on the Inflation Reduction Act": the act is what the vote is about."""
    assert {"inflation", "reduction"} <= set(prepare(IRA).objects)


def test_a_hike_of_something_else_is_no_rate_move() -> None:
    j = judge(
        FED, ItemFacts("Fed warns a tariff hike would hurt growth", "", on(date(2022, 11, 2)))
    )
    assert j.kind != "fulfilment", j


def test_a_meeting_sentence_may_name_its_parties_well_before_the_noun() -> None:
    j = judge(
        BALI, ItemFacts("Biden and Xi hold first in-person talks", "", on(date(2022, 11, 14)))
    )
    assert j.kind == "fulfilment", j


MACRON = claim(
    ("Emmanuel Macron",), "state_visit", "Macron state visit to Germany", date(2023, 7, 4), "Berlin"
)
SWIFT = claim(
    ("Taylor Swift",), "concert", "Taylor Swift Vienna concerts", date(2023, 8, 8), "Vienna"
)
HUNGARY = claim(
    ("Hungarian parliament",), "ratification", "ratification of Sweden's NATO membership",
    date(2024, 2, 26), "Budapest",
)  # fmt: skip


def test_a_postponement_naming_the_events_country_ignores_other_places() -> None:
    title = "Macron postpones Germany state visit amid riots in France"
    j = judge(MACRON, ItemFacts(title, "", on(date(2023, 7, 1))))
    assert j.kind == "counter", j


def test_a_place_name_is_never_a_verb_of_an_event() -> None:
    """ "Vienna concerts cancelled" reports no concert ("Vienna" is no verb)."""
    title = "Taylor Swift's Vienna concerts cancelled after terror plot foiled"
    j = judge(SWIFT, ItemFacts(title, "", on(date(2023, 8, 8))))
    assert j.kind == "counter", j
    assert all("vienna" not in t.words for t in prepare(SWIFT).extra)


def test_a_legislature_goes_by_its_country() -> None:
    j = judge(
        HUNGARY, ItemFacts("Hungary ratifies Sweden's NATO membership", "", on(date(2024, 2, 26)))
    )
    assert (j.kind, j.decisive) == ("fulfilment", True), j


@pytest.mark.parametrize(
    ("clause", "beyond"),
    [
        ("Nippon Steel delays closing of US Steel deal to year-end", True),
        ("deal pushed to December", True),
        ("deal pushed to December 2024", False),  # the year decides: 2024 is the window's
        ("deal pushed to July", False),
    ],
)
def test_put_off_past_a_september_window(clause: str, beyond: bool) -> None:
    assert beyond_window(clause, date(2024, 9, 30)) is beyond


CITY = ClaimFacts(
    claim="Manchester City will face Inter Milan in the Champions League final on June 10.",
    actors=("Manchester City", "Inter Milan"),
    event="Champions League final",
    event_type="final",
    statement="Manchester City wins the Champions League final",
    reference_date=date(2023, 5, 20),
    due_earliest=date(2023, 6, 10),
    due_latest=date(2023, 6, 10),
)
HOLMES = claim(
    ("Elizabeth Holmes",), "sentencing", "Elizabeth Holmes sentencing", date(2022, 11, 18)
)
ARM = claim(("Arm Holdings",), "listing", "Arm IPO", date(2023, 9, 14), "New York")


@pytest.mark.parametrize(
    ("facts", "title", "fulfilled"),
    [
        (CITY, "Manchester City win Champions League to complete treble", True),
        (CITY, "Manchester City win semi-final against Real Madrid", False),
        (HOLMES, "Theranos founder Holmes gets 11 years for fraud", True),
        (HOLMES, "Holmes faces up to 20 years in prison", False),
        (ARM, "Arm shares jump 25% in Nasdaq debut", True),
    ],
)
def test_winners_terms_and_companies_by_their_names(
    facts: ClaimFacts, title: str, fulfilled: bool
) -> None:
    j = judge(facts, ItemFacts(title, "", on(facts.due_latest)))
    assert (j.kind == "fulfilment" and j.decisive) is fulfilled, j


CHAPEK = claim(
    ("Bob Chapek", "Disney"), "resign", "Bob Chapek steps down as Disney CEO", date(2022, 11, 21)
)


@pytest.mark.parametrize(
    ("title", "fulfilled"),
    [
        ("Disney ousts Chapek, brings back Bob Iger as CEO", True),
        ("Chapek replaces Disney's finance chief", False),
    ],
)
def test_an_office_holder_ousted_is_a_departure_but_not_when_he_does_the_ousting(
    title: str, fulfilled: bool
) -> None:
    j = judge(CHAPEK, ItemFacts(title, "", on(date(2022, 11, 21))))
    assert (j.kind == "fulfilment") is fulfilled, j


def test_leaders_gather_for_a_summit() -> None:
    facts = claim(("Switzerland",), "summit", "Ukraine peace summit", date(2024, 6, 15), "Lucerne")
    title = "World leaders gather in Lucerne, Switzerland for Ukraine peace summit"
    assert judge(facts, ItemFacts(title, "", on(date(2024, 6, 15)))).kind == "fulfilment"


A350 = claim(
    ("Air India", "Airbus"), "delivery", "Air India's first A350 delivery", date(2023, 12, 23)
)


@pytest.mark.parametrize(
    ("title", "fulfilled"),
    [
        ("Air India receives its first Airbus A350", True),
        ("Air India takes delivery of first A350-900", True),
        ("Air India receives bomb threat", False),
    ],
)
def test_a_delivery_said_from_either_side(title: str, fulfilled: bool) -> None:
    j = judge(A350, ItemFacts(title, "", on(date(2023, 12, 23))))
    assert (j.kind == "fulfilment" and j.decisive) is fulfilled, j


SWEARING_IN = claim(
    ("Narendra Modi",), "swearing_in", "Modi third-term swearing-in", date(2024, 6, 9), "New Delhi"
)


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (BALI, "Protesters gather in Bali as Biden and Xi prepare to meet"),
        (SWEARING_IN, "Modi opens new airport terminal in New Delhi"),
    ],
)
def test_common_verbs_of_others_or_of_other_acts_are_no_report(
    facts: ClaimFacts, title: str
) -> None:
    assert judge(facts, ItemFacts(title, "", on(facts.due_latest))).kind != "fulfilment"


@pytest.mark.parametrize(
    ("facts", "title"),
    [
        (TARIFFS, "Biden hikes tariffs on Chinese steel and aluminium"),
        (SUNAK, "Sunak becomes first prime minister to visit the Falklands"),
    ],
)
def test_the_same_act_on_another_matter_or_a_record_is_no_report(
    facts: ClaimFacts, title: str
) -> None:
    """A shared country is not a shared subject; 'first ... to' is a record, not a standing."""
    assert judge(facts, ItemFacts(title, "", on(facts.due_latest))).kind != "fulfilment"


IPAD = claim(("Apple", "iPad"), "launch", "iPad launch event", date(2024, 5, 7))
POLARIS = claim(("SpaceX", "Polaris Dawn"), "launch", "Polaris Dawn launch", date(2024, 9, 10))


@pytest.mark.parametrize(
    ("facts", "title", "summary"),
    [
        (
            IPAD,
            "Apple's new iPad Pro is thinner than ever",
            "Apple on Tuesday unveiled a new iPad Pro.",
        ),
        (POLARIS, "Polaris Dawn lifts off with billionaire Isaacman", ""),
    ],
)
def test_a_name_after_a_launch_verb_is_the_model_or_the_crew(
    facts: ClaimFacts, title: str, summary: str
) -> None:
    """Unlike a takeover's target, what follows a launch is its model ("iPad Pro") or crew."""
    assert judge(facts, ItemFacts(title, summary, on(facts.due_latest))).kind == "fulfilment"


ISHIBA = claim(
    ("Shigeru Ishiba",), "election", "Ishiba elected prime minister", date(2024, 10, 1), "Tokyo"
)


@pytest.mark.parametrize(
    "title",
    [
        "Japan's parliament elects Ishiba as prime minister",
        "Shigeru Ishiba becomes Japan's prime minister",
    ],
)
def test_an_election_by_parliament_names_its_winner_after_the_verb(title: str) -> None:
    j = judge(ISHIBA, ItemFacts(title, "", on(date(2024, 10, 1))))
    assert j.kind == "fulfilment", j


def test_a_tariff_hike_in_a_claim_is_no_rate_move() -> None:
    assert family_of("", "Biden hikes tariffs on Chinese EVs") != "rate_change"
