"""Daemon logging: to stderr (what systemd and containers collect) and optionally to a file.

Every line names the job it belongs to (``job=poll``), taken from a context variable that the
job runner sets, so that lines from a job's library code are tagged without passing names down,
and ends with the structured fields its caller gave (``extra={"claim_id": 7}`` -> ``claim_id=7``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from forecasts.config import Settings
from forecasts.redact import RedactingFormatter, secret_values

current_job: ContextVar[str] = ContextVar("current_job", default="-")

FORMAT = "%(asctime)s %(levelname)s %(name)s job=%(job)s: %(message)s%(fields)s"

# What every LogRecord carries; anything else was given through ``extra=`` and is shown.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "job", "fields"}


def structured_fields(record: logging.LogRecord) -> str:
    """The ``extra`` fields of a record as " key=value" pairs (``claim_id=7 feed_id=3``)."""
    extra = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
    return "".join(f" {k}={v}" for k, v in sorted(extra.items()))


class _JobFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # A job given as an ``extra`` field wins over the running job's context.
        record.job = record.__dict__.get("job") or current_job.get()
        record.fields = structured_fields(record)
        return True


@contextmanager
def job_context(name: str) -> Iterator[None]:
    token = current_job.set(name)
    try:
        yield
    finally:
        current_job.reset(token)


def setup_logging(settings: Settings) -> None:
    """Configure the root logger once per process (again on reload: level and file may change)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_forecasts", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if settings.log_file:
        path = settings.path(settings.log_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created owner-only: the log names feeds, claims and errors of a private database.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        handlers.append(logging.FileHandler(path, encoding="utf-8"))
    secrets = secret_values(settings)
    for handler in handlers:
        handler.setFormatter(RedactingFormatter(FORMAT, secrets))
        handler.addFilter(_JobFilter())
        handler._forecasts = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(settings.log_level)
    # APScheduler logs every run at INFO; ours already does, once, with the outcome.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
    # httpx logs every request's URL at INFO, and a webhook URL is a secret; our own lines say
    # what was fetched or sent. (The formatter masks secrets at DEBUG too.)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
