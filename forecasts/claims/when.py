"""Time expressions: find them in a sentence and resolve them to a due window.

Every row of docs/due-windows.md is a pattern here. ``find_times`` scans a sentence and returns
each expression with its ``Window`` resolved against the reference date R; ``resolve`` resolves
one expression on its own. Windows are inclusive calendar dates; a window that lies wholly
before R is still returned (the extractor uses it to recognise past events), every other window
is clipped so that it never starts before R.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from forecasts.claims.types import Window

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "a couple of": 2, "a few": 3,
    "several": 6, "few": 3, "couple of": 2,
}  # fmt: skip

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

_MONTH = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_NUM = r"(?P<n>\d+|a couple of|a few|several|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time expression found in a sentence: its text, its position and its window."""

    text: str
    start: int
    end: int
    window: Window

    @property
    def is_past(self) -> bool:
        return self.window.basis == "past"


# --- calendar helpers -------------------------------------------------------------------------


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Month arithmetic that clamps to the month's last day (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        return add_months(day, n)
    return add_months(day, 12 * n)


def window(ref: date, earliest: date, latest: date, basis: str) -> Window:
    """A window clipped to start no earlier than R; wholly before R means a past expression."""
    if latest < ref:
        return Window(min(earliest, latest), latest, "past")
    return Window(max(earliest, ref), max(latest, ref), basis)


def _year(value: str | None) -> int | None:
    return int(value) if value else None


def _month(value: str) -> int:
    return MONTHS[value.lower().rstrip(".")]


def _number(value: str) -> int:
    value = value.lower()
    return int(value) if value.isdigit() else NUMBERS[value]


def _year_word(ref: date, word: str | None, year: str | None) -> int:
    """'this year' / 'next year' / '2024' / nothing (this year)."""
    if year:
        return int(year)
    if word and word.lower().startswith("next"):
        return ref.year + 1
    if word and word.lower().startswith("last"):
        return ref.year - 1
    return ref.year


def _day_window(ref: date, month: int, day: int, year: int | None, basis: str = "date") -> Window:
    try:
        if year is None:
            target = date(ref.year, month, day)
            if target < ref:
                target = date(ref.year + 1, month, day)
        else:
            target = date(year, month, day)
    except ValueError:
        return Window(ref, ref, "invalid")
    return window(ref, target, target, basis)


def _next_month(ref: date, month: int) -> int:
    """The year of the next such month not yet over at R."""
    return ref.year if month >= ref.month else ref.year + 1


SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season_span(name: str, year: int) -> tuple[date, date]:
    start_month = SEASON_MONTHS[name]
    start = date(year, start_month, 1)
    end = add_months(start, 2)
    return start, last_day(end.year, end.month)


def _season_window(ref: date, name: str, which: str | None, year: str | None) -> Window:
    name = name.lower()
    if year:
        start, end = _season_span(name, int(year))
        return window(ref, start, end, "season")
    if which and which.lower() == "last":
        for y in range(ref.year, ref.year - 3, -1):
            start, end = _season_span(name, y)
            if end < ref:
                return Window(start, end, "past")
    candidates = [
        _season_span(name, y) for y in (ref.year - 1, ref.year, ref.year + 1, ref.year + 2)
    ]
    if which and which.lower() == "next":
        start, end = next(c for c in candidates if c[0] > ref)
    else:
        start, end = next(c for c in candidates if c[1] >= ref)
    return window(ref, start, end, "season")


def _span_window(ref: date, months: tuple[int, int], year: int | None, basis: str) -> Window:
    """A quarter or half: with a year, that one; without, the next one not yet over."""
    first, last = months
    if year is None:
        year = ref.year if last_day(ref.year, last) >= ref else ref.year + 1
    return window(ref, date(year, first, 1), last_day(year, last), basis)


# --- patterns ---------------------------------------------------------------------------------

Resolver = Callable[[re.Match[str], date], Window | None]
_RULES: list[tuple[re.Pattern[str], Resolver]] = []


def rule(pattern: str) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        _RULES.append((re.compile(pattern, re.IGNORECASE), fn))
        return fn

    return register


_BY = r"(?P<by>by|before|no later than|until|through)\s+(?:the\s+)?(?:(?P<end>end|close)\s+of\s+(?:the\s+)?)?"


@rule(
    r"\b(?:(?:during|on|over)\s+the\s+)?(?P<n>\w+)[- ](?P<unit>day|week)\s+(?:state\s+|official\s+|working\s+)?(?P<what>trip|visit|tour|summit|meeting|conference|talks|session)\b"
)
def _event_duration(m: re.Match[str], ref: date) -> Window | None:
    # "the two-day trip": anchored on the reference date, so only meaningful with "during".
    if not m.group(0).lower().startswith(("during", "over")):
        return None
    try:
        n = _number(m.group("n"))
    except KeyError:
        return None
    days = n if m.group("unit").lower() == "day" else 7 * n
    return window(ref, ref, ref + timedelta(days=days - 1), "event_anchor")


@rule(_BY + r"mid-?(?:dle\s+of\s+)?(?:(?P<word>this|next)\s+year|" + _YEAR + r")\b")
def _by_mid(m: re.Match[str], ref: date) -> Window | None:
    y = _year_word(ref, m.group("word"), m.group("year"))
    return window(ref, ref, date(y, 6, 30), "part_of_year")


