"""Verification speed: N open claims, then passes over 10,000 new items each; items/s and memory.

    python bench/verify_bench.py                      # 10,000 and 100,000 claims
    python bench/verify_bench.py --claims 10000 100000 1000000 --repeat 3

For each claim count a fresh SQLite file is filled (claims, their index rows and their
prepared forms written in bulk; every claim is marked as already checked so that only the
item-side path is timed), then
``--repeat`` passes of ``forecasts.jobs.verify.verify_claims`` each read ``--items`` new items. Printed:
median items/s, per-item milliseconds (wall and CPU: CPU is the steadier figure on a shared
machine), candidate pairs judged per item, and the peak RSS of the process that ran the
configuration (each configuration runs in its own process); the 1-minute load average is printed
before and after each configuration.

``--profile`` runs one extra pass under cProfile and prints its top lines, grouped as the
judge, the claims' text preparation and the queries.

Synthetic world: each actor has about ten open claims (the number of people and organisations
grows with the number of claims, as in real news), spread over a year; a tenth of the items
report a claimed event, a tenth announce one, the rest are other news naming the same people.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import open_database
from forecasts.evidence.judge import ClaimFacts, prepare
from forecasts.jobs.verify import verify_claims

START = date(2024, 1, 1)
CITIES = ["Beijing", "Paris", "Tokyo", "Nairobi", "Brasilia", "Ottawa", "Jakarta", "Berlin"]
EVENTS = [
    (
        "visit",
        "to visit {city}",
        "{name} lands in {city} for talks",
        "{name} to visit {city} next month",
    ),
    (
        "meet",
        "to meet {other} in {city}",
        "{name} meets {other} in {city}",
        "{name} hopes to meet {other}",
    ),
    (
        "attend",
        "to attend the summit in {city}",
        "{name} arrives in {city} for summit",
        "{name} will attend summit",
    ),
    ("sign", "to sign the trade deal", "{name} signs trade deal", "{name} set to sign trade deal"),
]
NOISE = [
    "{name} criticises budget plans",
    "Markets fall as {name} speaks on inflation",
    "{name} says talks with unions were useful",
    "Interview: {name} on the year ahead",
]


def surname(i: int) -> str:
    syllables = ["ka", "lo", "mi", "ren", "dor", "vas", "tel", "qui", "san", "ber", "nov", "zu"]
    out = ""
    n = i + 1
    while n:
        n, r = divmod(n, len(syllables))
        out += syllables[r]
    return out.capitalize()


def fill(
    engine, n_claims: int, rng: random.Random, forms: bool = True
) -> list[tuple[str, str, str, str]]:
    """Insert an article, n_claims claims, their index rows and (``forms``) their prepared
    forms; returns the claim templates."""
    if forms:
        from forecasts.evidence.prepared_form import FINGERPRINT, encode
    n_actors = max(10, n_claims // 10)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    templates = []
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO article (content_hash, title, source, url, path, text, reference_date,"
            " reference_date_basis, ingested_at) VALUES ('h', 't', 's', '', '', 'x', ?, '', ?)",
            (START, now.replace(tzinfo=None)),
        )
    key_cache: dict[tuple[str, str, str], tuple[tuple[str, ...], str, bytes | None]] = {}
    batch_claims, batch_keys, batch_forms = [], [], []
    for cid in range(1, n_claims + 1):
        a = rng.randrange(n_actors)
        name = f"Ana {surname(a)}"
        other = f"Ben {surname((a + 1) % n_actors)}"
        family, phrase, _, _ = EVENTS[rng.randrange(len(EVENTS))]
        city = CITIES[rng.randrange(len(CITIES))]
        text = f"{name} is expected " + phrase.format(city=city, other=other)
        actors = [name, other] if family == "meet" else [name]
        due_earliest = START + timedelta(days=rng.randrange(0, 300))
        due_latest = due_earliest + timedelta(days=rng.choice([1, 7, 30, 90]))
        location = city if family in {"visit", "attend", "meet"} else ""
        tkey = (name, family, location)
        if tkey not in key_cache:
            facts = ClaimFacts(
                claim=text,
                actors=tuple(actors),
                event=text,
                event_type=family,
                location=location,
                reference_date=START,
                due_earliest=START,
                due_latest=START + timedelta(days=400),
                sentence=text,  # as the pass reads the row back
            )
            pc = prepare(facts)
            key_cache[tkey] = (pc.keys, pc.family, encode(pc) if forms else None)
        keys, fam, form = key_cache[tkey]
        batch_claims.append(
            (
                cid,
                1,
                text,
                text,
                _json(actors),
                text,
                family,
                location,
                "expected",
                0.75,
                "positive",
                "",
                "",
                due_earliest,
                due_latest,
                "month",
                1,
                "open",
                "auto",
                now.replace(tzinfo=None),
                now.replace(tzinfo=None),
            )
        )
        for k in keys:
            batch_keys.append((cid, k, fam, START, due_latest + timedelta(days=3)))
        if form is not None:  # as indexing stores it
            batch_forms.append((cid, FINGERPRINT, form))
        templates.append((name, other, family, city))
        if len(batch_claims) >= 20000:
            _flush(engine, batch_claims, batch_keys, batch_forms)
            batch_claims, batch_keys, batch_forms = [], [], []
    _flush(engine, batch_claims, batch_keys, batch_forms)
    return templates


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values)


def _flush(engine, claims: list[tuple], keys: list[tuple], forms: list[tuple]) -> None:
    if not claims:
        return
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO claim (id, article_id, sentence, claim, actors, event, event_type, location,"
            " hedge, probability, polarity, speaker, time_expression, due_earliest, due_latest,"
            " due_basis, verifiable, status, status_by, checked_at, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            claims,
        )
        conn.exec_driver_sql(
            "INSERT INTO claim_key (claim_id, key, family, starts, ends) VALUES (?,?,?,?,?)", keys
        )
        if forms:
            conn.exec_driver_sql(
                "INSERT INTO claim_prepared (claim_id, version, body) VALUES (?,?,?)", forms
            )


def add_items(
    engine, templates, n_items: int, rng: random.Random, feed_id: int, offset: int
) -> None:
    rows = []
    for i in range(n_items):
        name, other, family, city = templates[rng.randrange(len(templates))]
        _, _, report, plan = next(e for e in EVENTS if e[0] == family)
        roll = rng.random()
        pattern = report if roll < 0.1 else plan if roll < 0.2 else rng.choice(NOISE)
        title = pattern.format(name=name.split()[-1], other=other.split()[-1], city=city)
        published = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(
            minutes=rng.randrange(0, 300 * 24 * 60)
        )
        rows.append(
            (
                feed_id,
                f"k{offset + i}",
                "",
                f"https://n.example/{offset + i}",
                title,
                "",
                "",
                "",
                published.replace(tzinfo=None),
                0,
                published.replace(tzinfo=None),
            )
        )
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO item (feed_id, dedup_key, guid, link, title, summary, author, content_hash,"
            " published_at, published_estimated, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def run_config(n_claims: int, n_items: int, repeat: int, queue, profile: bool = False) -> None:
    rng = random.Random(n_claims)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        templates = fill(engine, n_claims, rng)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO feed (name, url, origin, tags, extract_claims, fetch_full_text,"
                " disabled_reason, etag, last_modified, body_hash, consecutive_errors,"
                " last_error, item_count) VALUES ('b', 'u', 'cli', '[]', 1, 0, '', '', '', '', 0, '', 0)"
            )
        fill_s = time.perf_counter() - t0
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'bench.db'}")
        clock = FixedClock(datetime(2025, 6, 1, tzinfo=UTC))
        rates, cpus, pairs = [], [], []
        for r in range(repeat):
            add_items(engine, templates, n_items, rng, 1, r * n_items)
            t, c = time.perf_counter(), time.process_time()
            summary = verify_claims(engine, settings, clock)
            elapsed, cpu = time.perf_counter() - t, time.process_time() - c
            rates.append(summary.items_read / elapsed)
            cpus.append(1000 * cpu / max(1, summary.items_read))
            pairs.append(summary.pairs_judged / max(1, summary.items_read))
        if profile:
            add_items(engine, templates, n_items, rng, 1, repeat * n_items)
            _profile(lambda: verify_claims(engine, settings, clock))
        engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(
        (
            n_claims,
            fill_s,
            statistics.median(rates),
            statistics.median(cpus),
            statistics.median(pairs),
            peak_mb,
            rates,
        )
    )


def _profile(run) -> None:
    """One pass under cProfile: the shares of judging, preparing claims, and the database."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    run()
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    groups = {
        "judge (judge_prepared)": "judge.py:.*\\(judge_prepared\\)",
        "claim text preparation (prepare)": "judge.py:.*\\(prepare\\)",
        "candidate lookup (claims_for_items)": "verify.py:.*\\(claims_for_items\\)",
        "evidence writes (add_item_evidence)": "claims.py:.*\\(add_item_evidence\\)",
        "decisions (_decide_chunk)": "verify.py:.*\\(_decide_chunk\\)",
        "reading items (item_rows_after)": "items.py:.*\\(item_rows_after\\)",
        "index query (store index_rows)": "claims.py:.*\\(index_rows\\)",
        "stored forms read back (decode)": "prepared_form.py:.*\\(decode\\)",
    }
    import re

    print(f"profile: {total:.2f} s of CPU under cProfile")
    for label, pattern in groups.items():
        cum = sum(
            v[3]
            for k, v in stats.stats.items()  # type: ignore[attr-defined]
            if re.search(pattern, f"{k[0]}:{k[1]}({k[2]})")
        )
        print(f"  {label:<40} {cum:7.2f} s  {100 * cum / total:5.1f}%")
    stats.sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile one more pass")
    args = parser.parse_args()
    print(
        f"{'claims':>9} {'fill s':>7} {'items/s':>8} {'ms/item':>8} {'cpu ms':>7}"
        f" {'pairs/item':>10} {'peak MB':>8} {'load':>9}  runs (items/s)"
    )
    base = None
    ctx = mp.get_context("spawn")
    for n in args.claims:
        queue = ctx.Queue()
        load_before = os.getloadavg()[0]
        proc = ctx.Process(
            target=run_config, args=(n, args.items, args.repeat, queue, args.profile)
        )
        proc.start()
        proc.join()
        load_after = os.getloadavg()[0]
        if proc.exitcode != 0 or queue.empty():
            sys.exit(f"configuration with {n} claims failed (exit code {proc.exitcode})")
        n_claims, fill_s, rate, cpu, pairs, peak, runs = queue.get()
        per_item = 1000 / rate
        base = base or cpu
        runs_s = ", ".join(f"{x:.0f}" for x in runs)
        print(
            f"{n_claims:>9} {fill_s:>7.1f} {rate:>8.0f} {per_item:>8.3f} {cpu:>7.3f}"
            f" {pairs:>10.1f} {peak:>8.0f} {load_before:>4.1f}/{load_after:<4.1f}  {runs_s}"
            f"  (x{cpu / base:.2f} CPU per item vs first)"
        )


if __name__ == "__main__":
    main()
