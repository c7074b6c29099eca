"""Deterministic identifiers and timestamps in each ATS's style, derived from names (never random)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta, timezone

_NAMESPACE = uuid.UUID("6f1c9a52-3c2e-4f0b-9d7e-2b8a4c1d5e60")


def _number(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:15], 16)


def greenhouse_id(*parts: object) -> int:
    """Ten digits ending in 0xx like Greenhouse's job post ids (`4012345006`)."""
    return 4_000_000_000 + (_number(*parts) % 9_999_999) * 100 + 2 + _number("suffix", *parts) % 5


def small_id(*parts: object, base: int = 4_000_000, span: int = 999_999) -> int:
    return base + _number(*parts) % span


def uuid_id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(map(str, parts))))


def iso_offset(moment: datetime, hours: int) -> str:
    """Greenhouse's style: `2025-09-10T14:32:05-04:00`."""
    return moment.astimezone(timezone(timedelta(hours=hours))).isoformat(timespec="seconds")


def iso_millis(moment: datetime) -> str:
    """Ashby's style: `2025-09-10T18:32:05.123+00:00`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def epoch_ms(moment: datetime) -> int:
    """Lever's style: milliseconds since the epoch."""
    return int(moment.timestamp() * 1000)
