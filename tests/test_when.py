"""Due windows: every row of docs/due-windows.md, and properties that must always hold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forecasts.claims.when import add_months, default_window, find_times, resolve

R = date(2023, 6, 18)  # a Sunday


def d(text: str) -> date:
    return date.fromisoformat(text)


ROWS = [
    # (expression, earliest, latest, basis)
    ("on June 25", "2023-06-25", "2023-06-25", "date"),
    ("Jan. 5", "2024-01-05", "2024-01-05", "date"),
    ("5 January 2024", "2024-01-05", "2024-01-05", "date"),
    ("June 25, 2023", "2023-06-25", "2023-06-25", "date"),
    ("on March 3", "2024-03-03", "2024-03-03", "date"),
    ("today", "2023-06-18", "2023-06-18", "relative_day"),
    ("tomorrow", "2023-06-19", "2023-06-19", "relative_day"),
    ("on Tuesday", "2023-06-20", "2023-06-20", "weekday"),
    ("on Sunday", "2023-06-18", "2023-06-18", "weekday"),
    ("next Sunday", "2023-06-25", "2023-06-25", "weekday"),
    ("this week", "2023-06-18", "2023-06-18", "week"),
    ("next week", "2023-06-19", "2023-06-25", "week"),
    ("in November 2023", "2023-11-01", "2023-11-30", "month"),
    ("the November 2023 APEC meeting", "2023-11-01", "2023-11-30", "month"),
    ("in January", "2024-01-01", "2024-01-31", "month"),
    ("in June", "2023-06-18", "2023-06-30", "month"),
    ("on July 15 and 16", "2023-07-15", "2023-07-16", "date"),
    ("during Q423", "2023-10-01", "2023-12-31", "quarter"),
    ("within the next 18 months", "2023-06-18", "2024-12-18", "duration"),
    ("in Q1'24", "2024-01-01", "2024-03-31", "quarter"),
    ("early next month", "2023-07-01", "2023-07-10", "month"),
    ("late next month", "2023-07-21", "2023-07-31", "month"),
    ("the day after tomorrow", "2023-06-20", "2023-06-20", "relative_day"),
    ("for the rest of the year", "2023-06-18", "2023-12-31", "year"),
    ("in a fortnight", "2023-06-18", "2023-07-02", "duration"),
    ("in the middle of next year", "2024-05-01", "2024-08-31", "part_of_year"),
    ("by midyear", "2023-06-18", "2023-06-30", "deadline"),
    ("early July", "2023-07-01", "2023-07-10", "month"),
    ("in mid-July", "2023-07-11", "2023-07-20", "month"),
    ("late July 2023", "2023-07-21", "2023-07-31", "month"),
    ("early June", "2024-06-01", "2024-06-10", "month"),
    ("not until 2045", "2023-06-18", "2045-12-31", "deadline"),
    ("this month", "2023-06-18", "2023-06-30", "month"),
    ("next month", "2023-07-01", "2023-07-31", "month"),
    ("by March", "2023-06-18", "2024-03-31", "deadline"),
    ("by the end of March", "2023-06-18", "2024-03-31", "deadline"),
    ("before March 31", "2023-06-18", "2024-03-31", "deadline"),
    ("this fall", "2023-09-01", "2023-11-30", "season"),
    ("next spring", "2024-03-01", "2024-05-31", "season"),
    ("this summer", "2023-06-18", "2023-08-31", "season"),
    ("this winter", "2023-12-01", "2024-02-29", "season"),
    ("in the third quarter", "2023-07-01", "2023-09-30", "quarter"),
    ("Q1 2024", "2024-01-01", "2024-03-31", "quarter"),
    ("in the first half of 2024", "2024-01-01", "2024-06-30", "half"),
    ("H2", "2023-07-01", "2023-12-31", "half"),
    ("in 2024", "2024-01-01", "2024-12-31", "year"),
    ("this year", "2023-06-18", "2023-12-31", "year"),
    ("later this year", "2023-06-18", "2023-12-31", "year"),
    ("by the end of the year", "2023-06-18", "2023-12-31", "year"),
    ("by year-end", "2023-06-18", "2023-12-31", "year"),
    ("before the end of 2023", "2023-06-18", "2023-12-31", "year"),
    ("next year", "2024-01-01", "2024-12-31", "year"),
    ("early 2024", "2024-01-01", "2024-04-30", "part_of_year"),
    ("early next year", "2024-01-01", "2024-04-30", "part_of_year"),
    ("mid-2024", "2024-05-01", "2024-08-31", "part_of_year"),
    ("by mid-2024", "2023-06-18", "2024-06-30", "part_of_year"),
    ("late 2024", "2024-09-01", "2024-12-31", "part_of_year"),
    ("end of next year", "2024-09-01", "2024-12-31", "part_of_year"),
    ("by 2025", "2023-06-18", "2025-12-31", "deadline"),
    ("by the end of 2025", "2023-06-18", "2025-12-31", "deadline"),
    ("in the coming days", "2023-06-18", "2023-06-25", "relative_span"),
    ("in the next few days", "2023-06-18", "2023-06-25", "relative_span"),
    ("in the coming weeks", "2023-06-18", "2023-07-30", "relative_span"),
    ("in the coming months", "2023-06-18", "2023-12-18", "relative_span"),
    ("over the next several months", "2023-06-18", "2023-12-18", "relative_span"),
    ("in the next few months", "2023-06-18", "2023-09-18", "relative_span"),
    ("in two weeks", "2023-06-18", "2023-07-02", "duration"),
    ("within three months", "2023-06-18", "2023-09-18", "duration"),
    ("within two years", "2023-06-18", "2025-06-18", "duration"),
    ("over the next 18 months", "2023-06-18", "2024-12-18", "duration"),
    ("soon", "2023-06-18", "2023-09-16", "vague"),
    ("in the near future", "2023-06-18", "2023-09-16", "vague"),
    ("during the two-day trip", "2023-06-18", "2023-06-19", "event_anchor"),
    ("June 25-26", "2023-06-25", "2023-06-26", "date"),
    ("from July 26 to Aug. 11", "2023-07-26", "2023-08-11", "date"),
    ("by Christmas", "2023-06-18", "2023-12-25", "deadline"),
    ("on Christmas Eve", "2023-12-24", "2023-12-24", "date"),
    ("next weekend", "2023-06-24", "2023-06-25", "week"),
    ("by the end of the month", "2023-06-18", "2023-06-30", "month"),
    ("by the end of the third quarter", "2023-06-18", "2023-09-30", "deadline"),
    ("by early 2024", "2023-06-18", "2024-04-30", "deadline"),
    ("by the end of next year", "2023-06-18", "2024-12-31", "deadline"),
    ("within weeks", "2023-06-18", "2023-07-30", "relative_span"),
    ("over the next year", "2023-06-18", "2024-06-18", "duration"),
    ("in two to three weeks", "2023-06-18", "2023-07-09", "duration"),
    ("in the new year", "2024-01-01", "2024-04-30", "part_of_year"),
    ("end-2024", "2024-09-01", "2024-12-31", "part_of_year"),
    ("at any moment", "2023-06-18", "2023-09-16", "vague"),
]


@pytest.mark.parametrize(("expression", "earliest", "latest", "basis"), ROWS)
def test_table_row(expression: str, earliest: str, latest: str, basis: str) -> None:
    """Each documented expression resolves to the documented window and basis."""
    window = resolve(expression, R)
    assert window is not None, expression
    assert (window.earliest, window.latest, window.basis) == (d(earliest), d(latest), basis)


def test_no_time_expression_uses_the_default_horizon() -> None:
    """Without a time expression the window is R .. R + the configured horizon."""
    w = default_window(R, 365)
    assert (w.earliest, w.latest, w.basis) == (R, d("2024-06-17"), "default_horizon")


def test_as_soon_as_is_not_vague() -> None:
    """'as soon as Friday' is Friday, not 'soon'."""
    found = find_times("Boston could clinch the title as soon as Friday.", d("2024-06-13"))
    assert [(t.text, t.window.basis) for t in found] == [("Friday", "weekday")]


def test_may_the_modal_is_not_a_month() -> None:
    """'may' as a modal verb is no month; 'in May' and 'May 5' are."""
    assert find_times("Parliament may vote on the bill", R) == []
    assert find_times("Lawmakers May vote", R) == []
    assert resolve("in May", R) is not None
    assert resolve("on May 5", R) == resolve("May 5", R)


def test_past_expressions_are_marked_past() -> None:
    """'last November', 'since 2019', 'yesterday' lie before R and are marked past."""
    for text in ("last November", "since 2019", "yesterday", "last week", "last year"):
        w = resolve(text, R)
        assert w is not None and w.basis == "past", text


def test_several_expressions_in_a_sentence_are_found_in_order() -> None:
    """A sentence can name several times; each is found once, longest match first."""
    found = find_times("The vote is on March 19, and a runoff could follow by the end of April.", R)
    assert [t.text for t in found] == ["March 19", "by the end of April"]


def test_month_arithmetic_clamps_at_month_ends() -> None:
    """Jan 31 + 1 month is the last day of February, in leap and common years."""
    assert add_months(d("2023-01-31"), 1) == d("2023-02-28")
    assert add_months(d("2024-01-31"), 1) == d("2024-02-29")
    assert add_months(d("2023-12-15"), 1) == d("2024-01-15")
    assert add_months(d("2024-02-29"), 12) == d("2025-02-28")


def test_year_end_rollover() -> None:
    """In December, 'in January' and 'next month' are next year's January."""
    ref = d("2023-12-20")
    assert resolve("in January", ref) == resolve("next month", ref)
    w = resolve("next month", ref)
    assert w is not None and (w.earliest, w.latest) == (d("2024-01-01"), d("2024-01-31"))


