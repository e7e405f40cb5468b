"""The judge on real wording: actors by any alias, events in words the claim did not use."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 9, tzinfo=UTC)


def claim(**overrides: object) -> ClaimFacts:
    fields: dict[str, object] = {
        "claim": "Janet Yellen could travel to Beijing later this year",
        "actors": ("Janet Yellen",),
        "event": "Janet Yellen trip to Beijing",
        "event_type": "visit",
        "location": "Beijing",
        "reference_date": date(2023, 6, 18),
        "due_earliest": date(2023, 6, 18),
        "due_latest": date(2023, 12, 31),
        "sentence": "A trip to Beijing by U.S. Treasury Secretary Janet Yellen could follow.",
    }
    fields.update(overrides)
    return ClaimFacts(**fields)  # type: ignore[arg-type]


FED = claim(
    claim="The Fed will cut rates in September",
    actors=("Federal Reserve",),
    event="Fed September FOMC decision",
    event_type="rate_change",
    location="Washington",
    sentence="The Federal Reserve is expected to cut rates in September.",
    due_earliest=date(2024, 9, 18),
    due_latest=date(2024, 9, 18),
    reference_date=date(2024, 8, 1),
)
MODI = claim(
    claim="Modi will be sworn in for a third term on Sunday",
    actors=("Narendra Modi",),
    event="Modi third-term swearing-in",
    event_type="swearing_in",
    location="New Delhi",
    sentence="Narendra Modi will be sworn in on Sunday.",
    due_earliest=date(2024, 6, 9),
    due_latest=date(2024, 6, 9),
    reference_date=date(2024, 6, 7),
)
TRUMP = claim(
    claim="Trump will be arraigned in Manhattan on Tuesday",
    actors=("Donald Trump",),
    event="Trump arraignment in Manhattan",
    event_type="",
    location="",
    sentence="Donald Trump will be arraigned on Tuesday.",
    due_earliest=date(2023, 4, 4),
    due_latest=date(2023, 4, 4),
    reference_date=date(2023, 4, 1),
)
GLADSTONE = claim(
    claim="Lily Gladstone is favoured to win best actress",
    actors=("Lily Gladstone",),
    event="Academy Awards best actress",
    event_type="award",
    location="Los Angeles",
    sentence="Lily Gladstone is favoured to win best actress.",
    due_earliest=date(2024, 3, 10),
    due_latest=date(2024, 3, 11),
    reference_date=date(2024, 3, 1),
)
PUTIN = claim(
    claim="Putin will attend the BRICS summit in Johannesburg",
    actors=("Vladimir Putin",),
    event="Putin at the BRICS summit in Johannesburg",
    event_type="summit_attendance",
    location="Johannesburg",
    sentence="Vladimir Putin will attend the BRICS summit in Johannesburg.",
    due_earliest=date(2023, 8, 22),
    due_latest=date(2023, 8, 24),
    reference_date=date(2023, 7, 1),
)


@pytest.mark.parametrize(
    ("facts", "title", "published", "kind", "decisive"),
    [
        # Actors by another name.
        (claim(), "Yellen lands in Beijing", at(2023, 7, 6), "fulfilment", True),
        (
            claim(),
            "Treasury chief arrives in Beijing for talks",
            at(2023, 7, 6),
            "fulfilment",
            True,
        ),
        (FED, "Fed slashes interest rates by half a point", at(2024, 9, 18), "fulfilment", True),
        # Events in other words.
        (claim(), "Yellen in China for talks on trade", at(2023, 7, 7), "fulfilment", False),
        (
            claim(),
            "Yellen has begun a four-day visit to China",
            at(2023, 7, 6),
            "fulfilment",
            False,
        ),
        (MODI, "Narendra Modi sworn in for third term", at(2024, 6, 9), "fulfilment", True),
        (TRUMP, "Donald Trump arraigned on 34 felony counts", at(2023, 4, 4), "fulfilment", True),
        # Another outcome, or the event in another form.
        (
            GLADSTONE,
            "Emma Stone wins best actress at the Academy Awards in tight race with Lily Gladstone",
            at(2024, 3, 11),
            "counter",
            True,
        ),
        (
            PUTIN,
            "Putin will take part in BRICS summit by video link",
            at(2023, 7, 19),
            "counter",
            True,
        ),
    ],
)
def test_the_judge_reads_aliases_and_paraphrases(
    facts: ClaimFacts, title: str, published: datetime, kind: str, decisive: bool
) -> None:
    """'Yellen in China for talks' is a visit (China for Beijing: not decisive alone); 'sworn
    in' a swearing-in; 'arraigned' the arraignment; 'Fed slashes rates' a rate decision without
    naming Washington; another winner or attendance by video link refutes."""
    j = judge(facts, ItemFacts(title, "", published))
    assert j.kind == kind, j
    assert j.decisive == decisive, j


def test_a_date_the_item_states_dates_the_event_not_the_dateline() -> None:
    """'WASHINGTON, April 5 - ... on Tuesday pleaded not guilty': the event is Tuesday 4 April."""
    item = ItemFacts(
        "Trump pleads not guilty in court appearance",
        "Washington, April 5 : Donald Trump on Tuesday pleaded not guilty to 34 charges.",
        at(2023, 4, 5),
    )
    facts = claim(
        claim="Trump will appear in court on Tuesday",
        actors=("Donald Trump",),
        event="Trump court appearance",
        event_type="court_appearance",
        location="",
        due_earliest=date(2023, 4, 4),
        due_latest=date(2023, 4, 4),
        reference_date=date(2023, 4, 1),
    )
    j = judge(facts, item)
    assert j.kind == "fulfilment" and j.event_date == date(2023, 4, 4)


def test_headline_shorthand_reaches_the_judge_through_the_daemon_lookup(tmp_path: Path) -> None:
    """'Yellen in China for talks' names no visit word, but talks imply a visit: the new-item
    lookup on a real SQLite store returns the visit claim for it."""
    from forecasts.jobs.verify_eval import candidate_recall
    from forecasts.verdicts.evaluation import load_pairs

    row = {
        "id": "p1",
        "claim": {
            "claim": "Janet Yellen could travel to Beijing later this year",
            "event": "Janet Yellen trip to Beijing",
            "event_type": "visit",
            "actors": ["Janet Yellen"],
            "location": "Beijing",
            "reference_date": "2023-06-18",
            "due_earliest": "2023-06-18",
            "due_latest": "2023-12-31",
        },
        "item": {"title": "Yellen in China for talks", "published": "2023-07-07T00:00:00Z"},
        "expected": "fulfilment",
    }
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    scores = candidate_recall(load_pairs(path))
    assert (scores.by_item, scores.by_claim) == (1, 1)
