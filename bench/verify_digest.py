"""Do two versions of the code verify alike? A digest of everything a few passes write.

    python bench/verify_digest.py                # the code the interpreter imports
    ../main/.venv/bin/python bench/verify_digest.py   # another checkout's (compare the two)

The synthetic world of ``verify_bench.py`` (``--claims`` open claims, no stored prepared forms:
the passes make them), of which one claim in twenty is new (not yet checked: the claim-side
search runs) and one in a hundred vague (a new one: it becomes not_verifiable); then
``--passes`` passes over ``--items`` new items each. Printed: the sha1 of the evidence, the claims' statuses, their history, the index and the
cursor, after each pass. Equal digests: the same verdicts, word for word.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

QUERIES = {
    "evidence": "SELECT claim_id, item_id, url, kind, score, rule, event_date FROM evidence"
    " ORDER BY id",
    "statuses": "SELECT id, status, status_by, event_date, resolved_at, checked_at FROM claim"
    " ORDER BY id",
    "history": "SELECT claim_id, from_status, to_status, by, reason, evidence FROM claim_history"
    " ORDER BY id",
    "index": "SELECT claim_id, key, family, starts, ends FROM claim_key ORDER BY claim_id, key",
    "cursor": "SELECT name, last_item_id FROM verify_cursor ORDER BY name",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    from forecasts.clock import FixedClock
    from forecasts.config import Settings
    from forecasts.db import open_database
    from forecasts.jobs.verify import verify_claims

    # Imported after the interpreter's own forecasts package, which it then uses.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import verify_bench

    print("code:", Path(sys.modules["forecasts"].__file__ or "").parent)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'digest.db'}"
        engine = open_database(url)
        templates = verify_bench.fill(engine, args.claims, rng, forms=False)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE claim SET checked_at = NULL WHERE id % 20 = 0")
            conn.exec_driver_sql("UPDATE claim SET verifiable = 0 WHERE id % 100 = 20")
            conn.exec_driver_sql(
                "INSERT INTO feed (name, url, origin, tags, extract_claims, fetch_full_text,"
                " disabled_reason, etag, last_modified, body_hash, consecutive_errors,"
                " last_error, item_count) VALUES ('b', 'u', 'cli', '[]', 1, 0, '', '', '', '',"
                " 0, '', 0)"
            )
        settings = Settings(database_url=url)
        clock = FixedClock(datetime(2024, 6, 1, tzinfo=UTC))
        for n in range(args.passes):
            verify_bench.add_items(engine, templates, args.items, rng, 1, n * args.items)
            summary = verify_claims(engine, settings, clock)
            with engine.connect() as conn:
                digests = {
                    name: hashlib.sha1(
                        repr(conn.exec_driver_sql(sql).all()).encode(), usedforsecurity=False
                    ).hexdigest()[:12]
                    for name, sql in QUERIES.items()
                }
            print(f"pass {n + 1}: {summary.evidence_added} evidence, {summary.changes}")
            print("  " + "  ".join(f"{k} {v}" for k, v in digests.items()))
        engine.dispose()


if __name__ == "__main__":
    main()
