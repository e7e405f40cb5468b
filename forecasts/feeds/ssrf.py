"""Which addresses a remote feed may connect to (server-side request forgery guard).

A feed URL is untrusted input: ``http://169.254.169.254/`` reads cloud credentials and
``http://localhost:6379/`` talks to a local database. So every host is resolved here (in a
thread: getaddrinfo blocks), every address it resolves to is checked, and the fetcher then
connects to the checked address itself (``GuardedTransport``), with the original name kept for
the Host header and TLS (SNI and certificate checks). A name that resolves differently a second
time (DNS rebinding) therefore cannot slip through, and spellings such as ``0x7f.1``,
``2130706433`` or ``[::ffff:127.0.0.1]`` are caught because the resolver's answer is checked, not
the URL text. The same check runs on every redirect hop.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpx

from forecasts.config import FetchSettings
from forecasts.errors import BlockedAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def _plain_ip(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden inside an IPv4-mapped (::ffff:a.b.c.d) IPv6 address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def networks(fetch: FetchSettings) -> list[IPNetwork]:
    return [ipaddress.ip_network(cidr, strict=False) for cidr in fetch.allowed_networks]


def blocked_reason(ip: IPAddress, allowed: Iterable[IPNetwork], allow_private: bool) -> str:
    """Why ``ip`` may not be connected to, or "" when it may."""
    ip = _plain_ip(ip)
    if allow_private or any(ip in net for net in allowed if ip.version == net.version):
        return ""
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a reserved address"
    return ""


async def resolve_checked(host: str, port: int, fetch: FetchSettings) -> str:
    """Resolve ``host`` and return an address it may connect to, or raise BlockedAddressError.

    Every address the name resolves to must pass: a name that mixes public and private
    answers is refused rather than left to chance.
    """
    try:
        infos = await asyncio.to_thread(
            socket.getaddrinfo, host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise httpx.ConnectError(f"cannot resolve host '{host}': {exc}") from exc
    allowed = networks(fetch)
    addresses: list[IPAddress] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        ip = ipaddress.ip_address(address)
        reason = blocked_reason(ip, allowed, fetch.allow_private_networks)
        if reason:
            raise BlockedAddressError(
                f"refused: {host} resolves to non-public address {ip} ({reason}); set "
                "fetch.allowed_networks or fetch.allow_private_networks to allow it"
            )
        addresses.append(ip)
    if not addresses:
        raise httpx.ConnectError(f"cannot resolve host '{host}'")
    return str(addresses[0])


class GuardedTransport(httpx.AsyncBaseTransport):
    """Resolve and check the host of every request, then connect to that checked address."""

    def __init__(self, fetch: FetchSettings, **transport_options: Any) -> None:
        self._fetch = fetch
        self._inner = httpx.AsyncHTTPTransport(**transport_options)
        # Checked answers, kept for this transport's life (one poll): many feeds share a host.
        # Safe against rebinding because we connect to the cached, checked address itself.
        self._resolved: dict[tuple[str, int], str] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in ("http", "https"):
            raise BlockedAddressError(f"refused: scheme '{url.scheme}' (only http and https)")
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        address = self._resolved.get((host, port))
        if address is None:
            address = await resolve_checked(host, port, self._fetch)
            self._resolved[(host, port)] = address
        # Connect to the address we checked; Host header and TLS keep using the name.
        request.url = url.copy_with(host=address)
        if "host" not in request.headers:
            request.headers["Host"] = url.netloc.decode("ascii")
        if url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": host}
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
