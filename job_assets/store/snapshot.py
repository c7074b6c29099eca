"""The read side for notebooks: a published, read-only snapshot of the store, never the live file.

DuckDB lets one process hold a file read-write OR many hold it read-only, never both, so a notebook
that kept the live `jobs.duckdb` open would block every materialisation. Instead the pipeline
publishes `jobs.read.duckdb` after it writes: the tables a reader needs are copied in ONE read
transaction (a consistent state) into a temporary file, the keyword-search index is built there,
and the file is atomically renamed over the previous snapshot. A reader that still has the old file
open keeps reading its (old, consistent) inode; the writer never waits for readers.

Readers attach the snapshot read-only inside a fresh in-memory database (`open_reader`): DuckDB's
per-process instance cache would otherwise hand back the old, already-open file after a rename.

On the DuckLake backend none of this is needed: readers attach the live lake read-only and DuckLake gives
them snapshot isolation (and older snapshots by version or time), so `open_reader` and `mark_job` go
straight to it and `publish_snapshot` is not called.

Marking a job (favourite, status, notes) is the one write a notebook makes: `mark_job` takes a short
write connection to the live file, gives up with `StoreLockedError` after `wait_s` if a
materialisation holds it, then refreshes the snapshot's `user_fields` so the reader sees the mark.

All publishers serialise on a lock file next to the snapshot (taken BEFORE the live store, always in
that order), so snapshots are renamed in the order they were copied and a newer one is never replaced
by an older one.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from job_assets.config import StoreSettings
from job_assets.store import db, lake, search
from job_assets.store.jobs_table import set_user_fields  # the dedup module owns the user-fields contract
from job_assets.store.search import TOKEN_PATTERN  # noqa: F401  (re-exported: tests compare tokenizers)

SNAPSHOT_SUFFIX = ".read.duckdb"
# Tables a notebook reads; the raw/parsed/enriched tables stay in the live store only.
SNAPSHOT_TABLES = ("jobs", "user_fields")
PUBLISH_LOCK_WAIT_S = 300.0

_USER_FIELDS_DDL = """
create table user_fields (
    job_id varchar primary key, favorite boolean, status varchar, notes varchar, updated_at timestamptz
)"""
# Only used when the live store has no `jobs_view` of its own (the dedup module defines the real one).
_DEFAULT_VIEW = """
create view jobs_view as
select j.*, coalesce(u.favorite, false) as favorite, coalesce(u.status, 'new') as status, u.notes,
       u.updated_at as user_updated_at
from jobs j left join user_fields u using (job_id)"""


class SnapshotUnavailableError(RuntimeError):
    """There is no snapshot to read and none can be made right now."""


def snapshot_path(db_path: str | Path | None = None) -> Path:
    """`data/jobs.duckdb` -> `data/jobs.read.duckdb`."""
    live = Path(db_path or StoreSettings.from_env().database)
    return live.with_name(live.stem + SNAPSHOT_SUFFIX)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def _publish_lock(snapshot: Path, wait_s: float) -> Iterator[None]:
    """An exclusive advisory lock on `<snapshot>.lock`, waited for up to `wait_s`."""
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    lock_path = snapshot.with_name(snapshot.name + ".lock")
    deadline = time.monotonic() + wait_s
    delay = 0.02
    with open(lock_path, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise db.StoreLockedError(
                        f"{snapshot} is being published by another process (waited {wait_s:g}s); try again"
                    ) from None
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                delay = min(delay * 2, 0.5)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _tmp_path(snapshot: Path) -> Path:
    return snapshot.with_name(f".{snapshot.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


def _discard(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _install(tmp: Path, snapshot: Path) -> Path:
    """Make `tmp` durable, then atomically put it where readers look."""
    wal = tmp.with_name(tmp.name + ".wal")
    if wal.exists():  # a checkpointed, closed file has none; a reader must never need one
        raise RuntimeError(f"snapshot {tmp} still has a write-ahead log after checkpoint")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, snapshot)
    dir_fd = os.open(snapshot.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return snapshot


def _copy_from_live(conn: duckdb.DuckDBPyConnection, tmp: Path) -> list[str]:
    """Copy the reader tables into `tmp` in one read transaction; returns the live store's view DDL."""
    present = {
        row[0]
        for row in conn.execute(
            "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main'"
        ).fetchall()
    }
    if "jobs" not in present:
        raise SnapshotUnavailableError(
            "the store has no `jobs` table yet: materialise `jobs` (or run `job-assets demo`)"
        )
    views = [
        row[0]
        for row in conn.execute(
            "select sql from duckdb_views() where not internal and database_name = current_database() and schema_name = 'main'"
        ).fetchall()
    ]
    conn.execute(f"attach {_quote(tmp)} as _snapshot")
    try:
        db.in_transaction(conn, lambda: _copy_tables(conn, present))
        conn.execute("checkpoint _snapshot")
    finally:
        conn.execute("detach _snapshot")
    return views


