"""DuckDB I/O for saved-search matches (`job_matches_by_search`) and the alert log (`alert_deliveries`).

Not to be confused with `job_matches`, dedup's table of which posting joined which job.

`job_matches_by_search` keeps one row per (search, job) for ever: `first_matched_at` is set once, so a job
is new for a search exactly once; a job that stops matching (closed, marked not interested, no longer
fitting) is kept with `active = false`, and is not new if it comes back. `alert_deliveries` is the log of
every attempt to send a digest, and the only record of what was sent: a job counts as delivered to a
channel when an `ok` row for that search and channel lists it, so a failed attempt leaves it pending.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from job_assets.store.db import connect, table_exists

MATCHES_BY_SEARCH_TABLE = "job_matches_by_search"
DELIVERIES_TABLE = "alert_deliveries"

MATCH_COLUMNS: dict[str, pl.DataType] = {
    "search": pl.String(),
    "job_id": pl.String(),
    "rank": pl.Int32(),
    "score": pl.Float64(),
    "reasons": pl.List(pl.String()),
    "favorite": pl.Boolean(),
    "company": pl.String(),
    "company_name": pl.String(),
    "title": pl.String(),
    "locations": pl.List(pl.String()),
    "pay": pl.String(),
    "url": pl.String(),
    "first_seen_at": pl.Datetime("us", "UTC"),
}
STORED_COLUMNS: dict[str, pl.DataType] = {
    **MATCH_COLUMNS,
    "first_matched_at": pl.Datetime("us", "UTC"),
    "last_matched_at": pl.Datetime("us", "UTC"),
    "active": pl.Boolean(),
}
DELIVERY_COLUMNS: dict[str, pl.DataType] = {
    "search": pl.String(),
    "channel": pl.String(),  # the Apprise URL with its secrets masked: never the URL itself
    "channel_key": pl.String(),  # a hash of the full URL: which channel, without saying what it is
    "job_ids": pl.List(pl.String()),
    "ok": pl.Boolean(),
    "error": pl.String(),
    "sent_at": pl.Datetime("us", "UTC"),
    "seconds": pl.Float64(),
}

_MATCHES_DDL = f"""
create table if not exists {MATCHES_BY_SEARCH_TABLE} (
    search varchar not null, job_id varchar not null, rank integer, score double, reasons varchar[],
    favorite boolean, company varchar, company_name varchar, title varchar, locations varchar[], pay varchar,
    url varchar, first_seen_at timestamptz, first_matched_at timestamptz not null,
    last_matched_at timestamptz not null, active boolean not null,
    primary key (search, job_id)
)"""
_DELIVERIES_DDL = f"""
create table if not exists {DELIVERIES_TABLE} (
    search varchar not null, channel varchar not null, channel_key varchar not null, job_ids varchar[] not null,
    ok boolean not null, error varchar, sent_at timestamptz not null, seconds double
)"""
_UPDATABLE = [c for c in MATCH_COLUMNS if c not in ("search", "job_id")]


def _utc(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return frame.select(
        pl.col(name).dt.convert_time_zone("UTC").cast(dtype)
        if isinstance(dtype, pl.Datetime)
        else pl.col(name).cast(dtype)
        for name, dtype in schema.items()
    )


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(_MATCHES_DDL)
    conn.execute(_DELIVERIES_DDL)


def read_open_jobs(conn: duckdb.DuckDBPyConnection, columns: dict[str, pl.DataType]) -> pl.DataFrame:
    """Open jobs with your fields (from `jobs_view`), only `columns`; absent columns read as nulls."""
    if not table_exists(conn, "jobs"):
        return pl.DataFrame(schema=columns)
    present = {row[0] for row in conn.execute("describe jobs_view").fetchall()}
    select = ", ".join(f'"{name}"' if name in present else f'null as "{name}"' for name in columns)
    frame = conn.sql(f"select {select} from jobs_view where is_open").pl()
    return _utc(frame, columns)


def write_build(conn: duckdb.DuckDBPyConnection, matches: pl.DataFrame, now: datetime) -> pl.DataFrame:
    """Record one build's matches in one transaction; returns the (search, job_id) pairs new in it.

    Rows of this build are upserted (`first_matched_at` kept, everything else refreshed); every other row
    becomes inactive. Build times must increase: `now` is what makes a row new.
    """
    incoming = matches.select(list(MATCH_COLUMNS)).with_columns(
        first_matched_at=pl.lit(now).cast(pl.Datetime("us", "UTC")),
        last_matched_at=pl.lit(now).cast(pl.Datetime("us", "UTC")),
        active=pl.lit(True),
    )
    if incoming.select("search", "job_id").is_duplicated().any():
        raise ValueError("refusing to write matches: a job appears twice in one search")
    columns = ", ".join(STORED_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in [*_UPDATABLE, "last_matched_at", "active"])
    conn.register("_incoming_matches_by_search", incoming)
    try:
        conn.execute("begin transaction")
        try:
            ensure_schema(conn)
            conn.execute(
                f"insert into {MATCHES_BY_SEARCH_TABLE} ({columns}) select {columns} from _incoming_matches_by_search"
                f" on conflict (search, job_id) do update set {updates}"
            )
            conn.execute(
                f"update {MATCHES_BY_SEARCH_TABLE} set active = false where active and last_matched_at < ?",
                [now],
            )
            new = conn.sql(
                f"select search, job_id from {MATCHES_BY_SEARCH_TABLE} where first_matched_at = ?"
                " order by search, rank",
                params=[now],
            ).pl()
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise
    finally:
        conn.unregister("_incoming_matches_by_search")
    return new


def read_matches(
    conn: duckdb.DuckDBPyConnection, search: str | None = None, active_only: bool = True
) -> pl.DataFrame:
    """Stored matches, best first per search, with `new` (first matched in that search's latest build)."""
    if not table_exists(conn, MATCHES_BY_SEARCH_TABLE):
        return pl.DataFrame(schema={**STORED_COLUMNS, "new": pl.Boolean()})
    where = ["true"]
    params: list[object] = []
    if search is not None:
        where.append("search = ?")
        params.append(search)
    if active_only:
        where.append("active")
    frame = conn.sql(
        f"""
        select *, first_matched_at = max(last_matched_at) over (partition by search) as new
        from {MATCHES_BY_SEARCH_TABLE} where {" and ".join(where)}
        order by search, active desc, rank, job_id""",
        params=params,
    ).pl()
    return _utc(frame, {**STORED_COLUMNS, "new": pl.Boolean()})


def read_matches_at(db_path: str | Path, search: str | None = None, wait_s: float = 5.0) -> pl.DataFrame:
    """`read_matches` through a brief read-only connection to the live file (the read snapshot is published
    before the matches are built, so it never has the latest ones); `StoreLockedError` while a run writes."""
    with connect(db_path, read_only=True, wait_s=wait_s) as conn:
        return read_matches(conn, search)


def pending(conn: duckdb.DuckDBPyConnection, search: str, channel_key: str) -> pl.DataFrame:
    """Active matches of `search` that no successful delivery to `channel_key` has listed, best first."""
    ensure_schema(conn)
    frame = conn.sql(
        f"""
        select m.* from {MATCHES_BY_SEARCH_TABLE} m
        where m.search = $search and m.active and m.job_id not in (
            select unnest(job_ids) from {DELIVERIES_TABLE}
            where search = $search and channel_key = $channel_key and ok
        )
        order by m.rank, m.job_id""",
        params={"search": search, "channel_key": channel_key},
    ).pl()
    return _utc(frame, STORED_COLUMNS)


def log_deliveries(conn: duckdb.DuckDBPyConnection, deliveries: pl.DataFrame) -> int:
    """Append delivery attempts (DELIVERY_COLUMNS) to the log."""
    if not deliveries.height:
        return 0
    frame = deliveries.select([pl.col(n).cast(t) for n, t in DELIVERY_COLUMNS.items()])
    conn.register("_incoming_deliveries", frame)
    try:
        ensure_schema(conn)
        conn.execute(
            f"insert into {DELIVERIES_TABLE} ({', '.join(DELIVERY_COLUMNS)})"
            f" select {', '.join(DELIVERY_COLUMNS)} from _incoming_deliveries"
        )
    finally:
        conn.unregister("_incoming_deliveries")
    return frame.height


def read_deliveries(conn: duckdb.DuckDBPyConnection, search: str | None = None) -> pl.DataFrame:
    if not table_exists(conn, DELIVERIES_TABLE):
        return pl.DataFrame(schema=DELIVERY_COLUMNS)
    where, params = ("where search = ?", [search]) if search else ("", [])
    frame = conn.sql(f"select * from {DELIVERIES_TABLE} {where} order by sent_at, search", params=params).pl()
    return _utc(frame, DELIVERY_COLUMNS)
