"""Migration 0009: the event date moves out of the rule string into evidence.event_date."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine

from forecasts.db import alembic_config, open_database
from tests.test_verify_factories import make_article, make_claim


def _rows(engine: Engine) -> list[tuple[str, object]]:
    with engine.connect() as conn:
        cols = {c["name"] for c in sa.inspect(conn).get_columns("evidence")}
        wanted = "rule, event_date" if "event_date" in cols else "rule, NULL"
        return [
            tuple(r) for r in conn.exec_driver_sql(f"SELECT {wanted} FROM evidence ORDER BY id")
        ]


def test_upgrade_moves_the_date_into_its_column_and_downgrade_puts_it_back(db_url: str) -> None:
    """A rule "report:past met@2023-07-08" becomes rule "report:past met" with event_date
    2023-07-08; a rule without a date is left alone; the downgrade restores both."""
    engine = open_database(db_url)
    try:
        claim_id = make_claim(engine, make_article(engine))
        cfg = alembic_config(engine.url.render_as_string(hide_password=False))
        command.downgrade(cfg, "0007_report_indexes")
        with engine.begin() as conn:
            for item_rule in ("report:past met+place@2023-07-08", "signal:plan visit"):
                conn.execute(
                    sa.text(
                        "INSERT INTO evidence (claim_id, url, kind, score, rule, created_at) "
                        "VALUES (:c, :u, 'fulfilment', 0.9, :r, '2023-07-09 00:00:00')"
                    ),
                    {"c": claim_id, "u": f"https://x/{item_rule}", "r": item_rule},
                )
        command.upgrade(cfg, "head")
        rows = _rows(engine)
        assert rows[0][0] == "report:past met+place"
        assert str(rows[0][1])[:10] == "2023-07-08"
        assert rows[1] == ("signal:plan visit", None)
        command.downgrade(cfg, "0007_report_indexes")
        assert [r[0] for r in _rows(engine)] == [
            "report:past met+place@2023-07-08",
            "signal:plan visit",
        ]
        command.upgrade(cfg, "head")
        assert str(_rows(engine)[0][1])[:10] == date(2023, 7, 8).isoformat()
    finally:
        engine.dispose()
