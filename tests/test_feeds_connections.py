"""The fetcher's split connection pools: every place comes back, nothing waits for ever."""

from __future__ import annotations

import asyncio
import time

from forecasts.config import FetchSettings
from forecasts.feeds.connections import POOL_SIZE, PooledTransport
from forecasts.feeds.fetch import Fetcher
from tests.feedserver import FeedServer, make_rss


def test_concurrent_requests_fill_every_pool_and_all_places_come_back() -> None:
    """More requests at once than one pool holds all complete (the least busy pool takes
    each), connections are reused across rounds, and after 200s, 304s, errors and refusals
    every pool has no request in flight."""
    connections = 3 * POOL_SIZE
    with FeedServer() as server:
        body = make_rss(2)
        ports: set[int] = set()

        def slow(h):  # type: ignore[no-untyped-def]
            ports.add(h.client_address[1])
            time.sleep(0.05)  # all requests of a round overlap
            if h.headers.get("If-None-Match") == '"v"':
                h.reply(304, b"", "", {"ETag": '"v"'})
            else:
                h.reply(200, body, headers={"ETag": '"v"'})

        server.route("/f.xml", slow)
        server.status("/gone", 500, b"oops")
        fetch = FetchSettings(
            allowed_networks=["127.0.0.1/32"],
            max_connections=connections,
            max_per_host=connections,
        )

        async def run():  # type: ignore[no-untyped-def]
            async with Fetcher(fetch) as f:
                transport = f._client._transport._inner  # type: ignore[attr-defined]
                assert isinstance(transport, PooledTransport) and len(transport._pools) == 3
                rounds = []
                for etag in ("", '"v"'):
                    calls = [f.fetch(server.url("/f.xml"), etag=etag) for _ in range(connections)]
                    calls += [f.fetch(server.url("/gone")), f.fetch("http://[::1]:1/x.xml")]
                    rounds.append(await asyncio.gather(*calls))
                return rounds, list(transport._busy)

        rounds, busy = asyncio.run(run())
    assert [r.status for r in rounds[0][:connections]] == [200] * connections
    assert [r.status for r in rounds[1][:connections]] == [304] * connections
    assert rounds[0][-2].status == 500 and "refused" in rounds[0][-1].error
    assert busy == [0, 0, 0]
    assert len(ports) <= connections + 1  # the second round reused the first round's connections
