"""General wording patterns of real news: spellings, numbered names, places, previews, counters."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from forecasts.evidence.actors import build_actor, match_actor
from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge
from forecasts.evidence.text import clauses, fold, tokenize


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 9, tzinfo=UTC)


def test_letters_without_accents_fold_to_plain_spelling() -> None:
    assert fold("Kılıçdaroğlu") == "Kilicdaroglu"
    assert fold("Wałęsa, Støre, Đoković, Straße") == "Walesa, Store, Dokovic, Strasse"


def test_a_headline_reads_as_the_same_clause_with_or_without_its_full_stop() -> None:
    title = "Putin will take part via video link."
    assert clauses(title) == clauses(f"{title}. More text follows here.")[:1]


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("Artemis II", "NASA delays Artemis 2 to 2026", True),
        ("Artemis II", "Artemis III slips again", False),
        ("Chandrayaan-3", "Chandrayaan 3 lands near the south pole", True),
        ("Pope Leo XIV", "Leo meets pilgrims", True),
    ],
)
def test_names_ending_in_a_number_match_either_spelling(name: str, text: str, named: bool) -> None:
    actor = build_actor(name, tokenize(name))
    assert (match_actor(actor, tokenize(text)) > 0) is named
    assert "ii" not in actor.keys


ARTEMIS = ClaimFacts(
    claim="NASA will launch Artemis II in November 2024",
    actors=("NASA", "Artemis II"),
    event="Artemis II launch",
    event_type="launch",
    reference_date=date(2023, 4, 3),
    due_earliest=date(2024, 11, 1),
    due_latest=date(2024, 11, 30),
)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("NASA launches Artemis 2 with a crew of four", "fulfilment"),
        ("NASA rolls out Artemis 2 rocket to the launch pad", "signal"),
        ("NASA reveals Artemis II launch date", "signal"),
        ("Artemis II trailer released by NASA", "signal"),
    ],
)
def test_a_preview_of_a_launch_is_not_the_launch(title: str, kind: str) -> None:
    assert judge(ARTEMIS, ItemFacts(title, published=at(2024, 11, 10))).kind == kind


def test_a_capital_by_its_description_and_a_venue_inside_a_city() -> None:
    visit = ClaimFacts(
        claim="Yellen will visit Beijing in July",
        actors=("Janet Yellen",),
        event="Yellen visit to Beijing",
        event_type="visit",
        location="Beijing",
        reference_date=date(2023, 7, 1),
        due_earliest=date(2023, 7, 6),
        due_latest=date(2023, 7, 9),
    )
    item = ItemFacts("Yellen arrives in the Chinese capital for talks", published=at(2023, 7, 6))
    j = judge(visit, item)
    assert (j.kind, j.rule.endswith("+place")) == ("fulfilment", True)
    sworn = ClaimFacts(
        claim="Modi will be sworn in on Sunday",
        actors=("Narendra Modi",),
        event="Modi swearing-in",
        event_type="swearing_in",
        location="Rashtrapati Bhavan, New Delhi",
        reference_date=date(2024, 6, 7),
        due_earliest=date(2024, 6, 9),
        due_latest=date(2024, 6, 9),
    )
    # The city's country is no other place: "a milestone in Indian politics".
    title = "Modi sworn in for a third term, a milestone in Indian politics"
    item = ItemFacts(title, published=at(2024, 6, 9))
    assert judge(sworn, item).kind == "fulfilment"


def test_they_met_names_both_parties() -> None:
    meeting = ClaimFacts(
        claim="Biden will meet Xi on Wednesday",
        actors=("Joe Biden", "Xi Jinping"),
        event="Biden-Xi meeting",
        event_type="meeting",
        reference_date=date(2023, 11, 10),
        due_earliest=date(2023, 11, 15),
        due_latest=date(2023, 11, 15),
    )
    title = (
        "President Joe Biden and Chinese President Xi Jinping reached agreements in several "
        "key areas when they met Wednesday"
    )
    assert judge(meeting, ItemFacts(title, published=at(2023, 11, 15))).kind == "fulfilment"


def test_ending_negative_rates_is_a_rise() -> None:
    boj = ClaimFacts(
        claim="The Bank of Japan will end negative interest rates in March",
        actors=("Bank of Japan",),
        event="BOJ ends negative interest rates",
        event_type="rate_change",
        location="Tokyo",
        reference_date=date(2024, 3, 15),
        due_earliest=date(2024, 3, 18),
        due_latest=date(2024, 3, 19),
    )
    j = judge(boj, ItemFacts("Bank of Japan ends negative rates", published=at(2024, 3, 19)))
    assert j.kind == "fulfilment"


@pytest.mark.parametrize(
    "title",
    [
        "'No chance' Peregrine lander will touch down on the Moon, Astrobotic says",
        "Astrobotic gives up on Peregrine landing after fuel leak",
        "Peregrine landing put on hold, Astrobotic says",
    ],
)
def test_phrasal_counter_forms(title: str) -> None:
    landing = ClaimFacts(
        claim="Peregrine will land on the Moon on 23 February",
        actors=("Astrobotic", "Peregrine"),
        event="Peregrine lunar landing",
        event_type="landing",
        location="Moon",
        reference_date=date(2024, 1, 5),
        due_earliest=date(2024, 2, 23),
        due_latest=date(2024, 2, 23),
    )
    assert judge(landing, ItemFacts(title, published=at(2024, 1, 9))).kind == "counter"


MILEI = ClaimFacts(
    claim="Polls give Milei a narrow lead over Massa before the runoff",
    statement="Javier Milei wins Argentina's presidential runoff on 19 November 2023",
    actors=("Javier Milei", "Sergio Massa"),
    event="Argentina presidential runoff",
    event_type="election",
    location="Argentina",
    reference_date=date(2023, 11, 10),
    due_earliest=date(2023, 11, 19),
    due_latest=date(2023, 11, 19),
)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Massa concedes defeat to Milei in Argentina", "fulfilment"),
        ("Milei wins Argentina runoff against Massa", "fulfilment"),
        ("Massa wins Argentina runoff against Milei", "counter"),
        ("Massa beats Milei in Argentina runoff", "counter"),
        ("Argentina: Sergio Massa admite vitória do ultraliberal Javier Milei", "fulfilment"),
        ("Javier Milei proximo presidente Argentina", "fulfilment"),
        ("Who will be Argentina's next president, Milei or Massa?", "signal"),
    ],
)
def test_a_claimed_win_and_its_rival(title: str, kind: str) -> None:
    assert judge(MILEI, ItemFacts(title, published=at(2023, 11, 20))).kind == kind


def test_reports_in_other_languages() -> None:
    meeting = ClaimFacts(
        claim="Biden will meet Xi in California",
        actors=("Joe Biden", "Xi Jinping"),
        event="Biden-Xi meeting",
        event_type="meeting",
        location="California",
        reference_date=date(2023, 11, 10),
        due_earliest=date(2023, 11, 15),
        due_latest=date(2023, 11, 15),
    )
    item = ItemFacts(
        "Joe Biden e Xi Jinping se encontram na Califórnia", published=at(2023, 11, 15)
    )
    assert judge(meeting, item).kind == "fulfilment"


SLIM = ClaimFacts(
    claim="SLIM will land on the Moon on 20 January",
    actors=("JAXA", "SLIM"),
    event="SLIM lunar landing",
    event_type="landing",
    location="Moon",
    reference_date=date(2023, 12, 7),
    due_earliest=date(2024, 1, 19),
    due_latest=date(2024, 1, 20),
)


@pytest.mark.parametrize(
    ("title", "published", "kind"),
    [
        ("JAXA's SLIM landed on the Moon on January 20", at(2024, 1, 25), "fulfilment"),
        ("JAXA's SLIM landed on the Moon", at(2024, 1, 25), "none"),  # undated: too late
        ("JAXA's SLIM landed on the Moon on January 20", at(2024, 2, 10), "none"),
        ("JAXA's SLIM landed on the Moon on January 24", at(2024, 1, 25), "none"),
    ],
)
def test_late_news_counts_only_when_it_dates_the_event_in_the_window(
    title: str, published: datetime, kind: str
) -> None:
    assert judge(SLIM, ItemFacts(title, published=published)).kind == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Astronauts land on the Moon with Artemis II", "fulfilment"),
        ("Artemis II and Orion land on the Moon", "fulfilment"),
        ("Artemis II land rights on the Moon debated", "none"),
    ],
)
def test_plural_headline_subjects_report_with_a_bare_verb(title: str, kind: str) -> None:
    landing = ClaimFacts(
        claim="Artemis II will land on the Moon in November",
        actors=("Artemis II",),
        event="Artemis II lunar landing",
        event_type="landing",
        location="Moon",
        reference_date=date(2024, 1, 5),
        due_earliest=date(2024, 11, 1),
        due_latest=date(2024, 11, 30),
    )
    assert judge(landing, ItemFacts(title, published=at(2024, 11, 10))).kind == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Army engineers give timeline for reopening of the Baltimore channel", "signal"),
        ("Baltimore channel reopened to ships", "fulfilment"),
        ("Fort McHenry Channel dredging continues in Baltimore", "none"),
    ],
)
def test_an_event_of_no_family_is_read_by_its_own_verbs(title: str, kind: str) -> None:
    reopening = ClaimFacts(
        claim="The Fort McHenry Channel in Baltimore will be reopened by the end of May",
        actors=("Port of Baltimore",),
        event="Reopening of the Fort McHenry Channel",
        event_type="reopening",
        location="Baltimore",
        reference_date=date(2024, 4, 4),
        due_earliest=date(2024, 4, 4),
        due_latest=date(2024, 5, 31),
    )
    assert judge(reopening, ItemFacts(title, published=at(2024, 5, 10))).kind == kind


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("Sam Bankman-Fried", "SBF sentenced to 25 years", True),
        ("Sam Bankman-Fried", "Bankman-Fried appeals", True),
        ("Sam Bankman-Fried", "sbf is not a name in lower case", False),
        ("Alexandria Ocasio-Cortez", "AOC endorses Harris", True),
        ("Joe Biden", "JB Pritzker speaks", False),
    ],
)
def test_long_names_by_initials_and_double_barrelled_surnames(
    name: str, text: str, named: bool
) -> None:
    actor = build_actor(name, tokenize(name))
    assert (match_actor(actor, tokenize(text)) > 0) is named


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Deadline for Microsoft's acquisition of Activision extended to Oct 18", "counter"),
        ("Microsoft and Activision extend their acquisition deadline", "counter"),
        ("Microsoft completes acquisition of Activision ahead of deadline", "fulfilment"),
    ],
)
def test_an_extended_deadline_is_a_missed_one(title: str, kind: str) -> None:
    deal = ClaimFacts(
        claim="Microsoft will close its acquisition of Activision Blizzard by 18 July",
        actors=("Microsoft", "Activision Blizzard"),
        event="Microsoft closes Activision acquisition",
        event_type="merger",
        reference_date=date(2023, 7, 11),
        due_earliest=date(2023, 7, 11),
        due_latest=date(2023, 7, 18),
    )
    assert judge(deal, ItemFacts(title, published=at(2023, 7, 18))).kind == kind


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        ("Joe Biden and Xi Jinping offer hope of better ties at Woodside meeting", True),
        ("Joe Biden to raise Taiwan with Xi Jinping at Woodside meeting", False),
    ],
)
def test_what_was_said_at_the_meeting_reports_it(title: str, reported: bool) -> None:
    meeting = ClaimFacts(
        claim="Biden will meet Xi near San Francisco on Wednesday",
        actors=("Joe Biden", "Xi Jinping"),
        event="Biden-Xi meeting",
        event_type="meeting",
        location="San Francisco Bay Area",
        reference_date=date(2023, 11, 10),
        due_earliest=date(2023, 11, 15),
        due_latest=date(2023, 11, 15),
    )
    j = judge(meeting, ItemFacts(title, published=at(2023, 11, 15)))
    assert (j.kind == "fulfilment") is reported


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("NASA delays Artemis II launch, now rescheduled for April 2026", "counter"),
        ("NASA delays Artemis II launch again", "none"),  # late, and says nothing of when
    ],
)
def test_a_late_postponement_past_the_window_still_counts(title: str, kind: str) -> None:
    j = judge(ARTEMIS, ItemFacts(title, published=at(2024, 12, 5)))
    assert j.kind == kind
    assert j.kind != "counter" or j.decisive


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Arm shares jump 25% in Nasdaq debut", "fulfilment"),
        ("Arm to price shares ahead of Nasdaq debut", "signal"),
    ],
)
def test_what_happened_in_a_debut_reports_it(title: str, kind: str) -> None:
    listing = ClaimFacts(
        claim="Arm will list on the Nasdaq this week",
        actors=("Arm",),
        event="Arm Nasdaq listing",
        event_type="listing",
        reference_date=date(2023, 9, 11),
        due_earliest=date(2023, 9, 11),
        due_latest=date(2023, 9, 17),
    )
    assert judge(listing, ItemFacts(title, published=at(2023, 9, 14))).kind == kind
