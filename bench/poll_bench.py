"""Poll benchmark: N local feeds of M items, first poll vs all-304 poll vs a naive loop.

A separate process serves the feeds on 127.0.0.1 (each with an ETag). Each repetition runs in a
fresh child process on a fresh SQLite file, so peak memory is that run's own:

    python bench/poll_bench.py                       # 1,000 feeds x 50 items, median of 3
    python bench/poll_bench.py --feeds 200 --repeat 1 --parse-processes 1
    python bench/poll_bench.py --farm                # the shared feed farm (see below)
    python bench/poll_bench.py --parse-ab            # parse CPU: trimmed vs plain feedparser
    python bench/poll_bench.py --farm --repeat 1 --passes-304 5 --profile 304.prof
                                # five all-304 passes (median), the last one profiled

``--farm`` serves the feeds with ``tools/feedfarm.py serve`` (news-like items of 15-40 KB, gzip,
ETag and Last-Modified: the farm issue 16 sets its targets on) and, in each repetition, runs the
farm's own naive baseline (``feedfarm.py baseline --opml FILE --twice``: ``feedparser.parse(url)``
one feed after the other, then again passing etag/modified back) right after the poller, so both
see the same machine load. Medians of wall and CPU time are printed for both, with the load.

Prints wall time and peak RSS of the first poll (everything new) and the second poll (every
feed answers 304), items stored per second, and the same feeds read by a plain sequential
``feedparser.parse(url)`` loop for comparison. All feeds live on one local host, so the
per-host limit is raised to the overall one (standing in for 1,000 different hosts).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def serve(port_queue: multiprocessing.Queue, feeds: int, items: int) -> None:  # type: ignore[type-arg]
    """A small asyncio HTTP/1.1 server (keep-alive, ETag/304): fast enough not to be the bottleneck."""
    import asyncio

    from tests.feedserver import make_rss

    bodies = {f"/f{i}.xml": make_rss(items, prefix=f"f{i}") for i in range(feeds)}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                body = bodies.get(path)
                etag = f'"{path}-v1"'
                if body is None:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                elif headers.get("if-none-match") == etag:
                    writer.write(
                        f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode()
                    )
                else:
                    writer.write(
                        f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {etag}\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n".encode()
                        + body
                    )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
        port_queue.put(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the parser pool), user + system."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def feed_urls(args: argparse.Namespace) -> list[str]:
    """The feeds to poll: the farm's OPML when given, else this script's own server."""
    if args.opml:
        import xml.etree.ElementTree as ET

        urls = [o.get("xmlUrl", "") for o in ET.parse(args.opml).iter("outline")]
        return [u for u in urls if u][: args.feeds]
    return [f"http://127.0.0.1:{args.port}/f{i}.xml" for i in range(args.feeds)]


def run_once(args: argparse.Namespace) -> dict[str, float]:
    """One repetition (in its own process): first poll, then the all-304 poll."""
    from forecasts.clock import FixedClock
    from forecasts.config import load_settings
    from forecasts.db import open_database
    from forecasts.jobs.poll import poll_feeds

    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        lines = [
            f'database_url = "sqlite:///{tmp}/bench.db"',
            "[fetch]",
            'allowed_networks = ["127.0.0.1/32"]',
            f"max_connections = {args.connections}",
            f"max_per_host = {args.connections}",
            f"parse_processes = {args.parse_processes}",
        ]
        for i, url in enumerate(feed_urls(args)):
            lines += ["[[feeds]]", f'name = "f{i}"', f'url = "{url}"']
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        settings = load_settings(config)
        engine = open_database(settings.resolved_database_url())
        clock = FixedClock(datetime(2024, 3, 1, tzinfo=UTC))
        cpu = cpu_seconds()
        start = time.perf_counter()
        first = poll_feeds(engine, settings, clock)
        first_s = time.perf_counter() - start
        first_cpu = cpu_seconds() - cpu
        rss_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        walls, cpus = [], []
        for n in range(args.passes_304):
            # 70 minutes apart: every feed due again, none due for its unconditional refetch
            # (fetch.unconditional_refetch_hours, 6) within five passes.
            clock.advance(timedelta(minutes=70))
            profile = cProfile.Profile(time.process_time) if args.profile else None
            cpu = cpu_seconds()
            start = time.perf_counter()
            if profile is not None and n == args.passes_304 - 1:
                profile.enable()
            second = poll_feeds(engine, settings, clock)
            if profile is not None and n == args.passes_304 - 1:
                profile.disable()
                profile.dump_stats(args.profile)
            walls.append(time.perf_counter() - start)
            cpus.append(cpu_seconds() - cpu)
            assert second.not_modified == args.feeds, second.feeds[:3]
        second_s, second_cpu = statistics.median(walls), statistics.median(cpus)
        engine.dispose()
    assert first.ok == args.feeds, first.feeds[:3]
    assert second.not_modified == args.feeds, second.feeds[:3]
    return {
        "first_s": first_s,
        "second_s": second_s,
        "first_cpu": first_cpu,
        "second_cpu": second_cpu,
        "items": first.new_items,
        "rss_mb": max(rss_first, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def naive(port: int, feeds: int) -> tuple[float, int, float, float]:
    """The plain loop: feedparser fetches and parses each URL, one after the other."""
    import feedparser

    cpu = cpu_seconds()
    start = time.perf_counter()
    entries = 0
    for i in range(feeds):
        entries += len(feedparser.parse(f"http://127.0.0.1:{port}/f{i}.xml").entries)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return wall, entries, rss, cpu_seconds() - cpu


def default_feedfarm() -> str:
    """tools/feedfarm.py of the shared folder beside the checkout (or beside its worktree)."""
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base / "shared" / "tools" / "feedfarm.py"
        if candidate.exists():
            return str(candidate)
    return ""


def proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a running process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def farm_baseline(feedfarm: str, opml: str, feeds: int) -> dict[str, float]:
    """feedfarm's naive loop, both passes, with the CPU the child had spent at each pass's end."""
    cmd = [sys.executable, feedfarm, "baseline", "--opml", opml, "--twice", "--limit", str(feeds)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    passes = []
    for line in child.stdout:
        # Read as soon as the pass is printed: the CPU then is that pass's (plus a few ms).
        passes.append((json.loads(line), proc_cpu(child.pid)))
    if child.wait() != 0 or len(passes) != 2:
        raise SystemExit(f"feedfarm baseline failed (exit {child.returncode})")
    (full, full_cpu), (cond, cond_cpu) = passes
    return {
        "full_s": full["wall_s"],
        "cond_s": cond["wall_s"],
        "full_cpu": full_cpu,
        "cond_cpu": cond_cpu - full_cpu,
        "entries": full["entries"],
        "rss_mb": cond["peak_rss_mb"],
        "statuses": cond["statuses"],
    }


def poller_child(args: argparse.Namespace, **extra: str | int) -> dict[str, float]:
    """One repetition of the poller, in a fresh process (its own imports, memory and database)."""
    cmd = [sys.executable, __file__, "--run"]
    options = {
        "feeds": args.feeds,
        "items": args.items,
        "connections": args.connections,
        "parse_processes": args.parse_processes,
        "passes_304": args.passes_304,
        **extra,
    }
    if args.profile:
        options["profile"] = str(Path(args.profile).resolve())
    for key, value in options.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def farm_main(args: argparse.Namespace) -> None:
    """The farm case: poller and feedfarm's naive loop in turns against one farm server."""
    if not args.feedfarm or not Path(args.feedfarm).exists():
        raise SystemExit("feedfarm.py not found: pass --feedfarm PATH")
    with tempfile.TemporaryDirectory() as tmp:
        opml = str(Path(tmp) / "farm.opml")
        cmd = [sys.executable, args.feedfarm, "serve", "--feeds", str(args.feeds)]
        cmd += ["--items", str(args.items), "--opml", opml]
        server = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            json.loads(server.stdout.readline())  # the farm is up once it prints its port
            load_start = os.getloadavg()[0]
            polls, naives = [], []
            for rep in range(args.repeat):
                # Alternate who goes first, so neither always meets a warmer machine.
                if rep % 2:
                    naives.append(farm_baseline(args.feedfarm, opml, args.feeds))
                polls.append(poller_child(args, opml=opml))
                if not rep % 2:
                    naives.append(farm_baseline(args.feedfarm, opml, args.feeds))
            load_end = os.getloadavg()[0]
        finally:
            server.terminate()
            server.wait()

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    first, first_cpu = med(polls, "first_s"), med(polls, "first_cpu")
    second, second_cpu = med(polls, "second_s"), med(polls, "second_cpu")
    full, full_cpu = med(naives, "full_s"), med(naives, "full_cpu")
    cond, cond_cpu = med(naives, "cond_s"), med(naives, "cond_cpu")
    print(
        f"farm: {args.feeds} feeds x {args.items} items (feedfarm.py, gzip), {os.cpu_count()} CPUs, "
        f"parse_processes={args.parse_processes}, median of {args.repeat}"
    )
    print(f"load average:        {load_start:.1f} at start, {load_end:.1f} at end")
    print("                         wall       CPU (incl. parser processes)")
    print(
        f"first poll:          {first:7.2f} s {first_cpu:7.1f} s   "
        f"({polls[0]['items']:.0f} items stored, {med(polls, 'rss_mb'):.0f} MB peak, "
        f"{med(polls, 'children_rss_mb'):.0f} MB largest parser)"
    )
    print(
        f"naive full pass:     {full:7.2f} s {full_cpu:7.1f} s   "
        f"({naives[0]['entries']:.0f} entries, nothing stored, {med(naives, 'rss_mb'):.0f} MB)"
    )
    print(f"all-304 poll:        {second:7.2f} s {second_cpu:7.2f} s")
    print(
        f"naive conditional:   {cond:7.2f} s {cond_cpu:7.2f} s   (statuses {naives[0]['statuses']})"
    )
    print(
        f"ratios:              naive/first {full / first:.2f}x, naive conditional/all-304 "
        f"{cond / second:.2f}x, first/all-304 {first / second:.0f}x wall, "
        f"{first_cpu / max(second_cpu, 1e-9):.0f}x CPU"
    )
    for i, (p, n) in enumerate(zip(polls, naives, strict=True)):
        print(
            f"  run {i + 1}: first {p['first_s']:.2f} s / naive {n['full_s']:.2f} s; "
            f"304 {p['second_s']:.2f} s / naive {n['cond_s']:.2f} s"
        )


