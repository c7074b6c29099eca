"""Store I/O for `jobs`, `job_matches`, `user_fields` and the `jobs_view` notebooks read.

`jobs` and `job_matches` are rebuilt whole on every run, in ONE transaction so a reader never sees jobs from
one build and matches from another. `user_fields` is never rebuilt: it is written only by `set_user_fields`
(and re-pointed when a build merges a job into another), so no rebuild can lose what the user wrote.
The same SQL runs on a DuckDB file and a DuckLake; DuckLake has no primary keys, so one job's user row
is kept unique by the writes themselves (update, else insert, in one transaction).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from job_assets.dedup.history import JobsBuild
from job_assets.dedup.schema import (
    JOBS_SCHEMA,
    MATCHES_SCHEMA,
    USER_FIELDS_SCHEMA,
    USER_STATUSES,
    conform,
    empty,
)
from job_assets.store import search
from job_assets.store.db import duckdb_settings, in_transaction, is_lake, read_table, table_exists
from job_assets.store.jobs_output import StagedJobs, stage_builds

JOBS_TABLE = "jobs"
MATCHES_TABLE = "job_matches"
USER_FIELDS_TABLE = "user_fields"
JOBS_VIEW = "jobs_view"
WRITE_ROWS = 20_000  # rows handed to DuckDB per insert when a table is rewritten
# A staged build is loaded by DuckDB from Parquet. With its defaults (a buffer pool of 80% of RAM) the whole
# uncommitted table stays in memory until the commit; a bounded pool makes DuckDB write it out as it goes. Two
# threads that may interleave the chunks' rows load 1M jobs in 8.6 s; keeping the files' exact order makes
# DuckDB sink on one thread (14.2 s, 2 threads or 1). Readers never rely on the order (every query sorts), and
# each thread's share stays in company order, so a company's rows stay within a few row groups.
WRITE_SETTINGS = {"memory_limit": "'1GB'", "threads": "2", "preserve_insertion_order": "false"}

_USER_FIELDS_DDL = f"""
create table if not exists {USER_FIELDS_TABLE} (
    job_id varchar primary key,
    favorite boolean,
    status varchar check (status in ({", ".join(f"'{s}'" for s in USER_STATUSES)})),
    notes varchar,
    updated_at timestamptz
)"""
# DuckLake supports neither keys nor checks: `set_user_fields` validates and the writes keep job_id unique.
_USER_FIELDS_LAKE_DDL = f"""
create table if not exists {USER_FIELDS_TABLE} (
    job_id varchar, favorite boolean, status varchar, notes varchar, updated_at timestamptz
)"""


def _ensure_user_fields(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_USER_FIELDS_LAKE_DDL if is_lake(conn) else _USER_FIELDS_DDL)


_NO_USER_FIELDS = (
    "(select null::varchar as job_id, null::boolean as favorite, null::varchar as status, null::varchar as notes,"
    " null::timestamptz as updated_at where false)"
)


def _view_select(user_fields: str = USER_FIELDS_TABLE) -> str:
    return f"""
select j.*,
       coalesce(u.favorite, false) as favorite,
       coalesce(u.status, 'new') as status,
       u.notes as notes,
       u.updated_at as user_updated_at
from {JOBS_TABLE} j
left join {user_fields} u on u.job_id = j.job_id"""


_JOBS_VIEW_DDL = f"create or replace view {JOBS_VIEW} as {_view_select()}"
# A merged job's user row is copied to the job that absorbed it (the old row stays: nothing is deleted); when
# both have one, they are combined (favorite if either was, the survivor's status unless it is still `new`,
# both notes kept). Idempotent: writing the same build twice changes nothing more. An update of the
# survivor's row, else an insert of a copy: no upsert, so it runs on DuckLake too.
_MERGE_USER_FIELDS = f"""
update {USER_FIELDS_TABLE} as t set
    favorite = coalesce(t.favorite, false) or coalesce(u.favorite, false),
    status = case when coalesce(t.status, 'new') = 'new' then u.status else t.status end,
    notes = case when t.notes is null then u.notes
                 when u.notes is null or contains(t.notes, u.notes) then t.notes
                 else t.notes || chr(10) || u.notes end,
    updated_at = greatest(t.updated_at, u.updated_at)
from (select * from {USER_FIELDS_TABLE} where job_id = $from_job_id) as u
where t.job_id = $into_job_id and $from_job_id <> $into_job_id"""
_COPY_USER_FIELDS = f"""
insert into {USER_FIELDS_TABLE} (job_id, favorite, status, notes, updated_at)
select $into_job_id, u.favorite, u.status, u.notes, u.updated_at
from {USER_FIELDS_TABLE} u where u.job_id = $from_job_id and $from_job_id <> $into_job_id
  and not exists (select 1 from {USER_FIELDS_TABLE} where job_id = $into_job_id)"""
_UPDATE_USER_FIELDS = f"""
update {USER_FIELDS_TABLE} set
    favorite = coalesce($favorite, favorite),
    status = coalesce($status, status),
    notes = case when $notes is null then notes else nullif($notes, '') end,
    updated_at = $now