def _finish(tmp: Path, views: list[str], copied_at: datetime, copy_s: float, source: Path) -> None:
    """Everything after the copy happens on the private temp file: no lock on the live store."""
    started = time.perf_counter()
    conn = duckdb.connect(str(tmp))
    try:
        tables = {row[0] for row in conn.execute("select table_name from duckdb_tables()").fetchall()}
        if "user_fields" not in tables:
            conn.execute(_USER_FIELDS_DDL)
        for ddl in views:
            try:
                conn.execute(ddl)
            except (duckdb.CatalogException, duckdb.BinderException):  # over tables readers do not get
                continue
        if not conn.execute("select count(*) from duckdb_views() where view_name = 'jobs_view'").fetchall()[
            0
        ][0]:
            conn.execute(_DEFAULT_VIEW)
        search.build_index(conn)
        conn.execute(
            "create table snapshot_meta as select ?::timestamptz as copied_at, ?::timestamptz as published_at,"
            " ?::varchar as source, (select count(*) from jobs) as jobs, ?::double as copy_seconds,"
            " ?::double as index_seconds",
            [copied_at, datetime.now(UTC), str(source), copy_s, time.perf_counter() - started],
        )
        conn.execute("checkpoint")
    finally:
        conn.close()


def publish_snapshot(db_path: str | Path | None = None, *, wait_s: float = PUBLISH_LOCK_WAIT_S) -> Path:
    """Publish a consistent read-only copy of the reader tables; returns the snapshot's path.

    Call it AFTER closing your own write connection (it takes the live store's lock itself, briefly:
    only for the copy). Readers are never blocked and the live store is locked for the copy alone.
    """
    live = Path(db_path or StoreSettings.from_env().database)
    snapshot = snapshot_path(live)
    tmp = _tmp_path(snapshot)
    with _publish_lock(snapshot, wait_s):
        try:
            with db.connect(live, wait_s=wait_s) as conn:
                copied_at, started = datetime.now(UTC), time.perf_counter()
                views = _copy_from_live(conn, tmp)
                copy_s = time.perf_counter() - started  # how long the live store was held
            _finish(tmp, views, copied_at, copy_s, live)
            return _install(tmp, snapshot)
        finally:
            _discard(tmp)


def _copy_tables(conn: duckdb.DuckDBPyConnection, present: set[str]) -> None:
    for table in SNAPSHOT_TABLES:
        if table in present:
            conn.execute(f'create table _snapshot."{table}" as select * from main."{table}"')


def _replace_user_fields(conn: duckdb.DuckDBPyConnection) -> None:
    # Replace, not insert: the live table may have gained columns since the last full publish.
    conn.execute("drop table if exists _snapshot.user_fields")
    conn.execute("create table _snapshot.user_fields as select * from main.user_fields")
    conn.execute("update _snapshot.snapshot_meta set published_at = ?", [datetime.now(UTC)])


def _refresh_user_fields(conn: duckdb.DuckDBPyConnection, snapshot: Path) -> None:
    """New snapshot = current snapshot with the live `user_fields`; no re-copy of jobs, no re-index."""
    tmp = _tmp_path(snapshot)
    try:
        shutil.copyfile(snapshot, tmp)
        conn.execute(f"attach {_quote(tmp)} as _snapshot")
        try:
            db.in_transaction(conn, lambda: _replace_user_fields(conn))
            conn.execute("checkpoint _snapshot")
        finally:
            conn.execute("detach _snapshot")
        _install(tmp, snapshot)
    finally:
        _discard(tmp)


