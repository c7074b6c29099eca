"""Writes and reads of `raw_postings`, and the scrape-log entry each write records.

The rule that a failed fetch never closes a company's jobs lives here: a failed company's rows are not touched
(`record_failed_scrape` only logs), and a job board that failed while the company's other sources answered
keeps its last good rows (`write_scrape`).
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from job_assets.sources.base import RAW_SCHEMA
from job_assets.store import scrape_log
from job_assets.store.db import read_table, replace_partition

TABLE = "raw_postings"
POSTING_KEY = ["source", "source_id"]


def rows_from_sites(
    conn: duckdb.DuckDBPyConnection, company: str, source: str, sites: set[str]
) -> pl.DataFrame:
    """A company's stored postings of `source` that came from these job-board sites (payload `site`).

    A board that failed this run while the others answered keeps these rows, so its jobs do not close."""
    if not sites:
        return pl.DataFrame(schema=RAW_SCHEMA)
    marks = ", ".join("?" for _ in sites)
    return read_table(
        conn,
        TABLE,
        f"company = ? and source = ? and json_extract_string(payload, '$.site') in ({marks})",
        [company, source, *sorted(sites)],
        schema=RAW_SCHEMA,
    )


def write_scrape(
    conn: duckdb.DuckDBPyConnection,
    company: str,
    fetched: pl.DataFrame,
    stale_sites: set[str],
    *,
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
) -> tuple[pl.DataFrame, int]:
    """Replace a company's raw rows with this scrape, plus the stored rows of the job boards that failed
    (`stale_sites`) and that this scrape did not return again, and log the attempt.
    Returns (the rows written, how many were carried over)."""
    carried = rows_from_sites(conn, company, "jobspy", stale_sites)
    rows = pl.concat([fetched, carried.join(fetched, on=POSTING_KEY, how="anti")])
    replace_partition(conn, TABLE, company, rows)
    scrape_log.record(conn, company, run_id, started_at, finished_at, "ok", rows.height)
    return rows, rows.height - fetched.height


def record_failed_scrape(
    conn: duckdb.DuckDBPyConnection,
    company: str,
    error: str,
    *,
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
) -> None:
    """Log a failed scrape; the company's rows from its last good scrape stay as they were."""
    scrape_log.record(conn, company, run_id, started_at, finished_at, "failed", None, error)
