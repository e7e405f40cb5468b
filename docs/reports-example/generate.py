"""Regenerate the example report in this folder from the seed backtest.

    python docs/reports-example/generate.py                 # replay to 2024-02-01, pick the month
    python docs/reports-example/generate.py --month 2023-12

It replays the bundled article (seeds/articles) and archive feed (seeds/feeds) with the verify
area's ``forecasts.jobs.backtest.run_backtest``, stores the final claims table (claims, statuses and the
deciding evidence) in a fresh SQLite database, and writes the report of the month in which most
claims were resolved, in every format, beside this file (not under seeds/, where every .md,
.html and .txt file would be ingested as an article): YYYY-MM.md (+ its two SVG charts),
YYYY-MM.html, YYYY-MM.json and YYYY-MM.txt (the terminal table).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))


def store(engine: Any, settings: Any, claims: list[dict[str, Any]], as_of: datetime) -> None:
    """The backtest's claims table as rows of a fresh database (articles from the seeds)."""
    from forecasts.articles.load import load_source
    from forecasts.db import write_session
    from forecasts.models import Article, Claim, Evidence

    loaded = {a.title: a for a in load_source(str(REPO / "seeds" / "articles"), settings)}
    fields = set(Claim.model_fields) - {"id", "article_id", "created_at"}
    with write_session(engine) as s:
        articles: dict[str, Article] = {}
        for row in claims:
            title = row.get("article", "")
            if title not in articles:
                src = loaded.get(title)
                article = Article(
                    content_hash=f"seed-{len(articles)}",
                    title=title,
                    source=src.source if src else "",
                    url=src.url if src else "",
                    text=src.text if src else "",
                    reference_date=(src.reference_date if src else None) or date(2023, 6, 18),
                    ingested_at=as_of,
                )
                s.add(article)
                s.flush()
                articles[title] = article
            values = {k: v for k, v in row.items() if k in fields}
            claim = Claim(article_id=articles[title].id, created_at=as_of, **values)
            s.add(claim)
            s.flush()
            for ev in row.get("evidence", []):
                s.add(
                    Evidence(
                        claim_id=claim.id,
                        url=ev.get("link", ""),
                        kind=ev.get("kind", "signal"),
                        score=float(ev.get("score", 0.0)),
                        rule=ev.get("rule", ""),
                        created_at=as_of,
                    )
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--until", default="2024-02-01", help="Replay up to this day.")
    parser.add_argument("--month", help="Report month (default: the most resolved claims).")
    args = parser.parse_args()

    from forecasts.clock import FixedClock
    from forecasts.config import load_settings
    from forecasts.db import open_database
    from forecasts.jobs.backtest import run_backtest
    from forecasts.jobs.report import monthly_report
    from forecasts.reports import render

    settings = load_settings(REPO / "config.toml")
    until = date.fromisoformat(args.until)
    result = run_backtest(
        settings,
        [str(REPO / "seeds" / "articles")],
        [str(REPO / "seeds" / "feeds")],
        until=until,
        progress=lambda msg: print(msg, file=sys.stderr),
    )
    as_of = datetime.combine(until, time(12), tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="seed-report-") as tmp:
        engine = open_database(f"sqlite:///{Path(tmp) / 'seed.db'}")
        try:
            store(engine, settings, result.claims, as_of)
            resolved = Counter(
                str(row["due_latest"])[:7]
                for row in result.claims
                if row["status"] in ("fulfilled", "unfulfilled")
            )
            month = args.month or max(sorted(resolved), key=lambda m: resolved[m])
            report = monthly_report(engine, settings, FixedClock(as_of), month=month)
            for fmt in render.FORMATS:
                for path in render.write(report, fmt, HERE / f"{month}{render.SUFFIX[fmt]}"):
                    print(f"wrote {path.relative_to(REPO)}")
        finally:
            engine.dispose()


if __name__ == "__main__":
    main()
