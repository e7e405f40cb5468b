"""One claim once (LABELLING.md rule 2).

A summary bullet and its paragraph, a headline repeated as the lede, a paraphrase and its quote
state the same thing: when two claims from different sentences share nearly all their content
words (``DUPLICATE_OVERLAP`` of the smaller one's), have the same polarity and the same speaker
(or one is the article's own), the more explicit one stays: the one stating figures, then the
more specific window, then the longer statement. A lede and its detailed sentence share fewer
words: ``SAME_OCCASION_OVERLAP`` suffices when both name the same kind of occasion at compatible
times. The same event claimed by two different speakers stays twice, and rival figures ("to
4.50%" / "to 4.75%") are two claims.
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


# A lede and the later sentence that gives the details ("the central bank is expected to raise
# rates at its meeting on Thursday" / "analysts expect it to raise the rate by 25 basis points to
# 4.50%") share fewer words, but name the same kind of occasion at compatible times.
SAME_OCCASION_OVERLAP = 0.6  # measured on dev half A, checked on half B
_OCCASION_TYPES = {"rate_change", "visit", "meeting", "attend", "launch", "election", "take_office"}
_LOOSE_BASES = {"event_anchor", "default_horizon", "vague"}
_VALUE = re.compile(
    r"[$€£]?\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent|basis\s+points?|bps|bn|billion|million|trillion)",
    re.IGNORECASE,
)


def _rival_values(a: ExtractedClaim, b: ExtractedClaim) -> bool:
    """'to 4.50%' and 'to 4.75%': two forecasts of the one decision, not a repeat."""
    values_a, values_b = set(_VALUE.findall(a.claim)), set(_VALUE.findall(b.claim))
    return bool(values_a and values_b and values_a != values_b)


def _same_occasion(a: ExtractedClaim, b: ExtractedClaim) -> bool:
    if a.event_type != b.event_type or a.event_type not in _OCCASION_TYPES:
        return False
    if a.location and b.location and a.location != b.location:
        return False  # "arrives in Malaysia on Sunday" is no repeat of "visits South Korea"
    if a.due_basis in _LOOSE_BASES or b.due_basis in _LOOSE_BASES:
        return True
    if a.due_earliest is None or b.due_earliest is None:
        return True
    assert a.due_latest is not None and b.due_latest is not None
    return a.due_earliest <= b.due_latest and b.due_earliest <= a.due_latest


def _one_decision(a: ExtractedClaim, b: ExtractedClaim) -> bool:
    """A central bank takes one rate decision per meeting: two claims of a rate change by the
    same speaker, for the same bank (or one that names none) at the same dated meeting, are
    the lede and its detail ("widely expected to raise borrowing costs next week" / "set to
    raise rates to 4.5 per cent next week"), unless they name rival figures."""
    if a.event_type != "rate_change" or b.event_type != "rate_change" or _rival_values(a, b):
        return False
    if {a.due_basis, b.due_basis} & {"default_horizon", "vague"}:
        return False
    if a.actors[:1] and b.actors[:1] and a.actors[0] != b.actors[0]:
        return False
    return (a.due_earliest, a.due_latest) == (b.due_earliest, b.due_latest)


SAME_SPEAKER_OVERLAP = 0.75  # of the shorter description's words


def _same_words(wa: set[str], wb: set[str]) -> bool:
    """ "South Korea's national security adviser" and "South Korean National Security Adviser
    Wi Sung-lac": one speaker described twice (a headline's and the body's wording)."""
    small = min(len(wa), len(wb))
    return small >= 2 and len(wa & wb) >= SAME_SPEAKER_OVERLAP * small


def _speaker_words(text: str) -> set[str]:
    # "Korea's" / "Korean": a country and its adjective are one word here
    words = re.findall(r"[a-z][a-z-]+", text.lower().replace("’s", "").replace("'s", ""))
    return {w[:5] for w in words if w not in ("the", "and", "of")}


def content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9][\w'’-]{3,}", text.lower())
    return {w for w in words if w not in _STOP and w not in MONTHS}


def once(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """One claim once (LABELLING.md rule 2): a summary bullet and its paragraph, a headline
    repeated as the lede, a paraphrase and its quote state the same thing; the more explicit
    one stays (the more specific window, then the longer text). The same event claimed by two
    different speakers stays twice."""
    words = [content_words(c.statement or c.claim) for c in claims]
    speakers = [_speaker_words(c.speaker) for c in claims]
    dropped: set[int] = set()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if i in dropped or j in dropped or a.sentence == b.sentence or a.polarity != b.polarity:
                continue
            if (
                a.speaker != b.speaker
                and ARTICLE not in (a.speaker, b.speaker)
                and not _same_words(speakers[i], speakers[j])
            ):
                continue
            small = min(len(words[i]), len(words[j]))
            shared = len(words[i] & words[j])
            if small < 3:
                continue
            if _one_decision(a, b):
                pass  # one rate decision per meeting: the lede and its detail
            elif (
                shared < SAME_OCCASION_OVERLAP * small
                or (shared < DUPLICATE_OVERLAP * small and not _same_occasion(a, b))
                or _rival_values(a, b)
            ):
                continue  # the cheap word test first: most pairs share few words

            def explicit(c: ExtractedClaim) -> tuple[int, bool, bool, int, int]:
                # the figures the lede leaves out, then a time stated (not inferred from a
                # clock time or a neighbour), then who is named, then the more specific window,
                # then length
                values = len(_VALUE.findall(c.claim))
                stated = bool(c.time_expression)
                named = bool(c.actors)
                return (values, stated, named, -_RANK.get(c.due_basis, 4), len(c.statement))

            dropped.add(j if explicit(a) >= explicit(b) else i)
    return [c for k, c in enumerate(claims) if k not in dropped]
