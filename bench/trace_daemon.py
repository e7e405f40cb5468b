"""The daemon under tracemalloc, for ``soak_bench.py --tracemalloc``: where memory grows.

    python bench/trace_daemon.py OUT SECONDS -- --config C daemon

Runs ``forecasts`` with the arguments after ``--``; every SECONDS it writes to OUT the 25
allocation sites (grouped by their innermost 6 frames) whose memory grew most since the first
snapshot, which is taken after one interval of warm-up. Tracing costs CPU and memory: its
figures are for finding the cause, not for quoting the daemon's RSS.
"""

from __future__ import annotations

import sys
import threading
import time
import tracemalloc
from pathlib import Path

FRAMES = 6


def _watch(out: Path, every: float) -> None:
    time.sleep(every)
    first = tracemalloc.take_snapshot()
    started = time.monotonic()
    while True:
        time.sleep(every)
        snap = tracemalloc.take_snapshot()
        growth = snap.compare_to(first, "traceback")
        lines = [f"after {time.monotonic() - started:.0f} s: traced {_mib(snap)} MiB"]
        for stat in growth[:25]:
            lines.append(f"{stat.size_diff / 2**20:+8.2f} MiB {stat.count_diff:+8d} blocks")
            lines.extend(f"      {frame}" for frame in stat.traceback.format()[-2 * FRAMES :])
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _mib(snap: tracemalloc.Snapshot) -> str:
    return f"{sum(s.size for s in snap.statistics('filename')) / 2**20:.1f}"


def main() -> None:
    out, every, sep, *rest = sys.argv[1:]
    if sep != "--":
        sys.exit(__doc__)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    tracemalloc.start(FRAMES)
    threading.Thread(target=_watch, args=(Path(out), float(every)), daemon=True).start()
    sys.argv = ["forecasts", *rest]
    from forecasts.cli import entry

    entry()


if __name__ == "__main__":
    main()
