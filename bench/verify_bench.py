"""Verification speed: N open claims, then passes over 10,000 new items each; items/s and memory.

    python bench/verify_bench.py                      # 10,000 and 100,000 claims
    python bench/verify_bench.py --claims 10000 1000000 --db-dir /tmp/vperf
    git worktree add /tmp/old COMMIT                  # old and new code side by side:
    python bench/verify_bench.py --claims 10000 1000000 --db-dir /tmp/vperf --code /tmp/old --rounds 3

For each claim count a SQLite file is filled (claims, their index rows and their prepared forms
written in bulk; every claim is marked as already checked so that only the item-side path is
timed); with ``--db-dir`` it is built once per claim count, schema and prepared forms' fingerprint
and kept there (a million
claims take minutes to fill). Each configuration runs in its own process, on a fresh copy of
that file: ``--repeat`` passes of ``forecasts.jobs.verify.verify_claims``, each over ``--items``
new items (the same items for every tree and round). Printed per claim count and source tree:
median items/s, per-item milliseconds (wall, and CPU: the steadier figure on a shared machine),
candidate pairs judged per item, the peak RSS of the configuration's process, the 1-minute load
average around its processes, and every pass's CPU per item. ``--code`` runs other source
trees' code (each from its own ``forecasts`` and ``jobs``) on the same world, alternating with
this tree's; ``--rounds`` repeats the whole set (each claim count and tree in turn), so that
every configuration, old and new, small and large, shares the same stretches of load.

``--profile`` runs one extra pass under cProfile and prints its top lines, grouped as the
judge, the claims' text preparation and the queries.

Synthetic world: each actor has about ten open claims (the number of people and organisations
grows with the number of claims, as in real news), spread over a year; a tenth of the items
report a claimed event, a tenth announce one, the rest are other news naming the same people.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

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


def world(n_claims: int) -> Iterator[tuple[int, str, str, str, str, date, date]]:
    """The synthetic claims, always the same for a given count: (id, first actor, second
    actor, family, city, due_earliest, due_latest)."""
    rng = random.Random(n_claims)
    n_actors = max(10, n_claims // 10)
    for cid in range(1, n_claims + 1):
        a = rng.randrange(n_actors)
        name = f"Ana {surname(a)}"
        other = f"Ben {surname((a + 1) % n_actors)}"
        family = EVENTS[rng.randrange(len(EVENTS))][0]
        city = CITIES[rng.randrange(len(CITIES))]
        due_earliest = START + timedelta(days=rng.randrange(0, 300))
        due_latest = due_earliest + timedelta(days=rng.choice([1, 7, 30, 90]))
        yield cid, name, other, family, city, due_earliest, due_latest


def templates_of(n_claims: int) -> list[tuple[str, str, str, str]]:
    """What the items are made from: (actor, other actor, family, city) of every claim."""
    return [(name, other, family, city) for _, name, other, family, city, _, _ in world(n_claims)]


def fill(engine: Any, n_claims: int, forms: bool = True) -> None:
    """Insert an article, a feed, n_claims claims, their index rows and (``forms``) their
    prepared forms (through the code's own ``store.claims.save_prepared``, wherever that code
    keeps them)."""
    from forecasts.evidence.judge import ClaimFacts, prepare
    from forecasts.evidence.prepared_form import FINGERPRINT, encode

    now = datetime(2024, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO article (content_hash, title, source, url, path, text, reference_date,"
            " reference_date_basis, ingested_at) VALUES ('h', 't', 's', '', '', 'x', ?, '', ?)",
            (START, now.replace(tzinfo=None)),
        )
        conn.exec_driver_sql(
            "INSERT INTO feed (name, url, origin, tags, extract_claims, fetch_full_text,"
            " disabled_reason, etag, last_modified, body_hash, consecutive_errors,"
            " last_error, item_count) VALUES ('b', 'u', 'cli', '[]', 1, 0, '', '', '', '', 0, '', 0)"
        )
    key_cache: dict[tuple[str, str, str], tuple[tuple[str, ...], str, bytes | None]] = {}
    batch_claims: list[tuple[Any, ...]] = []
    batch_keys: list[tuple[Any, ...]] = []
    batch_forms: list[tuple[int, str, bytes]] = []
    for cid, name, other, family, city, due_earliest, due_latest in world(n_claims):
        phrase = next(e for e in EVENTS if e[0] == family)[1]
        text = f"{name} is expected " + phrase.format(city=city, other=other)
        actors = [name, other] if family == "meet" else [name]
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
        if len(batch_claims) >= 20000:
            _flush(engine, batch_claims, batch_keys, batch_forms)
            batch_claims, batch_keys, batch_forms = [], [], []
    _flush(engine, batch_claims, batch_keys, batch_forms)


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values)


def _flush(
    engine: Any,
    claims: list[tuple[Any, ...]],
    keys: list[tuple[Any, ...]],
    forms: list[tuple[int, str, bytes]],
) -> None:
    from forecasts.db import write_session
    from forecasts.store.claims import save_prepared

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
    with write_session(engine) as s:
        save_prepared(s, forms)


def add_items(
    engine: Any,
    templates: list[tuple[str, str, str, str]],
    n_items: int,
    rng: random.Random,
    feed_id: int,
    offset: int,
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


def _use_tree(tree: Path) -> None:
    """Import ``forecasts`` (and its ``forecasts.jobs``, which lives in the tree's ``jobs/``)
    from the source tree ``tree``: an editable install would otherwise map ``forecasts.jobs``
    to its own tree, and an old ``forecasts`` would run the new jobs."""
    sys.path.insert(0, str(tree))
    import forecasts

    if Path(forecasts.__file__).resolve().parent != tree / "forecasts":
        sys.exit(f"forecasts was imported from {forecasts.__file__}, not from {tree}")
    spec = importlib.util.spec_from_file_location(
        "forecasts.jobs",
        tree / "jobs" / "__init__.py",
        submodule_search_locations=[str(tree / "jobs")],
    )
    assert spec is not None and spec.loader is not None
    jobs = importlib.util.module_from_spec(spec)
    sys.modules["forecasts.jobs"] = jobs
    spec.loader.exec_module(jobs)


def _head(tree: Path) -> str:
    """The newest migration of the tree: a kept database is built per schema."""
    return sorted(p.stem for p in (tree / "forecasts" / "migrations" / "versions").glob("0*.py"))[
        -1
    ]


def _base(tree: Path, n_claims: int, db_dir: Path) -> tuple[Path, float]:
    """The filled database for ``n_claims`` (built once per schema and prepared forms' code,
    and kept in ``db_dir``);
    returns it and the seconds its filling took now (0 when it was kept)."""
    from forecasts.db import open_database
    from forecasts.evidence.prepared_form import FINGERPRINT

    # Forms made by other code would be derived again in every pass: one file per fingerprint.
    base = db_dir / f"verify-{n_claims}-{_head(tree)}-{FINGERPRINT}.db"
    if base.exists():
        return base, 0.0
    building = base.with_suffix(".building")
    building.unlink(missing_ok=True)
    engine = open_database(f"sqlite:///{building}")
    t0 = time.perf_counter()
    fill(engine, n_claims)
    fill_s = time.perf_counter() - t0
    engine.dispose()
    building.rename(base)
    return base, fill_s


def run_config(args: argparse.Namespace) -> dict[str, Any]:
    """One configuration in this process: a copy of the filled database, ``--repeat`` passes."""
    tree = Path(args.tree).resolve()
    _use_tree(tree)
    from forecasts.clock import FixedClock
    from forecasts.config import Settings
    from forecasts.db import open_database
    from forecasts.jobs.verify import verify_claims

    n_claims = args.child
    with tempfile.TemporaryDirectory(dir=args.db_dir) as tmp:
        base, fill_s = _base(tree, n_claims, Path(args.db_dir or tmp))
        work = Path(tmp) / "bench.db"
        shutil.copyfile(base, work)
        url = f"sqlite:///{work}"
        engine = open_database(url)
        settings = Settings(database_url=url)
        clock = FixedClock(datetime(2025, 6, 1, tzinfo=UTC))
        templates = templates_of(n_claims)
        rates, cpus, pairs = [], [], []
        for r in range(args.repeat + int(args.profile)):
            # The same items for every tree and round: seeded by the claim count and the pass.
            rng = random.Random(f"items {n_claims} {r}")
            add_items(engine, templates, args.items, rng, 1, r * args.items)
            if r == args.repeat:
                _profile(lambda: verify_claims(engine, settings, clock))
                break
            t, c = time.perf_counter(), time.process_time()
            summary = verify_claims(engine, settings, clock)
            elapsed, cpu = time.perf_counter() - t, time.process_time() - c
            rates.append(summary.items_read / elapsed)
            cpus.append(1000 * cpu / max(1, summary.items_read))
            pairs.append(summary.pairs_judged / max(1, summary.items_read))
        engine.dispose()
    return {
        "fill_s": fill_s,
        "rates": rates,
        "cpus": cpus,
        "pairs": pairs,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _profile(run: Any) -> None:
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
        "candidate claims made ready (_prepare_candidates)": "verify.py:.*\\(_prepare_candidates\\)",
        "  their rows read (store judged_claim_rows)": "claims.py:.*\\((judged|active)_claim_rows\\)",
        "  stored forms read back (decode)": "prepared_form.py:.*\\(decode\\)",
    }
    import re

    print(f"profile: {total:.2f} s of CPU under cProfile")
    for label, pattern in groups.items():
        cum = sum(
            v[3]
            for k, v in stats.stats.items()  # type: ignore[attr-defined]
            if re.search(pattern, f"{k[0]}:{k[1]}({k[2]})")
        )
        print(f"  {label:<50} {cum:7.2f} s  {100 * cum / total:5.1f}%")
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="passes per process")
    parser.add_argument("--rounds", type=int, default=1, help="processes per claim count and tree")
    parser.add_argument("--profile", action="store_true", help="profile one more pass")
    parser.add_argument(
        "--db-dir",
        help="keep the filled databases here (one per claim count and schema) and reuse them",
    )
    parser.add_argument(
        "--code",
        nargs="*",
        default=[],
        metavar="TREE",
        help="other source trees (e.g. a git worktree of an older commit) to run side by side",
    )
    parser.add_argument("--tree", default=str(REPO), help=argparse.SUPPRESS)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(RESULT + json.dumps(run_config(args)), flush=True)
        return
    trees = [str(REPO), *(str(Path(t).resolve()) for t in args.code)]
    print(
        f"{'claims':>9} {'fill s':>7} {'items/s':>8} {'ms/item':>8} {'cpu ms':>7}"
        f" {'pairs/item':>10} {'peak MB':>8} {'load':>9}  tree; runs (CPU ms per item)"
    )
    runs: dict[tuple[int, str], list[dict[str, Any]]] = {}
    loads: dict[tuple[int, str], list[float]] = {}
    # Rounds outermost, then claim counts, then trees: every configuration shares the same
    # stretches of load, so the ratio between claim counts is as fair as between trees.
    for _ in range(args.rounds):
        for n in args.claims:
            for tree in trees:
                loads.setdefault((n, tree), []).append(os.getloadavg()[0])
                runs.setdefault((n, tree), []).append(_child(args, tree, n))
                loads[(n, tree)].append(os.getloadavg()[0])
    base: dict[str, float] = {}
    for n in args.claims:
        for tree in trees:
            got = runs[(n, tree)]
            rates = [x for r in got for x in r["rates"]]
            cpus = [x for r in got for x in r["cpus"]]
            cpu = statistics.median(cpus)
            base.setdefault(tree, cpu)
            rate = statistics.median(rates)
            load = loads[(n, tree)]
            print(
                f"{n:>9} {max(r['fill_s'] for r in got):>7.1f} {rate:>8.0f} {1000 / rate:>8.3f}"
                f" {cpu:>7.3f} {statistics.median(x for r in got for x in r['pairs']):>10.1f}"
                f" {max(r['peak_mb'] for r in got):>8.0f}"
                f" {min(load):>4.1f}-{max(load):<4.1f}  {Path(tree).name};"
                f" {', '.join(f'{x:.3f}' for x in cpus)}  (x{cpu / base[tree]:.2f} CPU per item"
                " vs first count)",
                flush=True,
            )


RESULT = "RESULT "


def _child(args: argparse.Namespace, tree: str, n: int) -> dict[str, Any]:
    """One configuration in a fresh process running ``tree``'s code."""
    cmd = [sys.executable, __file__, "--child", str(n), "--tree", tree]
    cmd += ["--items", str(args.items), "--repeat", str(args.repeat)]
    cmd += ["--db-dir", args.db_dir] if args.db_dir else []
    cmd += ["--profile"] if args.profile else []
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT):
            result = json.loads(line[len(RESULT) :])
        else:
            print(line)
    if proc.returncode != 0 or result is None:
        sys.exit(f"configuration with {n} claims ({tree}) failed (exit code {proc.returncode})")
    return dict(result)


if __name__ == "__main__":
    main()
