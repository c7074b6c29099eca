"""The DuckLake backend: a catalog in SQLite (many processes on one host) or PostgreSQL (many hosts),
data as Parquet under a local directory or object storage.

`JOB_ASSETS_DB=ducklake:sqlite:PATH` or `ducklake:postgres:dbname=... host=...` selects it. A connection is
an in-memory DuckDB with the lake attached as `lake` and made the default database, so every query in
`store/` runs unchanged on either backend. Writers never take a global lock: DuckLake commits are
optimistic, and a commit that conflicts with another process's is retried (`db.in_transaction`).
Readers get snapshot isolation and time travel (`AT (VERSION => n)` / `AT (TIMESTAMP => t)`, or
attaching at a snapshot for a whole session).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime

import duckdb

from job_assets.store import extensions

PREFIX = "ducklake:"
ALIAS = "lake"
_CATALOG_EXTENSIONS = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}
_REMOTE_SCHEMES = ("s3://", "s3a://", "gs://", "gcs://", "r2://", "http://", "https://")
# Standard AWS variables, read once at connect for an s3:// data path (MinIO, R2, Ceph: set the endpoint).
_S3_ENV = {
    "KEY_ID": "AWS_ACCESS_KEY_ID",
    "SECRET": "AWS_SECRET_ACCESS_KEY",
    "SESSION_TOKEN": "AWS_SESSION_TOKEN",
    "REGION": "AWS_REGION",
    "ENDPOINT": "AWS_ENDPOINT_URL",
}


class LakeConfigError(ValueError):
    """`JOB_ASSETS_DB` names a DuckLake the store cannot use."""


@dataclass(frozen=True)
class LakeTarget:
    url: str  # ducklake:sqlite:PATH | ducklake:postgres:CONNINFO
    data_path: str | None

    @property
    def catalog(self) -> str:
        return self.url[len(PREFIX) :].split(":", 1)[0]


def is_lake_url(database: str | os.PathLike[str]) -> bool:
    return str(database).startswith(PREFIX)


def target(database: str, data_path: str | None) -> LakeTarget:
    """Check a DuckLake URL early, with the fix in the message."""
    rest = database[len(PREFIX) :]
    catalog, _, where = rest.partition(":")
    if catalog not in _CATALOG_EXTENSIONS or not where:
        raise LakeConfigError(
            f"JOB_ASSETS_DB={database!r}: a DuckLake URL is `ducklake:sqlite:PATH` (processes on one host) or "
            "`ducklake:postgres:dbname=... host=...` (many hosts)"
        )
    return LakeTarget(database, data_path or None)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _s3_secret(conn: duckdb.DuckDBPyConnection) -> None:
    fields = {key: os.environ[env] for key, env in _S3_ENV.items() if os.environ.get(env)}
    if not fields:
        return  # public bucket, or credentials configured in DuckDB another way
    endpoint = fields.pop("ENDPOINT", None)
    if endpoint:
        use_ssl = not endpoint.startswith("http://")
        host = endpoint.split("://", 1)[-1].rstrip("/")
        fields.update(ENDPOINT=host, URL_STYLE="path")
        options = (
            ", ".join(f"{k} {_quote(v)}" for k, v in fields.items()) + f", USE_SSL {str(use_ssl).lower()}"
        )
    else:
        options = ", ".join(f"{k} {_quote(v)}" for k, v in fields.items())
    conn.execute(f"create or replace temporary secret job_assets_s3 (TYPE s3, {options})")


def attach(
    conn: duckdb.DuckDBPyConnection,
    lake: LakeTarget,
    read_only: bool = False,
    at_version: int | None = None,
    at_time: datetime | None = None,
) -> None:
    """Attach the lake as `lake` and make it the default database (extensions from their packages only)."""
    conn.execute("set autoinstall_known_extensions = false")  # never a download at run time
    needed = ["ducklake", _CATALOG_EXTENSIONS[lake.catalog]]
    remote = bool(lake.data_path and lake.data_path.startswith(_REMOTE_SCHEMES))
    if remote:
        needed.append("httpfs")
    extensions.load(conn, *needed)
    if lake.catalog == "sqlite":
        _write_ahead_log(lake.url.removeprefix("ducklake:sqlite:"), create=not read_only)
    if remote and lake.data_path and lake.data_path.startswith(("s3://", "s3a://", "r2://")):
        _s3_secret(conn)
    options = []
    if lake.data_path:
        options.append(f"data_path {_quote(lake.data_path)}")
    if read_only or at_version is not None or at_time is not None:
        options.append("read_only")
    if at_version is not None:
        options.append(f"snapshot_version {int(at_version)}")
    if at_time is not None:
        options.append(f"snapshot_time {_quote(at_time.isoformat())}")
    clause = f" ({', '.join(options)})" if options else ""
    try:
        _until_unlocked(conn, f"attach {_quote(lake.url)} as {ALIAS}{clause}")
    except duckdb.Error as error:
        hint = " (set JOB_ASSETS_DATA_PATH for a new lake)" if not lake.data_path else ""
        raise LakeConfigError(f"could not open DuckLake {lake.url}{hint}: {error}") from error
    _until_unlocked(conn, f"use {ALIAS}")


def _write_ahead_log(catalog: str, create: bool) -> None:
    """Put a SQLite catalog in WAL mode (kept in the file): readers then read while another process commits.
    In SQLite's default rollback journal a writer's commit locks readers out, and DuckLake reads the catalog on
    every statement, so a reader's query failed with "database is locked" under parallel writers. A catalog that
    is busy right now keeps its mode until the next attach."""
    if not create and not os.path.exists(catalog):
        return  # a reader never creates a lake
    try:
        with contextlib.closing(sqlite3.connect(catalog, timeout=1.0)) as db:
            if db.execute("pragma journal_mode").fetchone()[0] != "wal":
                db.execute("pragma journal_mode=wal")
    except sqlite3.OperationalError:  # locked by a writer: a later attach sets it
        pass


def _until_unlocked(conn: duckdb.DuckDBPyConnection, statement: str, attempts: int = 10) -> None:
    """Run `statement` (attaching the lake, `use lake`: both read the catalog). A SQLite catalog that another
    process is committing to answers "database is locked" once SQLite's own busy wait (5 s) runs out, which a
    loaded machine with parallel writers reaches; so wait for it with backoff rather than fail the run."""
    delay = 0.05
    for attempt in range(attempts):
        try:
            conn.execute(statement)
            return
        except duckdb.Error as error:
            if "database is locked" not in str(error) or attempt + 1 == attempts:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


def current_snapshot(conn: duckdb.DuckDBPyConnection) -> int:
    """The snapshot id this connection's transaction reads (the latest committed one outside a transaction)."""
    return int(conn.execute(f"select id from {ALIAS}.current_snapshot()").fetchall()[0][0])


def changed_since(conn: duckdb.DuckDBPyConnection, snapshot: int, tables: tuple[str, ...]) -> list[int]:
    """Snapshots after `snapshot` that wrote any of `tables` (by name), oldest first."""
    rows = conn.execute(
        f"select snapshot_id, changes from ducklake_snapshots({_quote(ALIAS)}) where snapshot_id > ?"
        " order by snapshot_id",
        [snapshot],
    ).fetchall()
    ids = _table_ids(conn, tables)
    wanted = {f"main.{t}" for t in tables} | set(tables)
    hits = []
    for snapshot_id, changes in rows:
        for kind, values in (changes or {}).items():
            if kind.startswith(("schemas_", "views_")):
                continue
            for value in values or []:
                if str(value) in wanted or str(value) in ids:
                    hits.append(int(snapshot_id))
                    break
            else:
                continue
            break
    return hits


def _table_ids(conn: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> set[str]:
    """Ids of the tables' versions; snapshot changes name a created table but id an inserted-into one."""
    holes = ", ".join("?" for _ in tables)
    rows = conn.execute(
        f"select table_id from __ducklake_metadata_{ALIAS}.ducklake_table where table_name in ({holes})",
        list(tables),
    ).fetchall()
    return {str(row[0]) for row in rows}
