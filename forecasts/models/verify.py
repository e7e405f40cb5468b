"""Tables used only by the verification area."""

from __future__ import annotations
