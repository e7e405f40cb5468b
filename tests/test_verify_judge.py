"""The judge: an item is fulfilment only when it reports the claimed event as having happened."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge

YELLEN = ClaimFacts(
    claim="Blinken's visit could set the stage for a trip to Beijing by U.S. Treasury Secretary Janet Yellen",
    actors=("Janet Yellen",),
    event="Janet Yellen trip to Beijing",
    event_type="visit",
    location="Beijing",
    reference_date=date(2023, 6, 18),
    due_earliest=date(2023, 6, 18),
    due_latest=date(2023, 12, 31),
    sentence="Ultimately, Blinken's visit could set the stage for a trip to Beijing by U.S. "
    "Treasury Secretary Janet Yellen and possibly culminate in a leaders' meeting later this year.",
)
XI_APEC = ClaimFacts(
    claim="Xi is likely to attend the November 2023 APEC meeting in San Francisco",
    actors=("Xi Jinping",),
    event="Xi attend APEC meeting in San Francisco",
    event_type="attend",
    location="San Francisco",
    reference_date=date(2023, 6, 18),
    due_earliest=date(2023, 11, 1),
    due_latest=date(2023, 11, 30),
)
BLINKEN_WANG = ClaimFacts(
    claim="Blinken was also expected to meet Wang Yi, China's top diplomatic official",
    actors=("Antony Blinken", "Wang Yi"),
    event="Blinken meet Wang Yi",
    event_type="meet",
    location="",
    reference_date=date(2023, 6, 18),
    due_earliest=date(2023, 6, 18),
    due_latest=date(2023, 6, 19),
)
BOE_CUT = ClaimFacts(
    claim="The Bank of England is expected to cut interest rates in August",
    actors=("Bank of England",),
    event="Bank of England cut interest rates",
    event_type="rate_change",
    reference_date=date(2024, 3, 20),
    due_earliest=date(2024, 8, 1),
    due_latest=date(2024, 8, 31),
)


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 9, 0, tzinfo=UTC)


def item(title: str, when: datetime, summary: str = "") -> ItemFacts:
    return ItemFacts(title=title, summary=summary, published=when, link="https://example.com/x")


@pytest.mark.parametrize(
    "title",
    [
        "Yellen lands in Beijing for four days of talks",
        "Yellen arrived in Beijing on Thursday",
        "Janet Yellen has landed in Beijing",
        "US Treasury chief arrives in Beijing",
        "Yellen meets Chinese premier in Beijing",
    ],
)
def test_a_report_that_the_visit_happened_is_fulfilment(title: str) -> None:
    """Past, perfect and headline-present forms of the event, by name or by the claimed title."""
    j = judge(YELLEN, item(title, at(2023, 7, 6)))
    assert j.kind == "fulfilment", j
    assert j.decisive
    assert j.event_date is not None and date(2023, 7, 1) <= j.event_date <= date(2023, 7, 6)


@pytest.mark.parametrize(
    "title",
    [
        "Yellen to visit China next month, Treasury says",
        "Yellen hopes to travel to Beijing soon",
        "Yellen is expected to visit Beijing in July",
        "Yellen plans trip to Beijing",
        "Yellen will travel to Beijing",
    ],
)
def test_an_announcement_or_plan_is_only_a_signal(title: str) -> None:
    """'to visit', 'will', 'plans', 'hopes to', 'is expected to', 'next month' are not fulfilment."""
    assert judge(YELLEN, item(title, at(2023, 6, 25))).kind == "signal"


@pytest.mark.parametrize(
    "title",
    [
        "Yellen's trip to Beijing called off",
        "Yellen cancels Beijing visit",
        "Treasury rules out Yellen visit to Beijing this year",
        "China refuses Yellen visit",
    ],
)
def test_a_cancellation_refusal_or_denial_is_counter_evidence(title: str) -> None:
    j = judge(YELLEN, item(title, at(2023, 7, 1)))
    assert j.kind == "counter", j


def test_a_postponement_is_counter_evidence_but_not_decisive() -> None:
    """Postponed may still fall inside the window: a person should look."""
    j = judge(YELLEN, item("Yellen postpones Beijing trip", at(2023, 7, 1)))
    assert j.kind == "counter" and not j.decisive


def test_the_same_actor_at_another_place_is_not_evidence() -> None:
    assert (
        judge(YELLEN, item("Yellen arrives in Jakarta for G20 talks", at(2023, 7, 6))).kind
        == "none"
    )


def test_the_same_event_with_other_actors_is_not_evidence() -> None:
    j = judge(YELLEN, item("Blinken lands in Beijing", at(2023, 7, 6)))
    assert j.kind == "none"


def test_a_generic_title_without_the_claims_qualifier_does_not_name_the_person() -> None:
    """'Treasury chief' stands for Yellen only because the claim calls her Treasury Secretary."""
    no_title = replace(YELLEN, sentence="", claim="A trip to Beijing by Janet Yellen")
    assert judge(no_title, item("Treasury chief arrives in Beijing", at(2023, 7, 6))).kind == "none"


def test_items_published_before_the_reference_date_never_count() -> None:
    assert judge(YELLEN, item("Yellen visited Beijing", at(2023, 5, 6))).kind == "none"


def test_items_after_the_window_do_not_count() -> None:
    j = judge(YELLEN, item("Yellen arrives in Beijing", at(2024, 2, 6)))
    assert (j.kind, j.rule) == ("none", "after_window")


def test_an_event_before_the_window_opens_is_not_fulfilment() -> None:
    j = judge(XI_APEC, item("Xi arrives in San Francisco", at(2023, 10, 3)))
    assert j.kind == "none"


def test_an_event_reported_days_later_is_dated_by_its_weekday() -> None:
    """'on Sunday' in an item published on Tuesday dates the event two days earlier."""
    j = judge(YELLEN, item("Yellen wrapped up her Beijing visit on Sunday", at(2023, 7, 11)))
    assert j.kind == "fulfilment"
    assert j.event_date == date(2023, 7, 9)


def test_attendance_is_proved_by_arrival_at_the_venue() -> None:
    j = judge(XI_APEC, item("Xi arrives in San Francisco for APEC summit", at(2023, 11, 14)))
    assert j.kind == "fulfilment" and j.decisive


def test_attendance_at_another_summit_is_not_evidence() -> None:
    j = judge(XI_APEC, item("Xi attends BRICS summit in Johannesburg", at(2023, 11, 2)))
    assert j.kind == "none"


def test_a_meeting_needs_every_named_participant() -> None:
    both = item("Blinken meets Wang Yi in Beijing", at(2023, 6, 19))
    one = item("Blinken meets Qin Gang in Beijing", at(2023, 6, 19))
    assert judge(BLINKEN_WANG, both).kind == "fulfilment"
    assert judge(BLINKEN_WANG, one).kind == "none"


def test_talks_in_the_past_tense_are_a_meeting() -> None:
    j = judge(BLINKEN_WANG, item("Blinken held talks with Wang on Monday", at(2023, 6, 19)))
    assert j.kind == "fulfilment"


def test_a_rate_move_in_the_other_direction_counts_against_the_claim() -> None:
    """A hike is not a cut; at the window's last meeting it settles the claim."""
    hike = item("Bank of England raises interest rates to 5.5%", at(2024, 8, 1))
    hold = item("Bank of England holds interest rates at 5%", at(2024, 8, 1))
    cut = item("Bank of England cuts interest rates for the first time since 2020", at(2024, 8, 1))
    assert judge(BOE_CUT, hike).kind == "counter"
    assert judge(BOE_CUT, hold).kind == "counter" and judge(BOE_CUT, hold).decisive
    assert judge(BOE_CUT, cut).kind == "fulfilment"


