"""Items: canonical links and dedup keys that survive polls and degrade per feed."""

from __future__ import annotations

from forecasts.feeds.items import canonical_link, content_hash, key_entries
from forecasts.feeds.parse import ParsedEntry


def entry(title: str = "t", link: str = "", guid: str = "", summary: str = "s") -> ParsedEntry:
    return ParsedEntry(
        title=title, link=link, summary=summary, published=None, guid=guid, author=""
    )


def test_tracking_parameters_fragments_and_default_ports_are_removed() -> None:
    assert (
        canonical_link("HTTPS://News.Example.org:443/a/b?id=7&utm_source=rss&fbclid=x&gclid=y#top")
        == "https://news.example.org/a/b?id=7"
    )
    assert canonical_link("http://example.org") == "http://example.org/"
    assert (
        canonical_link("http://example.org:8080/x?b=2&a=1") == "http://example.org:8080/x?b=2&a=1"
    )


def test_non_http_links_are_dropped() -> None:
    """Only http(s) links are kept: urn:, javascript:, data: and file: links are never stored."""
    for link in ("urn:uuid:1234", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"):
        assert canonical_link(link) == ""
    assert canonical_link("") == ""


def test_guid_then_link_then_hash() -> None:
    keyed = key_entries(
        [entry(guid="g1", link="https://x/1"), entry(link="https://x/2"), entry("only text")]
    )
    assert [k.dedup_key.split(":")[0] for k in keyed] == ["guid", "link", "hash"]


def test_repeated_guids_fall_back_to_links_and_repeated_links_to_hashes() -> None:
    keyed = key_entries(
        [
            entry("a", "https://x/same", guid="same"),
            entry("b", "https://x/same", guid="same"),
            entry("c", "https://x/c", guid="same"),
        ]
    )
    assert [k.dedup_key.split(":")[0] for k in keyed] == ["hash", "hash", "link"]


def test_exact_repeats_in_one_document_are_dropped() -> None:
    assert len(key_entries([entry("a", guid="g"), entry("a", guid="g")])) == 1


def test_long_keys_are_hashed_to_fit() -> None:
    key = key_entries([entry(guid="g" * 500)])[0].dedup_key
    assert key.startswith("guid#sha256:") and len(key) <= 200


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Hello  World", "x") == content_hash("hello world", " x ")
