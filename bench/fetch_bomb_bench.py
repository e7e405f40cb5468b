"""Peak memory of fetching a gzip bomb as an article page (issue 17, item 1).

    python bench/fetch_bomb_bench.py [INFLATED_MB]

Serves one gzip response that inflates to INFLATED_MB (default 1000) of zeros from a local
server in a child process, fetches it with ``forecasts.articles.fetch.fetch_page`` under the
default 10 MB cap, and prints the refusal and this process's peak RSS (ru_maxrss) before and
after the fetch.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import socket
import sys
import time
import zlib

from forecasts.articles.fetch import fetch_page
from forecasts.config import Settings
from forecasts.errors import FetchError


def _serve(sock: socket.socket, body: bytes) -> None:
    while True:
        conn, _ = sock.accept()
        with conn:
            conn.recv(65536)
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            )
            with contextlib.suppress(OSError):
                conn.sendall(head.encode() + body)


def _bomb(megabytes: int) -> bytes:
    """Gzip of ``megabytes`` MB of zeros, built a megabyte at a time (small in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * 1_000_000
    parts = [packer.compress(zeros) for _ in range(megabytes)]
    return b"".join(parts) + packer.flush()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    inflated = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    body = _bomb(inflated)
    sock = socket.create_server(("127.0.0.1", 0))
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(sock, body), daemon=True
    )
    server.start()
    del body
    settings = Settings(fetch={"allowed_networks": ["127.0.0.1/32"]})
    before = _rss_mb()
    started = time.perf_counter()
    try:
        fetch_page(f"http://127.0.0.1:{sock.getsockname()[1]}/bomb", settings)
        print("fetched without refusal (unexpected)")
    except FetchError as exc:
        print(f"refused: {exc}")
    print(
        f"{inflated} MB bomb ({settings.extraction.max_input_bytes:,}-byte cap): "
        f"peak RSS {before:.0f} MB before the fetch, {_rss_mb():.0f} MB after, "
        f"{time.perf_counter() - started:.2f} s"
    )
    server.terminate()


if __name__ == "__main__":
    main()
