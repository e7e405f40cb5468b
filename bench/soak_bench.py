"""Soak benchmark: the daemon for a few minutes against many local feeds with short intervals.

Prints the daemon's RSS and CPU use over time, and each job's lateness (seconds between its
scheduled time and its start) and missed runs. Targets (issue 5): memory flat after warm-up,
idle CPU near zero between jobs, every job on time within its misfire grace (no missed runs).

    python bench/soak_bench.py                 # 200 feeds, 3 minutes
    python bench/soak_bench.py --feeds 50 --minutes 1 --sample 2
"""

from __future__ import annotations

import argparse
import http.server
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


def feed_xml(n: int, minute: int) -> bytes:
    """Feed n: ten items; one new item per minute so polls find new work. About one story in
    ten makes a forecast (as in real news feeds); the others report what happened."""
    items = []
    for k in range(minute, minute - 10, -1):
        when = format_datetime(datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=k))
        if (n + k) % 10 == 0:
            title = f"Minister {n} expected to visit city {k} next month"
            text = f"Minister {n} is expected to visit city {k} next month, officials said."
        else:
            title = f"Council {n} approved budget {k}"
            text = f"Council {n} approved budget {k} on Monday after a long debate."
        items.append(
            f"<item><title>{title}</title><link>http://example.org/{n}/{k}</link>"
            f"<guid>f{n}-{k}</guid><pubDate>{when}</pubDate><description>{text}"
            "</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed '
        f"{n}</title><link>http://example.org/{n}</link>{''.join(items)}</channel></rss>"
    ).encode()


def start_server() -> http.server.ThreadingHTTPServer:
    started = time.monotonic()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            match = re.fullmatch(r"/feed/(\d+)\.xml", self.path)
            if not match:
                self.send_error(404)
                return
            body = feed_xml(int(match.group(1)), int((time.monotonic() - started) // 60))
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_config(root: Path, port: int, feeds: int) -> Path:
    lines = [
        f'database_url = "sqlite:///{root / "soak.db"}"',
        'seeds_dir = "no-seeds"',
        "[fetch]",
        "allow_private_networks = true",
        "min_interval_minutes = 1",
        "default_interval_minutes = 1",
        "[daemon]",
        "ingest_seeds = false",
        "poll_interval_minutes = 0.25",
        "extract_interval_minutes = 0.5",
        "verify_interval_minutes = 0.5",
        "expire_interval_minutes = 1",
        "inbox_interval_minutes = 0.25",
        "notify_interval_minutes = 0.25",
        "heartbeat_seconds = 5",
    ]
    for n in range(feeds):
        lines += ["[[feeds]]", f'name = "f{n}"', f'url = "http://127.0.0.1:{port}/feed/{n}.xml"']
    path = root / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sample(pid: int) -> tuple[float, float]:
    """(RSS in MiB, CPU seconds used so far) of ``pid`` from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    return rss_kb / 1024, cpu


def descendants(pid: int) -> set[int]:
    """Every live process under ``pid`` (parsers and their children), from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200, help="local feeds (default 200)")
    parser.add_argument("--minutes", type=float, default=3.0, help="soak length (default 3)")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--warmup", type=float, default=30.0, help="seconds before RSS counts")
    parser.add_argument(
        "--census",
        metavar="FILE",
        help="run the daemon under bench/trace_daemon.py: FILE gets its lru caches' sizes and"
        " the object types that grew, rewritten every --census-every seconds",
    )
    parser.add_argument("--census-every", type=float, default=120.0)
    parser.add_argument(
        "--tracemalloc",
        type=int,
        default=0,
        metavar="FRAMES",
        help="with --census: also the allocation sites that grew (slows the daemon a lot)",
    )
    args = parser.parse_args()

    server = start_server()
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        root = Path(tmp)
        config = write_config(root, server.server_address[1], args.feeds)
        log_path = root / "daemon.log"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        with log_path.open("wb") as log:
            command = ["-m", "forecasts"]
            if args.census:
                census = [str(Path(args.census).resolve()), str(args.census_every)]
                trace = [*census, str(args.tracemalloc), "--"]
                command = [str(REPO / "bench" / "trace_daemon.py"), *trace]
            proc = subprocess.Popen(
                [sys.executable, *command, "--config", str(config), "daemon"],
                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log,
            )  # fmt: skip
        print(f"daemon pid {proc.pid}: {args.feeds} feeds, {args.minutes} min, log {log_path}")
        print(f"{'t(s)':>6} {'RSS MiB':>8} {'CPU %':>6}")
        samples: list[tuple[float, float, float]] = []
        t0 = time.monotonic()
        last_cpu, last_t = 0.0, t0
        try:
            while time.monotonic() - t0 < args.minutes * 60:
                time.sleep(args.sample)
                if proc.poll() is not None:
                    print("daemon exited early:\n" + log_path.read_text()[-3000:])
                    return 1
                rss, cpu = sample(proc.pid)
                now = time.monotonic()
                pct = 100 * (cpu - last_cpu) / (now - last_t)
                last_cpu, last_t = cpu, now
                samples.append((now - t0, rss, pct))
                print(f"{now - t0:6.0f} {rss:8.1f} {pct:6.1f}", flush=True)
        finally:
            children = descendants(proc.pid)
            proc.send_signal(signal.SIGTERM)
            stopping = time.monotonic()
            code = proc.wait(timeout=120)
            stop_seconds = time.monotonic() - stopping
            time.sleep(1.0)
            orphans = sorted(pid for pid in children if alive(pid))
            server.shutdown()
        text = log_path.read_text(encoding="utf-8")

    warm = [rss for t, rss, _ in samples if t >= args.warmup] or [s[1] for s in samples]
    half = len(warm) // 2 or 1
    cpus = [pct for _, _, pct in samples]
    print("\nsummary")
    print(f"  exit code after SIGTERM: {code} ({stop_seconds:.1f} s to exit)")
    print(f"  child processes before SIGTERM: {len(children)}; still alive after: {orphans or 0}")
    print(
        f"  RSS after warm-up: min {min(warm):.1f} MiB, max {max(warm):.1f} MiB, "
        f"median first half {statistics.median(warm[:half]):.1f} -> second half "
        f"{statistics.median(warm[half:] or warm):.1f} MiB"
    )
    print(
        f"  CPU: median {statistics.median(cpus):.1f} %, mean {statistics.mean(cpus):.1f} %, "
        f"lowest sample {min(cpus):.1f} % (idle between jobs)"
    )
    late: dict[str, list[float]] = {}
    for job, secs in re.findall(r"job (\w+) started \(([\d.]+)s after its scheduled time\)", text):
        late.setdefault(job, []).append(float(secs))
    print(f"  {'job':<9} {'runs':>5} {'median late s':>14} {'max late s':>11}")
    for job, values in sorted(late.items()):
        print(
            f"  {job:<9} {len(values):>5} {statistics.median(values):>14.3f} {max(values):>11.3f}"
        )
    unavailable = sorted(set(re.findall(r"job (\w+) (?:unavailable|waits for missing code)", text)))
    failed = len(re.findall(r"job \w+ failed", text))
    print(
        f"  missed runs: {text.count('was missed')}; skipped (still running): "
        f"{text.count('maximum number of running instances')}; failed: {failed}"
    )
    if unavailable:
        print(f"  unavailable jobs (their code has not landed): {', '.join(unavailable)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
