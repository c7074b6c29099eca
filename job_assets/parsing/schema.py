"""The one normalised posting schema every source is parsed into."""

from __future__ import annotations

import polars as pl

WORKPLACES = ("remote", "hybrid", "onsite")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "intern", "temporary")
PAY_PERIODS = ("year", "month", "week", "day", "hour")

PARSED_SCHEMA: dict[str, pl.DataType] = {
    "posting_key": pl.String(),  # f"{source}:{source_id}"
    "company": pl.String(),
    "company_name": pl.String(),
    "source": pl.String(),
    "source_id": pl.String(),
    "url": pl.String(),
    "title": pl.String(),
    "locations": pl.List(pl.String()),
    "workplace": pl.String(),  # one of WORKPLACES or null; structured fields only
    "department": pl.String(),
    "employment_type": pl.String(),  # one of EMPLOYMENT_TYPES or null
    "description_text": pl.String(),
    "posted_at": pl.Datetime("us", "UTC"),
    "updated_at": pl.Datetime("us", "UTC"),
    "pay_min": pl.Float64(),
    "pay_max": pl.Float64(),
    "pay_currency": pl.String(),  # ISO 4217
    "pay_period": pl.String(),  # one of PAY_PERIODS
    # The ATS's id of the opening (requisition) a posting advertises, when its answer has a system-assigned one
    # (Greenhouse `internal_job_id`: one per job, shared by that job's posts). Dedup never merges two postings
    # of one source and board whose ids differ. An identity column, not content: not in `content_hash`.
    "requisition_id": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
    "content_hash": pl.String(),  # of the normalised content above (not requisition_id, fetched_at)
}