@rule(
    r"\b(?:in\s+(?:the\s+)?)?(?P<part>early|mid|late|end\s+of|the\s+end\s+of|end|later|beginning\s+of|start\s+of)[- ]?(?:in\s+)?(?:(?P<word>this|next)\s+year|"
    + _YEAR
    + r")\b"
)
def _part_of_year(m: re.Match[str], ref: date) -> Window | None:
    part = m.group("part").lower()
    y = _year_word(ref, m.group("word"), m.group("year"))
    if part == "later" and m.group("word") and m.group("word").lower() == "this":
        return window(ref, ref, date(y, 12, 31), "year")
    if part in ("early", "beginning of", "start of"):
        return window(ref, date(y, 1, 1), date(y, 4, 30), "part_of_year")
    if part == "mid":
        return window(ref, date(y, 5, 1), date(y, 8, 31), "part_of_year")
    if "end" in part and m.group("word") and m.group("word").lower() == "this":
        return window(ref, ref, date(y, 12, 31), "year")
    return window(ref, date(y, 9, 1), date(y, 12, 31), "part_of_year")


@rule(
    r"\b(?P<by>by|before|no later than|until)\s+(?:the\s+)?(?:(?P<end>end)\s+of\s+)?"
    + _YEAR
    + r"\b(?!\s*[-/]\d)"
)
def _by_year(m: re.Match[str], ref: date) -> Window | None:
    y = int(m.group("year"))
    basis = "year" if m.group("by").lower() == "before" and m.group("end") else "deadline"
    if y == ref.year:
        basis = "year"
    return window(ref, ref, date(y, 12, 31), basis)


@rule(
    r"\b(?:(?:by|before)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+year|year[- ]end|end-of-year|end\s+of\s+the\s+calendar\s+year)\b"
)
def _year_end(m: re.Match[str], ref: date) -> Window | None:
    return window(ref, ref, date(ref.year, 12, 31), "year")


@rule(r"\b(?:(?:by|before)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<word>next)\s+year\b")
def _end_next_year(m: re.Match[str], ref: date) -> Window | None:
    y = ref.year + 1
    if re.match(r"(?:by|before)\b", m.group(0).strip(), re.IGNORECASE):
        return window(ref, ref, date(y, 12, 31), "deadline")  # "by the end of next year"
    return window(ref, date(y, 9, 1), date(y, 12, 31), "part_of_year")


@rule(r"\b(?P<later>later\s+|earlier\s+)?(?P<word>this|next|last)\s+year\b(?!'s)")
def _this_next_year(m: re.Match[str], ref: date) -> Window | None:
    word = m.group("word").lower()
    if word == "last" or (m.group("later") or "").lower().startswith("earlier"):
        y = ref.year - 1 if word == "last" else ref.year
        return Window(date(y, 1, 1), ref if word == "this" else date(y, 12, 31), "past")
    if word == "this":
        return window(ref, ref, date(ref.year, 12, 31), "year")
    return window(ref, date(ref.year + 1, 1, 1), date(ref.year + 1, 12, 31), "year")


@rule(
    r"\b(?:in\s+|during\s+)?(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:(?P<word>this|next)\s+year|"
    + _YEAR
    + r"))?\b"
)
def _quarter_words(m: re.Match[str], ref: date) -> Window | None:
    q = ORDINALS[m.group("q").lower()]
    year = (
        _year_word(ref, m.group("word"), m.group("year"))
        if (m.group("word") or m.group("year"))
        else None
    )
    return _span_window(ref, (3 * q - 2, 3 * q), year, "quarter")


@rule(r"\b(?P<which>this|the\s+current|next|the\s+next|the\s+coming)\s+(?:fiscal\s+)?quarter\b")
def _this_quarter(m: re.Match[str], ref: date) -> Window | None:
    q = (ref.month - 1) // 3
    if "next" in m.group("which").lower() or "coming" in m.group("which").lower():
        q += 1
    year, q = ref.year + q // 4, q % 4
    return window(ref, date(year, 3 * q + 1, 1), last_day(year, 3 * q + 3), "quarter")


@rule(
    r"\b(?:(?:" + _YEAR + r"\s+)?Q(?P<q>[1-4])(?:\s+(?P<year2>(?:19|20)\d\d)|['’]?(?P<yy>\d\d))?)\b"
)
def _quarter_code(m: re.Match[str], ref: date) -> Window | None:
    q = int(m.group("q"))
    year = _year(m.group("year") or m.group("year2"))
    if m.group("yy"):
        year = 2000 + int(m.group("yy"))  # "Q418", "Q4'18": the fourth quarter of 2018
    return _span_window(ref, (3 * q - 2, 3 * q), year, "quarter")


@rule(
    r"\b(?:in\s+|during\s+)?(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:(?:the\s+)?(?P<word>this|next)\s+year|"
    + _YEAR
    + r"|the\s+year)?"
)
def _half_words(m: re.Match[str], ref: date) -> Window | None:
    h = ORDINALS[m.group("h").lower()]
    year = (
        _year_word(ref, m.group("word"), m.group("year"))
        if (m.group("word") or m.group("year"))
        else None
    )
    return _span_window(ref, (1, 6) if h == 1 else (7, 12), year, "half")


