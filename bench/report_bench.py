"""Benchmark: one month's report, in every format, over 1,000,000 resolved claims in 5 years.

Target (issue 16): at most 1.5 s per report on SQLite, 2 s on PostgreSQL, under 300 MB peak
memory. The database is filled once by a fast bulk insert (plain sqlite3 executemany in one
transaction, or COPY into PostgreSQL, after the schema is created by the real migrations) and
reused on later runs. Each format is then measured in a fresh child process, so its peak RSS is
that of one report run (imports included), and the median of the repeats is printed.

    python bench/report_bench.py                       # 1M claims, 3 repeats per format
    python bench/report_bench.py --claims 100000 --repeats 5 --db /tmp/small.db
    python bench/report_bench.py --url postgresql+psycopg://...   # PostgreSQL, filled by COPY
    python bench/report_bench.py --code /tmp/before    # and another checkout, side by side

Wall time on a shared machine depends on the neighbours, so the CPU time of the report
process (SQLite runs in it) is printed too, and on PostgreSQL that of its server backend.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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


ARTICLE_COLUMNS = (
    "id, content_hash, title, source, url, path, text, reference_date, reference_date_basis,"
    " ingested_at"
)
CLAIM_COLUMNS = (
    "id, article_id, sentence, claim, actors, event, event_type, location, hedge, probability,"
    " polarity, speaker, time_expression, due_earliest, due_latest, due_basis, verifiable,"
    " status, status_by, event_date, resolved_at, created_at"
)
EVIDENCE_COLUMNS = "claim_id, item_id, url, kind, score, rule, created_at"


def rows(claims: int, seed: int = 7) -> dict[str, Iterator[tuple[object, ...]]]:
    """The articles, claims and evidence of the benchmark, the same on every database."""
    from forecasts.config import DEFAULT_HEDGES

    rng = random.Random(seed)
    hedges = list(DEFAULT_HEDGES.items())
    outlets = [f"Outlet {i}" for i in range(40)]
    speakers = [f"Speaker {i}" for i in range(500)] + [""]
    per_article = 20
    n_articles = max(1, claims // per_article)
    now = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)

    def articles() -> Iterator[tuple[object, ...]]:
        for i in range(1, n_articles + 1):
            outlet = rng.choice(outlets)
            day = START + timedelta(days=rng.randrange(DAYS))
            yield (i, f"h{i}", f"Article {i}", outlet, f"https://news.example/{i}", "", "", day,
                   "", now)  # fmt: skip

    def claim_rows() -> Iterator[tuple[object, ...]]:
        for i in range(1, claims + 1):
            hedge, p = rng.choice(hedges)
            # Speakers are somewhat over-confident: the truth runs a little toward 50 %.
            truth = 0.5 + 0.8 * (p - 0.5)
            status = "fulfilled" if rng.random() < truth else "unfulfilled"
            due = START + timedelta(days=rng.randrange(DAYS))
            yield (i, rng.randrange(1, n_articles + 1), "", f"Speaker says event {i} {hedge} happen",
                   "[]", f"event {i}", "", "", hedge, p, "positive", rng.choice(speakers), "",
                   due - timedelta(days=90), due, "", True, status, "auto",
                   due if status == "fulfilled" else None, None, now)  # fmt: skip

    def evidence() -> Iterator[tuple[object, ...]]:
        for i in range(1, claims + 1, 10):
            yield (i, None, f"https://news.example/e/{i}", "fulfilment", 0.9, "bench", now)

    # Generators share ``rng``: consume them in this order (articles, claims, evidence).
    return {"article": articles(), "claim": claim_rows(), "evidence": evidence()}


COLUMNS = {"article": ARTICLE_COLUMNS, "claim": CLAIM_COLUMNS, "evidence": EVIDENCE_COLUMNS}


def _sqlite_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def fill(db: Path, claims: int, seed: int = 7) -> None:
    """Create the schema with the migrations, then bulk-insert articles, claims and evidence."""
    from forecasts.db import open_database

    db.unlink(missing_ok=True)
    open_database(f"sqlite:///{db}").dispose()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    for table, data in rows(claims, seed).items():
        marks = ", ".join("?" * len(COLUMNS[table].split(",")))
        conn.executemany(
            f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})",
            (tuple(_sqlite_value(v) for v in row) for row in data),
        )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def fill_postgres(url: str, claims: int, seed: int = 7) -> None:
    """The same rows into PostgreSQL by COPY, after the migrations; then VACUUM ANALYZE, as
    autovacuum would soon do, so the plans see statistics and index-only scans see a
    visibility map."""
    from forecasts.db import open_database

    engine = open_database(url)
    raw = engine.raw_connection()
    try:
        pg = raw.driver_connection
        with pg.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("TRUNCATE evidence, claim, article RESTART IDENTITY CASCADE")
            for table, data in rows(claims, seed).items():
                with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                    for row in data:
                        copy.write_row(row)
        pg.commit()  # type: ignore[union-attr]
        pg.autocommit = True  # type: ignore[union-attr]
        with pg.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("VACUUM ANALYZE article")
            cur.execute("VACUUM ANALYZE claim")
            cur.execute("VACUUM ANALYZE evidence")
    finally:
        raw.close()
        engine.dispose()


def count_claims(url: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM claim").scalar() or 0)
    except sa.exc.DatabaseError:
        return 0
    finally:
        engine.dispose()


def measure(url: str, fmt: str, repeats: int) -> dict[str, object]:
    """Child process: build and render the month ``repeats`` times; times and peak RSS."""
    from forecasts.db import open_database
    from forecasts.reports import render
    from forecasts.reports.aggregate import build_report

    engine = open_database(url, migrate_schema=False)
    server_cpu = None
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:  # the pool hands this connection to every run below
            server_cpu = _server_cpu(conn)
    times, cpu, db_cpu = [], [], []
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        for _ in range(repeats):
            s0 = server_cpu() if server_cpu else 0.0
            t0, c0 = time.perf_counter(), time.process_time()
            report = build_report(engine, MONTH, now=datetime.now(UTC), timezone="UTC")
            render.write(report, fmt, Path(tmp) / f"{MONTH}{render.SUFFIX[fmt]}")
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if server_cpu:
                db_cpu.append(server_cpu() - s0)
    engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "times": times,
        "cpu": cpu,
        "db_cpu": db_cpu,
        "peak_mb": peak_mb,
        "due": report.counts.total,
    }


def _server_cpu(conn: object) -> Callable[[], float] | None:
    """CPU seconds of this connection's PostgreSQL backend so far, when the server runs on
    this machine and /proc shows it (the report's SQL runs there, not in our process)."""
    pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()  # type: ignore[attr-defined]
    stat = Path(f"/proc/{pid}/stat")

    def cpu() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    try:
        cpu()
    except OSError:
        return None
    return cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--db", type=Path, help="SQLite file (default: in the temp folder).")
    parser.add_argument(
        "--url", help="A database URL instead, e.g. postgresql+psycopg://... (filled by COPY)."
    )
    parser.add_argument(
        "--code",
        type=Path,
        action="append",
        default=[],
        help="Measure the forecasts package of this checkout too (e.g. a worktree of the code "
        "before a change), side by side in the same run; repeatable.",
    )
    parser.add_argument(
        "--proposed-indexes",
        action="store_true",
        help="SQLite: create the report indexes on a database filled before their migrations.",
    )
    parser.add_argument("--rebuild", action="store_true", help="Refill the database.")
    parser.add_argument("--measure", choices=FORMATS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        if args.code:
            sys.path.insert(0, str(args.code[0].resolve()))
        print(json.dumps(measure(args.url, args.measure, args.repeats)))
        return
    if args.url is None:
        if args.db is None:
            name = "report_bench_indexed.db" if args.proposed_indexes else "report_bench.db"
            args.db = Path(tempfile.gettempdir()) / name
        args.url = f"sqlite:///{args.db}"
    have = 0 if args.rebuild else count_claims(args.url)
    if have != args.claims:
        t0 = time.perf_counter()
        if args.url.startswith("sqlite"):
            fill(args.db, args.claims)
        else:
            fill_postgres(args.url, args.claims)
        print(f"filled {args.claims:,} claims in {time.perf_counter() - t0:.1f} s")
    if args.proposed_indexes and args.db is not None:
        with sqlite3.connect(args.db) as conn:
            for ddl in PROPOSED_INDEXES:
                conn.execute(ddl)
            conn.execute("ANALYZE")
        print("with the proposed indexes:", "; ".join(d.split(" ON ")[1] for d in PROPOSED_INDEXES))
    print(
        f"report month {MONTH}; {args.repeats} runs per format; target <= 1.5 s (issue 16), "
        f"< 300 MB; load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'code':<12} {'format':<7} {'median s':>9} {'cpu s':>7} {'db cpu s':>8} {'first s':>8}"
        f" {'peak MB':>8}  claims due"
    )
    codes: list[Path | None] = [None, *args.code]
    # Formats outermost, the checkouts side by side within each: neighbours' load hits both.
    for fmt in FORMATS:
        for code in codes:
            cmd = [sys.executable, __file__, "--measure", fmt, "--url", args.url]
            cmd += ["--repeats", str(args.repeats)] + (["--code", str(code)] if code else [])
            done = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO)
            r = json.loads(done.stdout)
            times = r["times"]
            db_cpu = f"{statistics.median(r['db_cpu']):>8.3f}" if r["db_cpu"] else f"{'-':>8}"
            print(
                f"{(code.name if code else 'this'):<12} {fmt:<7} {statistics.median(times):>9.3f}"
                f" {statistics.median(r['cpu']):>7.3f} {db_cpu} {times[0]:>8.3f}"
                f" {r['peak_mb']:>8.0f}  {r['due']:,}"
            )


if __name__ == "__main__":
    main()
