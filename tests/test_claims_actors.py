"""Actors: names by capitalisation, titles stripped, short names expanded, adjectives dropped."""

from __future__ import annotations

import pytest

from forecasts.claims.actors import NameBook, find_actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("U.S. Treasury Secretary Janet Yellen will travel", ["Janet Yellen"]),
        ("Chinese President Xi Jinping will attend", ["Xi Jinping"]),
        ("South Korean President Yoon Suk Yeol", ["Yoon Suk Yeol"]),
        ("District Judge Amit Mehta is expected to rule", ["Amit Mehta"]),
        ("Saudi Arabia could extend its cut", ["Saudi Arabia"]),
        ("The European Central Bank is set to raise", ["European Central Bank"]),
        (
            "Prime Minister Narendra Modi's Bharatiya Janata Party",
            ["Narendra Modi", "Bharatiya Janata Party"],
        ),
        ("a Biden-Xi summit in San Francisco", ["Biden", "Xi", "San Francisco"]),
        ("British homes will get power", []),
        ("Demand is expected to set a record", []),
    ],
)
def test_names_and_titles(text: str, actors: list[str]) -> None:
    """Titles and nationality adjectives before a name are not part of it; places keep theirs."""
    assert find_actors(text, NameBook()) == actors


def test_surnames_expand_to_the_full_name() -> None:
    """A later 'Yellen' is the 'Janet Yellen' named before; 'Apple' does not become 'Apple Watch'."""
    book = NameBook()
    find_actors("Treasury Secretary Janet Yellen and the Apple Watch", book)
    assert find_actors("Yellen will go", book) == ["Janet Yellen"]
    assert find_actors("Apple said", book) == ["Apple"]


def test_family_name_of_a_titled_person_expands() -> None:
    """'Xi' after 'leader Xi Jinping' is Xi Jinping."""
    book = NameBook()
    find_actors("possibly leader Xi Jinping during the trip", book)
    assert find_actors("Xi is likely to attend", book) == ["Xi Jinping"]


def test_opening_words_time_zones_and_ordinals_are_no_actors() -> None:
    """'Additional announcements', 'Refining will be', '7 PM IST', 'the 19th annual festival',
    'Members of the OPEC Plus group': ordinary words, times and ordinals are no names; a group's
    members are the group."""
    book = NameBook()
    assert find_actors("Additional announcements will be made.", book) == []
    assert find_actors("Refining will be a positive factor.", book) == []
    assert find_actors("The kick-off is set for 7 PM IST on Tuesday.", book) == []
    assert find_actors("The 19th annual Sarasota Film Festival opens.", book) == [
        "Sarasota Film Festival"
    ]
    assert find_actors("Members of the OPEC Plus group meet on Tuesday.", book)[0] == "OPEC Plus"


def test_times_are_never_actors() -> None:
    """'Saturday', 'EDT Aug. 6' and 'Q418' are times, never who."""
    book = NameBook()
    assert find_actors("The comet makes its closest approach on Saturday", book) == []
    assert find_actors("The rover lands at 1:31 a.m. EDT Aug. 6", book) == []
    assert find_actors("The deal closes in Q418", book) == []


def test_a_clock_times_place_is_no_actor() -> None:
    """'at 10 a.m. Washington time': a time zone, not Washington."""
    assert find_actors("The first ruling will come at 10 a.m. Washington time", NameBook()) == []
