"""Hedges: triggers, longest-match hedge words, negation."""

from __future__ import annotations

import pytest

from forecasts.claims.hedges import find_triggers, hedge_of, is_negated, stated_odds
from forecasts.config import DEFAULT_HEDGES


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("The bank is widely expected to cut rates", "widely expected"),
        ("Xi is likely to attend", "likely"),
        ("The Fed is unlikely to cut", "unlikely"),
        ("Trump said he would probably meet Putin", "probably"),
        ("Economists expect the bank to raise rates", "expected"),
        ("The company plans to launch a phone", "plans to"),
        ("The firm hopes to close the deal", "hopes to"),
        ("The rocket is scheduled to launch on Friday", "scheduled"),
        ("Officials are set to hold talks", "set to"),
        ("The visit could set the stage for talks", "could"),
        ("Rates may rise", "may"),
        ("She will travel to Paris", "will"),
        ("He won't attend", "will"),
        ("the potential for a summit", "potential"),
    ],
)
def test_hedge_words(sentence: str, hedge: str) -> None:
    """Each construction is a trigger whose hedge is the longest matching table entry."""
    triggers = find_triggers(sentence)
    assert triggers, sentence
    assert hedge_of(triggers[0].text, DEFAULT_HEDGES) == hedge


@pytest.mark.parametrize(
    "sentence", ["He will not attend", "He won't attend", "The bank is not expected to move"]
)
def test_negation(sentence: str) -> None:
    """'will not', 'won't', 'not expected to' negate the claim."""
    assert is_negated(find_triggers(sentence)[0].text)


def test_non_verbs_after_modals_are_not_triggers() -> None:
    """'the will of the people' has no trigger; 'May' as a name is not one either."""
    assert find_triggers("It reflects the will of the people.") == []


@pytest.mark.parametrize(
    ("text", "p"),
    [("a 70% probability of a hike", 0.7), ("a roughly two-thirds chance of a recession", 0.667),
     ("a 40 percent chance of a cut", 0.4), ("no odds here", None),
     ("a 30% chance of a cut and a 60% chance of a hold", None)],
)  # fmt: skip
def test_stated_odds(text: str, p: float | None) -> None:
    """'a 70% probability' is 0.70; two different odds in one clause name no single one."""
    assert stated_odds(text) == p


def test_seem_appear_and_look_make_bare_triggers_like_is() -> None:
    """'a deal seems likely this week', 'a cut appeared more likely': the same as 'is likely'."""
    from forecasts.claims.hedges import find_triggers

    for text, trigger in [
        ("A deal seems likely this week.", "seems likely"),
        ("A second cut appeared more likely.", "appeared more likely"),
        ("A strike looks imminent.", "looks imminent"),
    ]:
        assert [(t.text, t.kind) for t in find_triggers(text)] == [(trigger, "bare")]


def test_anticipated_projected_and_forecast_to_are_expectations() -> None:
    """'is anticipated to close', 'is projected to grow', 'is forecast to fall': 'expected'."""
    from forecasts.claims.hedges import find_triggers, hedge_of
    from forecasts.config import Settings

    hedges = Settings().hedges
    for text in (
        "The deal is anticipated to close in the fourth quarter.",
        "Output is projected to grow next year.",
        "Prices are forecast to fall in May.",
    ):
        (trigger,) = find_triggers(text)
        assert (trigger.kind, hedge_of(trigger.text, hedges)) == ("copular", "expected")
