"""What extraction produces: plain data, the contract between the extractor and everything else.

``forecasts.claims.extract.extract_claims(text, reference_date, settings)`` returns a list of
``ExtractedClaim``; ``forecasts.articles`` produces ``LoadedArticle``. Field names follow the
JSON keys of `forecasts extract --json`, which other tools read: keep them stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Window:
    """The due window resolved from a time expression, and how it was resolved."""

    earliest: date
    latest: date
    basis: str


@dataclass(slots=True)
class ExtractedClaim:
    sentence: str
    claim: str
    actors: list[str] = field(default_factory=list)
    event: str = ""
    event_type: str = ""
    location: str = ""
    hedge: str = ""
    probability: float = 0.5
    polarity: str = "positive"
    speaker: str = ""
    time_expression: str = ""
    due_earliest: date | None = None
    due_latest: date | None = None
    due_basis: str = ""
    verifiable: bool = True
    # The claim as a self-contained, checkable statement ("Olaf Scholz visits Washington"):
    # resolved subject, predicate and object, negation and open-question frames kept.
    statement: str = ""


@dataclass(slots=True)
class LoadedArticle:
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    path: str = ""
    reference_date: date | None = None
    reference_date_basis: str = ""
    content_hash: str = ""
