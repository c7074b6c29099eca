"""Writes and reads of `raw_postings`, and the scrape-log entry each write records.

The rule that a failed fetch never closes a company's jobs lives here: a failed company's rows are not touched
(`record_failed_scrape` only logs), and a job board that failed while the company's other sources answered
keeps its last good rows (`write_scrape`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb
import polars as pl

from job_assets.sources.base import RAW_SCHEMA
from job_assets.store import scrape_log
from job_assets.store.db import read_table, replace_partitions

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


@dataclass(frozen=True)
class Scrape:
    """One company's answer in a scrape run: its postings and the job-board sites that failed."""

    company: str
    fetched: pl.DataFrame
    stale_sites: frozenset[str] = frozenset()


def write_scrapes(
    conn: duckdb.DuckDBPyConnection,
    scrapes: Sequence[Scrape],
    failures: Mapping[str, str],
    *,
    run_id: str,
    started_at: datetime,
    finished_at: datetime,
) -> dict[str, tuple[pl.DataFrame, int]]:
    """Replace each scraped company's raw rows with its scrape, plus the stored rows of its job boards that
    failed (`stale_sites`) and that this scrape did not return again; log every attempt, the `failures`
    (company -> error) too, whose rows stay as they were.

    All companies in one transaction and the log in a second one: a run's write holds the store once, however
    many companies it covers. Returns company -> (the rows written, how many were carried over)."""
    written: dict[str, tuple[pl.DataFrame, int]] = {}
    for scrape in scrapes:
        carried = rows_from_sites(conn, scrape.company, "jobspy", set(scrape.stale_sites))
        rows = pl.concat([scrape.fetched, carried.join(scrape.fetched, on=POSTING_KEY, how="anti")])
        written[scrape.company] = (rows, rows.height - scrape.fetched.height)
    frames = [rows for rows, _ in written.values()]
    replace_partitions(
        conn, TABLE, list(written), pl.concat(frames) if frames else pl.DataFrame(schema=RAW_SCHEMA)
    )
    log = [
        scrape_log.entry(slug, run_id, started_at, finished_at, "ok", rows.height)
        for slug, (rows, _) in written.items()
    ]
    log += [
        scrape_log.entry(slug, run_id, started_at, finished_at, "failed", None, error)
        for slug, error in failures.items()
    ]
    scrape_log.record_all(conn, log)
    return written


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
    """One company's `write_scrapes`."""
    written = write_scrapes(
        conn, [Scrape(company, fetched, frozenset(stale_sites))], {},
        run_id=run_id, started_at=started_at, finished_at=finished_at,
    )  # fmt: skip
    return written[company]


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
    write_scrapes(conn, [], {company: error}, run_id=run_id, started_at=started_at, finished_at=finished_at)
