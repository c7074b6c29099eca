"""The queries behind the asset checks: each returns the offending rows (empty means the check passes)."""

from __future__ import annotations

import duckdb
import polars as pl

from job_assets.store.db import table_exists

# A year's pay outside these bounds is almost surely a parsing mistake (a 401(k) figure, cents, a typo).
SANE_ANNUAL_PAY = (1_000.0, 5_000_000.0)


def _frame(conn: duckdb.DuckDBPyConnection, table: str, query: str) -> pl.DataFrame:
    return conn.sql(query).pl() if table_exists(conn, table) else pl.DataFrame()


def duplicate_posting_keys(conn: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    return _frame(
        conn, table, f'select company, posting_key, count(*) as n from "{table}" group by all having n > 1'
    )


def duplicate_job_ids(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return _frame(conn, "jobs", "select job_id, count(*) as n from jobs group by all having n > 1")


def postings_not_in_exactly_one_job(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Enriched postings (what `jobs` is built from) that no job holds, or that two jobs hold."""
    if not (table_exists(conn, "jobs") and table_exists(conn, "enriched_postings")):
        return pl.DataFrame()
    return conn.sql(
        """
        with held as (
            select company, unnest(posting_keys) as posting_key, job_id from jobs
        )
        select p.company, p.posting_key, count(h.job_id) as jobs
        from enriched_postings p left join held h using (company, posting_key)
        group by all having count(h.job_id) <> 1
        """
    ).pl()


def insane_pay(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    low, high = SANE_ANNUAL_PAY
    return _frame(
        conn,
        "jobs",
        f"""
        select job_id, company, title, salary_min, salary_max, salary_period, salary_annual_min, salary_annual_max
        from jobs
        where salary_min > salary_max
           or salary_annual_min > salary_annual_max
           or salary_annual_min < {low} or salary_annual_max > {high}
        """,
    )
