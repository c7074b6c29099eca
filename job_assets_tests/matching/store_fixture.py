"""A real store (live DuckDB file + published snapshot with its BM25 index) from hand-written jobs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store import snapshot
from job_assets.store.db import connect, replace_table
from job_assets.store.jobs_table import ensure_schema, set_user_fields

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def job(job_id: str, title: str, **fields: Any) -> dict[str, Any]:
    """A jobs row with plausible defaults; `days_old` sets first_seen_at relative to NOW."""
    days_old = fields.pop("days_old", 1)
    return {
        "job_id": job_id,
        "company": fields.pop("company", "acme"),
        "company_name": fields.pop("company_name", "Acme Robotics"),
        "title": title,
        "locations": fields.pop("locations", ["Berlin, Germany"]),
        "remote": fields.pop("remote", "hybrid"),
        "seniority": fields.pop("seniority", "senior"),
        "employment_type": fields.pop("employment_type", "full_time"),
        "skills": fields.pop("skills", []),
        "description_text": fields.pop("description_text", f"We are hiring a {title}."),
        "url": f"https://jobs.example.com/{job_id}",
        "first_seen_at": NOW - timedelta(days=days_old),
        "last_seen_at": NOW,
        "is_open": fields.pop("is_open", True),
        **fields,
    }


def pay(low: float | None, high: float | None, currency: str = "USD", period: str = "year") -> dict[str, Any]:
    factor = {"year": 1, "hour": 2080, "day": 260, "month": 12}[period]
    return {
        "salary_min": low,
        "salary_max": high,
        "salary_currency": currency,
        "salary_period": period,
        "salary_annual_min": low * factor if low is not None else None,
        "salary_annual_max": high * factor if high is not None else None,
    }


def build_store(
    path: Path, rows: list[dict[str, Any]], marks: dict[str, dict[str, Any]] | None = None
) -> Path:
    """Write `rows` as the `jobs` table (plus user marks) and publish the read snapshot."""
    frame = conform(pl.DataFrame(rows, infer_schema_length=None), JOBS_SCHEMA)
    with connect(path) as conn:
        replace_table(conn, "jobs", frame)
        ensure_schema(conn)
        for job_id, fields in (marks or {}).items():
            set_user_fields(conn, job_id, **fields)
    snapshot.publish_snapshot(path)
    return path


def reader(path: Path) -> duckdb.DuckDBPyConnection:
    return snapshot.open_reader(path)
