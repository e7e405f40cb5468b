"""Tables used only by the PostgreSQL scale-out (leases) area."""

from __future__ import annotations
