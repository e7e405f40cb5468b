"""Datelines and credits: the wire's stamp and the bylines are not article text."""

from __future__ import annotations

import pytest

from forecasts.articles.datelines import is_credit, strip_dateline, strip_datelines


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("PARIS, May 4 (Reuters) - France will raise taxes.", "France will raise taxes."),
        ("TOKYO — The central bank will meet.", "The central bank will meet."),
        ("(AP) — The senator will run.", "The senator will run."),
        ("WASHINGTON (AP) — The House will vote.", "The House will vote."),
        ("SAN FRANCISCO, Calif. (Reuters) – Shares rose.", "Shares rose."),
        ("BEIJING, Jan. 5 (Xinhua) -- China will open.", "China will open."),
        ("KYIV, Ukraine (AP) — Russia said.", "Russia said."),
        ("Nairobi (AFP) - Kenya will vote.", "Kenya will vote."),
        # an old wire dateline with no dash: capitals and a date
        ("LUSAKA Oct 15 Zambia's main union said.", "Zambia's main union said."),
    ],
)
def test_a_dateline_is_taken_off_the_line(line: str, rest: str) -> None:
    """'CITY[, Month D] [(Agency)] -' at the start of a paragraph goes; the sentence stays."""
    assert strip_dateline(line) == rest


@pytest.mark.parametrize(
    "line",
    [
        "U.S. - China talks will resume next week.",
        "NASA will launch the probe in May.",
        "By March, the bank will cut rates.",
        "A - the first item of a list",
        "OPEC May 5 meeting will go ahead.",
    ],
)
def test_text_that_only_looks_like_a_dateline_stays(line: str) -> None:
    """Acronyms, a leading 'By <month>,' clause and list markers are text, not datelines."""
    assert strip_dateline(line) == line
    assert not is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Additional reporting by Li Wei in Beijing",
        "By Ursula Maria von Halden and Ahmed bin Rashid",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ],
)
def test_credit_lines_are_dropped_whole(line: str) -> None:
    """Bylines and reporting credits are removed, leaving an empty line in their place."""
    assert strip_datelines(f"Text.\n{line}\nMore.") == "Text.\n\nMore."


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("12.54pm: The defence budget will rise.", "The defence budget will rise."),
        ("13:25 - The allowance will be raised.", "The allowance will be raised."),
        ("0005 – The league has announced nine deals.", "The league has announced nine deals."),
        ("10:30 a.m. ET: Stocks opened higher.", "Stocks opened higher."),
    ],
)
def test_a_live_blog_time_stamp_is_not_text(line: str, rest: str) -> None:
    """'12.54pm: ...', '13:25 - ...': the entry's time stamp goes, the entry stays."""
    assert strip_dateline(line) == rest


def test_a_year_opening_a_line_stays() -> None:
    """'2023 – the year ...' is text, not a time stamp."""
    assert (
        strip_dateline("2023 – The year the bank cut rates.")
        == "2023 – The year the bank cut rates."
    )


@pytest.mark.parametrize(
    ("line", "text"),
    [("Pakyong, November 20 : Following a win, India will play.", "Following a win, India will play."),
     ("SAN FRANCISCO, March 1, 2017 /PRNewswire/ -- Acme will launch.", "Acme will launch."),
     ("WASHINGTON, Sept. 12, 2023 — The Senate will vote.", "The Senate will vote."),
     ("Washington, D.C., March 1, 2017 -- Acme will", "Acme will"),
     ("In May, 2024 - prices rose", "In May, 2024 - prices rose")],
)  # fmt: skip
def test_more_dateline_forms(line: str, text: str) -> None:
    """A title-case place with its date, a year after the date, a press wire between slashes;
    a sentence that merely opens with a month stays."""
    assert strip_dateline(line) == text
