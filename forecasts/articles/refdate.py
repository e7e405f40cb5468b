"""The reference date: the day an article speaks from, which every relative date resolves against.

Priority: an explicit ``--published`` wins unchecked. Otherwise each metadata candidate, in
order (sidecar, feed, HTML meta, a date in the URL or file name, a date line in the header), is
checked against what the text itself says, and the first consistent one wins:

- a date the text refers to in the future ("the November 2023 APEC meeting, which Xi is likely
  to attend") cannot lie before the reference date;
- a dated event the text reports in the past ("the accord signed on May 3, 2023") cannot lie
  after it.

A page-save header ("Thursday, July 18, 2024" on an article of June 2023) fails the first test
and is set aside, and ``basis`` says so. When no candidate is consistent the date is inferred
from the text: the latest date it mentions inside the bounds, else an estimate at the upper
bound on the weekday the lead names ("on Sunday"). Cues are read from the words next to each
date, a deliberately local and explainable rule rather than a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from forecasts.articles.dates import WEEKDAYS, DateMention, find_dates

# Source labels, in priority order (the order callers should pass candidates in; the header
# is found here, and "ingest date", the caller's today, always comes last).
SOURCES = ("sidecar", "feed", "html-meta", "url", "filename", "header", "ingest date")

_FUTURE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+|still\s+|widely\s+)?(?:un)?likely\s+to"
    r"|(?:is|are|was|were)\s+(?:also\s+|widely\s+)?expected\s+to"
    r"|(?:is|are|was|were)\s+(?:set|scheduled|due|poised|slated|planned)\s+(?:to|for)"
    r"|(?:is|are)\s+to\s+be\s+\w+|to\s+be\s+(?:held|hosted|staged)"
    r"|will|won['’]t|shall|going\s+to|looking\s+ahead|looks\s+ahead|look\s+ahead"
    r"|upcoming|forthcoming|plans?\s+to|intends?\s+to|aims?\s+to|hopes?\s+to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|held|took\s+place|happened|ago|last|earlier|previously|ended|began"
    r"|won|lost|signed|announced|launched|released|completed|closed|opened|met|visited)\b",
    re.IGNORECASE,
)
_CUE_REACH = 100  # characters either side of a date within which a cue counts
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")
_LEAD_WEEKDAY = re.compile(
    r"\b(?:on|this|late|early|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_HEADER_LINES = 5
_HEADER_MAX_CHARS = 100


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date some metadata claims for the article, and where it came from."""

    day: date
    source: str


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    day: date | None
    basis: str


@dataclass(frozen=True, slots=True)
class _Reference:
    mention: DateMention
    tense: str  # "future" or "past"

    @property
    def label(self) -> str:
        m = self.mention
        if m.precision == "day":
            return m.start.isoformat()
        if m.precision == "month":
            return m.start.strftime("%Y-%m")
        return str(m.start.year)


def header_date(text: str) -> tuple[date | None, tuple[int, int]]:
    """A date standing on its own in the first lines ("Thursday, July 18, 2024"), and its span."""
    offset = 0
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            seen += 1
            if len(stripped) <= _HEADER_MAX_CHARS and len(stripped.split()) <= 12:
                for mention in find_dates(line):
                    if mention.precision == "day":
                        return mention.start, (offset, offset + len(line))
            if seen >= _HEADER_LINES:
                break
        offset += len(line) + 1
    return None, (0, 0)


def infer_reference_date(
    text: str, candidates: list[Candidate], *, published: date | None = None
) -> ReferenceDate:
    """Pick the reference date of ``text`` from ``--published``, metadata and the text itself."""
    if published is not None:
        return ReferenceDate(published, "--published")
    header, (h_begin, h_end) = header_date(text)
    # The header comes after the other metadata, before a caller's "ingest date" of last resort.
    all_candidates = [c for c in candidates if c.source != "ingest date"]
    if header is not None:
        all_candidates.append(Candidate(header, "header"))
    all_candidates += [c for c in candidates if c.source == "ingest date"]
    # The header's own date line is metadata, not something the text refers to.
    body = text[:h_begin] + " " * (h_end - h_begin) + text[h_end:]
    references = _references(body)
    weekday = _lead_weekday(body)

    notes: list[str] = []
    chosen: Candidate | None = None
    for candidate in all_candidates:
        conflict = _conflict(candidate.day, references)
        if candidate.source == "ingest date":
            # Only a last resort: worth no remark when it loses.
            if conflict is None and chosen is None:
                chosen = candidate
        elif conflict is None:
            if chosen is None:
                chosen = candidate
            elif candidate.day != chosen.day:
                notes.append(f"{candidate.source} says {candidate.day.isoformat()}")
        else:
            notes.append(f"{candidate.source} {candidate.day.isoformat()} {conflict}")
    if chosen is not None:
        support = sorted(
            {
                c.source
                for c in all_candidates
                if c.day == chosen.day and c is not chosen and c.source != "ingest date"
            }
        )
        remarks = [f"also {', '.join(support)}"] if support else []
        if weekday is not None and chosen.day.weekday() == weekday:
            remarks.append(f"a {_day_name(weekday)}, as the text says")
        basis = chosen.source + (f" ({'; '.join(remarks)})" if remarks else "")
        return ReferenceDate(chosen.day, "; ".join([basis, *notes]))

    rejected_late = [c.day for c in all_candidates if _too_late(c.day, references)]
    inferred = _from_text(body, references, weekday, rejected_late)
    if inferred is None:
        if all_candidates:
            # Nothing better: keep the best metadata, but say that the text disagrees.
            first = all_candidates[0]
            return ReferenceDate(first.day, "; ".join([f"{first.source} (inconsistent)", *notes]))
        return ReferenceDate(None, "no date found")
    day, how = inferred
    return ReferenceDate(day, "; ".join(["text: " + "; ".join([*notes, how])]))


