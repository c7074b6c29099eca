"""Every saved search against the open jobs: filter, keyword relevance, fit score, one frame out.

Reads only the published read snapshot (`store.snapshot.open_reader`), which holds the jobs, your own
fields and the BM25 index, so matching never holds the live store's lock.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from job_assets.display import salary_pay
from job_assets.matching import filters, ranking
from job_assets.matching.relevance import keyword_relevance
from job_assets.matching.searches import Search, SearchFile
from job_assets.store.matches import MATCH_COLUMNS, read_open_jobs


def match_search(
    conn: duckdb.DuckDBPyConnection, jobs: pl.DataFrame, search: Search, searches: SearchFile, now: datetime
) -> pl.DataFrame:
    """One search's ranked matches (MATCH_COLUMNS) from `prepare`d open jobs."""
    kept = jobs.filter(filters.keep(search, now, searches.exchange_rates))
    if search.keywords:
        kept = kept.join(keyword_relevance(conn, search.keywords, jobs.height), on="job_id", how="inner")
    ranked = ranking.score(kept, search, searches.profile, searches.exchange_rates, now)
    return ranked.with_columns(search=pl.lit(search.name), pay=salary_pay()).select(
        [pl.col(name).cast(dtype) for name, dtype in MATCH_COLUMNS.items()]
    )


def match_all(conn: duckdb.DuckDBPyConnection, searches: SearchFile, now: datetime) -> pl.DataFrame:
    """Ranked matches of every search, in the file's order (empty, in MATCH_COLUMNS, when none)."""
    if not searches.searches:
        return pl.DataFrame(schema=MATCH_COLUMNS)
    jobs = filters.prepare(read_open_jobs(conn, filters.JOB_COLUMNS))
    frames = [match_search(conn, jobs, search, searches, now) for search in searches.searches]
    return pl.concat(frames) if frames else pl.DataFrame(schema=MATCH_COLUMNS)
