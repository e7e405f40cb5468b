"""Benchmark: one month's report, in every format, over 1,000,000 resolved claims in 5 years.

Target (issue 6): under 2 s per report and under 300 MB peak memory. The database is filled
once by a fast bulk insert (plain sqlite3 executemany in one transaction, after the schema is
created by the real migrations) and reused on later runs. Each format is then measured in a
fresh child process, so its peak RSS is that of one report run (imports included), and the
median of the repeats is printed.

    python bench/report_bench.py                       # 1M claims, 3 repeats per format
    python bench/report_bench.py --proposed-indexes    # the same with the indexes below
    python bench/report_bench.py --claims 100000 --repeats 5 --db /tmp/small.db

Wall time on a shared machine depends on the neighbours, so the CPU time of the report
process (SQLite runs in it) is printed too.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

START = date(2021, 1, 1)
DAYS = 5 * 365
MONTH = "2024-06"
FORMATS = ("table", "md", "html", "json")

# The report indexes (created by migration 0007 since; the flag still adds them to a database
# filled before it, IF NOT EXISTS): the first
# covers the month, trend and outlet queries; the second lets the all-time GROUP BY speaker,
# hedge, probability stream in index order instead of sorting a million rows.
PROPOSED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_claim_due_report"
    " ON claim (due_latest, status, probability, hedge, speaker, article_id)",
    "CREATE INDEX IF NOT EXISTS ix_claim_speaker_report"
    " ON claim (speaker, hedge, probability, status, due_latest)",
    # Migration 0012: the all-time per-outlet totals group by article in index order.
    "CREATE INDEX IF NOT EXISTS ix_claim_article_report"
    " ON claim (article_id, due_latest, status, probability)",
)


def fill(db: Path, claims: int, seed: int = 7) -> None:
    """Create the schema with the migrations, then bulk-insert articles, claims and evidence."""
    from forecasts.config import DEFAULT_HEDGES
    from forecasts.db import open_database

    db.unlink(missing_ok=True)
    open_database(f"sqlite:///{db}").dispose()
    rng = random.Random(seed)
    hedges = list(DEFAULT_HEDGES.items())
    outlets = [f"Outlet {i}" for i in range(40)]
    speakers = [f"Speaker {i}" for i in range(500)] + [""]
    per_article = 20
    n_articles = max(1, claims // per_article)
    now = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None).isoformat(" ")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO article (id, content_hash, title, source, url, path, text, reference_date,"
        " reference_date_basis, ingested_at) VALUES (?, ?, ?, ?, ?, '', '', ?, '', ?)",
        (
            (
                i,
                f"h{i}",
                f"Article {i}",
                rng.choice(outlets),
                f"https://news.example/{i}",
                (START + timedelta(days=rng.randrange(DAYS))).isoformat(),
                now,
            )
            for i in range(1, n_articles + 1)
        ),
    )

    def rows():  # type: ignore[no-untyped-def]
        for i in range(1, claims + 1):
            hedge, p = rng.choice(hedges)
            # Speakers are somewhat over-confident: the truth runs a little toward 50 %.
            truth = 0.5 + 0.8 * (p - 0.5)
            status = "fulfilled" if rng.random() < truth else "unfulfilled"
            due = START + timedelta(days=rng.randrange(DAYS))
            yield (
                i,
                rng.randrange(1, n_articles + 1),
                f"Speaker says event {i} {hedge} happen",
                f"event {i}",
                hedge,
                p,
                rng.choice(speakers),
                (due - timedelta(days=90)).isoformat(),
                due.isoformat(),
                status,
                due.isoformat() if status == "fulfilled" else None,
                now,
            )

    conn.executemany(
        "INSERT INTO claim (id, article_id, sentence, claim, actors, event, event_type, location,"
        " hedge, probability, polarity, speaker, time_expression, due_earliest, due_latest,"
        " due_basis, verifiable, status, status_by, event_date, resolved_at, created_at)"
        " VALUES (?, ?, '', ?, '[]', ?, '', '', ?, ?, 'positive', ?, '', ?, ?, '', 1, ?, 'auto',"
        " ?, NULL, ?)",
        rows(),
    )
    conn.executemany(
        "INSERT INTO evidence (claim_id, item_id, url, kind, score, rule, created_at)"
        " VALUES (?, NULL, ?, 'fulfilment', 0.9, 'bench', ?)",
        ((i, f"https://news.example/e/{i}", now) for i in range(1, claims + 1, 10)),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def measure(db: Path, fmt: str, repeats: int) -> dict[str, object]:
    """Child process: build and render the month ``repeats`` times; times and peak RSS."""
    from forecasts.db import open_database
    from forecasts.reports import render
    from forecasts.reports.aggregate import build_report

    engine = open_database(f"sqlite:///{db}", migrate_schema=False)
    times, cpu = [], []
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        for _ in range(repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            report = build_report(engine, MONTH, now=datetime.now(UTC), timezone="UTC")
            render.write(report, fmt, Path(tmp) / f"{MONTH}{render.SUFFIX[fmt]}")
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"times": times, "cpu": cpu, "peak_mb": peak_mb, "due": report.counts.total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--db", type=Path, help="Database file (default: in the temp folder).")
    parser.add_argument(
        "--proposed-indexes",
        action="store_true",
        help="Create the indexes proposed for models/core.py before measuring.",
    )
    parser.add_argument("--rebuild", action="store_true", help="Refill the database.")
    parser.add_argument("--measure", choices=FORMATS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.db, args.measure, args.repeats)))
        return
    if args.db is None:
        name = "report_bench_indexed.db" if args.proposed_indexes else "report_bench.db"
        args.db = Path(tempfile.gettempdir()) / name
    have = 0
    if args.db.exists() and not args.rebuild:
        with sqlite3.connect(args.db) as conn:
            have = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
    if have != args.claims:
        t0 = time.perf_counter()
        fill(args.db, args.claims)
        print(f"filled {args.claims:,} claims in {time.perf_counter() - t0:.1f} s ({args.db})")
    if args.proposed_indexes:
        with sqlite3.connect(args.db) as conn:
            for ddl in PROPOSED_INDEXES:
                conn.execute(ddl)
            conn.execute("ANALYZE")
        print("with the proposed indexes:", "; ".join(d.split(" ON ")[1] for d in PROPOSED_INDEXES))
    print(
        f"report month {MONTH}; {args.repeats} runs per format; target <= 1.5 s (issue 16), < 300 MB"
    )
    print(f"{'format':<7} {'median s':>9} {'cpu s':>7} {'first s':>8} {'peak MB':>8}  claims due")
    for fmt in FORMATS:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--measure",
                fmt,
                "--db",
                str(args.db),
                "--repeats",
                str(args.repeats),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        r = json.loads(done.stdout)
        times = r["times"]
        print(
            f"{fmt:<7} {statistics.median(times):>9.3f} {statistics.median(r['cpu']):>7.3f}"
            f" {times[0]:>8.3f} {r['peak_mb']:>8.0f}  {r['due']:,}"
        )


if __name__ == "__main__":
    main()
