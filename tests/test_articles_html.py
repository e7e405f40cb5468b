"""HTML pages: main text through trafilatura, with title, outlet and date from the markup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from forecasts.articles.html import extract_html, looks_like_html

DATA = Path(__file__).resolve().parent / "data" / "articles"


def test_main_text_title_outlet_and_date_come_from_the_page() -> None:
    doc = extract_html((DATA / "fed-holds-rates.html").read_bytes())
    assert doc.title == "Fed holds rates steady, signals cuts later this year"
    assert doc.outlet == "The Daily Ledger"
    assert doc.published == date(2024, 3, 20)
    assert doc.url == "https://ledger.example.com/markets/2024/03/20/fed-holds-rates"
    assert "expect to cut rates three times before the end of the year" in doc.text


def test_navigation_cookie_banners_and_footers_are_dropped() -> None:
    text = extract_html((DATA / "fed-holds-rates.html").read_bytes()).text
    for junk in ("Subscribe now", "cookies", "Privacy policy", "All rights reserved"):
        assert junk not in text


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    text = extract_html((DATA / "fed-holds-rates.html").read_bytes()).text
    assert "\n\nChair Jerome Powell" in text


def test_a_page_without_an_article_has_little_or_no_text() -> None:
    assert len(extract_html((DATA / "no-article.html").read_bytes()).text) < 80


def test_html_is_sniffed_from_its_first_bytes() -> None:
    assert looks_like_html(b"\n  <!DOCTYPE html><html>")
    assert looks_like_html(b"<html lang='en'>")
    assert not looks_like_html(b"Plain text that mentions <html> later")
