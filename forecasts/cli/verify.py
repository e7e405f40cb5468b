"""forecasts verify / resolve / review / claim / claims / backtest: verdicts."""

from __future__ import annotations
