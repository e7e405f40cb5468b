"""Which addresses a remote feed may connect to (server-side request forgery guard).

A feed URL is untrusted input: ``http://169.254.169.254/`` reads cloud credentials and
``http://localhost:6379/`` talks to a local database. So every host is resolved here (in a
thread: getaddrinfo blocks), every address it resolves to is checked, and the fetcher then
connects to the checked address itself, with the original name kept for
the Host header and TLS (SNI and certificate checks). A name that resolves differently a second
time (DNS rebinding) therefore cannot slip through, and spellings such as ``0x7f.1``,
``2130706433`` or ``[::ffff:127.0.0.1]`` are caught because the resolver's answer is checked, not
the URL text. The same check runs on every redirect hop. The client that does all this for
every request is ``connections.Connections``.

``fetch.allowed_networks`` opens private addresses narrowly: a network (any port), a host (a
name or an address, any port) or a host:port. And once a hop of a request has reached a public
address, no later redirect hop may reach a non-public one, whatever is allowed: an allowance
is for feeds you configured on your own network, not for any server on the internet that
redirects into it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from forecasts.errors import BlockedAddressError

if TYPE_CHECKING:  # config validates allowed_networks with parse_allowance from here
    from forecasts.config import FetchSettings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_HOST = re.compile(r"[A-Za-z0-9._:-]+")


def _plain_ip(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden inside an IPv4-mapped (::ffff:a.b.c.d) IPv6 address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


@dataclass(frozen=True, slots=True)
class Allowance:
    """One ``fetch.allowed_networks`` entry: a network (any port), or a host (a name or an
    address) with an optional port. ``10.1.0.0/16``, ``10.1.2.3``, ``10.1.2.3:8080``,
    ``feeds.intranet``, ``feeds.intranet:8443``, ``[fd00::5]:8080``."""

    network: IPNetwork | None = None
    host: str = ""  # a lower-case name or an address; "" for a network entry
    port: int | None = None

    def permits(self, host: str, port: int, ip: IPAddress) -> bool:
        if self.port is not None and port != self.port:
            return False
        if self.network is not None:
            return ip.version == self.network.version and ip in self.network
        return self.host in (host.lower().strip("[]"), str(ip))


def parse_allowance(entry: str) -> Allowance:
    """An Allowance from its config text; ValueError naming the accepted forms otherwise."""
    text = entry.strip()
    if "/" in text:
        try:
            return Allowance(network=ipaddress.ip_network(text, strict=False))
        except ValueError:
            pass
    else:
        host, port = text, None
        if text.startswith("["):  # [v6]:port or [v6]
            inside, _, rest = text[1:].partition("]")
            host = inside
            if rest.startswith(":") and rest[1:].isdigit():
                port = int(rest[1:])
            elif rest:
                host = ""
        elif text.count(":") == 1:  # name:port or v4:port
            host, _, digits = text.partition(":")
            port = int(digits) if digits.isdigit() else -1
        with suppress(ValueError):
            host = str(ipaddress.ip_address(host))
        if host and _HOST.fullmatch(host) and (port is None or 0 < port < 65536):
            return Allowance(host=host.lower(), port=port)
    raise ValueError(
        f"{entry!r} is not a network (10.1.0.0/16), host (feeds.intranet, 10.1.2.3) or "
        "host:port (10.1.2.3:8080, [fd00::5]:8080)"
    )


def allowances(fetch: FetchSettings) -> list[Allowance]:
    return [parse_allowance(entry) for entry in fetch.allowed_networks]


def networks(fetch: FetchSettings) -> list[IPNetwork]:
    """The network entries of ``fetch.allowed_networks`` (port-free, host-free ones)."""
    return [a.network for a in allowances(fetch) if a.network is not None]


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


def is_public(ip: IPAddress) -> bool:
    """An address anyone may connect to, needing no allowance."""
    return blocked_reason(ip, (), False) == ""


def refusal(host: str, port: int, ip: IPAddress, fetch: FetchSettings, *, public_only: bool) -> str:
    """Why this request may not connect to ``ip``, or "" when it may.

    ``public_only`` is set on a redirect hop once any earlier hop reached a public address: a
    public server must never be able to send us into a private network, allowed or not, so
    allowances and the switch do not apply then."""
    reason = blocked_reason(ip, (), False)
    if not reason:
        return ""
    if public_only:
        return f"{reason}, reached by a redirect from a public address"
    if fetch.allow_private_networks:
        return ""
    plain = _plain_ip(ip)
    if any(a.permits(host, port, plain) for a in allowances(fetch)):
        return ""
    return reason


async def resolve_checked(
    host: str, port: int, fetch: FetchSettings, *, public_only: bool = False
) -> str:
    """Resolve ``host`` and return an address it may connect to, or raise BlockedAddressError.

    Every address the name resolves to must pass: a name that mixes public and private
    answers is refused rather than left to chance.
    """
    return check_addresses(host, port, await resolve(host, port), fetch, public_only=public_only)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (getaddrinfo, in a thread: it blocks)."""
    try:
        infos = await asyncio.to_thread(
            socket.getaddrinfo, host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise httpx.ConnectError(f"cannot resolve host '{host}': {exc}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:  # drop an IPv6 zone id above; an empty answer is no answer
        raise httpx.ConnectError(f"cannot resolve host '{host}'")
    return addresses


def check_addresses(
    host: str, port: int, addresses: list[IPAddress], fetch: FetchSettings, *, public_only: bool
) -> str:
    """The first of ``addresses`` if every one of them may be connected to, else refuse."""
    for ip in addresses:
        reason = refusal(host, port, ip, fetch, public_only=public_only)
        if reason:
            hint = (
                ""
                if public_only
                else "; set fetch.allowed_networks or fetch.allow_private_networks to allow it"
            )
            raise BlockedAddressError(
                f"refused: {host} resolves to non-public address {ip} ({reason}){hint}"
            )
    return str(addresses[0])
