"""The fetcher's keep-alive connections: every one comes back, nothing waits for ever."""

from __future__ import annotations

import asyncio
import http.server
import ipaddress
import shutil
import socketserver
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest

from forecasts.config import FetchSettings
from forecasts.feeds import connections
from forecasts.feeds.fetch import Fetcher, FetchResult
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


def _tls_server(tmp: Path, name: str) -> tuple[http.server.ThreadingHTTPServer, Path, list[str]]:
    """An https server on 127.0.0.1 whose self-signed certificate is for ``name``; it records
    the SNI name of every handshake."""
    cert, key = tmp / f"{name}.pem", tmp / f"{name}.key"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"]
    command += ["-addext", f"subjectAltName=DNS:{name}"]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
    )
    body = make_rss(2)
    names: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.headers.get("If-None-Match") == '"v"':
                self.send_response(304)
                self.send_header("Content-Length", "0")
            else:
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", '"v"')
            self.end_headers()
            if self.headers.get("If-None-Match") != '"v"':
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, sni, _ctx: names.append(sni or "")  # type: ignore[assignment,func-returns-value]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, cert, names


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_https_checks_the_certificate_against_the_name_while_connecting_to_the_checked_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection goes to the address the guard checked, but TLS (SNI and the certificate
    check) uses the feed's host name: a certificate for that name passes and its connection is
    reused; one for another name, or an untrusted one, is a connection failure."""
    server, cert, names = _tls_server(tmp_path, "feeds.test")
    other_server, other, _ = _tls_server(tmp_path, "other.test")

    async def resolve(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ipaddress.IPv4Address("127.0.0.1")]

    monkeypatch.setattr(connections, "resolve", resolve)
    url = f"https://feeds.test:{server.server_address[1]}/f.xml"
    fetch = FetchSettings(allowed_networks=["127.0.0.1/32"])

    async def run(cafile: Path | None) -> list[FetchResult]:
        if cafile is not None:
            trusted = ssl.create_default_context(cafile=str(cafile))
            monkeypatch.setattr(connections, "tls_context", lambda: trusted)
        async with Fetcher(fetch) as f:
            return [await f.fetch(url), await f.fetch(url, etag='"v"')]

    try:
        ok = asyncio.run(run(cert))
        assert [r.status for r in ok] == [200, 304] and ok[0].body == make_rss(2)
        assert names == ["feeds.test"]  # one handshake: the 304 reused the connection
        wrong = asyncio.run(run(other))[0]  # trusted, but for another name
        assert wrong.outcome == "error" and "certificate" in wrong.error.lower(), wrong.error
        monkeypatch.setattr(connections, "tls_context", connections.httpx.create_ssl_context)
        untrusted = asyncio.run(run(None))[0]
        assert untrusted.outcome == "error" and "certificate" in untrusted.error.lower()
    finally:
        for s in (server, other_server):
            s.shutdown()
            s.server_close()


def test_a_kept_connection_the_server_dropped_is_retried_once_on_a_new_one() -> None:
    """A server may close an idle keep-alive connection just as it is reused: the request then
    goes once more on a fresh connection instead of failing the feed."""
    body = make_rss(1)
    connections_seen: list[int] = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            connections_seen.append(self.client_address[1])
            for n in range(2):
                while self.rfile.readline() not in (b"\r\n", b""):
                    pass  # the request's head; a GET has no body
                if n == 1:
                    return  # the second request on this connection: closed unanswered
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n"
                self.wfile.write(head.encode() + body)
                self.wfile.flush()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/f.xml"
    fetch = FetchSettings(allowed_networks=["127.0.0.1/32"], max_connections=1)

    async def run() -> list[FetchResult]:
        async with Fetcher(fetch) as f:
            return [await f.fetch(url), await f.fetch(url)]

    try:
        results = asyncio.run(run())
    finally:
        server.shutdown()
        server.server_close()
    assert [(r.outcome, r.body) for r in results] == [("ok", body), ("ok", body)], results
    assert len(connections_seen) == 2
