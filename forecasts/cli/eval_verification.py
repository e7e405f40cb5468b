"""forecasts eval verification: quality of the judge on tests/corpus/verification."""

from __future__ import annotations
