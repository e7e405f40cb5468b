"""Dates written in text: the period each names, and dates embedded in URLs and file names."""

from __future__ import annotations

from datetime import date

import pytest

from forecasts.articles.dates import date_in_path, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Thursday, July 18, 2024", date(2024, 7, 18), date(2024, 7, 18), "day"),
        ("on 18 June 2023 in Beijing", date(2023, 6, 18), date(2023, 6, 18), "day"),
        ("on Jan. 5, 2024", date(2024, 1, 5), date(2024, 1, 5), "day"),
        ("the 3rd of March, 2024", date(2024, 3, 3), date(2024, 3, 3), "day"),
        ("stamp 2023-06-18T10:00", date(2023, 6, 18), date(2023, 6, 18), "day"),
        ("the November 2023 APEC meeting", date(2023, 11, 1), date(2023, 11, 30), "month"),
        ("in Sept. 2024", date(2024, 9, 1), date(2024, 9, 30), "month"),
        ("in February 2024", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("the 2024 U.S. presidential election", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("by the end of 2025.", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ],
)
def test_a_mention_covers_the_period_it_names(
    text: str, start: date, end: date, precision: str
) -> None:
    (mention,) = find_dates(text)
    assert (mention.start, mention.end, mention.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text", ["revenue of $2,024 million", "it rose 2023% in a year", "call 555-2023 today"]
)
def test_numbers_that_are_not_dates_are_ignored(text: str) -> None:
    assert find_dates(text) == []


def test_impossible_days_are_not_days() -> None:
    assert [m.precision for m in find_dates("on February 30, 2024")] == ["year"]


def test_parse_date_takes_the_first_full_date() -> None:
    assert parse_date("updated 2024-03-20, first published March 19, 2024") == date(2024, 3, 20)
    assert parse_date("sometime in 2024") is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("https://news.example.com/world/2023/06/18/blinken-beijing", date(2023, 6, 18)),
        ("2023-06-18-japan-times-blinken.txt", date(2023, 6, 18)),
        ("story_20240320.html", date(2024, 3, 20)),
        ("https://example.com/article/123456789", None),
        ("2023-13-45-not-a-date.txt", None),
    ],
)
def test_dates_in_urls_and_file_names(path: str, expected: date | None) -> None:
    assert date_in_path(path) == expected
