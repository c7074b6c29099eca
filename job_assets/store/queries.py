"""The questions the notebook asks of the `jobs` store, in DuckDB SQL and the same in SQLite.

One module so the notebook, `benchmarks/queries.py` and the tests run exactly the same SQL. Every
query reads the read-only snapshot (`job_assets.store.snapshot.open_reader`), which also carries the
keyword-search index (`search_terms`, `search_stats`). The SQLite
versions answer the same questions on a mirror of that snapshot (`to_sqlite`): lists are JSON text,
timestamps ISO text in UTC, booleans 0/1.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
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


def run_sqlite(conn: sqlite3.Connection, name: str, **params: Any) -> list[tuple[Any, ...]]:
    sql, args = bind(name, "sqlite", **params)
    return conn.execute(sql, args).fetchall()


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


# --- SQLite mirror --------------------------------------------------------------------------------

_SQLITE_TABLES = {
    "search_terms": "term text, job_id text, weight real, is_open integer, docid integer",
    "search_stats": "n_docs integer, avg_len real, k1 real, b real",
    "user_fields": "job_id text primary key, favorite integer, status text, notes text, updated_at text",
}
_SQLITE_INDEXES = (
    "create index jobs_company on jobs(company)",
    "create index jobs_first_seen on jobs(first_seen_at)",
    "create index search_terms_term on search_terms(term)",
)


def _sqlite_select(conn: duckdb.DuckDBPyConnection, table: str) -> tuple[list[str], str]:
    """Column names and a SELECT that renders lists as JSON, times as UTC ISO text, bools as 0/1."""
    names, exprs = [], []
    for name, dtype, *_ in conn.execute(f'describe "{table}"').fetchall():
        col = f'"{name}"'
        if dtype.endswith("[]") or dtype.startswith(("STRUCT", "MAP")):
            col = f"to_json({col})::varchar"
        elif dtype.startswith("TIMESTAMP"):
            col = f"strftime({col}::timestamptz at time zone 'UTC', '%Y-%m-%d %H:%M:%S.%f')"
        elif dtype == "BOOLEAN":
            col = f"{col}::integer"
        names.append(name)
        exprs.append(f'{col} as "{name}"')
    return names, f'select {", ".join(exprs)} from "{table}"'


def _copy_table(
    duck: duckdb.DuckDBPyConnection, lite: sqlite3.Connection, table: str, ddl: str | None
) -> None:
    names, select = _sqlite_select(duck, table)
    lite.execute(ddl or f'create table "{table}" ({", ".join(names)})')
    insert = f'insert into "{table}" ({", ".join(names)}) values ({", ".join("?" for _ in names)})'
    cursor = duck.execute(select)
    while batch := cursor.fetchmany(50_000):
        lite.executemany(insert, batch)


def to_sqlite(duck: duckdb.DuckDBPyConnection, path: str | Path) -> sqlite3.Connection:
    """Mirror a snapshot (jobs, user fields, search index) into a new SQLite file, indexed for the queries."""
    path = Path(path)
    path.unlink(missing_ok=True)
    lite = sqlite3.connect(path)
    lite.execute("pragma journal_mode = off")
    lite.execute("pragma synchronous = off")
    names, _ = _sqlite_select(duck, "jobs")
    jobs_ddl = (
        "create table jobs ("
        + ", ".join(n + (" text primary key" if n == "job_id" else "") for n in names)
        + ")"
    )
    _copy_table(duck, lite, "jobs", jobs_ddl)
    for table, columns in _SQLITE_TABLES.items():
        _copy_table(duck, lite, table, f'create table "{table}" ({columns})')
    for statement in _SQLITE_INDEXES:
        lite.execute(statement)
    lite.execute(
        "create view jobs_view as select j.*, coalesce(u.favorite, 0) as favorite, coalesce(u.status, 'new') as status,"
        " u.notes, u.updated_at as user_updated_at from jobs j left join user_fields u using (job_id)"
    )
    lite.commit()
    lite.execute("analyze")
    return lite


def compare(rows: Sequence[tuple[Any, ...]], frame: pl.DataFrame) -> bool:
    """Whether SQLite rows and a DuckDB frame hold the same answer (floats to 1e-6)."""
    if len(rows) != frame.height:
        return False
    for lite_row, duck_row in zip(rows, frame.iter_rows(), strict=True):
        for a, b in zip(lite_row, duck_row, strict=True):
            if isinstance(b, datetime):
                b = b.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            if isinstance(a, float) or isinstance(b, float):
                if a is None or b is None or abs(float(a) - float(b)) > 1e-6 * max(1.0, abs(float(b))):
                    return False
            elif a != b and not (isinstance(b, bool) and a == int(b)):
                return False
    return True
