"""The parsed record every parser returns, and its content hash.

Parsers fill only what they read from the payload (`PostingFields`); `build_record` adds the
identity columns from the raw row and the hash, so every source hashes the same way and a new
parser cannot forget a column.
"""

from __future__ import annotations

import html as htmllib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.sources.base import stable_hash

# `requisition_id` came later than the hash: left out, so adding it kept every enrichment-cache key.
_NOT_HASHED = ("requisition_id", "fetched_at", "content_hash")


@dataclass(frozen=True)
class PostingContext:
    """What the raw row (not the payload) knows about a posting."""

    company: str
    company_name: str
    source: str
    source_id: str | None
    url: str | None
    fetched_at: datetime | None


@dataclass(frozen=True)
class Pay:
    """Structured pay exactly as the ATS gave it (never read from the description here)."""

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None


@dataclass
class PostingFields:
    source_id: str
    title: str
    url: str | None = None
    locations: list[str] = field(default_factory=list)
    workplace: str | None = None
    department: str | None = None
    employment_type: str | None = None
    description_text: str | None = None
    posted_at: datetime | None = None
    updated_at: datetime | None = None
    pay: Pay | None = None
    requisition_id: str | None = None


def clean_title(title: str) -> str:
    """Entities unescaped (a Lever title "R&amp;D Engineer"; twice for a double-escaped one), invisible format
    characters dropped (zero-width spaces and joiners, direction marks, soft hyphens, a BOM: pasted from editors,
    they make equal titles differ) and whitespace collapsed; nothing else changes."""
    for _ in range(2):
        unescaped = htmllib.unescape(title)
        if unescaped == title:
            break
        title = unescaped
    title = "".join(ch for ch in title if unicodedata.category(ch) != "Cf")
    return " ".join(title.split())


def content_hash(record: dict[str, Any]) -> str:
    """sha256 of the normalised content: every column except `requisition_id`, `fetched_at` and the hash."""
    return stable_hash({k: v for k, v in record.items() if k not in _NOT_HASHED})


def build_record(ctx: PostingContext, fields: PostingFields) -> dict[str, Any]:
    """A dict with exactly the PARSED_SCHEMA columns, in order."""
    pay = fields.pay or Pay()
    data = dict(vars(fields))  # shallow: `asdict` deep-copies every value, and `fields` is not used again
    data.pop("pay")
    record: dict[str, Any] = {
        **data,
        "title": clean_title(fields.title),
        "posting_key": f"{ctx.source}:{fields.source_id}",
        "company": ctx.company,
        "company_name": ctx.company_name,
        "source": ctx.source,
        "url": fields.url or ctx.url,
        "pay_min": pay.min,
        "pay_max": pay.max,
        "pay_currency": pay.currency,
        "pay_period": pay.period,
        "fetched_at": ctx.fetched_at,
        "content_hash": None,
    }
    ordered = {name: record[name] for name in PARSED_SCHEMA}
    ordered["content_hash"] = content_hash(ordered)
    return ordered
