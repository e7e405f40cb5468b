"""Tables used only by the daemon (job state, heartbeat, notifications) area."""

from __future__ import annotations
