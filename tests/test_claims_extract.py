"""Claim extraction: what a careful reader records from news text, stated as rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.claims.extract import extract_claims
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

SEED = (
    Path(__file__).resolve().parent.parent
    / "seeds"
    / "articles"
    / "2023-06-18-japan-times-blinken-beijing-visit.txt"
)


@pytest.fixture(scope="module")
def cfg() -> Settings:
    return Settings()


def extract(text: str, ref: str, cfg: Settings) -> list[ExtractedClaim]:
    return extract_claims(text, date.fromisoformat(ref), cfg)


def find(claims: list[ExtractedClaim], *words: str) -> ExtractedClaim:
    for c in claims:
        hay = f"{c.claim} {c.event}".lower()
        if all(w.lower() in hay for w in words):
            return c
    raise AssertionError(f"no claim with {words}: {[c.claim for c in claims]}")


def window(c: ExtractedClaim) -> tuple[str, str, str]:
    return (str(c.due_earliest), str(c.due_latest), c.due_basis)


# --- the seed article --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(cfg: Settings) -> list[ExtractedClaim]:
    return extract_claims(SEED.read_text(encoding="utf-8"), date(2023, 6, 18), cfg)


def test_seed_yellen_trip_later_this_year(seed: list[ExtractedClaim]) -> None:
    """'could set the stage for a trip to Beijing by Yellen ... later this year': could, 0.45, by Dec 31."""
    c = find(seed, "Yellen", "Beijing")
    assert window(c) == ("2023-06-18", "2023-12-31", "year")
    assert (c.hedge, c.probability, c.polarity) == ("could", 0.45, "positive")
    assert "Janet Yellen" in c.actors
    assert c.event == "Janet Yellen trip to Beijing"
    assert c.location == "Beijing"
    assert c.verifiable


def test_seed_leaders_meeting_is_a_second_claim(seed: list[ExtractedClaim]) -> None:
    """'... and possibly culminate in a leaders' meeting later this year' is its own claim."""
    c = find(seed, "leaders", "meeting")
    assert window(c) == ("2023-06-18", "2023-12-31", "year")
    assert c.hedge == "possibly"


def test_seed_xi_likely_to_attend_apec(seed: list[ExtractedClaim]) -> None:
    """'the November 2023 APEC meeting in San Francisco, which Xi is likely to attend'."""
    c = find(seed, "Xi", "attend", "APEC")
    assert window(c) == ("2023-11-01", "2023-11-30", "month")
    assert (c.hedge, c.probability) == ("likely", 0.7)
    assert "Xi Jinping" in c.actors
    assert c.location == "San Francisco"
    assert c.speaker == "M. Taylor Fravel"


def test_seed_xi_biden_meeting_anchored_on_apec(seed: list[ExtractedClaim]) -> None:
    """'which creates an opportunity for Xi and Biden to meet in person': the APEC window."""
    c = find(seed, "Xi", "Biden", "meet in person")
    assert window(c) == ("2023-11-01", "2023-11-30", "event_anchor")
    assert {"Xi Jinping", "Joe Biden"} <= set(c.actors)


def test_seed_taiwan_election_in_january(seed: list[ExtractedClaim]) -> None:
    """'before Taiwan holds its presidential election in January': the next January."""
    c = find(seed, "Taiwan", "election")
    assert window(c) == ("2024-01-01", "2024-01-31", "month")
    assert c.event_type == "election"


def test_seed_blinken_meetings_during_the_two_day_trip(seed: list[ExtractedClaim]) -> None:
    """'expected to meet Wang Yi ... and possibly leader Xi Jinping during the two-day trip'."""
    wang = find(seed, "Wang Yi")
    xi = find(seed, "meet", "Xi Jinping")
    assert wang.hedge == "expected" and xi.hedge == "possibly"
    assert wang.due_latest == date(2023, 6, 19) and xi.due_latest == date(2023, 6, 19)


def test_seed_biden_hopes_to_meet_xi(seed: list[ExtractedClaim]) -> None:
    """Biden: 'I'm hoping that, over the next several months, I'll be meeting with Xi again'."""
    c = find(seed, "meeting with Xi", "talking")
    assert c.speaker == "Joe Biden"
    assert c.hedge == "hopes to"
    assert window(c) == ("2023-06-18", "2023-12-18", "relative_span")


def test_seed_past_events_and_opinions_are_not_claims(seed: list[ExtractedClaim]) -> None:
    """The cancelled February visit, last November's Bali meeting and 'Diplomacy is an
    imperative' yield no verifiable claim."""
    verifiable = [c.claim.lower() for c in seed if c.verifiable]
    assert not any("canceled" in c or "imperative" in c for c in verifiable)
    assert not any(
        c.due_earliest and c.due_earliest.year == 2024 and c.due_earliest.month == 2 for c in seed
    )


def test_seed_vague_claims_are_flagged(seed: list[ExtractedClaim]) -> None:
    """'Such a meeting could also help reorient the relationship' is recorded as not verifiable."""
    c = find(seed, "reorient")
    assert not c.verifiable


# --- grammar across domains -------------------------------------------------------------------


def test_central_bank_expectation_with_month(cfg: Settings) -> None:
    """'economists expect the bank to cut in September' -> expected, September window, speaker."""
    claims = extract(
        "The Reserve Bank held its cash rate at 4.35% on Tuesday. Most economists expect the bank "
        "to cut rates in September, according to a Bloomberg survey.",
        "2024-07-02",
        cfg,
    )
    assert len(claims) == 1
    c = claims[0]
    assert window(c) == ("2024-09-01", "2024-09-30", "month")
    assert c.hedge == "expected" and c.event_type == "rate_change"
    assert "Bloomberg survey" in c.speaker


def test_explicit_negation_is_a_negative_claim(cfg: Settings) -> None:
    """'will not attend' -> polarity negative, p = P(will) (TEAM.md semantics)."""
    c = extract(
        "The prime minister will not attend the summit in Rome next week.", "2024-03-04", cfg
    )[0]
    assert (c.polarity, c.hedge, c.probability) == ("negative", "will", 0.9)
    assert window(c) == ("2024-03-11", "2024-03-17", "week")