@rule(r"\b(?:(?:" + _YEAR + r"\s+)?H(?P<h>[12])(?:\s+(?P<year2>(?:19|20)\d\d))?)\b")
def _half_code(m: re.Match[str], ref: date) -> Window | None:
    h = int(m.group("h"))
    year = _year(m.group("year") or m.group("year2"))
    return _span_window(ref, (1, 6) if h == 1 else (7, 12), year, "half")


@rule(r"\b(?P<which>this|next|last|coming)?\s*" + _SEASON + r"(?:\s+(?:of\s+)?" + _YEAR + r")?\b")
def _season(m: re.Match[str], ref: date) -> Window | None:
    which, year = m.group("which"), m.group("year")
    before = m.string[max(0, m.start("season") - 12) : m.start("season")].lower()
    # A bare season word needs a time preposition ("in the fall"), not "the spring of hope".
    # ... or must qualify an event noun: "a spring vote", "the autumn budget".
    attributive = re.match(
        r"\s+(?:vote|election|budget|summit|launch|meeting|session|offensive|tour|conference|release|sale)s?\b",
        m.string[m.end() : m.end() + 24],
        re.IGNORECASE,
    )
    if (
        not which
        and not year
        and not attributive
        and not re.search(r"\b(in|by|during|until|before|over|this)\s+(the\s+)?$", before)
    ):
        return None
    w = _season_window(ref, m.group("season"), which if which != "coming" else None, year)
    if re.search(r"\b(by|before|until)\s+(the\s+)?$", before) and w.basis == "season":
        return Window(ref, w.latest, "deadline")
    return w


@rule(
    r"\b(?:(?P<by>by|before|no later than|until)\s+(?:the\s+)?(?:(?P<end>end|close)\s+of\s+)?)?"
    + _MONTH.format(g="month")
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+"
    + _YEAR
    + r")?(?!\s*(?:%|percent|\d))"
)
def _month_day(m: re.Match[str], ref: date) -> Window | None:
    return _dated(m, ref)


@rule(
    r"\b(?:(?P<by>by|before|until)\s+(?:the\s+)?)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format(g="month")
    + r"(?:,?\s+"
    + _YEAR
    + r")?\b"
)
def _day_month(m: re.Match[str], ref: date) -> Window | None:
    return _dated(m, ref)


def _dated(m: re.Match[str], ref: date) -> Window:
    """A day with its month (and year); after "by"/"before" a deadline from ``ref``."""
    w = _day_window(ref, _month(m.group("month")), int(m.group("day")), _year(m.group("year")))
    if m.group("by") and w.basis == "date":
        return Window(ref, w.latest, "deadline")
    return w


@rule(
    r"\b(?:from\s+)?"
    + _MONTH.format(g="month")
    + r"\s+(?P<d1>\d{1,2})\s*(?:to|until|through|-|–|—)\s*"
    + _MONTH.format(g="month2")
    + r"\s+(?P<d2>\d{1,2})\b(?:,?\s+"
    + _YEAR
    + r")?"
)
def _month_range(m: re.Match[str], ref: date) -> Window | None:
    # "from July 26 to Aug. 11", "March 31 – April 9": the whole span
    first = _day_window(ref, _month(m.group("month")), int(m.group("d1")), _year(m.group("year")))
    if first.basis == "invalid":
        return None
    month2 = _month(m.group("month2"))
    year2 = first.earliest.year + (1 if month2 < first.earliest.month else 0)
    try:
        last = date(year2, month2, int(m.group("d2")))
    except ValueError:
        return None
    return window(ref, first.earliest, last, "past" if first.basis == "past" else "date")


@rule(
    r"\b"
    + _MONTH.format(g="month")
    + r"\s+(?P<d1>\d{1,2})\s*(?P<sep>-|–|to|through|and)\s*(?P<d2>\d{1,2})\b(?!\s*(?:%|percent|per))(?:,?\s+"
    + _YEAR
    + r")?"
)
def _day_range(m: re.Match[str], ref: date) -> Window | None:
    # "June 11-12": the whole span, as for a single day; "Feb. 15 and 16": two days in a row
    if m.group("sep") == "and" and not 0 < int(m.group("d2")) - int(m.group("d1")) <= 2:
        return None
    first = _day_window(ref, _month(m.group("month")), int(m.group("d1")), _year(m.group("year")))
    if first.basis == "invalid":
        return None
    try:
        last = first.earliest.replace(day=int(m.group("d2")))
    except ValueError:
        return None
    if last < first.earliest:
        return None
    return window(ref, first.earliest, last, first.basis if first.basis == "past" else "date")


@rule(
    r"\b(?:the\s+)?week\s+of\s+"
    + _MONTH.format(g="month")
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+"
    + _YEAR
    + r")?"
)
def _week_of(m: re.Match[str], ref: date) -> Window | None:
    # "the week of April 29": that day and the six after it
    first = _day_window(ref, _month(m.group("month")), int(m.group("day")), _year(m.group("year")))
    if first.basis in ("invalid", "past"):
        return first if first.basis == "past" else None
    return Window(first.earliest, first.earliest + timedelta(days=6), "week")


