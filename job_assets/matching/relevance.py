"""Keyword relevance through the store's ranked search (`job_assets.store.queries.search`, BM25).

A thin wrapper, not a second search engine: `search()` returns the top `limit` jobs by (terms matched,
BM25 score) over ANY of the query's words, while a saved search wants every job that has ALL the words
of one of its keyword alternatives. Because `search()` orders by the number of matched terms first, a
first call with a small `limit` is complete when its last row no longer matches every word (common for
rare words); otherwise a second call with `limit` = the number of open jobs returns everything. Scores of
different alternatives are BM25 sums; a job keeps its best one.
"""

from __future__ import annotations

import duckdb
import polars as pl

from job_assets.store.queries import search, tokenize

FIRST_LIMIT = 2_000
RELEVANCE_SCHEMA: dict[str, pl.DataType] = {
    "job_id": pl.String(),
    "relevance": pl.Float64(),
    "keyword": pl.String(),
}


def jobs_with_all_words(conn: duckdb.DuckDBPyConnection, text: str, open_jobs: int) -> pl.DataFrame:
    """Open jobs containing every word of `text` (title, skills or description), with their BM25 score.
    `open_jobs` (how many jobs are open) bounds how many rows `search()` can ever return."""
    n_terms = len(set(tokenize(text)))
    first = min(FIRST_LIMIT, max(open_jobs, 1))
    found = search(conn, text, limit=first, open_only=True)
    if found.height == first < open_jobs and found.get_column("matched_terms")[-1] == n_terms:
        found = search(conn, text, limit=max(open_jobs, 1), open_only=True)
    complete = found.filter(pl.col("matched_terms") == n_terms)
    return complete.select("job_id", pl.col("score").cast(pl.Float64).alias("relevance"))


def keyword_relevance(conn: duckdb.DuckDBPyConnection, keywords: list[str], open_jobs: int) -> pl.DataFrame:
    """Per job: its best BM25 score over the alternatives it fully matches, and which alternative that was."""
    parts = [
        jobs_with_all_words(conn, text, open_jobs).with_columns(keyword=pl.lit(text))
        for text in keywords
        if tokenize(text)
    ]
    if not parts:
        return pl.DataFrame(schema=RELEVANCE_SCHEMA)
    return (
        pl.concat(parts)
        .sort(["job_id", "relevance"], descending=[False, True])
        .unique("job_id", keep="first", maintain_order=True)
        .select(list(RELEVANCE_SCHEMA))
    )
