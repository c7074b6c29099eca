"""The fields of one job, chosen from the postings merged into it.

The title and URL come from the best posting: an ATS API over a careers page over a job board (boards
rewrite titles and link to themselves), then the most recently updated. Other fields take the first known
value in that same order; pay comes from the posting that states it, structured pay first; locations,
sources and URLs are unions.
"""

from __future__ import annotations

import polars as pl

from job_assets.dedup.text import collapse_locations, strip_places

SOURCE_RANK = {"greenhouse": 0, "lever": 0, "ashby": 0, "careers_page": 1}  # anything else (job boards): 2
SALARY_SOURCE_RANK = {"structured": 0, "text_rules": 1, "llm": 2}
SALARY_COLUMNS = (
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "salary_annual_min",
    "salary_annual_max",
    "salary_source",
)


def _known(column: str) -> pl.Expr:
    value = pl.col(column)
    return value.filter(value.is_not_null() & (value != "unknown")).first().fill_null("unknown").alias(column)


def _source_of_known(column: str, source: str) -> pl.Expr:
    """Where the value `_known(column)` picked came from: the same posting's `source` column."""
    value = pl.col(column)
    return pl.col(source).filter(value.is_not_null() & (value != "unknown")).first().alias(source)


def _first_text(column: str) -> pl.Expr:
    value = pl.col(column)
    return value.filter(value.str.strip_chars().str.len_bytes() > 0).first().alias(column)


def canonical_fields(postings: pl.DataFrame) -> pl.DataFrame:
    """`postings` (POSTING_COLUMNS + job_id) -> one row per job_id with the canonical fields, the unions,
    and `first_fetched_at` / `last_seen_at` from the postings' fetch times.

    The descriptions are most of the bytes: postings are ranked without them, and only the one chosen
    description per job is gathered."""
    has_text = pl.col("description_text").str.strip_chars().str.len_bytes() > 0
    ranked = (
        postings.select(pl.exclude("description_text"), _has_text=has_text.fill_null(False))
        .with_columns(
            _i=pl.int_range(pl.len(), dtype=pl.UInt32()),
            _source_rank=pl.col("source").replace_strict(SOURCE_RANK, default=2, return_dtype=pl.Int8()),
            _recency=pl.coalesce("updated_at", "posted_at"),
        )
        .sort(
            ["job_id", "_source_rank", "_recency", "fetched_at", "posting_key"],
            descending=[False, False, True, True, False],
            nulls_last=True,
        )
    )
    jobs = ranked.group_by("job_id", maintain_order=True).agg(
        pl.col("company").first(),
        pl.col("company_name").drop_nulls().first(),
        pl.col("title").first(),
        pl.col("department").drop_nulls().first(),
        pl.col("locations")
        .list.explode(keep_nulls=False, empty_as_null=False)
        .unique()
        .sort()
        .alias("locations"),
        _known("remote"),
        _source_of_known("remote", "remote_source"),
        _known("seniority"),
        pl.col("employment_type").drop_nulls().first(),
        pl.col("skills").filter(pl.col("skills").list.len() > 0).first().alias("skills"),
        _first_text("summary"),
        pl.col("_i").filter("_has_text").first().alias("_text_row"),
        pl.col("url").drop_nulls().first().alias("url"),
        pl.col("url").drop_nulls().unique().sort().alias("posting_urls"),
        pl.col("posting_key").sort().alias("posting_keys"),
        pl.col("source").unique().sort().alias("sources"),
        pl.col("fetched_at").min().alias("first_fetched_at"),
        pl.col("fetched_at").max().alias("last_seen_at"),
    )
    text_rows = jobs["_text_row"]
    texts = postings["description_text"].gather(text_rows.fill_null(0))
    jobs = jobs.with_columns(description_text=pl.when(text_rows.is_not_null()).then(texts)).drop("_text_row")
    pay = (
        ranked.filter(pl.col("salary_min").is_not_null() | pl.col("salary_max").is_not_null())
        .with_columns(
            _pay_rank=pl.col("salary_source").replace_strict(
                SALARY_SOURCE_RANK, default=3, return_dtype=pl.Int8()
            )
        )
        .sort(["job_id", "_pay_rank"], maintain_order=True)
        .group_by("job_id", maintain_order=True)
        .agg([pl.col(c).first() for c in SALARY_COLUMNS])
    )
    jobs = jobs.join(pay, on="job_id", how="left").with_columns(
        pl.col("skills").fill_null(pl.lit([], pl.List(pl.String())))
    )
    return _tidy_multi_location(jobs)


def _tidy_multi_location(jobs: pl.DataFrame) -> pl.DataFrame:
    """Jobs posted in several places: one spelling per place, and no single city in the title."""
    multi = jobs.filter(pl.col("locations").list.len() > 1).select("job_id", "title", "locations")
    if multi.is_empty():
        return jobs
    locations = [collapse_locations(locs) for locs in multi["locations"].to_list()]
    titles = [
        strip_places(title, locs) if title and len(locs) > 1 else title
        for title, locs in zip(multi["title"].to_list(), locations, strict=True)
    ]
    fixed = pl.DataFrame(
        {"job_id": multi["job_id"], "_title": titles, "_locations": locations},
        schema={"job_id": pl.String(), "_title": pl.String(), "_locations": pl.List(pl.String())},
    )
    return (
        jobs.join(fixed, on="job_id", how="left", maintain_order="left")
        .with_columns(
            title=pl.coalesce("_title", "title"),
            locations=pl.when(pl.col("_locations").is_not_null()).then("_locations").otherwise("locations"),
        )
        .drop("_title", "_locations")
    )
