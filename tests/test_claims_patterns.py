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


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive wants to expand into India next year.",
        "The company scrapped plans to build a factory in Ohio next year.",
        "The airline shelved its plans to fly to Lima in May.",
        "The ministry denied reports that the president will resign next week.",
        "The general dismissed fears that the drills would raise tensions in March.",
    ],
)
def test_desires_cancelled_plans_and_denied_rumours_are_not_claims(text: str) -> None:
    """'wants to', 'scrapped plans to', 'denied reports that X will': nothing to log."""
    assert claims_of(text) == []


def test_even_if_is_concessive_not_conditional() -> None:
    """'Even if the talks fail, the union will strike on Friday': the strike is claimed."""
    (claim,) = claims_of("Even if the talks fail, the union will strike on Friday.")
    assert claim.statement == "The union strikes on 8 March 2024"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Foreign Minister Nia Okafor is leaving for Perth on Wednesday.",
            "Foreign Minister Nia Okafor is leaving for Perth on 6 March 2024",
        ),
        (
            "The airline is cutting four routes in June.",
            "The airline is cutting four routes in June 2024",
        ),
    ],
)
def test_the_progressive_with_a_future_time_is_a_plan(text: str, statement: str) -> None:
    """'is leaving for X on Wednesday', 'is cutting routes in June': scheduled plans."""
    (claim,) = claims_of(text)
    assert claim.statement == statement


@pytest.mark.parametrize("text", ["Prices are rising this month.", "Rents are growing in May."])
def test_the_progressive_of_a_trend_is_no_claim(text: str) -> None:
    """'prices are rising this month' describes a trend, not a plan."""
    assert claims_of(text) == []


def test_first_person_going_to_is_a_claim_of_the_speaker() -> None:
    """'"I am going to open three plants this year," Minister X said': the speaker's plan."""
    (claim,) = claims_of(
        'Energy Minister Rita Kaur spoke on Monday. "I am going to open three plants this year," '
        "she said."
    )
    assert claim.actors[0] == "Rita Kaur"
    assert claim.statement == "Rita Kaur opens three plants by 31 December 2024"


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        (
            "The leaders have talks scheduled for Friday in Rome.",
            ["Talks take place on 8 March 2024 in Rome"],
        ),
        (
            "Lawmakers will debate the bill on Tuesday, with a vote also pencilled in for March 20.",
            ["Lawmakers debate the bill on 5 March 2024", "A vote takes place on 20 March 2024"],
        ),
        (
            "The union said the strike, set to begin on Monday, will last a week.",
            ["The strike lasts a week on 4 March 2024"],  # the aside folds into the claim
        ),
        (
            "Two rulings came on Monday, with more scheduled for Wednesday and Friday.",
            ["More takes place on 6 March 2024", "More takes place on 8 March 2024"],
        ),
    ],
)
def test_plans_as_nouns_are_claims(text: str, statements: list[str]) -> None:
    """'has talks scheduled for', 'with a vote pencilled in for', 'X, set to begin on ...';
    coordinated days are one claim each."""
    found = [c.statement for c in claims_of(text)]
    for statement in statements:
        assert statement in found


def test_an_aside_between_commas_is_not_the_subject() -> None:
    """'A committee, comprising Saudi Arabia and Russia, is scheduled to meet': the committee."""
    (claim,) = claims_of(
        "A monitoring committee, comprising Saudi Arabia and Russia, is scheduled to meet on Friday."
    )
    assert claim.claim.startswith("A monitoring committee")


@pytest.mark.parametrize(
    ("text", "window_"),
    [
        ("The envoys plan to travel to Cairo the week of April 29.", ("2024-04-29", "2024-05-05")),
        ("The festival will take place from March 31 – April 9.", ("2024-03-31", "2024-04-09")),
        ("The exhibition will open on June 3 and close on June 9.", ("2024-06-03", "2024-06-09")),
    ],
)
def test_spans_of_days(text: str, window_: tuple[str, str]) -> None:
    """'the week of <date>' is that week; 'March 31 – April 9' and 'opens on X and closes on
    Y' are one claim over X..Y."""
    (claim,) = claims_of(text)
    assert window(claim) == window_


def test_an_indirect_question_is_not_a_claim() -> None:
    """'investors want to know how much oil the world will need': no one claims anything."""
    assert claims_of("Investors are watching how much oil the world will need next year.") == []