@rule(
    r"\b(?P<lead>opens?\s+(?:on\s+)?)"
    + _MONTH.format(g="month")
    + r"\s+(?P<d1>\d{1,2})\b[^.;]{0,60}?\b(?:closes?|ends?|runs?\s+(?:until|through))\s+(?:on\s+)?"
    + _MONTH.format(g="month2")
    + r"\s+(?P<d2>\d{1,2})\b(?:,?\s+"
    + _YEAR
    + r")?"
)
def _opens_closes(m: re.Match[str], ref: date) -> Window | None:
    # "opens on June 3 and closes on June 9": the whole run
    return _month_range(m, ref)


@rule(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b")
def _iso(m: re.Match[str], ref: date) -> Window | None:
    try:
        day = date.fromisoformat(m.group("iso"))
    except ValueError:
        return None
    return window(ref, day, day, "date")


@rule(
    r"\b(?:(?P<by>by|before|no later than|until)\s+(?:the\s+)?(?:(?P<end>end|close|middle)\s+of\s+)?)?(?P<which>this|next|last|early|mid-?|late)?\s*"
    + _MONTH.format(g="month")
    + r"(?:\s+(?:of\s+)?"
    + _YEAR
    + r")?\b"
)
def _month_rule(m: re.Match[str], ref: date) -> Window | None:
    name = m.group("month")
    if not name[0].isupper():
        return None
    month = MONTHS[name.lower().rstrip(".")]
    year = _year(m.group("year"))
    which = (m.group("which") or "").lower()
    before = m.string[max(0, m.start("month") - 16) : m.start("month")].lower()
    # "May" and "March" are also a modal and a verb: without a year or a time word, a
    # preposition must announce them as months.
    if (
        name.lower() in ("may", "march")
        and year is None
        and not which
        and not m.group("by")
        and not re.search(
            r"\b(in|since|from|until|of|through|to|early|late|mid|and|or)\s+$", before
        )
        # "the Fed's March meeting": an occasion named by its month
        and not (
            _MONTH_OCCASION.match(m.string, m.end("month")) and _BEFORE_OCCASION.search(before)
        )
    ):
        return None
    if year is None:
        if which == "next" and month == ref.month:
            year = ref.year + 1
        elif which == "last":
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = _next_month(ref, month)
    start, end = date(year, month, 1), last_day(year, month)
    if m.group("by"):
        if m.group("end") and m.group("end").lower() == "middle":
            end = date(year, month, 15)
        elif m.group("by").lower() == "before" and not m.group("end") and not which:
            end = start - timedelta(days=1)  # "before June" ends on 31 May (LABELLING.md)
        return window(ref, ref, end, "deadline")
    # "early/mid/late April": the month's first, middle or last ten days
    if which in ("early", "late") or which.startswith("mid"):
        third = {"early": (1, 10), "late": (21, end.day)}.get(which, (11, 20))
        if m.group("year") is None and date(year, month, third[1]) < ref:
            year += 1  # "early January" said on January 20: next January's
            start, end = date(year, month, 1), last_day(year, month)
    if which == "early":
        end = date(year, month, 10)
    elif which.startswith("mid"):
        start, end = date(year, month, 11), date(year, month, 20)
    elif which == "late":
        start = date(year, month, 21)
    return window(ref, start, end, "month")


_BEFORE_OCCASION = re.compile(r"(?:\bthe|['’]s)\s+$", re.IGNORECASE)  # "the March", "Fed's March"
_MONTH_OCCASION = re.compile(
    r"\s+(?:policy\s+|monetary\s+policy\s+|rate\s+)?(?:meeting|gathering|session|decision|"
    r"summit|election|vote|review|hearing|deadline)\b",
    re.IGNORECASE,
)


@rule(
    r"\b(?:in\s+|during\s+|throughout\s+)?(?P<the>the\s+)?"
    + _YEAR
    + r"\b(?!\s*[-/:]\d|\s*(?:%|percent))"
)
def _in_year(m: re.Match[str], ref: date) -> Window | None:
    y = int(m.group("year"))
    return window(ref, date(y, 1, 1), date(y, 12, 31), "year")


@rule(
    r"\b(?:(?:by|before)\s+(?:the\s+)?end\s+of\s+|later\s+|earlier\s+|(?P<part>early|late)\s+)?(?P<word>this|next|last)\s+(?P<unit>week|month)\b(?!'s)"
)
def _this_next_unit(m: re.Match[str], ref: date) -> Window | None:
    word, unit = m.group("word").lower(), m.group("unit").lower()
    if m.group(0).lower().startswith("earlier"):
        return Window(ref, ref, "past")
    part = (m.group("part") or "").lower()
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday())
        if word in ("this", "next"):
            start = monday + timedelta(days=7 if word == "next" else 0)
            # "early next week": Monday to Wednesday; "late this week": Thursday to Sunday
            lo = start + timedelta(days=3 if part == "late" else 0)
            hi = start + timedelta(days=2 if part == "early" else 6)
            return window(ref, lo, hi, "week")
        return Window(monday - timedelta(days=7), monday - timedelta(days=1), "past")
    if word == "this":
        return window(ref, ref, last_day(ref.year, ref.month), "month")
    if word == "next":
        first = add_months(date(ref.year, ref.month, 1), 1)
        end = last_day(first.year, first.month)
        # "early/late next month": the month's first or last ten days, as for a named month
        if part == "early":
            end = first.replace(day=10)
        elif part == "late":
            first = first.replace(day=21)
        return window(ref, first, end, "month")
    first = add_months(date(ref.year, ref.month, 1), -1)
    return Window(first, last_day(first.year, first.month), "past")


