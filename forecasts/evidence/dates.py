"""When a news item says an event happened, and whether that falls in a claim's window.

The event date is what the item states (a calendar date or weekday in the reporting clause,
else anywhere in the item, never the dateline); with no day at all, the publication day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from forecasts.evidence.lexicon import words
from forecasts.evidence.text import Tokens, clauses, tokenize

# News reports an event up to a few days after it happened.
REPORT_LAG_DAYS = 3
# Later than that, an item still counts when it gives the event's calendar date inside the
# window ("landed on January 20"): a follow-up that confirms what happened in time.
LATE_REPORT_DAYS = 14


def last_report_day(due_latest: date) -> date:
    """The last publication day an item can still count for a claim due by ``due_latest``."""
    return due_latest + timedelta(days=LATE_REPORT_DAYS)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


_MONTH_NUMBER = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def _after_dateline(toks: Tokens) -> tuple[str, ...]:
    """The words past a dateline ("WASHINGTON, April 5 (Reuters) -", "Buenos Aires, 20 nov.
    (askanews) -"), which dates the story, not the event: the first four words are left out,
    unless a date among them follows a preposition, as in a sentence ("voted on February
    14th")."""
    words = toks.words
    for i, word in enumerate(words[:4]):
        if word in _MONTH_NUMBER and i and words[i - 1] in _DATE_PREPOSITIONS:
            return words
    return words[4:]


_DATE_PREPOSITIONS = words("on by until since from in")


# A headline that opens with the day alone: "Feb. 22: Odysseus lands", "15 November -".
_OPENING_DAY = re.compile(
    r"\s*(?:[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?)"
    r"(?:,? \d{4})?\s*[:|\u2013\u2014-]\s"
)


def _opening_date(text: str, published: date) -> date | None:
    """The day a headline opens with, alone before a colon or a dash, if any."""
    found = _OPENING_DAY.match(text) if text[:1].isalnum() else None
    if found is None:
        return None
    head = tokenize(found.group(0)).words
    if not any(w in _MONTH_NUMBER for w in head):
        return None
    return stated_date(head, published)


def stated_date(words: tuple[str, ...], published: date) -> date | None:
    """A calendar date the clause states ("on July 6", "6 July", "Dec. 12, 2023"): the latest
    such day not after publication (a report never dates an event in its own future)."""
    if not (_MONTH_NUMBER.keys() & set(words)):
        return None  # most clauses name no month
    if any(w[:1].isdigit() and w[-2:] in _ORDINAL_ENDINGS for w in words):
        # "February 22nd", "the 3rd of May": the day's figure.
        words = tuple(_ORDINAL.sub(r"\1", w) if w[:1].isdigit() else w for w in words)
    for i, word in enumerate(words):
        month = _MONTH_NUMBER.get(word)
        if month is None or (word == "may" and not (i + 1 < len(words) and words[i + 1].isdigit())):
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(words) and words[j].isdigit() and 1 <= int(words[j]) <= 31:
                year = published.year
                if i + 2 < len(words) and j == i + 1 and len(words[i + 2]) == 4:
                    year = int(words[i + 2]) if words[i + 2].isdigit() else year
                try:
                    day = date(year, month, int(words[j]))
                except ValueError:
                    continue
                if day > published:
                    try:
                        day = date(year - 1, month, int(words[j]))
                    except ValueError:
                        continue
                return day
    return None


def event_day(
    clause: str,
    published: date,
    text: str = "",
    due_latest: date = date.max,
    scheduled: bool = False,
) -> date:
    """The day the item says the event happened: what the reporting clause says (a stated
    date, 'yesterday', a weekday), else what the rest of the item says; with no day at all, the
    publication day, or the day before when that is the window's last day (news of an evening
    event comes out the next morning). An event set for one day (``scheduled``) and reported
    within ``REPORT_LAG_DAYS`` after it, with no day said, happened on that day ("Holmes gets
    11 years", published two days after her sentencing)."""
    opening = _opening_date(text, published)
    if opening is not None and (published - opening).days <= LATE_REPORT_DAYS + 1:
        return opening
    for source in (clause, *clauses(text)):
        day = said_day(tokenize(source), published) if source else None
        if day is not None:
            return day
    older = _older_date(clause, published)
    if older is not None:
        return older  # "raised rates on June 22", published in August: an earlier event
    if published - timedelta(days=1) == due_latest:
        return due_latest
    if scheduled and due_latest < published <= due_latest + timedelta(days=REPORT_LAG_DAYS):
        return due_latest
    return published


# Words before a date that make it another event's ("first hike since June 22").
_OTHER_EVENT_DATE = words("since after before from until following")


def _older_date(clause: str, published: date) -> date | None:
    """A calendar date the reporting clause gives, older than a report's lag, when nothing in
    the clause makes it another event's."""
    found = tokenize(clause).words if clause else ()
    if _OTHER_EVENT_DATE & set(found):
        return None
    stated = stated_date(_after_dateline(tokenize(clause)), published) if clause else None
    return stated if stated is not None and (published - stated).days > 14 else None


def dated(clause: str, published: date, text: str) -> date | None:
    """The calendar date the reporting clause (else the item) gives the event, if any."""
    opening = _opening_date(text, published)
    if opening is not None and (published - opening).days <= LATE_REPORT_DAYS + 1:
        return opening
    for source in (clause, *clauses(text)):
        stated = stated_date(_after_dateline(tokenize(source)), published) if source else None
        if stated is not None and (published - stated).days <= LATE_REPORT_DAYS + 1:
            return stated
    return None


def said_day(toks: Tokens, published: date) -> date | None:
    words = toks.words
    # A dateline ("WASHINGTON, April 5 (Reuters) -") dates the story, not the event.
    stated = stated_date(_after_dateline(toks), published)
    if stated is not None and (published - stated).days <= 14:
        return stated
    if "yesterday" in words:
        return published - timedelta(days=1)
    for i, day in enumerate(WEEKDAYS):
        # "next Tuesday" is ahead; "its next-generation rocket on Thursday" is not.
        if day in words and not any(words[j - 1] == "next" for j in _positions(words, day)):
            back = (published.weekday() - i) % 7
            return published - timedelta(days=back)
    return None


def _positions(words: tuple[str, ...], word: str) -> list[int]:
    return [j for j, w in enumerate(words) if w == word and j > 0]


def earlier_year(clause: str, reference: date) -> bool:
    """'in 2020' (or 'in March 2020') in the reporting sentence, a year before the claim's."""
    words = tokenize(clause).words
    for i, word in enumerate(words):
        if len(word) == 4 and word.isdigit() and 1900 < int(word) < reference.year:
            before = words[max(0, i - 2) : i]
            if "in" in before or "of" in before:
                return True
    return False


def beyond_window(clause: str, due_latest: date) -> bool:
    """'delays ... indefinitely', 'postponed to 2025': put off past the claim's window."""
    words = tokenize(clause).words
    if "indefinitely" in words:
        return True
    if any(len(w) == 4 and w.isdigit() and int(w) > due_latest.year for w in words):
        return True
    text = " ".join(words)
    if due_latest.month <= 10 and any(end in text for end in _YEAR_END):
        return True  # "delays closing to year-end" for a window ending in September
    for i, w in enumerate(words[1:], start=1):
        # "pushed to December" for a window ending in September (a later month of its year;
        # a month before it may be next year's, and is left undecided).
        if (
            words[i - 1] in {"to", "until", "into"}
            and w in _MONTH_NUMBER
            and w != "may"
            and _MONTH_NUMBER[w] > due_latest.month
            and not _year_after(words, i)
        ):
            return True
    return False


_YEAR_END = ("year end", "year-end", "end of the year", "later this year", "end of this year")


def _year_after(words: tuple[str, ...], i: int) -> bool:
    """A year written just after a month ("December 2023"), which the year test decides."""
    return any(len(w) == 4 and w.isdigit() for w in words[i + 1 : i + 3])
