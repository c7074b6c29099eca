"""Real-format payloads for the parser tests (one posting each, as the ATS APIs return them)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from job_assets.parsing.record import PostingContext
from job_assets.sources.base import RawPosting, raw_frame

PAYLOADS = Path(__file__).parent / "payloads"
FETCHED_AT = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@cache
def _load(name: str) -> str:
    return (PAYLOADS / f"{name}.json").read_text(encoding="utf-8")


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of `payloads/{name}.json`, safe to mutate."""
    return copy.deepcopy(json.loads(_load(name)))


def ctx(source: str, source_id: str | None = None, url: str | None = None) -> PostingContext:
    return PostingContext(
        company="acme",
        company_name="Acme Robotics",
        source=source,
        source_id=source_id,
        url=url,
        fetched_at=FETCHED_AT,
    )


def raw(rows: list[tuple[str, dict[str, Any]]], fetched_at: datetime = FETCHED_AT) -> pl.DataFrame:
    """A RAW_SCHEMA frame, built the way the sources build it."""
    return raw_frame(
        [RawPosting("acme", source, str(p.get("id", "")), None, p, fetched_at) for source, p in rows]
    )
