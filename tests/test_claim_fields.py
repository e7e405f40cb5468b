"""A claim's fields are defined once (forecasts.models.claim_fields); every form follows it."""

from __future__ import annotations

import dataclasses
from datetime import date

from forecasts.claims.types import ExtractedClaim
from forecasts.evidence.judge import ClaimFacts
from forecasts.jobs.verify import facts_of
from forecasts.models import Claim, claim_fields
from forecasts.verdicts.views import EXTRACT_KEYS, claim_row


def draft() -> ExtractedClaim:
    return ExtractedClaim(
        sentence="Yellen will visit Beijing in July, officials said.",
        claim="Yellen will visit Beijing in July",
        actors=["Janet Yellen"],
        event="visit",
        event_type="travel",
        location="Beijing",
        hedge="will",
        probability=0.9,
        polarity="positive",
        speaker="officials",
        time_expression="in July",
        due_earliest=date(2023, 7, 1),
        due_latest=date(2023, 7, 31),
        due_basis="month",
        verifiable=True,
        statement="Janet Yellen visits Beijing",
    )


def test_extracted_claim_has_exactly_the_fields() -> None:
    """The extractor's draft declares the fields, in order, and nothing else."""
    assert tuple(f.name for f in dataclasses.fields(ExtractedClaim)) == claim_fields.NAMES


def test_claim_table_stores_every_field() -> None:
    """The claim table has a column for each field."""
    assert set(claim_fields.NAMES) <= set(Claim.model_fields)


def test_judge_facts_are_the_judged_fields() -> None:
    """The judge's ClaimFacts are the judged fields plus the article's reference date."""
    names = {f.name for f in dataclasses.fields(ClaimFacts)}
    assert names == set(claim_fields.FACT_NAMES) | {"reference_date"}


def test_values_round_trip_through_a_stored_claim() -> None:
    """A draft's values stored as a claim give the same draft back, lists copied."""
    one = draft()
    row = Claim(article_id=1, **claim_fields.values(one), status="open")
    assert ExtractedClaim(**claim_fields.values(row)) == one
    assert claim_fields.values(row)["actors"] is not row.actors


def test_facts_of_a_stored_claim() -> None:
    """facts_of copies the judged fields; actors become a tuple."""
    row = Claim(article_id=1, **claim_fields.values(draft()), status="open")
    facts = facts_of(row, date(2023, 6, 1))
    assert facts.actors == ("Janet Yellen",)
    assert facts.location == "Beijing" and facts.due_latest == date(2023, 7, 31)
    assert facts.reference_date == date(2023, 6, 1)


def test_claim_json_keys_unchanged() -> None:
    """`claims --json` keeps its keys: the fields, the id and the verdict."""
    row = Claim(id=7, article_id=1, **claim_fields.values(draft()), status="open")
    keys = set(claim_row(row))
    assert keys == set(claim_fields.NAMES) | {
        "id",
        "status",
        "status_by",
        "event_date",
        "resolved_at",
        "question",
    }
    assert EXTRACT_KEYS[0] == "id"
