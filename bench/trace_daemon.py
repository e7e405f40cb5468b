"""The daemon with a census of its memory, for ``soak_bench.py --tracemalloc``: where it grows.

    python bench/trace_daemon.py OUT SECONDS FRAMES -- --config C daemon

Runs ``forecasts`` with the arguments after ``--``; every SECONDS it rewrites OUT with, since the
first census (taken after one interval of warm-up): the size of every ``functools.lru_cache``
in the process, the object types whose count grew most, and (FRAMES > 0: tracemalloc on, with
that many frames; slow) the allocation sites whose memory grew most. Under tracemalloc the
daemon runs several times slower: its figures find the cause, they are not the daemon's RSS.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

_SELF = (tracemalloc.__file__, __file__)


def _caches() -> dict[str, tuple[int, int | None]]:
    """Every lru_cache-wrapped function alive: name -> (entries, maxsize)."""
    out: dict[str, tuple[int, int | None]] = {}
    for obj in gc.get_objects():
        if callable(obj) and hasattr(obj, "cache_info") and hasattr(obj, "__wrapped__"):
            info = obj.cache_info()
            name = f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', '?')}"
            out[name] = (info.currsize, info.maxsize)
    return out


def _types() -> Counter[str]:
    return Counter(type(o).__name__ for o in gc.get_objects())


def _rss() -> float:
    text = Path("/proc/self/status").read_text()
    return int(text.split("VmRSS:")[1].split()[0]) / 1024


def _watch(out: Path, every: float, frames: int) -> None:
    time.sleep(every)
    started = time.monotonic()
    rss0, caches0, types0 = _rss(), _caches(), _types()
    snap0 = _snapshot() if frames else None
    while True:
        time.sleep(every)
        rss, caches, types = _rss(), _caches(), _types()
        lines = [f"after {time.monotonic() - started:.0f} s: RSS {rss0:.1f} -> {rss:.1f} MiB"]
        lines.append("lru caches (entries now, growth, maxsize):")
        grown = sorted(caches, key=lambda k: caches[k][0] - caches0.get(k, (0, 0))[0])
        for name in reversed(grown):
            size, most = caches[name]
            lines.append(
                f"  {size:>7} {size - caches0.get(name, (0, 0))[0]:>+7} {most!s:>7} {name}"
            )
        lines.append("object types (count growth):")
        lines.extend(f"  {n:>+8} {t}" for t, n in (types - types0).most_common(15))
        if snap0 is not None:
            lines.append("allocation sites (growth):")
            for stat in _snapshot().compare_to(snap0, "traceback")[:15]:
                lines.append(f"  {stat.size_diff / 2**20:+8.2f} MiB {stat.count_diff:+8d} blocks")
                lines.extend(f"      {frame}" for frame in stat.traceback.format())
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _snapshot() -> Any:
    return tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(False, name) for name in _SELF]
    )


def main() -> None:
    out, every, frames, sep, *rest = sys.argv[1:]
    if sep != "--":
        sys.exit(__doc__)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if int(frames):
        tracemalloc.start(int(frames))
    thread = threading.Thread(target=_watch, args=(Path(out), float(every), int(frames)))
    thread.daemon = True
    thread.start()
    sys.argv = ["forecasts", *rest]
    from forecasts.cli import entry

    entry()


if __name__ == "__main__":
    main()
