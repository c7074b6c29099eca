"""The only place that opens the DuckDB file.

DuckDB allows one read-write process OR many read-only ones. Writers here keep connections short
(never across HTTP or LLM work) and wait for the lock with backoff instead of failing at once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

LOCK_WAIT_S = 120.0


class StoreLockedError(RuntimeError):
    """Another process held the DuckDB file for longer than we were willing to wait."""


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


@contextmanager
def connect(
    path: str | Path, read_only: bool = False, wait_s: float = LOCK_WAIT_S
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, yield and always close a connection; waits for another process's lock up to `wait_s`."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                if _is_lock_error(error):
                    raise StoreLockedError(
                        f"{path} is locked by another process (waited {wait_s:g}s): {error}"
                    ) from error
                raise
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())) * random.uniform(0.5, 1.0))
            delay = min(delay * 2, 2.0)
    try:
        yield conn
    finally:
        conn.close()


def table_exists(conn: duckdb.DuckDBPyConnection, table: str) -> bool:
    # DuckDB 2 keeps a result open until it is read to the end: fetchall, never a lone fetchone.
    rows = conn.execute(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = ?",
        [table],
    ).fetchall()
    return bool(rows[0][0])


def _ensure_table(conn: duckdb.DuckDBPyConnection, table: str, view: str) -> None:
    """Create the table from the frame's schema, or add the columns the frame brings that it lacks."""
    if not table_exists(conn, table):
        conn.execute(f'create table "{table}" as select * from "{view}" limit 0')
        return
    existing = {row[0] for row in conn.execute(f'describe "{table}"').fetchall()}
    for name, dtype, *_ in conn.execute(f'describe select * from "{view}"').fetchall():
        if name not in existing:
            conn.execute(f'alter table "{table}" add column "{name}" {dtype}')


def replace_rows(
    conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, where: str, params: Sequence[Any]
) -> int:
    """Atomically replace the rows matching `where` with `frame`: readers see before or after, never between."""
    view = f"_incoming_{table}"
    conn.register(view, frame)
    try:
        conn.execute("begin transaction")
        try:
            _ensure_table(conn, table, view)
            conn.execute(f'delete from "{table}" where {where}', list(params))
            conn.execute(f'insert into "{table}" by name select * from "{view}"')
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise
    finally:
        conn.unregister(view)
    return frame.height


def replace_partition(conn: duckdb.DuckDBPyConnection, table: str, company: str, frame: pl.DataFrame) -> int:
    if frame.height and frame.get_column("company").unique().to_list() != [company]:
        raise ValueError(f"refusing to write rows of other companies into {table} partition {company!r}")
    return replace_rows(conn, table, frame, "company = ?", [company])


def replace_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    return replace_rows(conn, table, frame, "true", [])


def read_table(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    where: str | None = None,
    params: Sequence[Any] = (),
    schema: dict[str, pl.DataType] | None = None,
) -> pl.DataFrame:
    """Rows of `table` as polars; an absent table reads as empty (in `schema` when given)."""
    if not table_exists(conn, table):
        return pl.DataFrame(schema=schema or {})
    query = f'select * from "{table}"' + (f" where {where}" if where else "")
    frame = conn.sql(query, params=list(params)).pl()
    if schema:  # older files may lack columns added since: read them as nulls, in the contract's types
        frame = frame.select(
            [pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c) for c, t in schema.items()]
        )
    return frame


def append_rows(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append (logs, caches): creates or extends the table like `replace_rows`."""
    return replace_rows(conn, table, frame, "false", [])