where job_id = $job_id"""
_INSERT_USER_FIELDS = f"""
insert into {USER_FIELDS_TABLE} (job_id, favorite, status, notes, updated_at)
select $job_id, $favorite, $status, nullif($notes, ''), $now
where not exists (select 1 from {USER_FIELDS_TABLE} where job_id = $job_id)"""


def _widen_status_check(conn: duckdb.DuckDBPyConnection) -> None:
    """A file made before a status was added has the older CHECK: rebuild the table with the current one
    (same rows), so every status in USER_STATUSES can be written."""
    checks = conn.execute(
        "select constraint_text from duckdb_constraints() where database_name = current_database()"
        " and table_name = ? and constraint_type = 'CHECK'",
        [USER_FIELDS_TABLE],
    ).fetchall()
    if not checks or all(f"'{s}'" in checks[0][0] for s in USER_STATUSES):
        return
    conn.execute("begin transaction")
    try:
        conn.execute(f"alter table {USER_FIELDS_TABLE} rename to _user_fields_old")
        conn.execute(_USER_FIELDS_DDL)
        conn.execute(
            f"insert into {USER_FIELDS_TABLE} (job_id, favorite, status, notes, updated_at)"
            " select job_id, favorite, status, notes, updated_at from _user_fields_old"
        )
        conn.execute("drop table _user_fields_old")
        conn.execute(_JOBS_VIEW_DDL)
        conn.execute("commit")
    except BaseException:
        conn.execute("rollback")
        raise


class UnknownJobError(LookupError):
    """`set_user_fields` was given a job_id that is not in the jobs table."""


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create whatever is missing (empty `jobs` / `job_matches`, `user_fields`, the view). Idempotent."""
    for table, schema in ((JOBS_TABLE, JOBS_SCHEMA), (MATCHES_TABLE, MATCHES_SCHEMA)):
        if not table_exists(conn, table):
            conn.register("_empty", pl.DataFrame(schema=schema))
            try:
                conn.execute(f"create table {table} as select * from _empty")
            finally:
                conn.unregister("_empty")
    _ensure_user_fields(conn)
    conn.execute(_JOBS_VIEW_DDL)


def write_jobs(
    conn: duckdb.DuckDBPyConnection,
    build: JobsBuild,
    *,
    check: Callable[[], None] | None = None,
    with_search_index: bool = False,
) -> None:
    """Replace `jobs` and `job_matches` with `build` (held whole) atomically, and carry user fields across
    merges: `write_staged_jobs` over the build staged as one chunk, so there is one way a build is written."""
    with tempfile.TemporaryDirectory(prefix="job_assets_jobs_") as scratch:
        staged = stage_builds([build], Path(scratch))
        write_staged_jobs(conn, staged, check=check, with_search_index=with_search_index)


def write_staged_jobs(
    conn: duckdb.DuckDBPyConnection,
    staged: StagedJobs,
    *,
    check: Callable[[], None] | None = None,
    with_search_index: bool = False,
) -> None:
    """Replace `jobs` and `job_matches` with a build staged as Parquet (`jobs_output`) atomically, and carry user
    fields across merges. DuckDB loads the files itself, in chunk order, within a bounded memory (`WRITE_SETTINGS`,
    for the load only), in one transaction. `check` runs first inside it (it raises to abandon a build made from
    a stale state); `with_search_index` also rebuilds the search index in the same commit (where readers read
    the live tables, i.e. a DuckLake, so the index never disagrees with `jobs`)."""

    def load() -> None:
        for table, files, schema in (
            (JOBS_TABLE, staged.jobs_files, JOBS_SCHEMA),
            (MATCHES_TABLE, staged.matches_files, MATCHES_SCHEMA),
        ):
            if not files:
                _replace_table(conn, table, empty(schema))
                continue
            paths = ", ".join("'" + p.as_posix().replace("'", "''") + "'" for p in files)
            with duckdb_settings(conn, WRITE_SETTINGS):
                conn.execute(f"create or replace table {table} as select * from read_parquet([{paths}])")
        (duplicated,) = conn.execute(
            f"select count(*) - count(distinct job_id) from {JOBS_TABLE}"
        ).fetchall()[0]
        if duplicated:  # each chunk was checked; this is across chunks
            raise ValueError("refusing to write jobs: job_id is not unique")

    _write(conn, load, staged.summary.merges, check, with_search_index)