@rule(
    r"\b(?P<word>today|tonight|tomorrow|yesterday|later\s+today|this\s+(?:morning|afternoon|evening))\b"
)
def _relative_day(m: re.Match[str], ref: date) -> Window | None:
    word = m.group("word").lower()
    if word == "yesterday":
        return Window(ref - timedelta(days=1), ref - timedelta(days=1), "past")
    day = ref + timedelta(days=1) if word == "tomorrow" else ref
    if word == "tomorrow" and m.string[max(0, m.start() - 10) : m.start()].lower().endswith(
        "after "
    ):
        day += timedelta(days=1)  # "the day after tomorrow"
    return Window(day, day, "relative_day")


@rule(r"\b(?:for\s+|over\s+|during\s+|in\s+)?the\s+rest\s+of\s+(?:the|this)\s+year\b")
def _rest_of_year(m: re.Match[str], ref: date) -> Window | None:
    return window(ref, ref, date(ref.year, 12, 31), "year")


@rule(
    r"\b(?P<by>by\s+)?(?:(?:in|at|around)\s+)?(?:the\s+)?(?:middle\s+of\s+(?:the|this|(?P<next>next))\s+year|mid-?year)\b"
)
def _mid_year(m: re.Match[str], ref: date) -> Window | None:
    # "in the middle of the year", "by midyear": as "mid-2024" and "by mid-2024"
    y = ref.year + (1 if m.group("next") else 0)
    if m.group("by"):
        return window(ref, ref, date(y, 6, 30), "deadline")
    return window(ref, date(y, 5, 1), date(y, 8, 31), "part_of_year")


@rule(r"\bin\s+a\s+fortnight(?:'s|’s)?(?:\s+time)?\b")
def _fortnight(m: re.Match[str], ref: date) -> Window | None:
    return window(ref, ref, ref + timedelta(days=14), "duration")


@rule(
    r"\b(?P<which>last|next|this|on|from|by|until|before|through)?\s*"
    + _WEEKDAY
    + r"(?P<poss>'s|’s)?"
)
def _weekday(m: re.Match[str], ref: date) -> Window | None:
    if m.string.startswith("s", m.end()) or re.search(
        r"(?i)\b(?:every|each)\s+(?:other\s+|second\s+)?$",
        m.string[max(0, m.start("wd") - 16) : m.start("wd")],
    ):
        return None  # "on Mondays", "every Saturday": a timetable, no one day
    which = (m.group("which") or "").lower()
    target = WEEKDAYS[m.group("wd").lower()]
    if which == "last":
        back = (ref.weekday() - target) % 7 or 7
        day = ref - timedelta(days=back)
        return Window(day, day, "past")
    if m.group("poss"):
        # "Sunday's election": the nearest such day, which news usually means as just past.
        back = (ref.weekday() - target) % 7
        if back <= 3:
            day = ref - timedelta(days=back)
            return Window(day, day, "past" if back else "weekday")
    ahead = (target - ref.weekday()) % 7
    if ahead == 0 and which in ("next", "by", "until", "before", "through"):
        ahead = 7
    # "will meet on Monday" in Monday's paper speaks of today's schedule (LABELLING.md)
    day = ref + timedelta(days=ahead)
    if which in ("by", "until", "before", "through"):
        return Window(ref, day, "deadline")
    return Window(day, day, "weekday")


@rule(
    r"\b(?:in|over|during|within)\s+the\s+(?P<kind>coming|next\s+few|next\s+several|next\s+couple\s+of|following|upcoming)\s+(?P<unit>day|week|month|year)s?\b|\b(?:in\s+)?(?:the\s+)?(?P<unit2>day|week|month|year)s\s+(?:ahead|to\s+come)\b|\bin\s+coming\s+(?P<unit3>day|week|month|year)s\b"
    r"|\b(?:the\s+)?(?P<one>week|month|year)\s+ahead\b"
)
def _relative_span(m: re.Match[str], ref: date) -> Window | None:
    one = m.group("one")
    singular = one is not None or (
        m.group("unit") is not None
        and not m.group(0).lower().endswith("s")
        and (m.group("kind") or "").lower() in ("coming", "upcoming", "following")
    )
    if singular:
        # "in the week ahead", "in the coming week": that one week (month, year) from today
        span = (one or m.group("unit")).lower()
        if span == "day":
            return Window(ref, ref + timedelta(days=1), "relative_span")
        if span == "week":
            return Window(ref, ref + timedelta(days=6), "relative_span")
        months = 1 if span == "month" else 12
        return Window(ref, add_months(ref, months) - timedelta(days=1), "relative_span")
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
    kind = re.sub(r"\s+", " ", (m.group("kind") or "coming").lower())
    if unit == "day":
        end = ref + timedelta(days=7)
    elif unit == "week":
        end = ref + timedelta(weeks=6)
    elif unit == "month":
        end = add_months(ref, 3 if kind in ("next few", "next couple of") else 6)
    else:
        end = add_months(ref, 24 if kind in ("next few", "next several", "next couple of") else 12)
    return Window(ref, end, "relative_span")


