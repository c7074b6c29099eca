"""The questions the notebook asks of the `jobs` store, in DuckDB SQL and the same in SQLite.

One module so the notebook, `benchmarks/queries.py` and the tests run exactly the same SQL. Every
query reads the read-only snapshot (`job_assets.store.snapshot.open_reader`), which also carries the
keyword-search index (`search_terms`, `search_stats`). The SQLite
versions answer the same questions on a mirror of that snapshot (`to_sqlite`): lists are JSON text,
timestamps ISO text in UTC, booleans 0/1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import duckdb
import polars as pl

from job_assets.store import search as search_index
from job_assets.store.search import tokenize  # noqa: F401  (the notebook and tests call queries.tokenize)

Dialect = Literal["duckdb", "sqlite"]
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
PAY_GROUPS = ("seniority", "remote")


def _pay(table: str = "jobs") -> str:
    # One number per job: the middle of its annual range (salary_annual_* are normalised to a year).
    return (
        f"({table}.salary_annual_min + coalesce({table}.salary_annual_max, {table}.salary_annual_min)) / 2.0"
    )


def _open_jobs_per_company(dialect: Dialect, limit: int = 1000) -> tuple[str, list[Any]]:
    sql = """
        select company, max(company_name) as company_name,
               count(*) filter (where is_open) as open_jobs, count(*) as all_jobs
        from jobs group by company order by open_jobs desc, company limit ?"""
    return sql, [limit]


def _new_this_week(
    dialect: Dialect, now: datetime | None = None, days: int = 7, limit: int = 50
) -> tuple[str, list[Any]]:
    since = (now or datetime.now(UTC)).astimezone(UTC) - timedelta(days=days)
    param: Any = since if dialect == "duckdb" else since.strftime("%Y-%m-%d %H:%M:%S.%f")
    sql = """
        select job_id, company_name, title, seniority, remote, salary_annual_min, salary_annual_max,
               salary_currency, first_seen_at, url
        from jobs where is_open and first_seen_at >= ?
        order by first_seen_at desc, job_id limit ?"""
    return sql, [param, limit]


def _pay_quantiles(dialect: Dialect, by: str, currency: str = "USD") -> tuple[str, list[Any]]:
    if by not in PAY_GROUPS:
        raise ValueError(f"pay can be grouped by {PAY_GROUPS}, not {by!r}")
    names = [f"p{round(q * 100)}" for q in QUANTILES]
    where = "is_open and salary_currency = ? and salary_annual_min is not null"
    if dialect == "duckdb":
        cols = ", ".join(f"quantile_disc(pay, {q}) as {n}" for q, n in zip(QUANTILES, names, strict=True))
        sql = f"""
            select coalesce({by}, 'unknown') as {by}, count(*) as n, {cols}
            from (select {by}, {_pay()} as pay from jobs where {where})
            group by 1 order by 1"""
    else:
        # quantile_disc = the value at 1-based rank ceil(n*q): the smallest value whose rank >= n*q.
        cols = ", ".join(
            f"min(pay) filter (where rn >= n * {q}) as {n}" for q, n in zip(QUANTILES, names, strict=True)
        )
        sql = f"""
            with pay as (select coalesce({by}, 'unknown') as grp, {_pay()} as pay from jobs where {where}),
            ranked as (select grp, pay, row_number() over (partition by grp order by pay) as rn,
                              count(*) over (partition by grp) as n from pay)
            select grp as {by}, max(n) as n, {cols} from ranked group by grp order by grp"""
    return sql, [currency]


def _top_skills(dialect: Dialect, limit: int = 25) -> tuple[str, list[Any]]:
    if dialect == "duckdb":
        source = "(select unnest(skills) as skill from jobs where is_open)"
    else:
        source = "(select je.value as skill from jobs, json_each(jobs.skills) as je where jobs.is_open)"
    sql = f"select skill, count(*) as jobs from {source} group by skill order by jobs desc, skill limit ?"
    return sql, [limit]


def _search(dialect: Dialect, text: str, limit: int = 20, open_only: bool = True) -> tuple[str, list[Any]]:
    """Okapi BM25 (title x3, skills x2, description x1) as one SQL sum: the reference `search` must equal."""
    return search_index.reference_sql(search_index.query_terms(text), limit, open_only)


def _marked_jobs(dialect: Dialect, limit: int = 100) -> tuple[str, list[Any]]:
    sql = """
        select job_id, company_name, title, favorite, status, notes, user_updated_at, url from jobs_view
        where favorite or coalesce(status, 'new') <> 'new' or notes is not null
        order by user_updated_at desc nulls last, job_id limit ?"""
    return sql, [limit]


@dataclass(frozen=True)
class Query:
    name: str
    title: str
    bind: Callable[..., tuple[str, list[Any]]]
    defaults: dict[str, Any]
    # Answers on DuckDB without the SQL of `bind` (which stays the reference and the SQLite form).
    fast: Callable[..., pl.DataFrame] | None = None


QUERIES: dict[str, Query] = {
    q.name: q
    for q in (
        Query("open_jobs_per_company", "Open jobs per company", _open_jobs_per_company, {}),
        Query("new_this_week", "Jobs first seen in the last 7 days", _new_this_week, {}),
        Query("pay_by_seniority", "Annual pay quantiles by seniority", _pay_quantiles, {"by": "seniority"}),
        Query("pay_by_remote", "Annual pay quantiles by remote policy", _pay_quantiles, {"by": "remote"}),
        Query("top_skills", "Most asked-for skills in open jobs", _top_skills, {}),
        Query(
            "search",
            "Keyword search, BM25-ranked",
            _search,
            {"text": "senior python data engineer"},
            fast=search_index.search,
        ),
        Query("marked_jobs", "Jobs you marked", _marked_jobs, {}),
    )
}


def bind(name: str, dialect: Dialect, **params: Any) -> tuple[str, list[Any]]:
    query = QUERIES[name]
    return query.bind(dialect, **{**query.defaults, **params})


def run(conn: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pl.DataFrame:
    """Run a named query on a DuckDB reader connection; a polars frame back."""
    query = QUERIES[name]
    if query.fast is not None:
        return query.fast(conn, **{**query.defaults, **params})
    return run_reference(conn, name, **params)


def run_reference(conn: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pl.DataFrame:
    """A named query's plain SQL on DuckDB (for `search`: the slow sum the fast path must equal)."""
    sql, args = bind(name, "duckdb", **params)
    return conn.sql(sql, params=args).pl()


