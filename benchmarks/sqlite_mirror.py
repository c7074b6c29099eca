"""The notebook's queries on SQLite, for `benchmarks/queries.py`: a mirror of a DuckDB snapshot in SQLite, the
queries run there (`job_assets.store.queries` writes each query in both dialects), and a comparison of answers.
Benchmark-only: the product never opens SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from job_assets.store.queries import bind


def run_sqlite(conn: sqlite3.Connection, name: str, **params: Any) -> list[tuple[Any, ...]]:
    sql, args = bind(name, "sqlite", **params)
    return conn.execute(sql, args).fetchall()


# --- SQLite mirror --------------------------------------------------------------------------------

_SQLITE_TABLES = {
    "search_terms": "term text, job_id text, weight real, is_open integer, docid integer",
    "search_stats": "n_docs integer, avg_len real, k1 real, b real",
    "user_fields": "job_id text primary key, favorite integer, status text, notes text, updated_at text",
}
_SQLITE_INDEXES = (
    "create index jobs_company on jobs(company)",
    "create index jobs_first_seen on jobs(first_seen_at)",
    "create index search_terms_term on search_terms(term)",
)


def _sqlite_select(conn: duckdb.DuckDBPyConnection, table: str) -> tuple[list[str], str]:
    """Column names and a SELECT that renders lists as JSON, times as UTC ISO text, bools as 0/1."""
    names, exprs = [], []
    for name, dtype, *_ in conn.execute(f'describe "{table}"').fetchall():
        col = f'"{name}"'
        if dtype.endswith("[]") or dtype.startswith(("STRUCT", "MAP")):
            col = f"to_json({col})::varchar"
        elif dtype.startswith("TIMESTAMP"):
            col = f"strftime({col}::timestamptz at time zone 'UTC', '%Y-%m-%d %H:%M:%S.%f')"
        elif dtype == "BOOLEAN":
            col = f"{col}::integer"
        names.append(name)
        exprs.append(f'{col} as "{name}"')
    return names, f'select {", ".join(exprs)} from "{table}"'


def _copy_table(
    duck: duckdb.DuckDBPyConnection, lite: sqlite3.Connection, table: str, ddl: str | None
) -> None:
    names, select = _sqlite_select(duck, table)
    lite.execute(ddl or f'create table "{table}" ({", ".join(names)})')
    insert = f'insert into "{table}" ({", ".join(names)}) values ({", ".join("?" for _ in names)})'
    cursor = duck.execute(select)
    while batch := cursor.fetchmany(50_000):
        lite.executemany(insert, batch)


def to_sqlite(duck: duckdb.DuckDBPyConnection, path: str | Path) -> sqlite3.Connection:
    """Mirror a snapshot (jobs, user fields, search index) into a new SQLite file, indexed for the queries."""
    path = Path(path)
    path.unlink(missing_ok=True)
    lite = sqlite3.connect(path)
    lite.execute("pragma journal_mode = off")
    lite.execute("pragma synchronous = off")
    names, _ = _sqlite_select(duck, "jobs")
    jobs_ddl = (
        "create table jobs ("
        + ", ".join(n + (" text primary key" if n == "job_id" else "") for n in names)
        + ")"
    )
    _copy_table(duck, lite, "jobs", jobs_ddl)
    for table, columns in _SQLITE_TABLES.items():
        _copy_table(duck, lite, table, f'create table "{table}" ({columns})')
    for statement in _SQLITE_INDEXES:
        lite.execute(statement)
    lite.execute(
        "create view jobs_view as select j.*, coalesce(u.favorite, 0) as favorite, coalesce(u.status, 'new') as status,"
        " u.notes, u.updated_at as user_updated_at from jobs j left join user_fields u using (job_id)"
    )
    lite.commit()
    lite.execute("analyze")
    return lite


def compare(rows: Sequence[tuple[Any, ...]], frame: pl.DataFrame) -> bool:
    """Whether SQLite rows and a DuckDB frame hold the same answer (floats to 1e-6)."""
    if len(rows) != frame.height:
        return False
    for lite_row, duck_row in zip(rows, frame.iter_rows(), strict=True):
        for a, b in zip(lite_row, duck_row, strict=True):
            if isinstance(b, datetime):
                b = b.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            if isinstance(a, float) or isinstance(b, float):
                if a is None or b is None or abs(float(a) - float(b)) > 1e-6 * max(1.0, abs(float(b))):
                    return False
            elif a != b and not (isinstance(b, bool) and a == int(b)):
                return False
    return True