@rule(
    r"\b(?P<prep>in|within|within\s+the\s+next|over\s+the\s+next|in\s+the\s+next|during\s+the\s+next|over|for\s+the\s+next)\s+"
    + _NUM
    + r"\s+"
    + _UNIT
    + r"\b"
)
def _duration(m: re.Match[str], ref: date) -> Window | None:
    prep = m.group("prep").lower()
    if prep == "over" and m.group("n").lower() not in NUMBERS and not m.group("n").isdigit():
        return None
    n = _number(m.group("n"))
    return Window(ref, add_duration(ref, n, m.group("unit").lower()), "duration")


@rule(
    r"\b(?:at\s+any\s+(?:moment|time)|(?<!as\s)soon(?!\s+as\b|\s+after\b)|shortly(?!\s+(?:after|before)\b)|imminently|before\s+long|in\s+the\s+near\s+future|in\s+the\s+near\s+term|any\s+day\s+now)\b"
)
def _vague(m: re.Match[str], ref: date) -> Window | None:
    return Window(ref, ref + timedelta(days=90), "vague")


@rule(r"\b(?:(?:by|before|at)\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<unit>month|week)\b")
def _end_of_unit(m: re.Match[str], ref: date) -> Window | None:
    if m.group("unit").lower() == "week":
        return Window(ref, ref + timedelta(days=6 - ref.weekday()), "week")
    return Window(ref, last_day(ref.year, ref.month), "month")


@rule(r"\b(?P<pre>this|next|over\s+the|by\s+the|at\s+the|on\s+the)\s+weekend\b")
def _weekend(m: re.Match[str], ref: date) -> Window | None:
    saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    if ref.weekday() == 6:
        saturday = ref - timedelta(days=1)
    if m.group("pre").lower() == "next":
        saturday += timedelta(days=7)
    if m.group("pre").lower().startswith("by"):
        return Window(ref, saturday + timedelta(days=1), "deadline")
    return window(ref, saturday, saturday + timedelta(days=1), "week")


@rule(
    r"\b(?:within|in\s+a\s+matter\s+of|in\s+a\s+few|within\s+a\s+few)\s+(?P<unit>day|week|month)s\b"
)
def _within_units(m: re.Match[str], ref: date) -> Window | None:
    unit = m.group("unit").lower()
    if unit == "day":
        return Window(ref, ref + timedelta(days=7), "relative_span")
    if unit == "week":
        return Window(ref, ref + timedelta(weeks=6), "relative_span")
    return Window(ref, add_months(ref, 6), "relative_span")


@rule(r"\b(?:over|in|within|during)\s+the\s+next\s+(?P<unit>day|week|month|year|decade)\b")
def _next_single_unit(m: re.Match[str], ref: date) -> Window | None:
    unit = m.group("unit").lower()
    if unit == "decade":
        return Window(ref, add_months(ref, 120), "duration")
    return Window(ref, add_duration(ref, 1, unit), "duration")


@rule(
    r"\b(?P<prep>in|within|over\s+the\s+next)\s+(?P<a>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:to|or|-|–)\s+(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|eighteen|twenty|thirty)\s+(?P<unit>day|week|month|year)s\b"
)
def _duration_range(m: re.Match[str], ref: date) -> Window | None:
    # "in two to three weeks": up to the larger figure
    return Window(
        ref, add_duration(ref, _number(m.group("b")), m.group("unit").lower()), "duration"
    )


@rule(
    r"\b(?:later\s+in|by|before)\s+(?:the\s+)?(?:year's\s+end|year’s\s+end|the\s+year)\b|\blater\s+in\s+the\s+year\b"
)
def _later_in_the_year(m: re.Match[str], ref: date) -> Window | None:
    return window(ref, ref, date(ref.year, 12, 31), "year")


@rule(r"\b(?:in\s+|by\s+|during\s+)?the\s+new\s+year\b")
def _new_year(m: re.Match[str], ref: date) -> Window | None:
    y = ref.year if ref.month == 1 else ref.year + 1
    return window(ref, date(y, 1, 1), date(y, 4, 30), "part_of_year")


