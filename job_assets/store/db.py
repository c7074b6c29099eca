"""The only place that opens the store: a DuckDB file, or a DuckLake (see `lake.py`).

A DuckDB file allows one read-write process OR many read-only ones: writers here keep connections
short (never across HTTP or LLM work) and wait for the lock with backoff instead of failing at once.
A DuckLake has no such lock; its commits are optimistic, so every write transaction goes through
`in_transaction`, which retries a commit that conflicted with another process's from a new BEGIN.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import polars as pl

from job_assets.store import lake

LOCK_WAIT_S = 120.0
COMMIT_ATTEMPTS = 30
T = TypeVar("T")


class StoreLockedError(RuntimeError):
    """Another process held the DuckDB file for longer than we were willing to wait."""


class StoreVersionError(RuntimeError):
    """The DuckDB file was written by a newer DuckDB than the one this project pins."""


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


@contextmanager
def connect(
    path: str | os.PathLike[str],
    read_only: bool = False,
    wait_s: float = LOCK_WAIT_S,
    *,
    data_path: str | None = None,
    at_version: int | None = None,
    at_time: datetime | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, yield and always close a connection to the store `path` names.

    A file path: waits for another process's lock up to `wait_s`. A `ducklake:` URL: an in-memory
    DuckDB with the lake attached as the default database (`data_path` for its Parquet files), read
    at an older snapshot with `at_version` / `at_time` (read-only then)."""
    if lake.is_lake_url(path):
        if at_version is not None or at_time is not None:  # a pinned snapshot: its own instance
            conn = duckdb.connect(":memory:")
            try:
                lake.attach(conn, lake.target(str(path), data_path), read_only, at_version, at_time)
            except BaseException:
                conn.close()
                raise
        else:
            conn = _lake_cursor(str(path), data_path, read_only)
    else:
        if at_version is not None or at_time is not None:
            raise ValueError(
                "reading an older snapshot needs the DuckLake backend (JOB_ASSETS_DB=ducklake:...); "
                f"{path} is a single DuckDB file"
            )
        conn = _connect_file(Path(path), read_only, wait_s)
    try:
        yield conn
    finally:
        conn.close()


# One in-memory DuckDB per (process, lake, mode) with the extensions loaded and the lake attached: loading
# the extension binaries costs about a second, so every later `connect` is a cursor on it (its own
# connection and transactions, sharing the attached catalog).
_LAKES: dict[tuple[int, str, str | None, bool], duckdb.DuckDBPyConnection] = {}


def _lake_cursor(url: str, data_path: str | None, read_only: bool) -> duckdb.DuckDBPyConnection:
    key = (os.getpid(), url, data_path, read_only)
    base = _LAKES.get(key)
    if base is None:
        base = duckdb.connect(":memory:")
        try:
            lake.attach(base, lake.target(url, data_path), read_only)
        except BaseException:
            base.close()
            raise
        _LAKES[key] = base
    cursor = base.cursor()
    cursor.execute(f"use {lake.ALIAS}")
    return cursor


def _connect_file(path: Path, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "newer version of DuckDB" in str(error):
                raise StoreVersionError(
                    f"{path} was written by a newer DuckDB than {duckdb.__version__}, which this project pins "
                    "(DuckLake's extensions exist for 1.5.x only). Nothing in it is readable here: rebuild it "
                    f"(delete {path} and its .read.duckdb snapshot, then run `job-assets demo` or `job-assets run`)."
                ) from error
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                if _is_lock_error(error):
                    raise StoreLockedError(
                        f"{path} is locked by another process (waited {wait_s:g}s): {error}"
                    ) from error
                raise
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())) * random.uniform(0.5, 1.0))
            delay = min(delay * 2, 2.0)


