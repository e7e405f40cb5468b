"""forecasts extract: read articles, store them and their claims."""

from __future__ import annotations
