"""The deduplicated `jobs` table, its `job_matches` explanation table and the user's own fields."""

from __future__ import annotations

import polars as pl

USER_STATUSES: tuple[str, ...] = (
    "new",
    "interested",
    "applied",
    "interviewing",
    "offer",
    "rejected",
    "archived",
    "not_interested",  # saved searches never show it again
)

JOBS_SCHEMA: dict[str, pl.DataType] = {
    "job_id": pl.String(),
    "company": pl.String(),
    "company_name": pl.String(),
    "title": pl.String(),
    "department": pl.String(),
    "locations": pl.List(pl.String()),
    "remote": pl.String(),
    "remote_source": pl.String(),  # where `remote` came from: structured | text_rules | llm | null
    "seniority": pl.String(),
    "employment_type": pl.String(),
    "salary_min": pl.Float64(),
    "salary_max": pl.Float64(),
    "salary_currency": pl.String(),
    "salary_period": pl.String(),
    "salary_annual_min": pl.Float64(),
    "salary_annual_max": pl.Float64(),
    "salary_source": pl.String(),  # where the pay came from: structured (the ATS), text_rules or llm
    "skills": pl.List(pl.String()),
    "summary": pl.String(),
    "description_text": pl.String(),
    "url": pl.String(),
    "posting_urls": pl.List(pl.String()),
    "posting_keys": pl.List(pl.String()),
    "sources": pl.List(pl.String()),
    "first_seen_at": pl.Datetime("us", "UTC"),
    "last_seen_at": pl.Datetime("us", "UTC"),
    "is_open": pl.Boolean(),
    "closed_at": pl.Datetime("us", "UTC"),
}

MATCH_RULES: tuple[str, ...] = ("root", "url", "exact_text", "near_text", "title_only", "carried")
"""How a posting joined its job. `root`: the posting the job's explanation starts from. Merges, with
`matched_to` the posting it matched: `url` (same canonical URL), `exact_text` (same title and description),
`near_text` (role text alike; `score` is the Jaccard similarity), `title_only` (a listing without any
description, joined to the only job with its title). `matched_to = "job:<job_id>"`: matched against that
previous job's last known text (a repost, or a job coming back). Jobs not rebuilt today (closed, or their
company not rescraped) keep their previous rows; `carried` marks such a row the previous build lacked."""

MATCHES_SCHEMA: dict[str, pl.DataType] = {
    "posting_key": pl.String(),
    "company": pl.String(),
    "job_id": pl.String(),
    "rule": pl.String(),  # one of MATCH_RULES
    "score": pl.Float64(),  # 1.0 for exact rules; the role-text Jaccard similarity for near_text
    "matched_to": pl.String(),  # the posting_key (or job:<job_id>) it was merged with; null for root
}

MERGES_SCHEMA: dict[str, pl.DataType] = {"from_job_id": pl.String(), "into_job_id": pl.String()}
"""Previous jobs absorbed into another job by this build (their postings now match it)."""

USER_FIELDS_SCHEMA: dict[str, pl.DataType] = {
    "job_id": pl.String(),
    "favorite": pl.Boolean(),
    "status": pl.String(),  # one of USER_STATUSES
    "notes": pl.String(),
    "updated_at": pl.Datetime("us", "UTC"),
}

# The posting columns dedup reads. Anything else in the enriched frame is ignored; a missing optional column
# (a test frame, an older partition) reads as null.
POSTING_COLUMNS: dict[str, pl.DataType] = {
    "posting_key": pl.String(),
    "company": pl.String(),
    "company_name": pl.String(),
    "source": pl.String(),
    "requisition_id": pl.String(),  # the ATS's id of the opening, within source and board (`requisitions`)
    "url": pl.String(),
    "title": pl.String(),
    "locations": pl.List(pl.String()),
    "department": pl.String(),
    "employment_type": pl.String(),
    "description_text": pl.String(),
    "posted_at": pl.Datetime("us", "UTC"),
    "updated_at": pl.Datetime("us", "UTC"),
    "fetched_at": pl.Datetime("us", "UTC"),
    "salary_min": pl.Float64(),
    "salary_max": pl.Float64(),
    "salary_currency": pl.String(),
    "salary_period": pl.String(),
    "salary_annual_min": pl.Float64(),
    "salary_annual_max": pl.Float64(),
    "salary_source": pl.String(),
    "remote": pl.String(),
    "remote_source": pl.String(),
    "seniority": pl.String(),
    "skills": pl.List(pl.String()),
    "summary": pl.String(),
}
REQUIRED_COLUMNS: tuple[str, ...] = ("posting_key", "company", "source", "title")


def conform(
    frame: pl.DataFrame, schema: dict[str, pl.DataType], required: tuple[str, ...] = ()
) -> pl.DataFrame:
    """`frame` with exactly `schema`'s columns and types: missing optional columns as nulls, a missing
    required column of a non-empty frame as a clear error (never a silent all-null key)."""
    missing = [c for c in required if c not in frame.columns]
    if missing and frame.height:  # an empty frame (no partitions yet) may come without columns
        raise ValueError(f"postings frame lacks required column(s) {missing}; has {frame.columns}")
    if not frame.columns:
        return pl.DataFrame(schema=schema)
    absent = [pl.lit(None, dtype).alias(name) for name, dtype in schema.items() if name not in frame.columns]
    if (
        absent
    ):  # with_columns broadcasts literals to the frame's height (a select of literals alone would not)
        frame = frame.with_columns(absent)
    columns = []
    for name, dtype in schema.items():
        current = frame.schema[name]
        if isinstance(dtype, pl.Datetime) and isinstance(current, pl.Datetime) and current.time_zone:
            columns.append(pl.col(name).dt.convert_time_zone("UTC").cast(dtype))
        else:
            columns.append(pl.col(name).cast(dtype))
    return frame.select(columns)


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)