def test_unlikely_is_a_positive_claim_with_low_probability(cfg: Settings) -> None:
    """'is unlikely to cut rates this year' -> polarity positive, p = 0.2."""
    c = extract(
        "The central bank is unlikely to cut rates this year, analysts said.", "2023-05-10", cfg
    )[0]
    assert (c.polarity, c.hedge, c.probability) == ("positive", "unlikely", 0.2)
    assert c.speaker == "analysts"


def test_company_launch_in_a_quarter(cfg: Settings) -> None:
    """'plans to launch ... in the first quarter of 2025' -> plans to, quarter window."""
    c = extract(
        "Acme Corp plans to launch its electric pickup in the first quarter of 2025, the company said.",
        "2024-10-01",
        cfg,
    )[0]
    assert c.hedge == "plans to" and c.event_type == "launch"
    assert window(c) == ("2025-01-01", "2025-03-31", "quarter")
    assert "Acme Corp" in c.actors


def test_space_launch_scheduled_on_a_day(cfg: Settings) -> None:
    """'is scheduled to lift off on Nov. 16' -> scheduled, that day."""
    c = extract(
        "NASA's Artemis I rocket is scheduled to lift off on Nov. 16 from Florida.",
        "2022-11-10",
        cfg,
    )[0]
    assert c.hedge == "scheduled"
    assert window(c) == ("2022-11-16", "2022-11-16", "date")


def test_sports_match_on_a_weekday(cfg: Settings) -> None:
    """'will face Spain in the final on Sunday' -> the next Sunday."""
    c = extract(
        "England will face Spain in the final on Sunday, the federation confirmed.",
        "2024-07-11",
        cfg,
    )[0]
    assert window(c) == ("2024-07-14", "2024-07-14", "weekday")
    assert c.speaker == "the federation"


def test_court_ruling_by_a_deadline(cfg: Settings) -> None:
    """'is expected to rule by the end of June' -> a deadline window from R."""
    c = extract(
        "The Supreme Court is expected to rule on the case by the end of June.", "2024-04-25", cfg
    )[0]
    assert window(c) == ("2024-04-25", "2024-06-30", "deadline")
    assert c.event_type == "court"


def test_climate_target_within_years(cfg: Settings) -> None:
    """'aims to ... by 2030' -> aims to, deadline 2030-12-31."""
    c = extract(
        "The government aims to phase out coal power by 2030, the energy minister said.",
        "2023-02-01",
        cfg,
    )[0]
    assert c.hedge == "aims to"
    assert window(c) == ("2023-02-01", "2030-12-31", "deadline")


def test_election_widely_expected_to_win(cfg: Settings) -> None:
    """'is widely expected to win' takes the longest hedge, 'widely expected'."""
    c = extract(
        "The opposition is widely expected to win the election in October.", "2024-06-01", cfg
    )[0]
    assert (c.hedge, c.probability) == ("widely expected", 0.8)
    assert window(c) == ("2024-10-01", "2024-10-31", "month")


def test_two_claims_in_one_sentence(cfg: Settings) -> None:
    """Two triggers in one sentence are two claims, each with its own window."""
    claims = extract(
        "The minister will visit Tokyo next week and is expected to sign a trade deal in March.",
        "2024-01-10",
        cfg,
    )
    assert len(claims) == 2
    assert window(find(claims, "Tokyo")) == ("2024-01-15", "2024-01-21", "week")
    assert window(find(claims, "trade deal")) == ("2024-03-01", "2024-03-31", "month")


def test_pronoun_subject_carries_the_previous_actor(cfg: Settings) -> None:
    """'He will also visit ...' names the person of the previous sentence."""
    claims = extract(
        "Secretary of State Antony Blinken will travel to Laos this week. He will also visit the Philippines next week.",
        "2024-07-22",
        cfg,
    )
    assert find(claims, "Philippines").actors[0] == "Antony Blinken"


def test_event_anchor_from_an_earlier_sentence(cfg: Settings) -> None:
    """A claim about 'the summit' takes the summit's date given elsewhere in the text."""
    claims = extract(
        "Leaders will meet at a summit in Geneva on Oct. 12. Officials said the leaders could sign a ceasefire framework at the summit.",
        "2024-09-30",
        cfg,
    )
    c = find(claims, "ceasefire")
    assert window(c) == ("2024-10-12", "2024-10-12", "event_anchor")


def test_no_time_expression_gets_the_default_horizon(cfg: Settings) -> None:
    """Without any time the window is R .. R + default_horizon_days."""
    c = extract(
        "The company will open a factory in Ohio, its chief executive said.", "2024-01-01", cfg
    )[0]
    assert window(c) == ("2024-01-01", "2024-12-31", "default_horizon")


@pytest.mark.parametrize(
    "text",
    [
        "The central bank raised rates by a quarter point on Wednesday.",  # past event
        "Will the Fed cut rates in September?",  # question
        "If inflation keeps easing, the bank could cut rates in June.",  # pure conditional
        "The government should do more to cut emissions.",  # normative opinion
        "Diplomacy is an imperative, not a favor.",  # opinion
        "The launch had been expected to take place last week.",  # past plan
        "Apple Unveils New iPhone at September Event",  # headline fragment
        "A runoff, if needed, could be held in March.",  # conditional
        "The minister would have attended had the weather allowed.",  # counterfactual
    ],
)
def test_hard_negatives_yield_no_verifiable_claim(text: str, cfg: Settings) -> None:
    """Past events, questions, conditionals, opinions, headlines: nothing verifiable."""
    assert [c.claim for c in extract(text, "2024-02-01", cfg) if c.verifiable] == []


def test_vague_claim_is_not_verifiable(cfg: Settings) -> None:
    """'relations could improve' names no checkable event."""
    claims = extract(
        "Relations between the two countries could improve, analysts said.", "2024-02-01", cfg
    )
    assert claims and not any(c.verifiable for c in claims)


def test_headline_date_is_not_a_claim_and_empty_text_is_fine(cfg: Settings) -> None:
    """Empty input yields no claims."""
    assert extract("", "2024-02-01", cfg) == []


