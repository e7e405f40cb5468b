"""Finding calendar dates in text: "July 18, 2024", "18 June 2023", "Nov. 2023", "2023-06-18".

Each mention carries the period it names (a day, a month or a year) and where it sits, so that
``refdate`` can read the words around it. Deliberately plain regular expressions: they are
fast, predictable and cover how news prints dates; relative phrases ("next week") are the
claims stage's business, not this one's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
    ("day", re.compile(rf"{_WEEKDAY}\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day", re.compile(rf"{_WEEKDAY}\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
    ("year", re.compile(rf"(?<![\w$£€.,/-]){_YEAR}(?![\w%/-]|[.,]\d)")),
]

# /2023/06/18/ in a URL, 2023-06-18 or 20230618 in a file name.
_PATH_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_/.]?)(?P<mnum>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text and the period it covers."""

    start: date
    end: date
    precision: str  # "day", "month" or "year"
    begin: int  # character offsets in the text
    stop: int
    text: str


def _month_number(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("mnum"):
        return int(groups["mnum"])
    name = (groups.get("month") or "").rstrip(".").lower()
    return MONTHS.get(name)


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text``, in order; a longer mention hides the shorter ones in it."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for precision, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            begin, stop = match.span()
            if any(b < stop and begin < s for b, s in taken):
                continue
            mention = _mention(match, precision)
            if mention is not None:
                found.append(mention)
                taken.append((begin, stop))
    return sorted(found, key=lambda m: m.begin)


def _mention(match: re.Match[str], precision: str) -> DateMention | None:
    year = int(match.group("year"))
    begin, stop = match.span()
    if precision == "year":
        return DateMention(date(year, 1, 1), date(year, 12, 31), "year", begin, stop, match.group())
    month = _month_number(match)
    if month is None or not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if precision == "month":
        return DateMention(
            date(year, month, 1), date(year, month, last), "month", begin, stop, match.group()
        )
    day = int(match.group("day"))
    if not 1 <= day <= last:
        return None
    return DateMention(
        date(year, month, day), date(year, month, day), "day", begin, stop, match.group()
    )


def parse_date(text: str) -> date | None:
    """The first full date (day precision) in ``text``, if any."""
    for mention in find_dates(text):
        if mention.precision == "day":
            return mention.start
    return None


def date_in_path(path: str) -> date | None:
    """A publication date embedded in a URL path or file name (2023/06/18, 2023-06-18, 20230618)."""
    for match in _PATH_DATE.finditer(path):
        try:
            return date(int(match.group("year")), int(match.group("mnum")), int(match.group("day")))
        except ValueError:
            continue
    return None
