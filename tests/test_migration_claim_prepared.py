"""Migration 0016: the claim_prepared table and the covering index on claim_key."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine

from forecasts.db import alembic_config, open_database
from tests.test_verify_factories import make_article, make_claim


def _shape(engine: Engine) -> tuple[bool, set[str]]:
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        indexes = {i["name"] or "" for i in inspector.get_indexes("claim_key")}
        return inspector.has_table("claim_prepared"), indexes & {
            "ix_claim_key_key_ends",
            "ix_claim_key_lookup",
        }


def test_upgrade_adds_the_table_and_swaps_the_index_and_downgrade_undoes_it(db_url: str) -> None:
    """Index rows written before the upgrade stay; the downgrade restores the old shape."""
    engine = open_database(db_url)
    try:
        claim_id = make_claim(engine, make_article(engine))
        assert _shape(engine) == (True, {"ix_claim_key_lookup"})
        cfg = alembic_config(engine.url.render_as_string(hide_password=False))
        command.downgrade(cfg, "0015_claim_tags_edits")
        assert _shape(engine) == (False, {"ix_claim_key_key_ends"})
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO claim_key (claim_id, key, family, starts, ends) "
                    "VALUES (:c, 'yellen', 'visit', '2023-06-18', '2024-01-03')"
                ),
                {"c": claim_id},
            )
        command.upgrade(cfg, "head")
        assert _shape(engine) == (True, {"ix_claim_key_lookup"})
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO claim_prepared (claim_id, version, body) VALUES (:c, 'v', :b)"
                ),
                {"c": claim_id, "b": b"\x00\x01"},
            )
            rows = conn.execute(sa.text("SELECT claim_id, key FROM claim_key")).all()
            body = conn.execute(sa.text("SELECT body FROM claim_prepared")).scalar_one()
        assert [tuple(r) for r in rows] == [(claim_id, "yellen")]
        assert bytes(body) == b"\x00\x01"
    finally:
        engine.dispose()