def test_second_verb_phrase_keeps_the_subject_and_its_own_time(cfg: Settings) -> None:
    """'X agreed on Wednesday to hear ... and will hear arguments in April': April, subject X."""
    claims = extract(
        "The Supreme Court agreed on Wednesday to hear the former president's appeal and will hear arguments in April.",
        "2024-02-28",
        cfg,
    )
    c = find(claims, "hear arguments")
    assert window(c) == ("2024-04-01", "2024-04-30", "month")
    assert c.actors[0] == "Supreme Court"
    assert c.event_type == "court"


def test_apposition_subject(cfg: Settings) -> None:
    """'The host, the United Arab Emirates, hopes to ...': the named apposition is the actor."""
    c = extract(
        "The host, the United Arab Emirates, hopes to secure a deal on renewable energy by 2030.",
        "2023-11-29",
        cfg,
    )[0]
    assert c.actors[0] == "United Arab Emirates"
    assert c.hedge == "hopes to"


def test_mid_sentence_attribution_names_the_pronoun(cfg: Settings) -> None:
    """'..., and President Joe Biden has said he will sign it': speaker and actor Biden."""
    claims = extract(
        "The Senate is expected to vote on the bill next week, and President Joe Biden has said he will sign it.",
        "2024-04-20",
        cfg,
    )
    c = find(claims, "sign")
    assert c.speaker == "Joe Biden" and c.actors[0] == "Joe Biden"
    assert find(claims, "vote").speaker == "the article"


def test_forecaster_verbs_with_a_time(cfg: Settings) -> None:
    """'Traders now see roughly two rate cuts this year': an expectation of rate cuts."""
    c = extract("Traders now see roughly two rate cuts this year.", "2024-05-02", cfg)[0]
    assert c.hedge == "expected" and c.event_type == "rate_change"
    assert window(c) == ("2024-05-02", "2024-12-31", "year")


def test_ruling_out_is_a_negative_claim(cfg: Settings) -> None:
    """'ruling out a spring vote' is a negative claim with the spring window."""
    claims = extract(
        "The prime minister said the election would take place in the second half of the year, ruling out a spring vote.",
        "2024-01-04",
        cfg,
    )
    c = find(claims, "spring vote")
    assert c.polarity == "negative"
    assert window(c) == ("2024-03-01", "2024-05-31", "season")


def test_day_ranges(cfg: Settings) -> None:
    """'will next meet on June 11-12': the two days."""
    c = extract("The committee will next meet on June 11-12.", "2024-05-02", cfg)[0]
    assert window(c) == ("2024-06-11", "2024-06-12", "date")


def test_match_day_anchors_later_claims(cfg: Settings) -> None:
    """Team news after 'will play Italy on Thursday' is anchored on the match (Thursday's
    paper: today's match)."""
    claims = extract(
        "Spain will play Italy in Gelsenkirchen on Thursday. The coach said Rodri is expected to start.",
        "2024-06-20",
        cfg,
    )
    assert window(find(claims, "Rodri")) == ("2024-06-20", "2024-06-20", "event_anchor")
    assert find(claims, "Italy").location == "Gelsenkirchen"


def test_bare_copular_forecast_about_an_event_noun(cfg: Settings) -> None:
    """'rolling blackouts are unlikely this summer': the subject is the event."""
    c = extract(
        "Rolling blackouts are unlikely this summer, the grid operator said.", "2024-05-16", cfg
    )[0]
    assert (c.hedge, c.probability, c.polarity) == ("unlikely", 0.2, "positive")
    assert window(c) == ("2024-06-01", "2024-08-31", "season")
    assert c.verifiable


def test_it_is_likely_alone_is_no_claim(cfg: Settings) -> None:
    """A bare 'it is likely' names no event."""
    assert extract("It is likely, officials said.", "2024-05-16", cfg) == []


def test_plans_overtaken_by_events_are_not_claims(cfg: Settings) -> None:
    """'had been scheduled for Monday before a valve forced a delay' is background."""
    claims = extract(
        "The launch, which had been scheduled for Monday, was postponed after a valve failed.",
        "2024-05-07",
        cfg,
    )
    assert [c for c in claims if c.verifiable] == []


def test_embedded_question_is_part_of_the_outer_claim(cfg: Settings) -> None:
    """'expected to rule on whether colleges may consider race ... by the end of June' is one
    claim with the deadline, not two."""
    claims = extract(
        "The Supreme Court is expected to rule on whether colleges may consider race in admissions by the end of June.",
        "2023-05-01",
        cfg,
    )
    assert len(claims) == 1
    assert window(claims[0]) == ("2023-05-01", "2023-06-30", "deadline")


def test_generic_company_speaker_is_resolved(cfg: Settings) -> None:
    """'..., the company said' names the company the article is about."""
    claims = extract(
        "Microsoft unveiled new laptops on Monday. The devices will go on sale on June 18, the company said.",
        "2024-05-20",
        cfg,
    )
    assert claims[0].speaker == "Microsoft"


def test_an_organisation_announcing_its_own_plan_is_the_speaker(cfg: Settings) -> None:
    """'Blue Origin plans to launch ... tomorrow': Blue Origin speaks for itself."""
    c = extract(
        "Blue Origin plans to launch its New Glenn rocket tomorrow from Cape Canaveral.",
        "2025-01-12",
        cfg,
    )[0]
    assert c.speaker == "Blue Origin"
    assert window(c) == ("2025-01-13", "2025-01-13", "relative_day")


def test_gapped_coordination_is_two_claims(cfg: Settings) -> None:
    """'ban petrol cars from 2030, and new hybrids from 2035' repeats the verb with a new date."""
    claims = extract(
        "Britain will ban sales of new petrol cars from 2030, and new hybrids from 2035.",
        "2023-01-10",
        cfg,
    )
    assert window(find(claims, "hybrids")) == ("2035-01-01", "2035-12-31", "year")
    assert window(find(claims, "petrol")) == ("2030-01-01", "2030-12-31", "year")


def test_must_needs_a_date_to_be_a_claim(cfg: Settings) -> None:
    """'importers must begin reporting in October' is a scheduled duty; 'must stop' an opinion."""
    dated = extract("Importers must begin reporting their emissions in October.", "2023-08-17", cfg)
    assert window(dated[0]) == ("2023-10-01", "2023-10-31", "month")
    assert extract("The United States must stop interfering.", "2023-08-17", cfg) == []


