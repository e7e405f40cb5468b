"""Benchmark: how fast the command line answers, each run in a fresh process.

Targets (issue 14), median of 10 runs: `forecasts --help` <= 0.25 s, `forecasts claims` on
10,000 claims <= 0.5 s, a tab completion <= 0.25 s. The database is built once, by the real
migrations and a bulk insert, in a temporary folder; each command then runs as its own
`forecasts` process (what a person's shell starts) with output to a pipe, and the machine's load
average is printed beside the figures, since a shared machine's neighbours move them.

    python bench/cli_bench.py                    # 10 runs of each, 10,000 claims
    python bench/cli_bench.py --runs 20 --claims 100000
    python bench/cli_bench.py --src /tmp/old     # another checkout's code (PYTHONPATH), e.g. before

"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"--help": 0.25, "claims": 0.5, "completion": 0.25}
WORDS = [
    "Yellen",
    "Blinken",
    "Beijing",
    "visit",
    "summit",
    "trade",
    "talks",
    "minister",
    "will",
    "could",
    "is",
    "expected",
    "to",
    "attend",
    "meet",
    "sign",
    "agreement",
    "election",
    "vote",
    "parliament",
    "budget",
    "tariffs",
    "China",
    "United",
    "States",
    "Japan",
]


def build(db: Path, claims: int, env: dict[str, str]) -> None:
    """Create the schema with the code under test, then insert ``claims`` claims in bulk."""
    code = (
        "import sys; from forecasts.db import open_database; open_database(sys.argv[1]).dispose()"
    )
    subprocess.run(
        [sys.executable, "-c", code, f"sqlite:///{db}"], check=True, env=env, cwd=db.parent
    )
    rng = random.Random(14)
    now = datetime(2024, 1, 1, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.000000")
    con = sqlite3.connect(db)
    articles = max(1, claims // 50)
    con.executemany(
        "INSERT INTO article (id, content_hash, title, source, url, path, text, reference_date,"
        " reference_date_basis, ingested_at) VALUES (?, ?, ?, ?, '', '', 'text', ?, '', ?)",
        [
            (
                i,
                f"{i:064d}",
                f"Article {i}",
                rng.choice(["Reuters", "AP", "The Japan Times"]),
                (date(2023, 1, 1) + timedelta(days=i % 365)).isoformat(),
                now,
            )
            for i in range(1, articles + 1)
        ],
    )
    statuses = ["open", "fulfilled", "unfulfilled", "needs_review", "not_verifiable", "void"]
    rows = []
    for i in range(1, claims + 1):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        due = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        status = rng.choice(statuses)
        rows.append(
            (
                i,
                1 + i % articles,
                text,
                text,
                "[]",
                rng.choice(["Blinken", "Yellen", ""]),
                due.isoformat(),
                due.isoformat(),
                status,
                now,
            )
        )
    con.executemany(
        "INSERT INTO claim (id, article_id, sentence, claim, actors, event, event_type, location,"
        " hedge, probability, polarity, speaker, time_expression, due_earliest, due_latest,"
        " due_basis, verifiable, status, status_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, '', '', '', 'will', 0.9, 'positive', ?, '', ?, ?, '', 1, ?,"
        " 'auto', ?)",
        rows,
    )
    con.commit()
    con.close()


def timed(
    command: list[str], env: dict[str, str], runs: int, cwd: Path
) -> tuple[float, float, int] | None:
    """(median, min, bytes of output) of ``runs`` fresh processes; None if the command fails
    (an older checkout without the option)."""
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=False, cwd=cwd)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            print(f"  failed ({done.returncode}): {done.stderr.decode().strip()[-200:]}")
            return None
        size = len(done.stdout)
    return statistics.median(times), min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--src", type=Path, help="Run this checkout's code instead (PYTHONPATH).")
    args = parser.parse_args()

    env = dict(os.environ, NO_COLOR="1", COLUMNS="80", LINES="24")
    env.pop("FORECASTS_CONFIG", None)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    script = shutil.which("forecasts", path=str(Path(sys.executable).parent))
    forecasts = [script] if script else [sys.executable, "-m", "forecasts"]
    with tempfile.TemporaryDirectory(prefix="cli-bench-") as tmp:
        folder = Path(tmp)
        db = folder / "forecasts.db"
        config = folder / "config.toml"
        config.write_text(f'database_url = "sqlite:///{db}"\n', encoding="utf-8")
        env["HOME"] = str(folder)  # no user config of the person running the bench
        t0 = time.perf_counter()
        build(db, args.claims, env)
        print(f"built {args.claims:,} claims in {time.perf_counter() - t0:.1f} s")
        complete = dict(
            env, _FORECASTS_COMPLETE="bash_complete", COMP_WORDS="forecasts cl", COMP_CWORD="1"
        )
        complete_opt = dict(
            env,
            _FORECASTS_COMPLETE="bash_complete",
            COMP_WORDS="forecasts claims --s",
            COMP_CWORD="2",
        )
        cases = [
            ("--help", "forecasts --help", [*forecasts, "--help"], env),
            (
                "claims",
                f"forecasts claims ({args.claims:,})",
                [*forecasts, "--config", str(config), "claims"],
                env,
            ),
            ("completion", "complete 'forecasts cl'", forecasts, complete),
            ("", "complete 'forecasts claims --s'", forecasts, complete_opt),
            (
                "",
                "forecasts claims --search",
                [
                    *forecasts,
                    "--config",
                    str(config),
                    "claims",
                    "--search",
                    "Yellen Beijing",
                    "--limit",
                    "50",
                ],
                env,
            ),
            (
                "",
                "forecasts claims --json --limit 100",
                [*forecasts, "--config", str(config), "claims", "--json", "--limit", "100"],
                env,
            ),
        ]
        load_before = os.getloadavg()
        print(
            f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}"
            f" ({os.cpu_count()} CPUs); {args.runs} runs each, fresh process per run"
        )
        print(f"{'command':<40} {'median':>8} {'min':>8} {'target':>8}  output")
        for key, label, command, case_env in cases:
            result = timed(command, case_env, args.runs, folder)
            if result is None:
                print(f"{label:<40} {'n/a':>8}")
                continue
            median, fastest, size = result
            target = TARGETS.get(key)
            verdict = ""
            if target is not None:
                verdict = "ok" if median <= target else "OVER"
            shown = f"{target:.2f} s" if target else ""
            print(
                f"{label:<40} {median:>6.3f} s {fastest:>6.3f} s {shown:>8}  {size:,} bytes {verdict}"
            )
        load_after = os.getloadavg()
        print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")


if __name__ == "__main__":
    main()