@pytest.mark.parametrize(
    ("text", "window_"),
    [
        (
            "The annual meeting will be held on Thursday 28 March 2024 at the head office.",
            ("2024-03-28", "2024-03-28"),
        ),
        (
            "The band will play several festivals this summer, including Glastonbury on Sunday, June 30.",
            ("2024-06-30", "2024-06-30"),
        ),
        (
            "The agency will cut its forecast by the end of the year, the ministry said on Monday.",
            ("2024-03-04", "2024-12-31"),
        ),
    ],
)
def test_the_day_of_the_event_not_of_the_statement(text: str, window_: tuple[str, str]) -> None:
    """A weekday given with a date is the date; the most specific time of the claim wins; the
    day a statement was made ('said on Monday') is not the event's."""
    (claim,) = claims_of(text)
    assert window(claim) == window_


def test_the_occasion_named_in_the_subject_dates_the_claim() -> None:
    """'The election will be held on May 6 ... The election is expected to centre on the
    economy': the second claim takes the election's date."""
    claims = claims_of(
        "The general election will be held on May 6. Polls opened a debate. "
        "The election is expected to centre on the economy."
    )
    centre = next(c for c in claims if "centre" in c.claim)
    assert window(centre) == ("2024-05-06", "2024-05-06")


@pytest.mark.parametrize(
    ("text", "probability", "statement"),
    [
        (
            "Traders see a 70% probability of a rate hike in May.",
            0.7,
            "A rate hike takes place in May 2024",
        ),
        (
            "Analysts say there is a 60% chance of a rate cut in June.",
            0.6,
            "A rate cut takes place in June 2024",
        ),
    ],
)
def test_market_implied_odds_are_claims_with_their_probability(
    text: str, probability: float, statement: str
) -> None:
    """'traders see a 70% probability of a hike in May': a claim with p = 0.70."""
    (claim,) = claims_of(text)
    assert claim.probability == probability
    assert claim.statement == statement


def test_stated_odds_belong_to_their_own_clause() -> None:
    """Odds stated for one event do not become another claim's probability."""
    claim = claims_of(
        "The Fed is expected to cut rates in June, with markets pricing a 40% chance of a move in May."
    )[0]
    assert claim.probability == 0.75


def test_a_headline_repeated_in_the_body_is_one_claim() -> None:
    """The same statement twice (a summary bullet and its paragraph) is logged once."""
    found = claims_of(
        "- The port will reopen on Friday after repairs.\n\n"
        "The port will reopen on Friday after repairs, the harbour master said."
    )
    assert len(found) == 1


def test_an_aside_with_a_date_stays_in_the_main_claim() -> None:
    """'The next phase, scheduled to open in early 2027, will add 11 gates': one claim whose
    text keeps the aside and whose window is the aside's."""
    (claim,) = claims_of("The next phase, scheduled to open in early 2027, will add 11 new gates.")
    assert claim.claim == "The next phase, scheduled to open in early 2027, will add 11 new gates"
    assert window(claim) == ("2027-01-01", "2027-04-30")


def test_a_resolvable_description_can_hold_a_progressive_plan() -> None:
    """'Delta reported ... The airline is cutting four routes in June': a plan of Delta's."""
    claims = claims_of(
        "Delta Air Lines reported strong demand. The airline is cutting four routes in June."
    )
    assert [c.actors[:1] for c in claims] == [["Delta Air Lines"]]


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Orbital Foods shares rose ahead of its Wednesday earnings report.",
            "Orbital Foods' earnings report takes place on 6 March 2024",
        ),
        (
            "The coach spoke to reporters ahead of Thursday's cup final against Porto.",
            "Cup final takes place on 7 March 2024",
        ),
    ],
)
def test_ahead_of_a_dated_occasion_is_a_scheduled_event(text: str, statement: str) -> None:
    """'ahead of Wednesday's final', 'ahead of its Wednesday earnings report': the occasion is
    scheduled for that day."""
    assert statement in [c.statement for c in claims_of(text)]


def test_an_infinitive_plan_hung_on_with_is_a_claim() -> None:
    """'..., with opening statements to start June 5': the statements are scheduled."""
    found = claims_of(
        "The trial will be held in Philadelphia, with opening statements to start June 5."
    )
    assert "Opening statements start on 5 June 2024" in [c.statement for c in found]


def test_with_before_a_clause_is_no_infinitive_plan() -> None:
    """'the conference with Ukraine is expected to ...' is one copular claim, not two."""
    assert (
        len(claims_of("The first conference with Ukraine is expected to take place by June 30."))
        == 1
    )
