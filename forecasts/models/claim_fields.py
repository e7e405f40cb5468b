"""A claim's fields, defined once: what extraction fills, the claim row stores, the JSON
output shows and the judge reads.

The ``Claim`` table, the extractor's ``ExtractedClaim`` and the judge's ``ClaimFacts`` each
declare these fields (a table column, a dataclass field); tests/test_claim_fields.py fails if
one of them drifts from this list. Code that copies a claim from one form to another goes
through ``values`` and ``fact_values`` rather than naming the fields one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ClaimField:
    name: str
    is_list: bool = False  # stored as JSON; copied so that no two forms share one list
    judged: bool = False  # one of the judge's facts (``forecasts.evidence.judge.ClaimFacts``)


FIELDS: tuple[ClaimField, ...] = (
    ClaimField("sentence", judged=True),
    ClaimField("claim", judged=True),
    ClaimField("actors", is_list=True, judged=True),
    ClaimField("event", judged=True),
    ClaimField("event_type", judged=True),
    ClaimField("location", judged=True),
    ClaimField("hedge"),
    ClaimField("probability"),
    ClaimField("polarity", judged=True),
    ClaimField("speaker"),
    ClaimField("time_expression"),
    ClaimField("due_earliest", judged=True),
    ClaimField("due_latest", judged=True),
    ClaimField("due_basis"),
    ClaimField("verifiable"),
    # The claim as a self-contained, checkable statement ("Olaf Scholz visits Washington").
    ClaimField("statement", judged=True),
)

NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
FACT_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS if f.judged)
_LISTS = frozenset(f.name for f in FIELDS if f.is_list)


def values(source: Any) -> dict[str, Any]:
    """The extracted fields of ``source`` (a stored claim, a draft, a query row), lists copied."""
    return {
        name: list(getattr(source, name) or ()) if name in _LISTS else getattr(source, name)
        for name in NAMES
    }


def fact_values(source: Any) -> dict[str, Any]:
    """The judge's facts of ``source`` (lists as tuples); the caller adds the reference date."""
    return {
        name: tuple(getattr(source, name) or ()) if name in _LISTS else getattr(source, name)
        for name in FACT_NAMES
    }
