"""Matching a claim to a question: same actors by any alias, same event, compatible place,
overlapping windows (forecasts.questions.match)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from forecasts.questions.match import Candidate, EventFacts, match_question


def facts(actors: tuple[str, ...], event_type: str = "visit", **overrides: Any) -> EventFacts:
    values: dict[str, Any] = {
        "actors": actors,
        "event_type": event_type,
        "event": "",
        "location": "",
        "earliest": date(2023, 7, 1),
        "latest": date(2023, 7, 31),
        "text": "",
    }
    values.update(overrides)
    return EventFacts(**values)


YELLEN = facts(
    ("Janet Yellen",),
    location="Beijing",
    earliest=date(2023, 6, 18),
    latest=date(2023, 12, 31),
    text="Blinken's visit could set the stage for a trip to Beijing by Janet Yellen",
)


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        (facts(("Yellen", "Beijing July 6")), "a surname and a place among the actors"),
        (
            facts(
                ("Beijing",),
                event_type="",
                text="U.S. Treasury Secretary Janet Yellen is preparing a trip to Beijing",
            ),
            "no person extracted: the sentence names her; the family comes from 'trip'",
        ),
        (facts(("Janet Yellen",), location="China"), "a city lies in its country"),
    ],
)
def test_claims_about_the_yellen_trip_join_its_question(claim: EventFacts, why: str) -> None:
    """ "Yellen to visit Beijing July 6-9" and its variants are the trip "later this year"."""
    match = match_question(claim, [Candidate(1, YELLEN)])
    assert match.question is not None, why
    assert match.question.id == 1
    assert match.score > 0
    assert "overlapping windows" in match.rule


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        (facts(("Antony Blinken",), location="Beijing"), "another person"),
        (facts(("Janet Yellen",), location="Tokyo"), "another place"),
        (facts(("Janet Yellen",), event_type="election"), "another event"),
        (
            facts(("Janet Yellen",), earliest=date(2024, 3, 1), latest=date(2024, 3, 31)),
            "windows apart",
        ),
        (facts((), event_type="", text="ties could improve"), "nothing to identify it"),
    ],
)
def test_other_events_open_a_question_of_their_own(claim: EventFacts, why: str) -> None:
    """A claim about another person, place, kind of event or time is another question."""
    assert match_question(claim, [Candidate(1, YELLEN)]).question is None, why


def test_a_meeting_needs_the_same_people_on_both_sides() -> None:
    """ "Xi and Biden to meet" is one event with "Biden, Xi meet", not with "Blinken meets Xi"."""
    biden_xi = facts(("Joe Biden", "Xi Jinping"), event_type="meeting")
    assert match_question(
        facts(("Xi", "Biden"), event_type="meet"), [Candidate(1, biden_xi)]
    ).question
    blinken = facts(("Antony Blinken", "Xi Jinping"), event_type="meeting")
    assert match_question(blinken, [Candidate(1, biden_xi)]).question is None


def test_a_trip_to_a_summit_is_attending_it() -> None:
    """ "Xi will travel to San Francisco for APEC" is "Xi is likely to attend APEC in San Francisco"."""
    apec = facts(("Xi Jinping", "APEC"), event_type="attend", location="San Francisco")
    trip = facts(("Xi",), event_type="visit", location="San Francisco for APEC")
    match = match_question(trip, [Candidate(7, apec)])
    assert match.question is not None and match.question.id == 7
    assert match.rule.startswith("visit~attend")
    assert match.score < 1.0


def test_attending_another_organisation_is_another_event() -> None:
    """Xi at the G20 is not Xi at APEC, even in overlapping windows."""
    apec = facts(("Xi Jinping", "APEC"), event_type="attend")
    g20 = facts(("Xi Jinping", "Group of 20"), event_type="attend")
    assert match_question(g20, [Candidate(1, apec)]).question is None


def test_the_best_score_wins_and_ties_go_to_the_oldest_question() -> None:
    """Two matching questions: the stronger match, and between equals the lower id."""
    exact = facts(("Janet Yellen",), location="Beijing")
    by_text = facts(("Beijing",), text="Janet Yellen is preparing a trip to Beijing")
    claim = facts(("Janet Yellen",), location="Beijing")
    assert match_question(claim, [Candidate(2, by_text), Candidate(3, exact)]).question.id == 3  # type: ignore[union-attr]
    assert match_question(claim, [Candidate(5, exact), Candidate(4, exact)]).question.id == 4  # type: ignore[union-attr]


def test_named_in_memo_is_bounded_by_the_bytes_it_keeps() -> None:
    """The memo of named_in holds whole sentences: it must stop growing at its byte budget
    (short keys count their entry's overhead too), keep answering correctly past it, and drop
    the least recently used first."""
    from forecasts.questions.match import _named_in, _TextMemo

    memo = _TextMemo(_named_in, 20_000)
    texts = [f"Janet Yellen will travel to city number {n} next month." for n in range(500)]
    for text in texts:
        assert memo("Janet Yellen", text) is True
        assert memo("Xi Jinping", text) is False
        assert memo.cache_bytes() <= 20_000
    info = memo.cache_info()
    assert info.misses == 1_000 and 0 < info.currsize < 20_000 / 250
    assert memo("Xi Jinping", texts[-1]) is False  # still held: a hit
    assert memo.cache_info().hits == 1
    memo("Janet Yellen", texts[0])  # long since dropped: computed again
    assert memo.cache_info().misses == 1_001
    assert memo("Janet Yellen", "x" * 50_000) is False  # larger than the budget: never kept
    assert memo.cache_bytes() <= 20_000
    memo.cache_clear()
    assert memo.cache_info().currsize == 0 and memo.cache_bytes() == 0
