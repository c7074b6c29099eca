"""Reads of `raw_postings` that writers need."""

from __future__ import annotations

import duckdb
import polars as pl

from job_assets.sources.base import RAW_SCHEMA
from job_assets.store.db import read_table

TABLE = "raw_postings"


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