def _references(body: str) -> list[_Reference]:
    found = []
    for mention in find_dates(body):
        if mention.precision == "year":
            # "the 2023 election will be remembered..." : a bare year is too loose a constraint.
            continue
        tense = _tense(body, mention)
        if tense is not None:
            found.append(_Reference(mention, tense))
    return found


def _tense(body: str, mention: DateMention) -> str | None:
    """'future' or 'past' from the nearest cue word in the same sentence, or None."""
    left = max(0, mention.begin - _CUE_REACH)
    right = min(len(body), mention.stop + _CUE_REACH)
    for end in _SENTENCE_END.finditer(body, left, mention.begin):
        left = end.end()
    next_end = _SENTENCE_END.search(body, mention.stop, right)
    if next_end is not None:
        right = next_end.start()
    best: tuple[int, str] | None = None
    future_spans = []
    for match in _FUTURE.finditer(body, left, right):
        future_spans.append(match.span())
        distance = _distance(match.span(), mention)
        if best is None or distance < best[0]:
            best = (distance, "future")
    for match in _PAST.finditer(body, left, right):
        if any(b <= match.start() < e for b, e in future_spans):
            continue
        distance = _distance(match.span(), mention)
        if best is None or distance < best[0]:
            best = (distance, "past")
    return best[1] if best else None


def _distance(span: tuple[int, int], mention: DateMention) -> int:
    begin, end = span
    if end <= mention.begin:
        return mention.begin - end
    return max(0, begin - mention.stop)


def _conflict(day: date, references: list[_Reference]) -> str | None:
    late = [r for r in references if r.tense == "future" and day > r.mention.end]
    if late:
        labels = ", ".join(sorted({r.label for r in late}))
        return f"contradicts future references to {labels}"
    early = [r for r in references if r.tense == "past" and day < r.mention.start]
    if early:
        labels = ", ".join(sorted({r.label for r in early}))
        return f"comes before events the text reports as past ({labels})"
    return None


def _too_late(day: date, references: list[_Reference]) -> bool:
    return any(r.tense == "future" and day > r.mention.end for r in references)


def _lead_weekday(body: str) -> int | None:
    """The weekday the opening paragraphs put the news on ("held talks ... on Sunday")."""
    match = _LEAD_WEEKDAY.search(body, 0, 1500)
    return WEEKDAYS[match.group(1).lower()] if match else None


def _day_name(weekday: int) -> str:
    return next(name for name, number in WEEKDAYS.items() if number == weekday).capitalize()


def _from_text(
    body: str, references: list[_Reference], weekday: int | None, rejected_late: list[date]
) -> tuple[date, str] | None:
    lower = max((r.mention.start for r in references if r.tense == "past"), default=None)
    uppers = [r.mention.end for r in references if r.tense == "future"] + rejected_late
    upper = min(uppers, default=None)
    # The latest fully written date inside the bounds (not itself a future reference).
    future_mentions = {r.mention for r in references if r.tense == "future"}
    days = [
        m.start
        for m in find_dates(body)
        if m.precision == "day"
        and m not in future_mentions
        and (lower is None or m.start >= lower)
        and (upper is None or m.start <= upper)
    ]
    if days:
        return max(days), f"latest date in the text, {max(days).isoformat()}"
    if upper is not None:
        # Said before the earliest period it looks forward to: estimate the day before it
        # starts, moved back to the weekday the lead names.
        starts = [r.mention.start for r in references if r.tense == "future"]
        before = min(starts, default=upper + timedelta(days=1)) - timedelta(days=1)
        estimate = min(before, upper)
        if lower is not None and estimate < lower:
            estimate = lower
        how = f"estimated from future references (before {min(starts or [upper]).isoformat()})"
        if weekday is not None:
            while estimate.weekday() != weekday and (lower is None or estimate > lower):
                estimate -= timedelta(days=1)
            how += f", on the {_day_name(weekday)} the text names"
        return estimate, how
    if lower is not None:
        return lower, f"latest past event in the text, {lower.isoformat()}"
    return None
