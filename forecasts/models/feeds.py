"""Tables used only by the collector area."""

from __future__ import annotations
