"""ATS timestamps -> timezone-aware UTC datetimes.

Greenhouse and Ashby send ISO 8601 with an offset, Lever sends epoch milliseconds; the parsed
schema stores everything in UTC so postings from different boards compare directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from job_assets.parsing.payload import PostingError

# Epoch values above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
_MS_THRESHOLD = 100_000_000_000


def iso_to_utc(obj: Mapping[str, Any], key: str) -> datetime | None:
    """An ISO 8601 field as UTC; a value without an offset is taken as UTC."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise PostingError(f"{key}: expected ISO 8601 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise PostingError(f"{key}: not an ISO 8601 timestamp: {value!r}") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def epoch_to_utc(obj: Mapping[str, Any], key: str) -> datetime | None:
    """An epoch field (Lever: milliseconds; seconds are recognised too) as UTC."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PostingError(f"{key}: expected epoch milliseconds, got {type(value).__name__}")
    seconds = value / 1000 if abs(value) >= _MS_THRESHOLD else float(value)
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise PostingError(f"{key}: epoch out of range: {value!r}") from None
