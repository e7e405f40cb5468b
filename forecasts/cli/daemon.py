"""forecasts daemon / status: the background service."""

from __future__ import annotations
