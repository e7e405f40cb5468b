"""Benchmark: the dashboard's list pages at 100,000 claims (target: median <= 150 ms each).

The database is filled once by a bulk insert (schema from the real migrations) and reused on
later runs: 100,000 claims over 5,000 articles from 40 outlets and 500 speakers, due across
three years around "now" (2024-06-15), in every status, with history rows, 60 feeds, a question
for every three claims (33,334 at 100,000) and a tag on every 50th claim. Each
page is then requested through the ASGI app in-process (httpx.ASGITransport: routing,
middleware, queries, templates; no network), a few times to warm up and then ``--repeats``
times; the median and 90th percentile are printed with the machine's load average.

    python bench/web_bench.py                      # 100,000 claims, 15 requests per page
    python bench/web_bench.py --claims 10000 --repeats 30 --db /tmp/web-small.db
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

NOW = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)
START = date(2022, 6, 1)
DAYS = 3 * 365
STATUSES = ("fulfilled", "unfulfilled", "open", "needs_review", "void", "not_verifiable")
WEIGHTS = (30, 25, 30, 5, 5, 5)

PAGES = [
    ("dashboard", "/"),
    ("claims", "/claims"),
    ("claims, status", "/claims?status=open"),
    ("claims, search", "/claims?q=Beijing"),
    ("claims, speaker", "/claims?speaker=Speaker%2042"),
    ("claims, outlet", "/claims?outlet=Outlet%207"),
    ("claims, due range", "/claims?due_after=2024-06-01&due_before=2024-09-30"),
    ("claims, page 500", "/claims?page=500&sort=-due"),
    ("claims, 2 statuses", "/claims?status=open&status=needs_review"),
    ("claims, tag", "/claims?tag=china"),
    ("claims, json", "/claims?format=json"),
    ("questions", "/questions"),
    ("questions, status", "/questions?status=open"),
    ("questions, search", "/questions?search=Beijing"),
    ("questions, page 300", "/questions?page=300&sort=-due"),
    ("questions, json", "/questions?format=json"),
    ("review", "/review"),
    ("feeds", "/feeds"),
    ("claim page", "/claims/54321"),
    ("question page", "/questions/12345"),
]
# Shown for information (no target): pages that aggregate or draw charts.
OTHER_PAGES = [
    ("speaker page", "/speakers/Speaker%2042"),
    ("outlet page", "/outlets/Outlet%207"),
    ("report page", "/reports/2024-05"),
    ("reliability chart", "/charts/reliability.svg?month=2024-05"),
]


def fill(db: Path, claims: int, seed: int = 11) -> None:
    from forecasts.config import DEFAULT_HEDGES
    from forecasts.db import open_database

    db.unlink(missing_ok=True)
    open_database(f"sqlite:///{db}").dispose()
    rng = random.Random(seed)
    hedges = list(DEFAULT_HEDGES.items())
    outlets = [f"Outlet {i}" for i in range(40)]
    speakers = [f"Speaker {i}" for i in range(500)] + [""]
    places = ["Beijing", "Tokyo", "Paris", "Kyiv", "Brasília", "Nairobi", "Ottawa", "Canberra"]
    n_articles = max(1, claims // 20)
    stamp = NOW.replace(tzinfo=None).isoformat(" ")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO article (id, content_hash, title, source, url, path, text, reference_date,"
        " reference_date_basis, ingested_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, '', ?)",
        (
            (
                i,
                f"h{i}",
                f"Article {i}",
                rng.choice(outlets),
                f"https://news.example/{i}",
                "Some text. " * 200,
                (START + timedelta(days=rng.randrange(DAYS))).isoformat(),
                stamp,
            )
            for i in range(1, n_articles + 1)
        ),
    )

    def rows():  # type: ignore[no-untyped-def]
        for i in range(1, claims + 1):
            hedge, p = rng.choice(hedges)
            status = rng.choices(STATUSES, WEIGHTS)[0]
            due = START + timedelta(days=rng.randrange(DAYS))
            place = rng.choice(places)
            text = f"Minister {i % 997} {hedge} visit {place} for talks"
            yield (
                i,
                (i - 1) // 3 + 1,
                rng.randrange(1, n_articles + 1),
                text + ".",
                text,
                f"visit {place}",
                hedge,
                p,
                rng.choice(speakers),
                (due - timedelta(days=90)).isoformat(),
                due.isoformat(),
                status,
                stamp,
            )

    conn.executemany(
        "INSERT INTO claim (id, question_id, article_id, sentence, claim, actors, event,"
        " event_type, location, hedge, probability, polarity, speaker, time_expression,"
        " due_earliest, due_latest, due_basis, verifiable, status, status_by, event_date,"
        " resolved_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, '[]', ?, 'visit', '', ?, ?, 'positive', ?, '', ?, ?, '', 1, ?,"
        " 'auto', NULL, NULL, ?)",
        rows(),
    )
    # One question per three claims, with the first claim's text and window (as matching opens
    # them) and a status of its own.
    conn.execute(
        "INSERT INTO question (id, title, actors, event, event_type, location, due_earliest,"
        " due_latest, status, status_by, event_date, resolved_at, merged_into, created_at)"
        " SELECT question_id, claim, '[]', event, 'visit', '', MIN(due_earliest),"
        " MAX(due_latest), status, 'auto', NULL, NULL, NULL, created_at"
        " FROM claim GROUP BY question_id"
    )
    conn.executemany(
        "INSERT INTO claim_tag (claim_id, tag) VALUES (?, ?)",
        ((i, "china" if i % 100 else "trade") for i in range(1, claims + 1, 50)),
    )
    conn.executemany(
        "INSERT INTO claim_history (claim_id, at, from_status, to_status, by, reason, evidence)"
        " VALUES (?, ?, 'open', 'fulfilled', 'auto', 'bench', '[]')",
        ((i, stamp) for i in range(1, claims + 1, 5)),
    )
    conn.executemany(
        "INSERT INTO evidence (claim_id, item_id, url, kind, score, rule, created_at)"
        " VALUES (?, NULL, ?, 'fulfilment', 0.9, 'bench', ?)",
        ((i, f"https://news.example/e/{i}", stamp) for i in range(1, claims + 1, 10)),
    )
    conn.executemany(
        "INSERT INTO feed (name, url, origin, config_url, tags, extract_claims, fetch_full_text,"
        " disabled_reason, etag, last_modified, body_hash, consecutive_errors, last_error,"
        " item_count) VALUES (?, ?, 'cli', '', '[]', 1, 0, '', '', '', '', ?, ?, 0)",
        (
            (f"feed-{i}", f"https://feeds.example/{i}.xml", i % 7 == 0, "HTTP 500" * (i % 7 == 0))
            for i in range(60)
        ),
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


async def measure(app: object, path: str, repeats: int, warmup: int = 2) -> list[float]:
    import httpx

    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        times = []
        for n in range(warmup + repeats):
            started = time.perf_counter()
            response = await client.get(path)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            if n >= warmup:
                times.append(elapsed * 1000)
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    # v2: with questions and tags (a database from an older version of this script is refilled).
    db = args.db or Path(tempfile.gettempdir()) / f"forecasts-web-bench-v2-{args.claims}.db"
    if not db.exists():
        started = time.perf_counter()
        fill(db, args.claims)
        print(f"filled {db} with {args.claims:,} claims in {time.perf_counter() - started:.1f} s")

    from forecasts.clock import FixedClock
    from forecasts.config import load_settings
    from forecasts.db import open_database
    from forecasts.web.app import create_app

    config = Path(tempfile.mkdtemp()) / "config.toml"
    config.write_text(f'database_url = "sqlite:///{db}"\n', encoding="utf-8")
    settings = load_settings(config)
    engine = open_database(settings.resolved_database_url())
    app = create_app(settings, engine, FixedClock(NOW))
    load_before = os.getloadavg()
    print(f"{args.claims:,} claims; {args.repeats} requests per page after 2 warm-up requests")
    print(f"{'page':<20} {'median ms':>10} {'p90 ms':>8}")
    medians = []
    for label, path in PAGES:
        times = asyncio.run(measure(app, path, args.repeats))
        median = statistics.median(times)
        medians.append(median)
        p90 = statistics.quantiles(times, n=10)[-1] if len(times) >= 2 else times[0]
        flag = "" if median <= 150 else "  (over 150 ms)"
        print(f"{label:<20} {median:>10.1f} {p90:>8.1f}{flag}")
    print("other pages (no target):")
    for label, path in OTHER_PAGES:
        times = asyncio.run(measure(app, path, max(3, args.repeats // 3), warmup=1))
        print(f"{label:<20} {statistics.median(times):>10.1f}")
    load_after = os.getloadavg()
    print(
        f"slowest median {max(medians):.1f} ms; load average before "
        f"{' '.join(f'{x:.2f}' for x in load_before)}, after "
        f"{' '.join(f'{x:.2f}' for x in load_after)} ({os.cpu_count()} CPUs)"
    )
    engine.dispose()


if __name__ == "__main__":
    main()