def test_a_forecast_already_overtaken_is_not_a_claim(cfg: Settings) -> None:
    """'Economists had forecast the CPI would rise 0.4%' reports an old expectation."""
    claims = extract(
        "Economists polled by Reuters had forecast the CPI would rise 0.4%.", "2024-03-12", cfg
    )
    assert claims == []


def test_generic_subject_names_the_organisation(cfg: Settings) -> None:
    """'The planemaker is not expected to ...' is about the company named before."""
    claims = extract(
        "Boeing named a new chief executive on Wednesday. The planemaker is not expected to resume production increases until next year.",
        "2024-08-01",
        cfg,
    )
    c = find(claims, "resume")
    assert c.actors[0] == "Boeing" and c.polarity == "negative"


def test_warnings_with_vague_time(cfg: Settings) -> None:
    """'could invade Ukraine at any moment, U.S. officials have warned': vague window, speaker."""
    c = extract(
        "Russia could invade Ukraine at any moment, U.S. officials have warned.", "2022-02-20", cfg
    )[0]
    assert c.speaker == "U.S. officials" and c.event_type == "conflict"
    assert window(c) == ("2022-02-20", "2022-05-21", "vague")


_PIECES = [
    *"abcdefghij ABCDEFG.,;:!?“”\"'-–—()0123456789\n",
    " will ", " could ", " may ", " expected to ", " in January", " next week", " said ",
    " Mr. ", " U.S. ", " which ", " and ", " by the end of ", " on Tuesday", " 2024", "May ",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=120).map("".join),
    ref=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
)
def test_any_text_extracts_without_error(text: str, ref: date) -> None:
    """Arbitrary text never raises, and every claim's window is well formed."""
    for c in extract_claims(text, ref, Settings()):
        assert c.due_earliest is not None and c.due_latest is not None
        assert c.due_earliest <= c.due_latest
        assert 0.0 <= c.probability <= 1.0
        assert c.polarity in ("positive", "negative")


def test_truncated_feed_summary_still_yields_its_claim(cfg: Settings) -> None:
    """A summary cut short ('...') is read; a Title Case headline is not."""
    summary = "The central bank is expected to cut interest rates in September, economists said, as inflation ..."
    assert find(extract(summary, "2024-07-01", cfg), "cut interest rates").due_basis == "month"
    assert (
        extract("Fed Expected To Cut Rates In September, Economists Say", "2024-07-01", cfg) == []
    )


def test_a_separate_process_does_not_inherit_the_occasion_date(cfg: Settings) -> None:
    """After 'the flight will take off on Tuesday', 'campaigners said they would appeal' is a
    court step with no date of its own: the default horizon, not Tuesday."""
    claims = extract(
        "The first deportation flight will take off on Tuesday, the minister said. Campaigners said they would appeal the ruling.",
        "2022-06-10",
        cfg,
    )
    assert window(find(claims, "appeal")) == ("2022-06-10", "2023-06-10", "default_horizon")


def test_denied_beliefs_and_overdue_promises_are_not_claims(cfg: Settings) -> None:
    """'Nobody believes growth will return soon'; 'promised it would finish the bridge by 2023'
    said in 2024."""
    text = "Nobody believes growth will return soon. Last year, the council promised it would finish the bridge by 2023."
    assert extract(text, "2024-02-01", cfg) == []


def test_then_refers_to_the_date_just_given(cfg: Settings) -> None:
    """'The hearing resumes on Feb. 12. The judge may rule on the motion then.'"""
    claims = extract(
        "The hearing is scheduled to resume on Feb. 12. The judge may rule on the motion then, lawyers said.",
        "2024-02-01",
        cfg,
    )
    assert window(find(claims, "rule on the motion")) == (
        "2024-02-12",
        "2024-02-12",
        "event_anchor",
    )


def test_a_trip_by_two_officials_is_two_claims(cfg: Settings) -> None:
    """'a trip to Beijing by Yellen and Raimondo later this year': each may go without the other."""
    claims = extract(
        "Blinken's visit could set the stage for a trip to Beijing by Treasury Secretary Janet Yellen "
        "and Commerce Secretary Gina Raimondo later this year.",
        "2023-06-18",
        cfg,
    )
    assert sorted(c.event for c in claims) == [
        "Gina Raimondo trip to Beijing",
        "Janet Yellen trip to Beijing",
    ]
    assert all(
        window(c) == ("2023-06-18", "2023-12-31", "year") and c.hedge == "could" for c in claims
    )


def test_a_joint_trip_stays_one_claim(cfg: Settings) -> None:
    """'Yoon and Kishida will travel to Camp David on Aug. 18' is one trip."""
    claims = extract(
        "South Korean President Yoon Suk Yeol and Japanese Prime Minister Fumio Kishida will travel to Camp David on Aug. 18.",
        "2023-08-10",
        cfg,
    )
    assert len(claims) == 1 and claims[0].actors[:2] == ["Yoon Suk Yeol", "Fumio Kishida"]


def test_travel_to_place_for_event_gives_place_and_talks(cfg: Settings) -> None:
    """'travel to PLACE for EVENT and talks with X': the place stops before the purpose, and
    the talks are a claim of their own, held, not 'travel talks'."""
    text = "China confirms Xi will travel to San Francisco for APEC and talks with Biden."
    claims = extract_claims(text, date(2023, 11, 10), cfg)
    assert [c.location for c in claims][:1] == ["San Francisco"]
    assert [c.statement for c in claims] == [
        "Xi travels to San Francisco for APEC",
        "Xi holds talks with Biden",
    ]


def test_headline_plan_with_a_time_is_a_claim_unless_the_body_repeats_it(cfg: Settings) -> None:
    """'X to visit Y next week' as a headline is a plan; restated in the lede, it is one claim."""
    alone = extract_claims(
        "Apple to unveil new iPhone on Sept. 12\nThe company sent invitations on Tuesday.",
        date(2023, 8, 30),
        cfg,
    )
    assert [(c.statement, c.due_earliest) for c in alone] == [
        ("Apple unveils new iPhone on 12 September 2023", date(2023, 9, 12))
    ]
    repeated = extract_claims(
        "Scholz to visit Washington next week\n"
        "German Chancellor Olaf Scholz will visit Washington next week, officials said.",
        date(2023, 11, 10),
        cfg,
    )
    assert len(repeated) == 1 and repeated[0].statement.startswith("German Chancellor Olaf Scholz")


