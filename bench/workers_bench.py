"""Throughput of 1, 2 and 4 workers sharing 2,000 local feeds on one PostgreSQL database.

Each worker is a process running the daemon's poll job (``forecasts.jobs.poll.poll_feeds``, with the
lease hooks of ``forecasts.scale.shares``) until no feed is due. Workers import and connect
first, then all start together; the time from the start to the last worker's exit is the wall
time of one cycle over the 2,000 feeds. Each count gets a fresh database (migrated, feeds
subscribed) so every run polls the same 2,000 due feeds. Figures: median over --repeat runs.

Feeds are served by a local HTTP server on 127.0.0.1 that holds each answer ``--delay``
seconds (network latency; 0 serves at once), or read from files with ``--files``.

    python bench/workers_bench.py                 # starts a throw-away server (.ci/postgres.sh)
    python bench/workers_bench.py --url postgresql+psycopg://forecasts:pw@127.0.0.1:5432/forecasts
"""

from __future__ import annotations

import argparse
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import sqlalchemy as sa  # noqa: E402

ITEMS = 5


def rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} story {j}: the minister will visit the port next month</title>"
        f"<link>https://news.example.org/{n}/{j}</link><guid>f{n}-{j}</guid>"
        f"<description>Officials said the visit is expected in the spring.</description>"
        f"<pubDate>Mon, 02 Nov 2026 0{j}:00:00 GMT</pubDate></item>"
        for j in range(ITEMS)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"<link>https://news.example.org/{n}</link>{items}</channel></rss>"
    ).encode()


def serve(delay: float) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(delay)
            n = int(self.path.strip("/").split(".")[0].removeprefix("f"))
            body = rss(n)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 512
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def write_config(
    root: Path, db_url: str, feed_urls: list[str], chunk: int, parse_processes: int
) -> Path:
    feeds = "".join(
        f'[[feeds]]\nname = "f{i:04d}"\nurl = "{url}"\ninterval_minutes = 60\nextract_claims = false\n\n'
        for i, url in enumerate(feed_urls)
    )
    path = root / "config.toml"
    path.write_text(
        f'database_url = "{db_url}"\nlog_level = "WARNING"\n\n'
        "[fetch]\nallow_private_networks = true\nmax_per_host = 20\nmax_connections = 20\n"
        f"parse_processes = {parse_processes}\n\n"
        f"[scale]\nfeed_chunk = {chunk}\n\n" + feeds,
        encoding="utf-8",
    )
    return path


def worker(config: str, go: str) -> None:
    """One worker: import and connect, wait for the start signal, poll until nothing is due."""
    from forecasts.clock import SystemClock
    from forecasts.config import load_settings
    from forecasts.db import open_database
    from forecasts.jobs.poll import poll_feeds

    settings = load_settings(config)
    engine = open_database(settings.resolved_database_url(), migrate_schema=False)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.005)
    summary = poll_feeds(engine, settings, SystemClock())
    print(f"polled {summary.polled} errors {summary.errors}", flush=True)
    engine.dispose()


def one_run(
    server_url: str, workers: int, feed_urls: list[str], chunk: int, parse_processes: int
) -> dict[str, float]:
    from forecasts.clock import SystemClock
    from forecasts.config import load_settings
    from forecasts.db import open_database
    from forecasts.jobs.poll import sync_config_feeds

    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"forecasts_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db_url = sa.engine.make_url(server_url).set(database=name).render_as_string(False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = write_config(Path(tmp), db_url, feed_urls, chunk, parse_processes)
            engine = open_database(db_url)
            sync_config_feeds(engine, load_settings(config), SystemClock())
            go = Path(tmp) / "go"
            env = {k: v for k, v in os.environ.items() if not k.startswith("FORECASTS_")}
            env["PYTHONPATH"] = str(REPO)
            procs = [
                subprocess.Popen(
                    [sys.executable, __file__, "--worker", str(config), str(go)],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for _ in range(workers)
            ]
            for p in procs:
                assert p.stdout is not None
                assert p.stdout.readline().strip() == "ready"
            start = time.perf_counter()
            go.touch()
            outs = [p.communicate(timeout=600)[0] for p in procs]
            wall = time.perf_counter() - start
            polled = Counter[int]()
            for i, out in enumerate(outs):
                words = out.split()
                polled[i] = int(words[words.index("polled") + 1]) if "polled" in words else 0
            with engine.connect() as conn:
                done = conn.exec_driver_sql(
                    "SELECT count(*) FROM feed WHERE last_poll_at IS NOT NULL"
                ).scalar_one()
            engine.dispose()
            if done != len(feed_urls) or sum(polled.values()) != len(feed_urls):
                raise SystemExit(f"lost or doubled work: {done} feeds polled, workers {polled}")
            return {"wall": wall, **{f"worker{i}": float(n) for i, n in polled.items()}}
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="PostgreSQL URL of a role with CREATEDB (default: start one)")
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.02, help="seconds per HTTP answer")
    parser.add_argument("--files", action="store_true", help="file:// feeds instead of HTTP")
    parser.add_argument("--chunk", type=int, default=200, help="scale.feed_chunk")
    parser.add_argument(
        "--parse-processes", type=int, default=1, help="fetch.parse_processes (0: one per CPU)"
    )
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    pg_dir = None
    url = args.url
    if not url:
        pg_dir = tempfile.mkdtemp(prefix="workers-bench-")
        url = subprocess.run(
            [str(REPO / ".ci" / "postgres.sh"), "start", pg_dir],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    server = None
    try:
        with tempfile.TemporaryDirectory() as feeds_dir:
            if args.files:
                for n in range(args.feeds):
                    (Path(feeds_dir) / f"f{n}.xml").write_bytes(rss(n))
                feed_urls = [f"file://{feeds_dir}/f{n}.xml" for n in range(args.feeds)]
                source = "files"
            else:
                server, base = serve(args.delay)
                feed_urls = [f"{base}/f{n}.xml" for n in range(args.feeds)]
                source = f"HTTP, {args.delay * 1000:.0f} ms per answer"
            print(
                f"{args.feeds} feeds ({source}), chunk {args.chunk}, "
                f"parse_processes {args.parse_processes}, "
                f"median of {args.repeat} runs, {os.cpu_count()} CPUs"
            )
            print(f"{'workers':>7} {'wall s':>8} {'feeds/s':>8} {'speed-up':>8}  feeds per worker")
            base_rate = None
            for count in [int(x) for x in args.workers.split(",")]:
                runs = [
                    one_run(url, count, feed_urls, args.chunk, args.parse_processes)
                    for _ in range(args.repeat)
                ]
                wall = statistics.median(r["wall"] for r in runs)
                rate = args.feeds / wall
                base_rate = base_rate or rate
                share = [int(v) for k, v in runs[-1].items() if k.startswith("worker")]
                print(
                    f"{count:>7} {wall:>8.2f} {rate:>8.0f} {rate / base_rate:>7.2f}x  {share}",
                    flush=True,
                )
    finally:
        if server is not None:
            server.shutdown()
        if pg_dir:
            subprocess.run([str(REPO / ".ci" / "postgres.sh"), "stop", pg_dir], check=False)


if __name__ == "__main__":
    main()