def parse_ab(args: argparse.Namespace) -> None:
    """Parse CPU per farm feed with feedparser trimmed (forecasts/feeds/trim.py) and plain,
    alternating in this one process so both meet the same load; medians of --repeat rounds."""
    import importlib.util

    from forecasts.feeds import trim
    from forecasts.feeds.items import parse_documents

    spec = importlib.util.spec_from_file_location("feedfarm", args.feedfarm)
    if spec is None or spec.loader is None:
        raise SystemExit("feedfarm.py not found: pass --feedfarm PATH")
    farm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(farm)
    url = "http://127.0.0.1:8000/feed/{}.xml"
    docs = [
        [(farm.make_feed(n, 8000, args.items, 1)[0], url.format(n), "application/rss+xml")]
        for n in range(min(args.feeds, 200))
    ]
    times: dict[str, list[float]] = {"trimmed": [], "plain": []}
    for _ in range(max(args.repeat, 3)):
        for mode, step in (("trimmed", trim.install), ("plain", trim.uninstall)):
            step()
            start = time.process_time()
            for doc in docs:
                parse_documents(doc)
            times[mode].append((time.process_time() - start) / len(docs) * 1000)
    trim.install()
    print(f"parse CPU per farm feed ({len(docs)} feeds, load {os.getloadavg()[0]:.1f}):")
    for mode, values in times.items():
        print(f"  {mode:8} {statistics.median(values):6.2f} ms (median of {len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--parse-processes", type=int, default=0, help="0: one per core; 1: inline")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--passes-304",
        type=int,
        default=1,
        choices=range(1, 6),
        metavar="1-5",
        help="all-304 passes after the first poll, 70 minutes apart (their median is reported)",
    )
    parser.add_argument(
        "--profile",
        default="",
        metavar="FILE",
        help="cProfile (CPU time) of the last all-304 pass to FILE (slows that pass a lot)",
    )
    parser.add_argument(
        "--farm", action="store_true", help="serve with feedfarm.py and race its naive baseline"
    )
    parser.add_argument("--feedfarm", default=default_feedfarm(), help="path of feedfarm.py")
    parser.add_argument(
        "--parse-ab",
        action="store_true",
        help="parse CPU per farm feed, trimmed vs plain feedparser",
    )
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--opml", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_once(args)))
        return
    if args.parse_ab:
        parse_ab(args)
        return
    if args.farm:
        farm_main(args)
        return

    queue: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()  # type: ignore[type-arg]
    server = multiprocessing.get_context("spawn").Process(
        target=serve, args=(queue, args.feeds, args.items), daemon=True
    )
    server.start()
    try:
        port = queue.get(timeout=60)
        runs = [poller_child(args, port=port) for _ in range(args.repeat)]
        first = statistics.median(r["first_s"] for r in runs)
        first_cpu = statistics.median(r["first_cpu"] for r in runs)
        second_cpu = statistics.median(r["second_cpu"] for r in runs)
        second = statistics.median(r["second_s"] for r in runs)
        items = runs[0]["items"]
        rss = statistics.median(r["rss_mb"] for r in runs)
        child = statistics.median(r["children_rss_mb"] for r in runs)
        print(
            f"feeds: {args.feeds} x {args.items} items, {os.cpu_count()} CPUs, "
            f"parse_processes={args.parse_processes}, median of {args.repeat}"
        )
        print(
            f"load average:      {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)"
        )
        print(
            f"first poll:        {first:7.2f} s   {items / first:8.0f} items stored/s   "
            f"({items} items; CPU {first_cpu:.1f} s incl. parser processes)"
        )
        print(
            f"second poll (304): {second:7.2f} s   {first / second:6.1f}x faster than the first "
            f"(CPU {second_cpu:.1f} s)"
        )
        print(f"peak RSS:          {rss:7.0f} MB poller, {child:.0f} MB largest parser process")
        if not args.skip_naive:
            naive_s, entries, naive_rss, naive_cpu = naive(port, args.feeds)
            print(
                f"naive loop:        {naive_s:7.2f} s   feedparser.parse(url) x {args.feeds}, "
                f"{entries} entries, nothing stored ({naive_rss:.0f} MB, CPU {naive_cpu:.1f} s)"
            )
            print(
                f"ratio:             {naive_s / first:7.2f}x (naive / first poll), "
                f"{naive_s / second:.1f}x (naive / all-304 poll)"
            )
    finally:
        server.kill()
        server.join()


if __name__ == "__main__":
    main()