EXPRESSIONS = [row[0] for row in ROWS] + [
    "in February", "by February", "this winter", "next winter", "in the fourth quarter",
    "in the second half", "on Friday", "next month", "within six months", "in the coming year",
]  # fmt: skip


@given(
    ref=st.dates(min_value=date(1995, 1, 1), max_value=date(2090, 12, 31)),
    expression=st.sampled_from(EXPRESSIONS),
)
def test_windows_are_well_formed(ref: date, expression: str) -> None:
    """Windows never end before they start, and a future window never ends before R."""
    w = resolve(expression, ref)
    if w is None:
        return
    assert w.earliest <= w.latest
    if w.basis != "past":
        assert w.latest >= ref
        assert w.earliest >= ref or w.basis in ("date",)


@given(ref=st.dates(min_value=date(1995, 1, 1), max_value=date(2090, 12, 31)))
def test_next_month_is_the_following_calendar_month(ref: date) -> None:
    """'next month' starts on the 1st after R's month and ends on its last day, leap years too."""
    w = resolve("next month", ref)
    assert w is not None
    assert w.earliest.day == 1 and w.earliest > ref
    assert (w.latest + timedelta(days=1)).day == 1
    assert w.earliest.month == ref.month % 12 + 1


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [("Demand will be a positive factor in the week ahead.", "2018-11-26", "2018-12-02"),
     ("Talks resume in the coming week.", "2018-11-26", "2018-12-02"),
     ("Talks resume in the coming weeks.", "2018-11-26", "2019-01-07"),
     ("Prices rise over the month ahead.", "2018-11-26", "2018-12-25")],
)  # fmt: skip
def test_one_unit_ahead_is_that_unit_not_six_weeks(text: str, earliest: str, latest: str) -> None:
    """'the week ahead' and 'the coming week' (singular) are one week from the reference day;
    'the coming weeks' stay about six weeks (LABELLING.md)."""
    (m,) = find_times(text, date(2018, 11, 26))
    assert (m.window.earliest.isoformat(), m.window.latest.isoformat()) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [("The law passes before June.", "2024-03-06", "2024-05-31"),
     ("The law passes by June.", "2024-03-06", "2024-06-30"),
     ("They meet early next week.", "2024-03-11", "2024-03-13"),
     ("The Fed's March meeting is key.", "2024-03-06", "2024-03-31"),
     ("All eyes are on the May meeting.", "2024-05-01", "2024-05-31")],
)  # fmt: skip
def test_labelling_rules_for_months_and_weeks(text: str, earliest: str, latest: str) -> None:
    """LABELLING.md: 'before <month>' ends the month before; 'early next week' is Monday to
    Wednesday; '<institution>'s March meeting' is March (said on Wednesday 6 March 2024)."""
    (m,) = find_times(text, date(2024, 3, 6))
    assert (m.window.earliest.isoformat(), m.window.latest.isoformat()) == (earliest, latest)


@pytest.mark.parametrize(
    ("sentence", "earliest", "basis"),
    [
        # R is a Sunday: a weekday after a past verb of its clause is the one just gone
        ("The regulator gave its approval on Friday to the merger", "2023-06-16", "past"),
        ("She was sworn in Wednesday by the chief justice", "2023-06-14", "past"),
        ("The board announced its decision on Thursday", "2023-06-15", "past"),
        # a future mark in the clause keeps the next such day
        ("The ministers said they will meet on Friday", "2023-06-23", "weekday"),
        ("He was expected to arrive Monday", "2023-06-19", "weekday"),
        ("The prize will be announced on Tuesday", "2023-06-20", "weekday"),
        # an -ed adjective is no past verb
        ("The firm is set to make its first integrated test on Monday", "2023-06-19", "weekday"),
    ],
)
def test_a_weekday_told_in_the_past_tense_is_the_last_one(
    sentence: str, earliest: str, basis: str
) -> None:
    (match,) = find_times(sentence, R)
    assert (match.window.earliest, match.window.basis) == (d(earliest), basis)
