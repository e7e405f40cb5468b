"""SSRF guard: the resolved address decides, in any spelling, unless the config allows it."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from forecasts.config import FetchSettings
from forecasts.errors import BlockedAddressError
from forecasts.feeds.ssrf import blocked_reason, resolve_checked


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("fc00::1", "private"),
    ],
)
def test_non_public_addresses_are_blocked(address: str, reason: str) -> None:
    assert reason in blocked_reason(ipaddress.ip_address(address), [], False)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(ipaddress.ip_address(address), [], False) == ""


def test_the_allowlist_and_the_switch_open_private_networks() -> None:
    ip = ipaddress.ip_address("10.1.2.3")
    assert blocked_reason(ip, [ipaddress.ip_network("10.1.0.0/16")], False) == ""
    assert blocked_reason(ip, [ipaddress.ip_network("10.2.0.0/16")], False) != ""
    assert blocked_reason(ip, [], True) == ""


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "0x7f.1", "2130706433", "127.1", "::ffff:127.0.0.1"]
)
def test_resolved_spellings_of_loopback_are_refused(host: str) -> None:
    """The resolver's answer is checked, so tricks in the URL text do not help."""
    with pytest.raises(BlockedAddressError, match="loopback"):
        asyncio.run(resolve_checked(host, 80, FetchSettings()))


def test_an_allowed_network_resolves_to_the_checked_address() -> None:
    fetch = FetchSettings(allowed_networks=["127.0.0.0/8"])
    assert asyncio.run(resolve_checked("127.0.0.1", 80, fetch)) == "127.0.0.1"
