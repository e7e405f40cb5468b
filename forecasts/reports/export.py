"""Write the exported claims (``forecasts.store.claim_export.iter_claims``) as CSV or JSON.

Both writers consume the rows as they stream, so an export of millions of claims runs in
constant memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from forecasts.store.claim_export import FIELDS


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def write_json(rows: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    """A JSON array, one claim per line, written as it streams; returns the count."""
    n = 0
    fh.write("[")
    for row in rows:
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
        n += 1
    fh.write("\n]\n")
    return n


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# text from articles is prefixed with an apostrophe so it stays text.
_FORMULA_FIRST = frozenset("=+-@\t\r")


def _csv_cell(value: Any) -> Any:
    # Dispatch on the exact type: this runs 25 times per claim, a million claims per export.
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in _FORMULA_FIRST else value
    if kind is list:
        return json.dumps(value, ensure_ascii=False)
    if kind is date or kind is datetime:
        return value.isoformat()
    return value


def write_csv(rows: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    """CSV with a header; list fields (actors, evidence) as JSON text; returns the count."""
    writer = csv.writer(fh)
    writer.writerow(FIELDS)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in FIELDS])
        n += 1
    return n
