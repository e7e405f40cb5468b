"""The fetcher's keep-alive connections: every one comes back, nothing waits for ever."""

from __future__ import annotations

import asyncio
import time

from forecasts.config import FetchSettings
from forecasts.feeds.fetch import Fetcher
from tests.feedserver import FeedServer, make_rss


def test_concurrent_requests_all_complete_and_every_connection_comes_back() -> None:
    """Many requests at once all complete, connections are reused across rounds, and after
    200s, 304s, errors and refusals no connection is left in use and no more than
    max_connections are kept."""
    connections = 12
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
                pool = f._connections
                rounds = []
                for etag in ("", '"v"'):
                    calls = [f.fetch(server.url("/f.xml"), etag=etag) for _ in range(connections)]
                    calls += [f.fetch(server.url("/gone")), f.fetch("http://[::1]:1/x.xml")]
                    rounds.append(await asyncio.gather(*calls))
                return rounds, pool.in_use(), pool.idle()

        rounds, busy, idle = asyncio.run(run())
    assert [r.status for r in rounds[0][:connections]] == [200] * connections
    assert [r.status for r in rounds[1][:connections]] == [304] * connections
    assert rounds[0][-2].status == 500 and "refused" in rounds[0][-1].error
    assert busy == 0 and 0 < idle <= connections
    assert len(ports) <= connections + 1  # the second round reused the first round's connections