# The notebook's vocabulary: one function per question.
def open_jobs_per_company(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return run(conn, "open_jobs_per_company")


def new_this_week(
    conn: duckdb.DuckDBPyConnection, now: datetime | None = None, limit: int = 50
) -> pl.DataFrame:
    return run(conn, "new_this_week", now=now, limit=limit)


def pay_quantiles(conn: duckdb.DuckDBPyConnection, by: str, currency: str = "USD") -> pl.DataFrame:
    """Annual pay quantiles (p10..p90) per seniority or remote policy, in one currency."""
    sql, args = _pay_quantiles("duckdb", by=by, currency=currency)
    return conn.sql(sql, params=args).pl()


def top_skills(conn: duckdb.DuckDBPyConnection, limit: int = 25) -> pl.DataFrame:
    return run(conn, "top_skills", limit=limit)


def search(
    conn: duckdb.DuckDBPyConnection, text: str, limit: int = 20, open_only: bool = True
) -> pl.DataFrame:
    """The notebook's, the terminal's and the saved searches' one entry point (see `store/search.py`)."""
    return search_index.search(conn, text, limit=limit, open_only=open_only)


def marked_jobs(conn: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return run(conn, "marked_jobs")


def main_currency(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The currency most open jobs with pay are paid in: pay is only compared within one currency."""
    rows = conn.execute(
        "select salary_currency from jobs where is_open and salary_annual_min is not null"
        " and salary_currency is not null group by 1 order by count(*) desc, 1 limit 1"
    ).fetchall()
    return rows[0][0] if rows else None
