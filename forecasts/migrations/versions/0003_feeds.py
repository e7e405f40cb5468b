"""feeds: the configured URL of a feed, and the full-text index over items

Revision ID: 0003_feeds
Revises: 0002_extract

SQLite gets an FTS5 external-content table kept in step by triggers (the item table stays the
only copy of the text); PostgreSQL gets a generated tsvector column with a GIN index. Both are
made by raw SQL here because neither has a model (tests/test_db.py knows to skip them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_feeds"
down_revision = "0002_extract"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    """CREATE VIRTUAL TABLE item_fts USING fts5(
        title, summary, content='item', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER item_fts_ai AFTER INSERT ON item BEGIN
        INSERT INTO item_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
    END""",
    """CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN
        INSERT INTO item_fts(item_fts, rowid, title, summary)
        VALUES ('delete', old.id, old.title, old.summary);
    END""",
    """CREATE TRIGGER item_fts_au AFTER UPDATE OF title, summary ON item BEGIN
        INSERT INTO item_fts(item_fts, rowid, title, summary)
        VALUES ('delete', old.id, old.title, old.summary);
        INSERT INTO item_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
    END""",
    "INSERT INTO item_fts(item_fts) VALUES ('rebuild')",
]

_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS item_fts_au",
    "DROP TRIGGER IF EXISTS item_fts_ad",
    "DROP TRIGGER IF EXISTS item_fts_ai",
    "DROP TABLE IF EXISTS item_fts",
]

_PG_UP = [
    """ALTER TABLE item ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
    ) STORED""",
    "CREATE INDEX ix_item_search_vector ON item USING GIN (search_vector)",
]

_PG_DOWN = [
    "DROP INDEX IF EXISTS ix_item_search_vector",
    "ALTER TABLE item DROP COLUMN IF EXISTS search_vector",
]


def upgrade() -> None:
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.add_column(sa.Column("config_url", sa.String(), nullable=False, server_default=""))
    dialect = op.get_bind().dialect.name
    statements = _SQLITE_UP if dialect == "sqlite" else _PG_UP if dialect == "postgresql" else []
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = (
        _SQLITE_DOWN if dialect == "sqlite" else _PG_DOWN if dialect == "postgresql" else []
    )
    for statement in statements:
        op.execute(statement)
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_column("config_url")
