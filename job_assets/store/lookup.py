"""Find jobs from the terminal: the ranked keyword search (`queries.search`) with filters, and one job in full.

Reads go through the published snapshot (`snapshot.open_reader`), like the notebook's, so they never block a
run. `job_detail` adds the postings behind a job from the live file, read-only, when no run holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from job_assets.store import db, queries

JOB_COLUMNS = (
    "job_id, company, company_name, title, locations, remote, seniority, salary_min, salary_max,"
    " salary_currency, salary_period, salary_annual_min, salary_annual_max, first_seen_at, url"
)


@dataclass(frozen=True)
class JobFilters:
    companies: tuple[str, ...] = ()  # slug or a word of the company's name, case-insensitive
    remote: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    min_pay: float | None = None  # annual, in `currency`
    currency: str = "USD"
    new_days: int | None = None

    @property
    def any(self) -> bool:
        return bool(self.companies or self.remote or self.seniority or self.min_pay or self.new_days)

    def where(self, now: datetime) -> tuple[str, list[Any]]:
        clauses, params = ["j.is_open"], []
        if self.companies:
            wanted = [c.lower() for c in self.companies]
            clauses.append(
                "("
                + " or ".join("(lower(j.company) = ? or contains(lower(j.company_name), ?))" for _ in wanted)
                + ")"
            )
            params += [v for c in wanted for v in (c, c)]
        for column, values in (("remote", self.remote), ("seniority", self.seniority)):
            if values:
                clauses.append(f"j.{column} in ({', '.join('?' for _ in values)})")
                params += [v.lower() for v in values]
        if self.min_pay is not None:
            clauses.append(
                "j.salary_currency = ? and coalesce(j.salary_annual_max, j.salary_annual_min) >= ?"
            )
            params += [self.currency.upper(), self.min_pay]
        if self.new_days is not None:
            clauses.append("j.first_seen_at >= ?")
            params.append(now - timedelta(days=self.new_days))
        return " and ".join(clauses), params


def search_jobs(
    conn: duckdb.DuckDBPyConnection,
    text: str,
    filters: JobFilters = JobFilters(),
    limit: int = 20,
    now: datetime | None = None,
) -> pl.DataFrame:
    """Open jobs, best match first (BM25 over title, skills, description); with no words, newest first."""
    where, params = filters.where(now or datetime.now(UTC))
    if not queries.tokenize(text):
        sql = f"select {JOB_COLUMNS}, null::double as score from jobs j where {where} order by first_seen_at desc, job_id limit ?"
        return conn.sql(sql, params=[*params, limit]).pl()
    # Filters apply after ranking: ask the search for every match when there are filters, else just `limit`.
    wanted = limit
    if filters.any:
        wanted = int(conn.execute("select n_docs from search_stats").fetchall()[0][0] or 0) or limit
    ranked = queries.search(conn, text, limit=wanted, open_only=True).select(
        "job_id", "score", "matched_terms"
    )
    ranked = ranked.with_row_index("rank")
    conn.register("_ranked", ranked)
    try:
        sql = (
            f"select {', '.join('j.' + c.strip() for c in JOB_COLUMNS.split(','))}, r.score from _ranked r"
            f" join jobs j using (job_id) where {where} order by r.rank limit ?"
        )
        return conn.sql(sql, params=[*params, limit]).pl()
    finally:
        conn.unregister("_ranked")


class JobNotFoundError(LookupError):
    pass


@dataclass
class JobDetail:
    job: dict[str, Any]  # the jobs_view row: canonical fields and the user's fields
    postings: list[dict[str, Any]] = field(default_factory=list)  # every posting merged into it
    postings_note: str | None = None  # why postings are missing, when they are


def _postings(live: Path, job_id: str) -> list[dict[str, Any]]:
    with db.connect(live, read_only=True, wait_s=2) as conn:
        if not (db.table_exists(conn, "job_matches") and db.table_exists(conn, "enriched_postings")):
            return []
        return (
            conn.sql(
                "select m.posting_key, p.source, p.url, p.title, p.posted_at, p.fetched_at, m.rule, m.score,"
                " m.matched_to from job_matches m left join enriched_postings p using (posting_key)"
                " where m.job_id = ? order by p.fetched_at, m.posting_key",
                params=[job_id],
            )
            .pl()
            .to_dicts()
        )


def job_detail(conn: duckdb.DuckDBPyConnection, live: Path, job_id: str) -> JobDetail:
    """`conn`: a snapshot reader. Postings come from the live file, unless a run holds it right now."""
    rows = conn.sql("select * from jobs_view where job_id = ?", params=[job_id]).pl().to_dicts()
    if not rows:
        raise JobNotFoundError(f"no job with id {job_id!r}: find one with `job-assets search WORDS`")
    detail = JobDetail(rows[0])
    try:
        detail.postings = _postings(live, job_id)
    except db.StoreLockedError:
        detail.postings_note = f"{live} is busy (a run is writing it): postings not shown, try again after it"
    return detail
