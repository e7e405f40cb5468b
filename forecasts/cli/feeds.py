"""forecasts feeds / poll / items: subscriptions and collection."""

from __future__ import annotations
