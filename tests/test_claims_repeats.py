"""One claim once: repeats are logged once, distinct speakers twice."""

from __future__ import annotations

from datetime import date

from forecasts.claims.repeats import once
from forecasts.claims.types import ExtractedClaim


def _claim(
    sentence: str, statement: str, speaker: str = "the article", basis: str = "month"
) -> ExtractedClaim:
    return ExtractedClaim(
        sentence=sentence, claim=statement, statement=statement, speaker=speaker, due_basis=basis
    )


def test_a_repeat_keeps_the_more_explicit_claim() -> None:
    """The same statement from a bullet and from its paragraph: the dated one stays."""
    bullet = _claim(
        "- The port reopens in May.", "The port of Kiel reopens for container traffic in May 2024"
    )
    body = _claim(
        "The port reopens on May 3.",
        "The port of Kiel reopens for container traffic on 3 May 2024",
        basis="date",
    )
    assert once([bullet, body]) == [body]


def test_two_speakers_claiming_the_same_event_are_two_claims() -> None:
    """'The minister says X; the union says X': LABELLING.md counts two claims."""
    a = _claim(
        "One.", "The port of Kiel reopens for container traffic in May 2024", speaker="the minister"
    )
    b = _claim(
        "Two.", "The port of Kiel reopens for container traffic in May 2024", speaker="the union"
    )
    assert once([a, b]) == [a, b]


def test_different_claims_stay() -> None:
    """Statements sharing a subject but not their content are not repeats."""
    a = _claim("One.", "The port of Kiel reopens for container traffic in May 2024")
    b = _claim("Two.", "The port of Kiel raises its harbour fees for cruise ships in June 2024")
    assert once([a, b]) == [a, b]


def test_a_lede_and_its_detailed_sentence_about_one_occasion_are_one_claim() -> None:
    """'The bank is expected to raise its rate at Thursday's meeting' and, later, the figures
    of that raise: one claim, the one with the figures; a rival figure stays a claim of its own."""
    lede = _claim(
        "The bank is expected to raise its rate on Thursday.",
        "The central bank raises its benchmark interest rate at its policy meeting on Thursday",
        basis="weekday",
    )
    lede.event_type = "rate_change"
    detail = _claim(
        "Most analysts expect the bank to raise the rate to 4.50%.",
        "The central bank raises its benchmark interest rate to 4.50% on Thursday",
        basis="event_anchor",
    )
    detail.event_type = "rate_change"
    rival = _claim(
        "One analyst expects the bank to raise the rate to 4.75%.",
        "The central bank raises its benchmark interest rate to 4.75% on Thursday",
        basis="event_anchor",
    )
    rival.event_type = "rate_change"
    assert once([lede, detail, rival]) == [detail, rival]


def test_claims_of_one_kind_at_different_times_are_two_claims() -> None:
    first = _claim("A.", "OPEC ministers meet in Vienna to discuss output cuts", basis="date")
    second = _claim("B.", "OPEC ministers meet with allies to discuss output cuts", basis="date")
    first.event_type = second.event_type = "meeting"
    first.due_earliest = first.due_latest = date(2020, 11, 30)
    second.due_earliest = second.due_latest = date(2020, 12, 1)
    assert once([first, second]) == [first, second]


def test_a_stated_day_beats_a_day_inferred_from_a_clock_time() -> None:
    """'will report at 7 a.m.' (today, inferred) and 'is set to report at 7 a.m. on Thursday':
    the sentence that states its day is the more explicit one."""
    clock = _claim(
        "Acme will report its earnings at 7 a.m.",
        "Acme reports its quarterly earnings at 7 a.m. on 25 October 2018",
        basis="relative_day",
    )
    stated = ExtractedClaim(
        sentence="Acme is set to report its earnings at 7 a.m. on Thursday.",
        claim="Acme is set to report its quarterly earnings at 7 a.m. on Thursday",
        statement="Acme reports its quarterly earnings at 7 a.m. on 25 October 2018",
        speaker="the article",
        due_basis="weekday",
        time_expression="on Thursday",
    )
    assert once([clock, stated]) == [stated]


def test_one_rate_decision_per_meeting_is_one_claim() -> None:
    """'policymakers are widely expected to raise borrowing costs next week' and 'the bank is
    set to raise rates to 4.5 per cent next week' are one decision; the figures stay."""
    week = (date(2023, 5, 8), date(2023, 5, 14))

    def rate(sentence: str, statement: str) -> ExtractedClaim:
        return ExtractedClaim(
            sentence=sentence, claim=statement, statement=statement, speaker="the article",
            actors=["Bank of England"], event_type="rate_change", due_basis="week",
            due_earliest=week[0], due_latest=week[1],
        )  # fmt: skip

    lede = rate("Lede.", "Bank of England policymakers raise borrowing costs next week")
    detail = rate("Detail.", "The Bank of England raises interest rates to 4.5 per cent next week")
    assert once([lede, detail]) == [detail]


def test_one_speaker_described_twice_is_one_speaker() -> None:
    """A standfirst's 'says South Korea's security adviser' and the body's 'South Korean
    Security Adviser Kim Min said': the same claim from the same person, logged once."""
    deck = _claim(
        "Deck.", "President Lee holds summit talks with Premier Wang on 29 October 2025",
        speaker="South Korea’s security adviser", basis="date",
    )  # fmt: skip
    body = _claim(
        "Body.", "President Lee Jae Myung holds summit talks with Premier Wang on 29 October 2025",
        speaker="South Korean Security Adviser Kim Min", basis="date",
    )  # fmt: skip
    assert once([deck, body]) == [body]


def test_of_one_rate_decision_the_claim_that_names_the_bank_stays() -> None:
    """A headline's 'pencils in a single cut as markets look to September' and the body's 'the
    Fed is widely expected to cut rates in September': the body names who, so it stays."""
    sept = (date(2024, 9, 1), date(2024, 9, 30))

    def rate(sentence: str, statement: str, actors: list[str]) -> ExtractedClaim:
        return ExtractedClaim(
            sentence=sentence, claim=statement, statement=statement, speaker="the article",
            actors=actors, event_type="rate_change", due_basis="month", time_expression="in September",
            due_earliest=sept[0], due_latest=sept[1],
        )  # fmt: skip

    headline = rate(
        "Headline.", "Rates hold, a single cut pencilled in as markets look to September", []
    )
    body = rate("Body.", "The Fed cuts rates in September 2024", ["Federal Reserve"])
    assert once([headline, body]) == [body]