def test_live_blog_voice_and_list_headings_are_not_claims(cfg: Settings) -> None:
    """The page speaking to its reader ("We'll post ...", "You can follow ...") and an agenda
    heading without a verb ("Plan to bring ...") are no forward-looking claims."""
    text = (
        "We will post new laws from other states on Tuesday.\n"
        "Plan to bring more adults back into the workforce.\n"
        "A comprehensive plan to remove the barriers to work."
    )
    assert extract_claims(text, date(2014, 6, 30), cfg) == []


def test_statement_subject_drops_reporting_frame_and_resolves_its(cfg: Settings) -> None:
    """'You can follow the updates from the budget, which will begin at noon': the claim is
    about the budget; 'its flights' belongs to the airline named before."""
    (budget,) = extract_claims(
        "You can follow all the updates from the budget, which will begin around 12.30pm.",
        date(2013, 3, 20),
        cfg,
    )
    assert budget.statement.startswith("The budget begins around 12.30pm")
    claims = extract_claims(
        "Alaska Airlines ordered new jets on Monday.\n"
        "Its flights to Everett will begin in the fall of 2018, the company said.",
        date(2017, 5, 30),
        cfg,
    )
    assert claims[-1].statement.startswith("Alaska Airlines’s flights to Everett begin")


def test_procedure_and_market_attention_are_not_claims(cfg: Settings) -> None:
    """What a claimed event consists of ('the exercise would involve ...', '... would be part of
    the exercise') and the market's attention ('analysts will be watching closely') are no new
    claims (LABELLING.md rule 3); the exercise itself is one."""
    claims = extract(
        "The army will hold a large exercise in March. "
        "The exercise would involve 20,000 troops and 200 tanks. "
        "The military said drones and radars would be part of the exercise. "
        "Analysts will be watching closely to see what changes the army makes.",
        "2012-02-27",
        cfg,
    )
    assert [c.statement for c in claims] == ["The army holds a large exercise in March 2012"]


def test_values_with_their_own_years_are_one_claim_each(cfg: Settings) -> None:
    """'will grow by 1.8% in 2024; 2.5% in 2025': coordinated items with their own dates."""
    claims = extract(
        "The economy will grow in every year of the forecast: by 1.8% in 2024; 2.5% in 2025.",
        "2023-03-15",
        cfg,
    )
    assert [(c.statement, window(c)) for c in claims] == [
        ("The economy grows 1.8% in 2024", ("2024-01-01", "2024-12-31", "year")),
        ("The economy grows 2.5% in 2025", ("2025-01-01", "2025-12-31", "year")),
    ]


def test_wait_and_see_is_no_claim_and_statements_end_on_a_word(cfg: Settings) -> None:
    """'we'll have to see' is an open question; a statement never ends on a preposition."""
    assert extract("“We'll have to see,” the strategist said.", "2015-10-21", cfg) == []
    (claim,) = extract(
        "The bullet train between Ahmedabad and Mumbai will run a total length of 508 km, of "
        "which 21 km will be covered in the tunnel under sea.",
        "2018-06-11",
        cfg,
    )[:1]
    assert claim.statement.startswith("The bullet train between Ahmedabad and Mumbai runs")
    assert not claim.statement.endswith((" of", " on", " in"))


def test_a_clock_time_without_a_date_is_todays_schedule(cfg: Settings) -> None:
    """'The OPEC meeting is expected to start after 0820 GMT': no date, so the reference day."""
    (claim,) = extract("The OPEC meeting is expected to start after 0820 GMT.", "2017-05-25", cfg)
    assert window(claim) == ("2017-05-25", "2017-05-25", "relative_day")


def test_past_events_with_a_weekday_are_no_claims(cfg: Settings) -> None:
    """A noun that looks like a scheduled verb ('the go-ahead', 'a two-day visit', 'tight end')
    and a weekday told in the past tense make no claim; the plan beside them still does."""
    claims = extract(
        "The regulator gave the final go-ahead on Friday to the new drug. "
        "Jones, the former tight end who was charged last year, was found guilty Wednesday. "
        "He spent a two-day visit in June at the resort. "
        "Officials say the first doses will arrive on Monday.",
        "2020-12-12",
        cfg,
    )
    assert [(c.claim, window(c)) for c in claims] == [
        ("the first doses will arrive on Monday", ("2020-12-14", "2020-12-14", "weekday"))
    ]


def test_a_run_of_fronted_adverbials_belongs_to_the_claim(cfg: Settings) -> None:
    """'In two weeks' time, on March 3, the rules will ...': both fronted phrases are kept."""
    (claim,) = extract(
        "In two weeks' time, on March 3, the new rules will come into force.", "2024-02-18", cfg
    )
    assert claim.claim.startswith("In two weeks' time, on March 3, the new rules will come")
    assert window(claim) == ("2024-03-03", "2024-03-03", "date")


@pytest.mark.parametrize(
    "text",
    [
        "“For that, it will be necessary to hold several more rounds of talks,” the envoy said.",
        "In the new season you will see what it is like for her to run a hospital.",
        "The union demanded that the managers be ready to reopen the plant at short notice.",
        "It'll be business as usual at the club, the coach said.",
    ],
)
def test_judgements_generic_readers_and_subjunctives_are_no_claims(
    text: str, cfg: Settings
) -> None:
    """An expletive 'it' before a judgement, the generic 'you', a subjunctive 'that they be'
    and 'it will be <characterisation>' with no time forecast no one's event."""
    assert extract(text, "2021-03-01", cfg) == []


