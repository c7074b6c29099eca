"""Company chunks: the unit a build works on, so its memory is one chunk's worth, not the whole input's.

Dedup never looks across companies: postings are compared within one company, a job belongs to one
company, and the previous build's jobs and matches are joined on the company. So a build over every
company is the concatenation, in company order, of builds over disjoint runs of companies. A chunk holds
whole companies (about `rows` postings and previous jobs together), in sorted company order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl

from job_assets.dedup.schema import JOBS_SCHEMA, MATCHES_SCHEMA, POSTING_COLUMNS, REQUIRED_COLUMNS, conform


@dataclass(frozen=True)
class CompanyChunk:
    postings: pl.DataFrame  # today's postings of these companies (any columns; conformed by the build)
    previous_jobs: pl.DataFrame  # JOBS_SCHEMA: the previous build's jobs of these companies
    previous_matches: pl.DataFrame  # MATCHES_SCHEMA: the previous build's matches of these companies


def plan_chunks(counts: pl.DataFrame, rows: int) -> list[list[str]]:
    """`counts` (company, n: rows of that company, possibly several rows per company) -> runs of whole
    companies in sorted order, each about `rows` rows (a company larger than that is a chunk of its own)."""
    per_company = counts.group_by("company").agg(pl.col("n").sum()).sort("company")
    chunks: list[list[str]] = []
    current: list[str] = []
    size = 0
    for company, n in per_company.iter_rows():
        current.append(company)
        size += n
        if size >= rows:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _check_keys(postings: pl.DataFrame) -> None:
    null_keys = postings.filter(pl.col("posting_key").is_null() | pl.col("company").is_null()).height
    if null_keys:
        raise ValueError(f"{null_keys} posting(s) have no posting_key or company; cannot deduplicate them")


def split_frames(
    postings: pl.DataFrame, previous_jobs: pl.DataFrame, previous_matches: pl.DataFrame, rows: int
) -> Iterator[CompanyChunk]:
    """Whole frames (already in memory) -> their company chunks, each company's rows in their input order."""
    postings = conform(postings, POSTING_COLUMNS, REQUIRED_COLUMNS)
    _check_keys(postings)
    previous_jobs = conform(previous_jobs, JOBS_SCHEMA)
    previous_matches = conform(previous_matches, MATCHES_SCHEMA)
    counts = pl.concat(
        [
            postings.group_by("company").len("n").cast({"n": pl.Int64()}),
            previous_jobs.group_by("company").len("n").cast({"n": pl.Int64()}),
        ]
    )
    for companies in plan_chunks(counts, rows):
        wanted = pl.col("company").is_in(pl.lit(pl.Series(companies, dtype=pl.String())).implode())
        yield CompanyChunk(
            postings.filter(wanted), previous_jobs.filter(wanted), previous_matches.filter(wanted)
        )
