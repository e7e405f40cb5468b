"""`fetch.allowed_networks` opens private addresses narrowly (host, host:port or network), and a
redirect from a public address never reaches a private one (issue 17, item 4)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterator

import pytest

import forecasts.feeds.ssrf as ssrf
from forecasts.config import FetchSettings, Settings
from forecasts.errors import ConfigError
from forecasts.feeds.fetch import Fetcher, FetchResult
from forecasts.feeds.ssrf import parse_allowance
from tests.feedserver import FeedServer, make_rss


def _fetch(url: str, fetch: FetchSettings) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(fetch) as f:
            return await f.fetch(url)

    return asyncio.run(run())


@pytest.fixture
def two() -> Iterator[tuple[FeedServer, FeedServer]]:
    with FeedServer() as a, FeedServer() as b:
        a.feed("/f.xml", make_rss(1))
        b.feed("/f.xml", make_rss(1))
        yield a, b


def test_a_host_port_entry_allows_that_port_only(two: tuple[FeedServer, FeedServer]) -> None:
    """127.0.0.1:PORT_A lets a feed on port A through; the same host on port B is refused."""
    a, b = two
    fetch = FetchSettings(allowed_networks=[f"127.0.0.1:{a.port}"])
    assert _fetch(a.url("/f.xml"), fetch).outcome == "ok"
    refused = _fetch(b.url("/f.xml"), fetch)
    assert refused.outcome == "error" and "refused" in refused.error
    assert not b.hits


def test_host_and_network_entries_allow_every_port(two: tuple[FeedServer, FeedServer]) -> None:
    """A bare address or a network still allows any port of it."""
    a, b = two
    for entry in ("127.0.0.1", "127.0.0.0/8"):
        fetch = FetchSettings(allowed_networks=[entry])
        assert _fetch(a.url("/f.xml"), fetch).outcome == "ok"
        assert _fetch(b.url("/f.xml"), fetch).outcome == "ok"


def test_an_allowed_port_is_not_reachable_by_a_redirect_from_another(
    two: tuple[FeedServer, FeedServer],
) -> None:
    """Allowed 127.0.0.1:A only: a feed on A redirecting to port B is refused at B."""
    a, b = two
    a.redirect("/go", b.url("/f.xml"), status=302)
    result = _fetch(a.url("/go"), FetchSettings(allowed_networks=[f"127.0.0.1:{a.port}"]))
    assert result.outcome == "error" and "refused" in result.error
    assert not b.hits


@pytest.mark.parametrize("allow", [["127.0.0.1/32"], ["127.0.0.1"], []], ids=str)
def test_a_redirect_from_a_public_address_never_reaches_a_private_one(
    monkeypatch: pytest.MonkeyPatch, allow: list[str]
) -> None:
    """A public server (here 127.0.0.2, classed public at the one edge that classifies
    addresses) redirecting to an allowed private feed is refused, allowed or not, switch on too."""
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.2", 0))
    except OSError:
        pytest.skip("127.0.0.2 is not available here")
    real = ssrf.blocked_reason

    def classify(ip, allowed, allow_private):  # type: ignore[no-untyped-def]
        if ip == ipaddress.ip_address("127.0.0.2"):
            return ""  # stands for a public address on the internet
        return real(ip, allowed, allow_private)

    monkeypatch.setattr(ssrf, "blocked_reason", classify)
    with FeedServer() as private, FeedServer(host="127.0.0.2") as outside:
        private.feed("/f.xml", make_rss(1))
        outside.redirect("/go", private.url("/f.xml"), status=302)
        for switch in (False, True):
            fetch = FetchSettings(allowed_networks=allow, allow_private_networks=switch)
            assert _fetch(private.url("/f.xml"), fetch).outcome == (
                "ok" if allow or switch else "error"
            )
            hits = len(private.hits)
            result = _fetch(outside.url("/go", host="127.0.0.2"), fetch)
            assert result.outcome == "error", result
            assert "redirect from a public address" in result.error
            assert len(private.hits) == hits  # never reached


@pytest.mark.parametrize(
    ("entry", "host", "port", "ip", "allowed"),
    [
        ("feeds.intranet", "feeds.intranet", 80, "10.0.0.5", True),
        ("feeds.intranet", "other.intranet", 80, "10.0.0.5", False),
        ("feeds.intranet:8443", "feeds.intranet", 8443, "10.0.0.5", True),
        ("feeds.intranet:8443", "feeds.intranet", 6379, "10.0.0.5", False),
        ("10.0.0.5", "any.name", 22, "10.0.0.5", True),
        ("10.0.0.5:8080", "any.name", 22, "10.0.0.5", False),
        ("[fd00::5]:8080", "x", 8080, "fd00::5", True),
        ("10.0.0.0/24", "x", 1, "10.0.0.200", True),
        ("10.0.0.0/24", "x", 1, "10.0.1.1", False),
    ],
)
def test_allowance_entries(entry: str, host: str, port: int, ip: str, allowed: bool) -> None:
    """Each entry form matches what it names and nothing more."""
    assert parse_allowance(entry).permits(host, port, ipaddress.ip_address(ip)) is allowed


@pytest.mark.parametrize("entry", ["10.0.0.0/33", "host:port", "a b", "x:99999", "[::1]junk"])
def test_bad_entries_are_config_errors(entry: str) -> None:
    """A malformed entry is refused when the settings load, naming the accepted forms."""
    with pytest.raises((ValueError, ConfigError), match="host:port"):
        Settings(fetch={"allowed_networks": [entry]})