def test_a_passive_with_it_and_a_modal_be_before_ready_stay_claims(cfg: Settings) -> None:
    claims = extract(
        "The new bridge opens in May. It will be finished by then. "
        "The operator will be ready to run trains on Monday.",
        "2021-03-01",
        cfg,
    )
    assert len(claims) == 3


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Germany, France and Italy will hold talks on Friday.", "Germany, France and Italy will"),
        (
            "Apple, Google, and Microsoft are expected to report earnings next week.",
            "Apple, Google, and Microsoft are expected",
        ),
        (
            "Acme Corp (NYSE:ACM), Globex Inc (NASDAQ:GBX) and Initech (NYSE:INI) are among "
            "those scheduled to report earnings Wednesday.",
            "Acme Corp (NYSE:ACM), Globex Inc (NASDAQ:GBX) and Initech (NYSE:INI) are among",
        ),
    ],
)
def test_a_list_of_names_is_the_whole_subject(text: str, opening: str, cfg: Settings) -> None:
    """A clause opening on a list of names keeps all of them (with their ticker asides), and
    'are among those scheduled to' is a scheduled event of each member."""
    (claim,) = extract(text, "2014-04-29", cfg)
    assert claim.claim.startswith(opening)


def test_a_trailing_unless_and_a_length_are_no_conditions(cfg: Settings) -> None:
    """'..., unless further extended' is an exception to a claim still made; 'by as long as 12
    months' is a length; a leading 'Unless' still makes a conditional, which is no claim.
    'are gearing up to' is a plan."""
    claims = extract(
        "The offer is set to expire on March 31, unless further extended. "
        "Producers are gearing up to extend output cuts on Thursday, possibly by as long as "
        "12 months. "
        "Unless talks resume, the strike will start on Monday.",
        "2017-03-01",
        cfg,
    )
    assert [window(c) for c in claims] == [
        ("2017-03-31", "2017-03-31", "date"),
        ("2017-03-02", "2017-03-02", "weekday"),
    ]


def test_ahead_of_an_occasion_with_its_date_is_a_claim(cfg: Settings) -> None:
    """'ahead of the president's state visit to Spain on Oct. 4-5': the occasion is scheduled;
    without a date ahead, or with a past one, nothing is claimed."""
    (claim,) = extract(
        "The minister's trip comes ahead of the president's state visit to Spain on Oct. 4-5.",
        "2018-09-20",
        cfg,
    )
    assert claim.claim == "ahead of the president's state visit to Spain on Oct. 4-5"
    assert " on " not in claim.statement.replace(" on 4", "")
    assert window(claim) == ("2018-10-04", "2018-10-05", "date")
    assert extract("Shares rose ahead of the summit.", "2018-09-20", cfg) == []
    assert extract("Shares rose ahead of the summit on Sept. 2, 2018.", "2018-09-20", cfg) == []


def test_a_second_verb_phrase_keeps_the_clause_subject(cfg: Settings) -> None:
    """'The new terminal opened last week and will handle flights from June': the subject is
    'The new terminal', not the article alone."""
    (claim,) = extract(
        "The new terminal opened last week and will handle flights from June.", "2018-05-10", cfg
    )
    assert claim.claim == "The new terminal will handle flights from June"


def test_claims_of_one_sentence_share_the_time_one_clause_names(cfg: Settings) -> None:
    """'Supply will be a neutral factor this week, although ministers will continue to talk up
    the price': the second clause names no time of its own and takes the sentence's week."""
    claims = extract(
        "Supply will be a neutral factor this week, although OPEC ministers will likely "
        "continue to talk up the oil price.",
        "2018-11-26",
        cfg,
    )
    assert [window(c)[:2] for c in claims] == [("2018-11-26", "2018-12-02")] * 2


def test_a_gapped_list_with_a_time_per_item_is_one_claim_each(cfg: Settings) -> None:
    """'release the X this summer, the Y by 2017 and the Z by 2020': the verb is gapped, each
    item has its own time; 'close in 2011, or in Q1 2012' and 'including ... on June 16' are no
    such list."""
    claims = extract(
        "The carmaker is on track to release the Model X this summer, the Model 3 by 2017 "
        "and the self-driving car by 2020.",
        "2015-01-14",
        cfg,
    )
    assert [c.claim for c in claims] == [
        "The carmaker is on track to release the Model X this summer",
        "The carmaker is on track to release the Model 3 by 2017",
        "The carmaker is on track to release the self-driving car by 2020",
    ]
    assert (
        len(
            extract(
                "The band will headline festivals this summer, including one on June 16.",
                "2019-04-01",
                cfg,
            )
        )
        == 1
    )


@pytest.mark.parametrize(
    "caption",
    [
        "The rollout will begin in the state on Monday (Jane Doe/AP)",
        "Crews will finish the bridge in May (Photo: Getty Images)",
        "The president will visit Ohio on Friday (AP Photo/John Roe)",
    ],
)
def test_photo_captions_are_no_text(caption: str, cfg: Settings) -> None:
    """A photo caption with its credit repeats the story beside a picture: no claim."""
    assert extract(caption, "2020-12-12", cfg) == []


def test_an_occasion_named_after_in_advance_of_takes_no_date_from_it(cfg: Settings) -> None:
    """'will arrive on March 2, in advance of his summit': March 2 is the arrival, not the
    summit, so a later claim 'for the summit' does not take March 2."""
    claims = extract(
        "The president will arrive on March 2, in advance of his summit with Asian leaders. "
        "He will spend March 1 at party events in Ohio. "
        "The foreign minister will join the president for the summit.",
        "2016-02-20",
        cfg,
    )
    assert window(claims[-1])[:2] != ("2016-03-02", "2016-03-02")


def test_a_that_clause_with_its_own_subject_and_time_is_a_claim(cfg: Settings) -> None:
    """'admitted that the company will not be profitable until 2020': 'that' opens a complement
    with its own subject, not a relative clause ('a plan that will be costly')."""
    (claim,) = extract(
        "He admitted that the company will not be profitable until 2020.", "2015-01-14", cfg
    )
    assert claim.polarity == "negative"
    assert window(claim)[1] == "2020-12-31"


def test_one_claim_found_by_two_patterns_is_one_claim(cfg: Settings) -> None:
    """'Traders are pricing in a rate hike in May' is a verb phrase and a forecast object: once."""
    claims = extract("Traders are pricing in a rate hike in May.", "2023-03-01", cfg)
    assert [c.claim for c in claims] == ["Traders are pricing in a rate hike in May"]


