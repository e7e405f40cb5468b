from __future__ import annotations

from forecasts.cli import entry

entry()
