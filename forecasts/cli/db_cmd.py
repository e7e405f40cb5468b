"""forecasts db: database maintenance (copy between engines)."""

from __future__ import annotations