def test_participle_that_describes_the_subject_is_no_claim_of_its_own(cfg: Settings) -> None:
    """ "the number of people expected to fly over the weekend could reach ...": "expected to
    fly" only describes the noun; the claim is the number reaching its record."""
    claims = extract(
        "The number of people expected to fly over the weekend could reach the highest "
        "number in nearly 20 years.",
        "2024-05-28",
        cfg,
    )
    assert len(claims) == 1
    assert "reach" in claims[0].statement


def test_a_forecast_object_opens_on_a_determiner_or_a_name(cfg: Settings) -> None:
    """ "the $2bn project in late 2021": the noun "project" is no forecast verb, since a
    preposition opens no forecast object (the capital-letter alternative is case-sensitive)."""
    claims = extract(
        "Acme and Bolt will begin building the new US$2.5bn (£2.0bn) terminal project in "
        "late 2025 once all the permits are issued.",
        "2025-03-01",
        cfg,
    )
    assert not any("permits are issued takes place" in c.statement for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said buyers may have had trouble finding the cars by 2020.",
        "It is unclear how the new owners will run the club next season.",
    ],
)
def test_past_modality_and_indirect_questions_are_no_claims(text: str, cfg: Settings) -> None:
    """ "may have had": the perfect after a modal speaks of the past; "how X will": an
    indirect question (LABELLING.md: past events and questions are not claims)."""
    assert extract(text, "2019-06-01", cfg) == []


@pytest.mark.parametrize(
    "text",
    [
        '"I am going to meet the team in March," Smith said.',
        "Smith said: “I’m going to meet the team in March.”",
    ],
)
def test_first_person_going_to_is_a_claim_of_the_speaker(text: str, cfg: Settings) -> None:
    """ "I am going to", "I’m going to" (issue 11: first-person plans): the speaker's claim."""
    claims = extract(text, "2014-01-22", cfg)
    assert [c.statement for c in claims] == ["Smith meets the team in March 2014"]


def test_on_track_with_a_gerund_is_a_plan_of_each_listed_item(cfg: Settings) -> None:
    """ "is on track in releasing X this summer, Y by 2027 and Z by 2030": one claim per
    item, the gerund put in the present ("releases"), never "releasings"."""
    claims = extract(
        "Acme is also on track in releasing its sports car Zeta this summer, the Model Q by "
        "2027 and the flying car by 2030.",
        "2025-03-01",
        cfg,
    )
    assert [c.statement for c in claims] == [
        "Acme releases its sports car Zeta between 1 June 2025 and 31 August 2025",
        "Acme releases the Model Q by 31 December 2027",
        "Acme releases the flying car by 31 December 2030",
    ]


def test_what_a_speaker_adds_after_saying_is_read_as_text(cfg: Settings) -> None:
    """'"...," he said, adding that the drills, which are scheduled to end in May, ...': the
    added clause is no part of the attribution; its claims are the speaker's."""
    claims = extract(
        "Colonel Jagdeep Dahiya spoke on Monday. “The exercise will be large,” Dahiya said, "
        "adding that new jets would join the drills, which are scheduled to end in May.",
        "2012-02-20",
        cfg,
    )
    ends = [c for c in claims if "end in May 2012" in c.statement]
    assert ends and ends[0].speaker == "Jagdeep Dahiya"


def test_attention_instructions_status_and_procedure_are_not_claims(cfg: Settings) -> None:
    """Where attention goes ('all eyes will be on margins'), instructions to the reader
    ('visitors should arrive early', 'tickets may be purchased at the box office'), a status
    ('the venue hasn't been chosen yet'), a list to follow ('Speakers will be:') and how an
    occasion already claimed runs ('the gala will take place at the town hall') are no claims."""
    claims = extract(
        "The museum will hold a gala on Friday.\n"
        "The gala will take place at the town hall and will be broadcast live.\n"
        "All eyes will be on the new wing.\n"
        "Visitors should arrive early to find parking.\n"
        "Tickets may be purchased at the box office.\n"
        "The exact menu hasn't been chosen yet.\n"
        "Speakers will be: the mayor and the curator.\n"
        "Hopes faded that the governor would attend.",
        "2021-03-01",
        cfg,
    )
    assert [c.statement for c in claims] == ["The museum holds a gala on 5 March 2021"]


def test_plural_visits_are_one_each_and_a_delegation_is_one(cfg: Settings) -> None:
    """'A and B will pay state visits next week': two visits, one each; 'a delegation headed by
    A and B will visit Paris': one delegation's trip."""
    claims = extract(
        "Prime Minister Jane Okafor and President Luis Ortega will pay state visits to Canada "
        "next week.",
        "2024-05-02",
        cfg,
    )
    assert [c.actors[:1] for c in claims] == [["Jane Okafor"], ["Luis Ortega"]]
    (one,) = extract(
        "A trade delegation headed by Minister Jane Okafor and Governor Luis Ortega will visit "
        "Paris on May 20.",
        "2024-05-02",
        cfg,
    )
    assert one.due_earliest == date(2024, 5, 20)


def test_undated_claims_share_the_ledes_occasion_and_desires_are_no_claims(cfg: Settings) -> None:
    """'Acme will report results on Thursday ... analysts predict Acme will lose customers':
    the prediction is about the occasion the article opens on (LABELLING.md: a date stated
    elsewhere counts); 'investors will want to see ...' is a desire, no claim."""
    claims = extract(
        "Acme will report its quarterly results on Thursday.\n"
        "The company sold its Dutch unit last year.\n"
        "Its shares fell in March.\n"
        "Its chief executive left in May.\n"
        "Investors will want to see higher margins.\n"
        "Analysts predicted that Acme would lose 2 million customers.",
        "2018-10-22",
        cfg,
    )
    assert [(c.statement.split(" ")[1], window(c)) for c in claims] == [
        ("reports", ("2018-10-25", "2018-10-25", "weekday")),
        ("loses", ("2018-10-25", "2018-10-25", "event_anchor")),
    ]


def test_a_titled_person_after_a_possessive_is_who(cfg: Settings) -> None:
    """'Chile's Foreign Minister Ana Rojas will visit Peru': the minister, not Chile."""
    (claim,) = extract(
        "Chile's Foreign Minister Ana Rojas will visit Peru next week.", "2022-03-01", cfg
    )
    assert claim.actors[0] == "Ana Rojas"