def test_an_organisation_is_recognised_by_its_acronym() -> None:
    cut = item("BoE cuts interest rates to 5%", at(2024, 8, 1))
    assert judge(BOE_CUT, cut).kind == "fulfilment"


def test_a_country_is_recognised_by_its_demonym() -> None:
    election = ClaimFacts(
        claim="Taiwan holds its presidential election in January",
        actors=("Taiwan",),
        event="Taiwan presidential election",
        event_type="election",
        reference_date=date(2023, 6, 18),
        due_earliest=date(2024, 1, 1),
        due_latest=date(2024, 1, 31),
    )
    assert judge(election, item("Taiwanese voters go to the polls", at(2024, 1, 13))).kind == (
        "fulfilment"
    )
    assert judge(election, item("Taiwan election campaign heats up", at(2024, 1, 3))).kind == (
        "none"
    )


def test_a_negated_claim_resolves_the_other_way_round() -> None:
    """'Xi will not attend': his arrival counts against it; his skipping the summit for it."""
    claim = ClaimFacts(
        claim="Xi will not attend the G20 summit in New Delhi",
        actors=("Xi Jinping",),
        event="Xi attend G20 summit",
        event_type="attend",
        location="New Delhi",
        polarity="negative",
        reference_date=date(2023, 8, 20),
        due_earliest=date(2023, 9, 9),
        due_latest=date(2023, 9, 10),
    )
    skipped = judge(claim, item("Xi skips G20 summit in New Delhi", at(2023, 9, 9)))
    arrived = judge(claim, item("Xi arrives in New Delhi for G20", at(2023, 9, 9)))
    assert skipped.kind == "fulfilment"
    assert arrived.kind == "counter" and arrived.decisive


