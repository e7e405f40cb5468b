"""`forecasts eval ...`: the quality commands, loaded together when `eval` is used."""

from __future__ import annotations

from forecasts.cli import eval_extraction, eval_verification  # noqa: F401  (register commands)
from forecasts.cli.app import eval_group

__all__ = ["eval_group"]
