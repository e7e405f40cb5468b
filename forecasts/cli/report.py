"""forecasts report / export: monthly accuracy reports and data export."""

from __future__ import annotations
