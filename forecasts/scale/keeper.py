"""Hold a lease for as long as some work runs, renewing it in the background.

``with LeaseKeeper(engine, "job:verify", worker, clock, seconds=120) as keeper:`` takes the
lease (``keeper.held`` says whether it did), renews it every third of its length from a
daemon thread while the block runs, and releases it at the end. If the process dies the
renewals stop and the lease runs out, so another worker takes over after ``seconds``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from types import TracebackType

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.db import write_session
from forecasts.store import leases

log = logging.getLogger(__name__)


class LeaseKeeper:
    def __init__(
        self,
        engine: Engine,
        names: str | Sequence[str],
        worker: str,
        clock: Clock,
        *,
        seconds: float = 120,
        adopt: bool = False,
    ) -> None:
        self.engine = engine
        self.names = [names] if isinstance(names, str) else list(names)
        self.worker = worker
        self.clock = clock
        self.seconds = seconds
        self.adopt = adopt  # the names are already ours (just acquired): only renew and release
        self.held: list[str] = []
        self.lost: list[str] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LeaseKeeper:
        if self.adopt:
            self.held = sorted(set(self.names))
        else:
            with write_session(self.engine) as s:
                self.held = leases.acquire_many(
                    s, self.names, self.worker, self.clock.now(), self.seconds
                )
        if self.held:
            self._thread = threading.Thread(target=self._renew_loop, name="lease", daemon=True)
            self._thread.start()
        return self

    @property
    def all_held(self) -> bool:
        return bool(self.held) and len(self.held) == len(set(self.names))

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.seconds / 3):
            try:
                with write_session(self.engine) as s:
                    kept = leases.renew(s, self.held, self.worker, self.clock.now(), self.seconds)
            except Exception:
                log.exception("could not renew leases %s", self.held)
                continue
            lost = sorted(set(self.held) - set(kept))
            if lost:
                log.warning("leases lost to another worker: %s", ", ".join(lost))
                self.lost.extend(lost)
                self.held = kept

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.held:
            try:
                with write_session(self.engine) as s:
                    leases.release(s, self.held, self.worker)
            except Exception:
                log.exception("could not release leases %s (they expire by themselves)", self.held)
