"""Every scrape attempt per company: what the jobs table and asset checks need to tell a failed or
suspicious scrape from a company that really has no openings."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from job_assets.store.db import append_rows, read_table

TABLE = "scrape_log"
SCHEMA: dict[str, pl.DataType] = {
    "company": pl.String(),
    "run_id": pl.String(),
    "started_at": pl.Datetime("us", "UTC"),
    "finished_at": pl.Datetime("us", "UTC"),
    "status": pl.String(),  # ok | failed
    "postings": pl.Int64(),
    "error": pl.String(),
}


def entry(
    company: str,
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
    status: str,
    postings: int | None,
    error: str | None = None,
) -> dict[str, object]:
    """One attempt's log row."""
    return {
        "company": company,
        "run_id": run_id,
        "started_at": started_at,
        "finished_at": finished_at,
        "status": status,
        "postings": postings,
        "error": error,
    }


def record_all(conn: duckdb.DuckDBPyConnection, entries: list[dict[str, object]]) -> None:
    """Append the attempts of a run in one transaction."""
    if entries:
        append_rows(conn, TABLE, pl.DataFrame(entries, schema=SCHEMA))


def latest(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The latest attempt per company, with the posting count of the previous successful scrape."""
    log = read_table(conn, TABLE, schema=SCHEMA)
    if log.is_empty():
        return log.with_columns(pl.lit(None, pl.Int64()).alias("previous_ok_postings"))
    ok = log.filter(pl.col("status") == "ok").sort("finished_at")
    previous = (
        ok.group_by("company").agg(pl.col("postings").get(-2, null_on_oob=True).alias("previous_ok_postings"))
        if not ok.is_empty()
        else pl.DataFrame(schema={"company": pl.String(), "previous_ok_postings": pl.Int64()})
    )
    last = log.sort("finished_at").group_by("company").last()
    return last.join(previous, on="company", how="left")


def failures_in_run(conn: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, str]:
    """company -> error for the scrapes that failed in one Dagster run (a batched run keeps going)."""
    log = read_table(conn, TABLE, "run_id = ? and status = 'failed'", [run_id], schema=SCHEMA)
    return dict(zip(log.get_column("company").to_list(), log.get_column("error").to_list(), strict=True))
