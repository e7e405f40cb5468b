"""One claim once: repeats are logged once, distinct speakers twice."""

from __future__ import annotations

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