def is_lake(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's default database is a DuckLake (no primary keys, optimistic commits)."""
    rows = conn.execute(
        "select type from duckdb_databases() where database_name = current_database()"
    ).fetchall()
    return bool(rows) and rows[0][0] == "ducklake"


def _is_conflict(error: Exception) -> bool:
    text = str(error).lower()
    return "conflict" in text or "database is locked" in text or "could not serialize" in text


def in_transaction(
    conn: duckdb.DuckDBPyConnection, work: Callable[[], T], attempts: int = COMMIT_ATTEMPTS
) -> T:
    """Run `work` in one transaction and commit; on a DuckLake commit conflict, roll back, wait
    (exponential backoff with jitter) and run `work` again from a new BEGIN. Other errors roll back
    and propagate; a file store never conflicts (its writers hold the file's lock)."""
    delay = 0.02
    for attempt in range(attempts):
        conn.execute("begin transaction")
        try:
            result = work()
            conn.execute("commit")
            return result
        except BaseException as error:
            with suppress(duckdb.Error):  # a failed commit has already ended the transaction
                conn.execute("rollback")
            if not (isinstance(error, duckdb.Error) and _is_conflict(error)) or attempt + 1 == attempts:
                raise
        time.sleep(delay * random.uniform(0.5, 1.5))
        delay = min(delay * 2, 1.0)
    raise AssertionError("unreachable")


def table_exists(conn: duckdb.DuckDBPyConnection, table: str) -> bool:
    # DuckDB 2 keeps a result open until it is read to the end: fetchall, never a lone fetchone.
    rows = conn.execute(
        "select count(*) from information_schema.tables"
        " where table_catalog = current_database() and table_schema = 'main' and table_name = ?",
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
    conn: duckdb.DuckDBPyConnection,
    table: str,
    frame: pl.DataFrame,
    where: str | None,
    params: Sequence[Any],
) -> int:
    """Atomically replace the rows matching `where` (None: append) with `frame`: readers see before or
    after, never between. One transaction, retried whole on a DuckLake commit conflict."""
    view = f"_incoming_{table}"
    conn.register(view, frame)

    def work() -> None:
        _ensure_table(conn, table, view)
        if where is not None:
            conn.execute(f'delete from "{table}" where {where}', list(params))
        if frame.height:
            conn.execute(f'insert into "{table}" by name select * from "{view}"')

    try:
        in_transaction(conn, work)
    finally:
        conn.unregister(view)
    return frame.height


def replace_partition(conn: duckdb.DuckDBPyConnection, table: str, company: str, frame: pl.DataFrame) -> int:
    return replace_partitions(conn, table, [company], frame)


def replace_partitions(
    conn: duckdb.DuckDBPyConnection, table: str, companies: Sequence[str], frame: pl.DataFrame
) -> int:
    """Replace the rows of every company in `companies` with `frame` in ONE transaction: a run over many
    companies holds the file's write lock once, briefly, instead of once per company (concurrent runs then
    queue on the lock for a fraction of a second, not for minutes). A company with no rows in `frame` ends
    with none."""
    wanted = list(dict.fromkeys(companies))
    if not wanted:
        return 0
    if frame.height:
        strays = sorted(set(frame.get_column("company").unique().to_list()) - set(wanted))
        if strays:
            raise ValueError(f"refusing to write rows of other companies {strays} into {table} partitions")
    if len(wanted) == 1:
        return replace_rows(conn, table, frame, "company = ?", wanted)
    return replace_rows(conn, table, frame, "list_contains(?, company)", [wanted])


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
    return replace_rows(conn, table, frame, None, [])


@contextmanager
def duckdb_settings(conn: duckdb.DuckDBPyConnection, settings: dict[str, str]) -> Iterator[None]:
    """`SET` each setting (DuckDB's are global to the database instance, which a DuckLake's connections
    share) for the duration, and put the previous values back."""
    before = {
        name: conn.execute("select value from duckdb_settings() where name = ?", [name]).fetchall()[0][0]
        for name in settings
    }
    try:
        for name, value in settings.items():
            conn.execute(f"set {name} = {value}")
        yield
    finally:
        for name, value in before.items():
            conn.execute(f"set {name} = '{value}'")
