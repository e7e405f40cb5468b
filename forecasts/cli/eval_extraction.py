"""forecasts eval extraction: precision/recall of the extractor on tests/corpus/extraction."""

from __future__ import annotations