@rule(
    r"\b(?:(?P<by>by|before|until)\s+)?(?:the\s+)?(?P<name>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day|Independence\s+Day|Thanksgiving)\b"
)
def _holiday(m: re.Match[str], ref: date) -> Window | None:
    name = m.group("name").lower().replace("’", "'")

    def day_in(year: int) -> date:
        if name.startswith("christmas eve"):
            return date(year, 12, 24)
        if name.startswith("christmas"):
            return date(year, 12, 25)
        if name.startswith("new year's eve"):
            return date(year, 12, 31)
        if name.startswith("new year"):
            return date(year, 1, 1)
        if name == "halloween":
            return date(year, 10, 31)
        if name.startswith("valentine"):
            return date(year, 2, 14)
        if name.startswith("independence"):
            return date(year, 7, 4)
        first = date(year, 11, 1)  # Thanksgiving: the fourth Thursday of November
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)

    day = day_in(ref.year)
    if day < ref:
        day = day_in(ref.year + 1)
    if m.group("by"):
        return Window(ref, day, "deadline")
    return Window(day, day, "date")


# --- public API -------------------------------------------------------------------------------


_MONTH_NEEDLES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_UNITS = ("day", "week", "month", "year")
# Cheap substring tests that a rule's pattern cannot match without: most sentences skip most
# rules, which keeps extraction fast (see bench/extract_bench.py).
_NEEDLES: dict[str, tuple[str, ...]] = {
    "_event_duration": ("day", "week"),
    "_by_mid": ("mid",),
    "_part_of_year": ("early", "mid", "late", "end", "beginning of", "start of"),
    "_by_year": ("by ", "before ", "later than", "until "),
    "_year_end": ("end",),
    "_end_next_year": ("end",),
    "_this_next_year": ("year",),
    "_quarter_words": ("quarter",),
    "_this_quarter": ("quarter",),
    "_quarter_code": ("q1", "q2", "q3", "q4"),
    "_half_words": ("half",),
    "_half_code": ("h1", "h2"),
    "_season": ("spring", "summer", "fall", "autumn", "winter"),
    "_month_day": _MONTH_NEEDLES,
    "_day_month": _MONTH_NEEDLES,
    "_month_rule": _MONTH_NEEDLES,
    "_iso": ("-",),
    "_day_range": _MONTH_NEEDLES,
    "_month_range": _MONTH_NEEDLES,
    "_week_of": ("week of",),
    "_opens_closes": ("open",),
    "_in_year": ("19", "20"),
    "_this_next_unit": ("week", "month"),
    "_rest_of_year": ("rest of",),
    "_mid_year": ("middle of", "midyear", "mid-year"),
    "_fortnight": ("fortnight",),
    "_relative_day": (
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "this morning",
        "this afternoon",
        "this evening",
    ),
    "_weekday": ("day",),
    "_relative_span": ("coming", "next", "following", "upcoming", "ahead", "to come"),
    "_duration": _UNITS,
    "_end_of_unit": ("end",),
    "_weekend": ("weekend",),
    "_within_units": ("days", "weeks", "months"),
    "_next_single_unit": ("next",),
    "_duration_range": ("to", "or", "-", "–"),
    "_later_in_the_year": ("year",),
    "_new_year": ("new year",),
    "_holiday": ("christmas", "new year", "halloween", "valentine", "independence", "thanksgiving"),
    "_vague": (
        "soon",
        "shortly",
        "imminent",
        "before long",
        "near",
        "any day",
        "any moment",
        "any time",
    ),
}


# _RULES with each rule's needles as an index into _NEEDLE_SETS: rules that share their
# needles (the five month rules, the three "end" rules) test them once per sentence
_NEEDLE_SETS: list[tuple[str, ...]] = []
_GATED_RULES: list[tuple[re.Pattern[str], Resolver, int]] = []


def _gated_rules() -> list[tuple[re.Pattern[str], Resolver, int]]:
    if len(_GATED_RULES) != len(_RULES):
        _NEEDLE_SETS.clear()
        _GATED_RULES.clear()
        for pattern, resolver in _RULES:
            needles = _NEEDLES.get(resolver.__name__)
            if needles is not None and needles not in _NEEDLE_SETS:
                _NEEDLE_SETS.append(needles)
            at = _NEEDLE_SETS.index(needles) if needles is not None else -1
            _GATED_RULES.append((pattern, resolver, at))
    return _GATED_RULES


def find_times(sentence: str, reference: date) -> list[TimeMatch]:
    """Every time expression in the sentence, longest first where they overlap, in text order."""
    found: list[TimeMatch] = []
    low = sentence.lower()
    rules = _gated_rules()
    present: list[bool | None] = [None] * len(_NEEDLE_SETS)
    for pattern, resolver, at in rules:
        if at >= 0:
            # substring tests: far cheaper than a regex search per rule
            hit = present[at]
            if hit is None:
                hit = present[at] = any(map(low.__contains__, _NEEDLE_SETS[at]))
            if not hit:
                continue
        for m in pattern.finditer(sentence):
            text = m.group(0).strip()
            if not text:
                continue
            w = resolver(m, reference)
            if w is None or w.basis == "invalid":
                continue
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            if "lead" in pattern.groupindex:
                # the verb that makes the pattern ("opens on X and closes on Y") is no time
                lead = m.end("lead") - m.start()
                text = m.group(0)[lead:].strip()
            found.append(TimeMatch(text, m.start() + lead, m.end(), w))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    # "on Thursday 28 May 2020", "Sunday, June 16": a weekday given with a date is the date
    dated = [t for t in found if t.window.basis in ("date", "past")]
    found = [
        t
        for t in found
        if t.window.basis != "weekday"
        or not any(0 <= d.start - t.end <= 2 and d.start > t.start for d in dated)
    ]
    chosen: list[TimeMatch] = []
    for match in sorted(found, key=lambda t: -(t.end - t.start)):
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    for i, match in enumerate(chosen):
        w = match.window
        before = sentence[max(0, match.start - 22) : match.start].lower()
        if (
            w.basis in ("quarter", "half", "part_of_year", "week", "season")
            and not match.text.lower().startswith(("by", "before", "until"))
            and not match.text.lower().startswith("mid")
            and re.search(
                r"\b(?:by|before|no\s+later\s+than|until)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?$",
                before,
            )
        ):
            # "by the end of the third quarter", "by early 2024": a deadline from R
            chosen[i] = TimeMatch(
                match.text, match.start, match.end, Window(reference, w.latest, "deadline")
            )
    chosen.sort(key=lambda t: t.start)
    chosen = _alternatives(chosen, sentence)
    if any(t.window.basis == "weekday" for t in chosen):
        return [_told_in_past(t, sentence, reference) for t in chosen]
    return chosen