def mark_job(
    job_id: str,
    *,
    favorite: bool | None = None,
    status: str | None = None,
    notes: str | None = None,
    db_path: str | Path | None = None,
    wait_s: float = 5.0,
) -> dict[str, Any]:
    """Set a job's user fields in the live store, show them in the snapshot; returns the job's fields.

    Fails with `StoreLockedError` after `wait_s` (never hangs) when a materialisation holds the store.
    """
    settings = StoreSettings.from_env()
    if lake.is_lake_url(db_path or settings.database):
        with db.connect(str(db_path or settings.database), data_path=settings.data_path) as conn:
            return set_user_fields(conn, job_id, favorite=favorite, status=status, notes=notes)
    live = Path(db_path or settings.database)
    snapshot = snapshot_path(live)
    try:
        with _publish_lock(snapshot, wait_s), db.connect(live, wait_s=wait_s) as conn:
            fields = set_user_fields(conn, job_id, favorite=favorite, status=status, notes=notes)
            if snapshot.exists():
                _refresh_user_fields(conn, snapshot)
                return fields
    except db.StoreLockedError as error:
        raise db.StoreLockedError(
            f"could not mark job {job_id}: the store is busy (a materialisation is writing it); "
            f"nothing was changed, try again when the run finishes. ({error})"
        ) from error
    publish_snapshot(live, wait_s=wait_s)  # the first mark before any snapshot: publish a full one
    return fields


def open_reader(
    db_path: str | Path | None = None,
    *,
    wait_s: float = 5.0,
    at_version: int | None = None,
    at_time: datetime | None = None,
    data_path: str | None = None,
) -> duckdb.DuckDBPyConnection:
    """A read-only connection that never blocks the pipeline; hold it as long as you like.

    File store: the latest published snapshot (call `open_reader()` again to see a newer one; if none has
    been published yet, one is made from the live store, waiting at most `wait_s` for its lock).
    DuckLake: the live tables at the latest snapshot, or at an older one by `at_version` (a snapshot id,
    see `select * from ducklake_snapshots('lake')`) or `at_time` ("what was open last Monday")."""
    settings = StoreSettings.from_env()
    target = str(db_path or settings.database)
    if lake.is_lake_url(target):
        conn = duckdb.connect(":memory:")
        try:
            where = lake.target(target, data_path or settings.data_path)
            lake.attach(conn, where, read_only=True, at_version=at_version, at_time=at_time)
        except BaseException:
            conn.close()
            raise
        return conn
    if at_version is not None or at_time is not None:
        raise ValueError(
            "reading an older snapshot needs the DuckLake backend (JOB_ASSETS_DB=ducklake:...); "
            f"{target} is a single DuckDB file, whose readers see the last published snapshot"
        )
    live = Path(target)
    snapshot = snapshot_path(live)
    if not snapshot.exists():
        if not live.exists():
            raise SnapshotUnavailableError(
                f"no store at {live}: run `job-assets demo` (or materialise the assets) first"
            )
        try:
            publish_snapshot(live, wait_s=wait_s)
        except db.StoreLockedError as error:
            raise SnapshotUnavailableError(
                f"no snapshot at {snapshot} yet and the live store is busy; it is published when `jobs` "
                f"finishes materialising: try again then. ({error})"
            ) from error
    conn = duckdb.connect(":memory:")
    try:
        conn.execute(f"attach {_quote(snapshot)} as store (read_only)")
        conn.execute("use store")
    except BaseException:
        conn.close()
        raise
    return conn


def snapshot_info(conn: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """When the open snapshot was copied and published, its job count, and what publishing cost
    (on DuckLake: the snapshot id and time the connection reads, and its job count)."""
    if db.is_lake(conn):
        snapshot_id = lake.current_snapshot(conn)
        when = conn.execute(
            f"select snapshot_time from ducklake_snapshots('{lake.ALIAS}') where snapshot_id = ?",
            [snapshot_id],
        ).fetchall()
        jobs = (
            conn.execute("select count(*) from jobs").fetchall()[0][0] if db.table_exists(conn, "jobs") else 0
        )
        return {"snapshot_id": snapshot_id, "snapshot_time": when[0][0] if when else None, "jobs": jobs}
    cursor = conn.execute("select * from snapshot_meta")
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return dict(zip(names, rows[0], strict=True)) if rows else {}
