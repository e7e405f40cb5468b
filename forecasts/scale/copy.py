"""Copy a whole database to another engine (SQLite -> PostgreSQL): schema, rows, sequences.

1. Both databases are migrated to the newest revision, so their tables are the models' tables.
2. The target must hold no rows (``force`` empties it first): a copy never merges.
3. Every table of the models is copied in dependency order (parents before children), in
   batches, through the models' column types (UTC datetimes, JSON, booleans convert on the way).
4. PostgreSQL's id sequences are moved past the copied ids, so new rows do not collide.
5. Row counts are compared table by table.
All of 2-5 run in one transaction on the target: a failed copy leaves the target as it was.
Full-text search indexes are not tables of the models; each engine's own (FTS5 triggers,
tsvector + GIN) fills from the copied rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

import forecasts.models  # noqa: F401  (registers every table on SQLModel.metadata)
from forecasts.db import open_database
from forecasts.errors import InputError, StoreError

# (table name, rows copied so far, rows in that table)
Progress = Callable[[str, int, int], None]


@dataclass
class TableCopy:
    table: str
    rows: int


@dataclass
class CopySummary:
    source: str
    target: str
    tables: list[TableCopy] = field(default_factory=list)
    emptied_first: bool = False

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def tables() -> list[sa.Table]:
    """The models' tables, parents before children."""
    return list(SQLModel.metadata.sorted_tables)


def _safe(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _count(conn: Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def same_database(first: str, second: str) -> bool:
    """Whether two URLs name one database: SQLite files are compared as files (a symlink, a
    ``./`` or a relative path to the same file is the same file), others by server and name."""
    a, b = sa.engine.make_url(first), sa.engine.make_url(second)
    if a.drivername.startswith("sqlite") and b.drivername.startswith("sqlite"):
        if not a.database or not b.database:
            return a.database == b.database
        pa, pb = Path(a.database), Path(b.database)
        if pa.exists() and pb.exists():
            return pa.samefile(pb)
        return pa.resolve() == pb.resolve()
    return (a.get_backend_name(), a.host or "", a.port, a.database) == (
        b.get_backend_name(),
        b.host or "",
        b.port,
        b.database,
    )


def copy_database(
    source_url: str,
    target_url: str,
    *,
    force: bool = False,
    batch_size: int = 1000,
    progress: Progress | None = None,
) -> CopySummary:
    """Copy every row of ``source_url`` into ``target_url`` (see the module docstring)."""
    if batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    if same_database(source_url, target_url):
        raise InputError("source and target are the same database")
    source = open_database(source_url)
    target = open_database(target_url)
    try:
        return _copy(source, target, force=force, batch_size=batch_size, progress=progress)
    finally:
        source.dispose()
        target.dispose()


def _copy(
    source: Engine, target: Engine, *, force: bool, batch_size: int, progress: Progress | None
) -> CopySummary:
    summary = CopySummary(
        _safe(source.url.render_as_string(False)), _safe(target.url.render_as_string(False))
    )
    ordered = tables()
    with source.connect() as src, target.begin() as dst:
        occupied = [t.name for t in ordered if _count(dst, t)]
        if occupied and not force:
            raise InputError(
                f"the target database is not empty (rows in {', '.join(occupied)}); "
                "copy into an empty database, or pass --force to empty it first"
            )
        if occupied:
            for table in reversed(ordered):  # children before parents
                dst.execute(table.delete())
            summary.emptied_first = True
        for table in ordered:
            total = _count(src, table)
            done = 0
            if progress:
                progress(table.name, 0, total)
            order = list(table.primary_key.columns) or list(table.columns)
            result = src.execution_options(yield_per=batch_size).execute(
                sa.select(table).order_by(*order)
            )
            for batch in result.mappings().partitions(batch_size):
                dst.execute(table.insert(), [dict(row) for row in batch])
                done += len(batch)
                if progress:
                    progress(table.name, done, total)
            summary.tables.append(TableCopy(table.name, done))
        if target.dialect.name == "postgresql":
            _reset_sequences(dst, ordered)
        for table, copied in zip(ordered, summary.tables, strict=True):
            there = _count(dst, table)
            if there != copied.rows or there != _count(src, table):
                raise StoreError(
                    f"copy of table {table.name} does not add up: {copied.rows} read, "
                    f"{there} in the target; nothing was kept"
                )
    return summary


def _reset_sequences(conn: Connection, ordered: list[sa.Table]) -> None:
    """Move each serial id's sequence past the largest copied id."""
    for table in ordered:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        column = pk[0].name
        seq = conn.execute(
            sa.text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column},
        ).scalar()
        if not seq:
            continue
        largest = conn.execute(sa.select(sa.func.max(pk[0]))).scalar()
        # setval(seq, n, is_called): with is_called false the next value is n itself.
        conn.execute(
            sa.text("SELECT setval(CAST(:seq AS regclass), :value, :called)"),
            {"seq": seq, "value": largest or 1, "called": largest is not None},
        )