_SPAN_BASES = {"date", "weekday", "month", "part_of_year", "quarter", "half", "season", "year"}
_OR = re.compile(r"\s*(?:,\s*)?or\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\s*and\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


def _alternatives(chosen: list[TimeMatch], sentence: str) -> list[TimeMatch]:
    """ "in July or August", "late 2015 or early 2016", "between May and July": one window
    from the first one's start to the second one's end."""
    out: list[TimeMatch] = []
    for t in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.window.basis in _SPAN_BASES
            and t.window.basis in _SPAN_BASES
            and prev.window.earliest <= t.window.earliest
            and (
                _OR.fullmatch(sentence[prev.end : t.start])
                or (
                    _AND.fullmatch(sentence[prev.end : t.start])
                    and _BETWEEN.search(sentence, 0, prev.start)
                )
            )
        ):
            w = Window(prev.window.earliest, t.window.latest, prev.window.basis)
            out[-1] = TimeMatch(sentence[prev.start : t.end], prev.start, t.end, w)
            continue
        out.append(t)
    return out


# A past-tense finite verb: "was", "gave", "announced". Irregular forms are listed (the common
# ones of news copy); regular ones end in -ed, except the participles of plans ("scheduled").
PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|gave|got|held|met|took|came|went|made|won|lost|began|left|flew|said|"
    r"told|spent|found|saw|sent|sold|bought|brought|built|fell|rose|led|ran|struck|wrote|spoke|"
    r"chose|drew|grew|hit|paid|put|set\s+out|shut|stood|threw|kept|heard|felt|caught|fought|"
    r"taught|thought|sought|broke|became)\b|"
    r"\b(?!(?:scheduled|expected|planned|slated|proposed|needed|based|related|limited|united|"
    r"advanced|called|elected|delayed|postponed|anticipated|intended|pencilled|penciled|"
    r"earmarked|supposed|red|bed|need|speed|feed|seed|exceed|proceed|succeed)\b)[a-z]{3,}ed\b"
)
# What makes a clause speak of the future even beside a past verb: "was expected to meet on
# Friday", "said it would vote Monday", "are due to", "will"
_FUTURE_MARK = re.compile(
    r"\b(?:will|would|shall|to|'ll|’ll|expected|scheduled|planned|slated|due|set|plans?|"
    r"next|upcoming|coming|until|by|before|ahead\s+of|awaiting|awaits)\b",
    re.IGNORECASE,
)

# A word before an -ed form that makes it an adjective or a participle, not a past verb: "its
# first integrated test flight", "is based", "has finished"
_NOT_FINITE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|first|newly|be|been|being|is|are|am|has|have|"
    r"fully|jointly)\s+$",
    re.IGNORECASE,
)


def _told_in_past(t: TimeMatch, sentence: str, reference: date) -> TimeMatch:
    """A bare weekday after a past verb of its own clause is the last such day, not the next:
    "The US gave the final go-ahead on Friday" in Saturday's paper."""
    if t.window.basis != "weekday" or t.window.earliest == reference:
        return t
    clause = re.split(r"[,;:()“”\"—–]|\b(?:and|but|while|as|after|when)\b", sentence[: t.start])[-1]
    if _FUTURE_MARK.search(clause) or not any(
        not m.group(0).endswith("ed") or not _NOT_FINITE_BEFORE.search(clause, 0, m.start())
        for m in PAST_VERB.finditer(clause)
    ):
        return t
    back = (reference.weekday() - t.window.earliest.weekday()) % 7
    day = reference - timedelta(days=back)
    return TimeMatch(t.text, t.start, t.end, Window(day, day, "past" if back else "weekday"))


def resolve(expression: str, reference: date) -> Window | None:
    """The window of one time expression ("later this year", "Q1 2024"), or None."""
    matches = find_times(expression, reference)
    if not matches:
        return None
    return max(matches, key=lambda t: t.end - t.start).window


def default_window(reference: date, horizon_days: int) -> Window:
    """No time expression at all: R .. R + the configured horizon."""
    return Window(reference, reference + timedelta(days=horizon_days), "default_horizon")