def test_a_repeated_preposition_with_its_own_date_is_a_second_claim(cfg: Settings) -> None:
    """'will hold talks with A on Oct. 29 and with B on Nov. 1': two meetings, two dates."""
    claims = extract(
        "President Ana Rojas will hold talks with Luis Ortega on Oct. 29 and with Jane Okafor "
        "on Nov. 1 in Lima, the venue for the summit.",
        "2025-10-20",
        cfg,
    )
    assert [(c.due_earliest, c.due_latest) for c in claims] == [
        (date(2025, 10, 29), date(2025, 10, 29)),
        (date(2025, 11, 1), date(2025, 11, 1)),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "A or B": from the start of the first to the end of the second
        ("Most shops will be opening in July or August.", ("2022-07-01", "2022-08-31")),
        (
            "The merger is expected to close in late 2022 or early 2023.",
            ("2022-09-01", "2023-04-30"),
        ),
        # "before the <day>": a deadline on that day
        ("The ruling is not going to appear before the 21 October.", ("2022-06-14", "2022-10-21")),
        # "a couple of years" is two
        (
            "Rates are set to remain unchanged over the next couple of years.",
            ("2022-06-14", "2024-06-14"),
        ),
    ],
)
def test_alternative_dates_before_the_day_and_a_couple_of_years(
    cfg: Settings, sentence: str, expected: tuple[str, str]
) -> None:
    """Date expressions resolved as LABELLING.md's due windows."""
    (claim,) = extract(sentence, "2022-06-14", cfg)
    assert (str(claim.due_earliest), str(claim.due_latest)) == expected


def test_a_timetable_names_no_day(cfg: Settings) -> None:
    """'every Saturday', 'on Mondays and Thursdays': a recurring schedule, not one date."""
    for sentence in (
        "The route will be offered every Saturday for the summer season.",
        "Flights will operate on Mondays and Thursdays.",
    ):
        (claim,) = extract(sentence, "2022-06-01", cfg)
        assert claim.due_basis not in ("weekday", "past"), sentence
        assert "June 2022" not in claim.statement, claim.statement


def test_the_auxiliary_of_a_pledge_is_no_part_of_the_statement(cfg: Settings) -> None:
    """'The government has pledged to cut emissions': the government cuts them, not 'has cut'."""
    (claim,) = extract(
        "The government has pledged to cut emissions by half by 2030.", "2023-03-01", cfg
    )
    assert claim.statement.startswith("The government cuts emissions by half")


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # a person expected in a place is there; no occasion "takes place"
        (
            "The president is expected in Paris on Monday.",
            "The president is in Paris on 6 March 2023",
        ),
        # a bare "due"/"expected" before a day: the occasion takes place that day
        ("The vote is due Monday.", "The vote takes place on 6 March 2023"),
        ("The ruling is expected Friday.", "The ruling takes place on 3 March 2023"),
    ],
)
def test_statements_of_presence_and_of_a_bare_due_day(
    cfg: Settings, sentence: str, statement: str
) -> None:
    """Statements say who is where, or what takes place when, in plain words."""
    (claim,) = extract(sentence, "2023-03-01", cfg)
    assert claim.statement == statement


def test_a_speaker_named_by_a_title_is_the_person_given_it(cfg: Settings) -> None:
    """'the spokesperson said', 'according to its CEO': the person the article introduced
    with that title, not the title."""
    claims = extract(
        "Foreign ministry spokesman Ali Rezaei said on Monday that the minister would travel "
        "to Baku. The trip will take place in July, the spokesperson said.\n"
        "Acme chief executive Jane Okafor spoke in Tokyo. Acme may decide soon on building a "
        "factory in China, according to its CEO.",
        "2019-05-28",
        cfg,
    )
    assert [c.speaker for c in claims] == ["Ali Rezaei", "Ali Rezaei", "Jane Okafor"]


def test_an_expectation_as_a_noun_is_a_forecast(cfg: Settings) -> None:
    """'Consensus expectations are for Acme to report revenue of $5 billion': Acme reports it."""
    (claim,) = extract(
        "Consensus expectations on Wall Street are for Acme to report revenue of $5 billion, "
        "according to a FactSet poll.",
        "2024-05-20",
        cfg,
    )
    assert claim.statement == "Acme reports revenue of $5 billion"
    assert (claim.hedge, claim.actors[:1]) == ("expected", ["Acme"])


def test_a_move_that_looks_under_way_is_a_likely_claim(cfg: Settings) -> None:
    """'X looks to be heading to Y': a likely move; 'looks to be a safe bet' forecasts nothing."""
    (claim,) = extract("Ivan Petrov looks to be heading to Spain next week.", "2024-08-30", cfg)
    assert (claim.statement.split(" between ")[0], claim.hedge) == (
        "Ivan Petrov is heading to Spain",
        "likely",
    )
    assert extract("The bank looks to be a safe bet.", "2024-08-30", cfg) == []


def test_two_figures_of_one_report_are_two_claims(cfg: Settings) -> None:
    """'to report revenue of $5 billion and earnings of $1.20 a share': two checks."""
    claims = extract(
        "Acme is expected to report quarterly revenue of $5 billion and earnings of $1.20 a share.",
        "2024-05-20",
        cfg,
    )
    assert [c.statement for c in claims] == [
        "Acme reports quarterly revenue of $5 billion",
        "Acme reports quarterly earnings of $1.20 a share",
    ]


def test_a_qualified_title_names_the_person_who_holds_it(cfg: Settings) -> None:
    """'the US president' after 'US President A and Chinese President B' is A, not the
    president named last; an arrival elsewhere is no repeat of the visit."""
    claims = extract(
        "US President Tom Ward and Chinese President Li Wen will pay state visits to South Korea "
        "next week. The US president is scheduled to arrive on Sunday in Malaysia.",
        "2025-10-24",
        cfg,
    )
    assert claims[-1].actors[:1] == ["Tom Ward"]
    assert claims[-1].statement.startswith("Tom Ward arrives on 26 October 2025")
    assert any("state visits to South Korea" in c.statement for c in claims[:-1])
