"""One claim once (LABELLING.md rule 2).

A summary bullet and its paragraph, a headline repeated as the lede, a paraphrase and its quote
state the same thing: when two claims from different sentences share nearly all their content
words (``DUPLICATE_OVERLAP`` of the smaller one's), have the same polarity and the same speaker
(or one is the article's own), the more explicit one stays: the more specific window, then the
longer statement. The same event claimed by two different speakers stays twice.
"""

from __future__ import annotations

import re

from forecasts.claims.types import ExtractedClaim
from forecasts.claims.when import MONTHS

ARTICLE = "the article"
DUPLICATE_OVERLAP = 0.9  # measured on the dev split: lower thresholds merged distinct claims


_STOP = {
    "will", "would", "could", "that", "this", "with", "from", "their", "there", "have", "been",
    "takes", "place", "between", "about", "into", "after", "before", "also", "than", "they",
}  # fmt: skip
_RANK = {"date": 0, "relative_day": 0, "weekday": 1, "week": 2, "event_anchor": 2, "month": 3}


def content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9][\w'’-]{3,}", text.lower())
    return {w for w in words if w not in _STOP and w not in MONTHS}


def once(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """One claim once (LABELLING.md rule 2): a summary bullet and its paragraph, a headline
    repeated as the lede, a paraphrase and its quote state the same thing; the more explicit
    one stays (the more specific window, then the longer text). The same event claimed by two
    different speakers stays twice."""
    words = [content_words(c.statement or c.claim) for c in claims]
    dropped: set[int] = set()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if i in dropped or j in dropped or a.sentence == b.sentence or a.polarity != b.polarity:
                continue
            if a.speaker != b.speaker and ARTICLE not in (a.speaker, b.speaker):
                continue
            small = min(len(words[i]), len(words[j]))
            if small < 3 or len(words[i] & words[j]) < DUPLICATE_OVERLAP * small:
                continue

            def explicit(c: ExtractedClaim) -> tuple[int, int]:
                return (-_RANK.get(c.due_basis, 4), len(c.statement))

            dropped.add(j if explicit(a) >= explicit(b) else i)
    return [c for k, c in enumerate(claims) if k not in dropped]
