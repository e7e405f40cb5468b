"""An article's outlet is its publisher, never the feed's name (forecasts.articles.outlet)."""

from __future__ import annotations

import pytest

from forecasts.articles.outlet import outlet_of


@pytest.mark.parametrize(
    ("source", "site", "link", "outlet"),
    [
        ("Associated Press", "AP News", "https://apnews.com/a", "Associated Press"),
        ("", "Reuters", "https://www.reuters.com/world/x", "Reuters"),
        ("", "", "https://www.reuters.com/world/x", "reuters.com"),
        ("", "", "https://apnews.com/article/yellen", "apnews.com"),
        ("  The  Japan Times ", "", "", "The Japan Times"),
        ("", "", "not a link", ""),
    ],
)
def test_the_source_then_the_site_name_then_the_domain(
    source: str, site: str, link: str, outlet: str
) -> None:
    """The item's <source>, else the page's site name, else the link's domain ("www." dropped)."""
    assert outlet_of(source, site, link) == outlet