def test_every_judgement_names_its_rule() -> None:
    j = judge(YELLEN, item("Yellen lands in Beijing", at(2023, 7, 6)))
    assert j.rule and j.score > 0
    assert judge(YELLEN, item("Stocks fall", at(2023, 7, 6))).rule


def test_an_earlier_event_mentioned_as_background_is_not_a_report() -> None:
    """'met last year in Bali' recalls an old meeting; it does not report the claimed one."""
    claim = replace(BLINKEN_WANG, due_latest=date(2023, 12, 31))
    j = judge(claim, item("Blinken and Wang Yi met last year in Bali", at(2023, 7, 1)))
    assert j.kind != "fulfilment"


def test_the_reporting_sentence_must_name_both_parties_near_the_verb() -> None:
    """'Biden meets China's Wang Yi as sides work toward Xi summit' is no Biden-Xi meeting."""
    claim = ClaimFacts(
        claim="Biden hopes to meet Xi again in the coming months",
        actors=("Joe Biden", "Xi Jinping"),
        event_type="meet",
        reference_date=date(2023, 6, 18),
        due_earliest=date(2023, 6, 18),
        due_latest=date(2023, 12, 18),
    )
    other = item("Biden meets China's Wang Yi as sides work toward Xi summit", at(2023, 10, 27))
    real = item("Biden and Xi meet near San Francisco", at(2023, 11, 15))
    assert judge(claim, other).kind != "fulfilment"
    assert judge(claim, real).kind == "fulfilment"


def test_attending_by_video_is_not_attending() -> None:
    claim = replace(XI_APEC, due_earliest=date(2023, 11, 1))
    j = judge(
        claim, item("Xi addresses APEC summit in San Francisco by video link", at(2023, 11, 16))
    )
    assert j.kind == "counter"


def test_an_old_event_dated_by_its_year_is_not_a_report() -> None:
    old = item(
        "Bank of England cut interest rates in March 2020 as the pandemic hit", at(2024, 8, 1)
    )
    assert judge(BOE_CUT, old).kind != "fulfilment"


def test_not_yet_is_not_decisive_counter_evidence() -> None:
    """'has not visited since 2019' says nothing about the rest of the window."""
    j = judge(YELLEN, item("Yellen has not visited Beijing since 2019", at(2023, 6, 25)))
    assert not (j.kind == "counter" and j.decisive)


def test_the_actor_must_be_the_subject_of_an_institutions_act() -> None:
    """'ECB cuts rates as Fed holds' is no Fed cut."""
    fed = replace(
        BOE_CUT,
        claim="The Fed is expected to cut rates in August",
        event="Federal Reserve cut interest rates",
        actors=("Federal Reserve",),
    )
    assert (
        judge(fed, item("ECB cuts interest rates as Fed holds", at(2024, 8, 1))).kind
        != "fulfilment"
    )
    assert (
        judge(fed, item("Fed cuts interest rates by half a point", at(2024, 8, 1))).kind
        == "fulfilment"
    )


def test_arriving_somewhere_else_first_is_not_the_visit() -> None:
    """'lands in New York ahead of Washington visit' is no arrival in Washington."""
    modi = ClaimFacts(
        claim="Modi will visit Washington in June",
        actors=("Narendra Modi",),
        event_type="visit",
        location="Washington",
        reference_date=date(2023, 4, 1),
        due_earliest=date(2023, 6, 1),
        due_latest=date(2023, 6, 30),
    )
    ny = item("Modi lands in New York ahead of Washington visit", at(2023, 6, 20))
    dc = item("Modi arrives in Washington for state visit", at(2023, 6, 21))
    assert judge(modi, ny).kind != "fulfilment"
    assert judge(modi, dc).kind == "fulfilment"
