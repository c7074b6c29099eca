"""What every source yields: one `RawPosting` per posting, exactly as the source gave it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import polars as pl

RAW_SCHEMA: dict[str, pl.DataType] = {
    "company": pl.String(),
    "source": pl.String(),
    "source_id": pl.String(),
    "url": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
    "payload": pl.String(),
    "content_hash": pl.String(),
}


def stable_hash(value: Any) -> str:
    """A content hash that does not depend on key order (sha256 of canonical JSON)."""
    text = (
        value
        if isinstance(value, str)
        else json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RawPosting:
    company: str
    source: str  # greenhouse | lever | ashby | careers_page | jobspy
    source_id: str
    url: str | None
    payload: dict[str, Any]
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def content_hash(self) -> str:
        return stable_hash(self.payload)

    def as_row(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "source": self.source,
            "source_id": self.source_id,
            "url": self.url,
            "fetched_at": self.fetched_at,
            "payload": json.dumps(self.payload, ensure_ascii=False, sort_keys=True),
            "content_hash": self.content_hash,
        }


def raw_frame(postings: list[RawPosting]) -> pl.DataFrame:
    return pl.DataFrame([p.as_row() for p in postings], schema=RAW_SCHEMA)


class SourceError(RuntimeError):
    """A source could not be fetched; names everything a user needs to look into it."""

    def __init__(
        self, company: str, source: str, url: str, status: int | str | None, detail: str = ""
    ) -> None:
        self.company, self.source, self.url, self.status, self.detail = company, source, url, status, detail
        status_text = f"HTTP {status}" if isinstance(status, int) else (status or "error")
        super().__init__(
            f"{company}: {source} fetch failed: {status_text} at {url}" + (f" ({detail})" if detail else "")
        )


def postings_from_jobs_board(
    company: str, source: str, url: str, data: Any, warnings: list[str], url_field: str
) -> list[RawPosting]:
    """`{"jobs": [...]}` boards (Greenhouse, Ashby): one RawPosting per job with an id; a bad board is an error."""
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceError(company, source, url, 200, "malformed board: expected an object with a 'jobs' list")
    postings = []
    for index, job in enumerate(data["jobs"]):
        if not isinstance(job, dict) or job.get("id") in (None, ""):
            warnings.append(f"{source}: skipped job #{index} at {url}: no 'id'")
            continue
        postings.append(RawPosting(company, source, str(job["id"]), job.get(url_field), job))
    return postings