def _write(
    conn: duckdb.DuckDBPyConnection,
    load: Callable[[], None],
    merges: pl.DataFrame,
    check: Callable[[], None] | None,
    with_search_index: bool,
) -> None:
    """One transaction: `check`, `load` the two tables, carry user fields across `merges`, the view, the index."""
    moves = merges.select("from_job_id", "into_job_id").rows()

    def work() -> None:
        if check is not None:
            check()
        load()
        _ensure_user_fields(conn)
        for from_job_id, into_job_id in moves:
            params = {"from_job_id": from_job_id, "into_job_id": into_job_id}
            conn.execute(_MERGE_USER_FIELDS, params)
            conn.execute(_COPY_USER_FIELDS, params)
        conn.execute(_JOBS_VIEW_DDL)
        if with_search_index:
            search.build_index(conn)

    in_transaction(conn, work)


def _replace_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """`create or replace table` from `frame`, WRITE_ROWS rows at a time: DuckDB converts a registered frame
    to Arrow, so one slice at a time bounds that copy to a slice's worth."""
    for start in range(0, max(frame.height, 1), WRITE_ROWS):
        conn.register("_incoming", frame.slice(start, WRITE_ROWS))
        try:
            if start == 0:
                conn.execute(f"create or replace table {table} as select * from _incoming")
            else:
                conn.execute(f"insert into {table} select * from _incoming")
        finally:
            conn.unregister("_incoming")


def _utc(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB returns TIMESTAMPTZ in the session time zone; the contract is UTC."""
    return frame.with_columns(
        pl.col(name).dt.convert_time_zone("UTC")
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Datetime) and dtype.time_zone
    )


def read_jobs(conn: duckdb.DuckDBPyConnection, company: str | None = None) -> pl.DataFrame:
    """The jobs table by company and job_id (empty in JOBS_SCHEMA before the first build); the table's own
    row order is the load's (`WRITE_SETTINGS`)."""
    where, params = ("company = ?", [company]) if company else (None, [])
    jobs = conform(_utc(read_table(conn, JOBS_TABLE, where=where, params=params)), JOBS_SCHEMA)
    return jobs.sort("company", "job_id")


def read_matches(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Which job each posting is in, by company and posting_key."""
    return conform(_utc(read_table(conn, MATCHES_TABLE)), MATCHES_SCHEMA).sort("company", "posting_key")


def read_user_fields(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return conform(_utc(read_table(conn, USER_FIELDS_TABLE)), USER_FIELDS_SCHEMA)


def read_jobs_view(conn: duckdb.DuckDBPyConnection, open_only: bool = False) -> pl.DataFrame:
    """Jobs with the user's fields (`favorite` false and `status` 'new' when never set). Runs the view's
    query itself, so it works on a read-only connection and on a file written before the view existed."""
    if not table_exists(conn, JOBS_TABLE):
        return pl.DataFrame()
    user_fields = USER_FIELDS_TABLE if table_exists(conn, USER_FIELDS_TABLE) else _NO_USER_FIELDS
    where = " where j.is_open" if open_only else ""
    return _utc(conn.sql(f"{_view_select(user_fields)}{where} order by j.company, j.job_id").pl())


def set_user_fields(
    conn: duckdb.DuckDBPyConnection,
    job_id: str,
    favorite: bool | None = None,
    status: str | None = None,
    notes: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Set some of a job's user fields (None leaves a field as it is; `notes=""` clears the notes).
    Returns the job's user fields after the change."""
    if favorite is None and status is None and notes is None:
        raise ValueError("nothing to set: pass favorite, status and/or notes")
    if status is not None and status not in USER_STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of: {', '.join(USER_STATUSES)}")
    if not table_exists(conn, JOBS_TABLE):
        raise UnknownJobError(
            f"no jobs table yet: materialize the `jobs` asset before marking job {job_id!r}"
        )
    found = conn.execute(f"select count(*) from {JOBS_TABLE} where job_id = ?", [job_id]).fetchall()[0][0]
    if not found:
        raise UnknownJobError(f"no job with id {job_id!r} (see `select job_id, title from {JOBS_VIEW}`)")
    _ensure_user_fields(conn)
    _widen_status_check(conn)  # its own transaction: a file made before a status was added
    params = {
        "job_id": job_id,
        "favorite": favorite,
        "status": status,
        "notes": notes,
        "now": now or datetime.now(UTC),
    }

    def work() -> None:
        _ensure_user_fields(conn)
        conn.execute(_UPDATE_USER_FIELDS, params)
        conn.execute(_INSERT_USER_FIELDS, params)
        conn.execute(_JOBS_VIEW_DDL)

    in_transaction(conn, work)
    row = read_user_fields(conn).filter(pl.col("job_id") == job_id).to_dicts()
    return row[0]
