"""A company's raw postings (RAW_SCHEMA) -> its parsed postings (PARSED_SCHEMA) plus problems.

One malformed posting must never cost the company its other postings: every row is parsed on its
own, and whatever goes wrong becomes a `ParseProblem` (posting key + reason) for the asset's
metadata. New sources register here with one line in `PARSERS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import polars as pl

from job_assets.parsing.ashby import parse_ashby
from job_assets.parsing.careers_page import parse_careers_page
from job_assets.parsing.greenhouse import parse_greenhouse
from job_assets.parsing.jobspy import parse_jobspy
from job_assets.parsing.lever import parse_lever
from job_assets.parsing.payload import PostingError
from job_assets.parsing.record import PostingContext
from job_assets.parsing.schema import EMPLOYMENT_TYPES, PARSED_SCHEMA, PAY_PERIODS, WORKPLACES
from job_assets.sources.base import RAW_SCHEMA

Parser = Callable[[dict[str, Any], PostingContext], dict[str, Any]]

PARSERS: dict[str, Parser] = {
    "greenhouse": parse_greenhouse,
    "lever": parse_lever,
    "ashby": parse_ashby,
    "careers_page": parse_careers_page,
    "jobspy": parse_jobspy,
}

_REQUIRED = ("posting_key", "company", "source", "source_id", "title")
_VOCABULARIES = {"workplace": WORKPLACES, "employment_type": EMPLOYMENT_TYPES, "pay_period": PAY_PERIODS}
_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ParseProblem:
    posting_key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.posting_key}: {self.reason}"


@dataclass(frozen=True)
class ParseResult:
    frame: pl.DataFrame  # exactly PARSED_SCHEMA
    problems: list[ParseProblem] = field(default_factory=list)
    duplicates: int = 0  # rows dropped because a later fetch of the same posting_key was kept

    def problem_lines(self) -> list[str]:
        """One "posting_key: reason" line per skipped posting, for asset metadata."""
        return [str(p) for p in self.problems]


def empty_parsed_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=PARSED_SCHEMA)


def _check_value(name: str, dtype: pl.DataType, value: Any) -> str | None:
    """Why `value` cannot go in column `name`, or None. Cheap, so one bad record cannot break the frame."""
    if value is None:
        return f"{name} is required" if name in _REQUIRED else None
    if isinstance(dtype, pl.String):
        if not isinstance(value, str):
            return f"{name}: expected string, got {type(value).__name__}"
        allowed = _VOCABULARIES.get(name)
        if allowed is not None and value not in allowed:
            return f"{name}: {value!r} is not one of {', '.join(allowed)}"
    elif isinstance(dtype, pl.List):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{name}: expected a list of strings"
    elif isinstance(dtype, pl.Datetime):
        if not isinstance(value, datetime) or value.tzinfo is None:
            return f"{name}: expected a timezone-aware datetime"
    elif isinstance(dtype, pl.Float64) and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"{name}: expected a number, got {type(value).__name__}"
    return None


def check_record(record: dict[str, Any]) -> None:
    """Raise `PostingError` unless `record` has exactly the PARSED_SCHEMA columns with valid values."""
    if list(record) != list(PARSED_SCHEMA):
        missing = [c for c in PARSED_SCHEMA if c not in record]
        extra = [c for c in record if c not in PARSED_SCHEMA]
        raise PostingError(
            f"parser returned wrong columns (missing {missing}, extra {extra}, or out of order)"
        )
    for name, dtype in PARSED_SCHEMA.items():
        reason = _check_value(name, dtype, record[name])
        if reason:
            raise PostingError(reason)


def _parse_row(row: dict[str, Any], company_name: str, parsers: dict[str, Parser]) -> dict[str, Any]:
    source = row["source"]
    parser = parsers.get(source)
    if parser is None:
        raise PostingError(f"no parser for source {source!r} (known: {', '.join(sorted(parsers))})")
    try:
        payload = json.loads(row["payload"]) if row["payload"] is not None else None
    except (TypeError, json.JSONDecodeError) as exc:
        raise PostingError(f"payload is not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise PostingError(f"payload is not a JSON object (got {type(payload).__name__})")
    ctx = PostingContext(
        company=row["company"],
        company_name=company_name,
        source=source,
        source_id=row["source_id"],
        url=row["url"],
        fetched_at=row["fetched_at"],
    )
    record = parser(payload, ctx)
    check_record(record)
    return record


def _recency(record: dict[str, Any], index: int) -> tuple[datetime, datetime, int]:
    return (record["fetched_at"] or _EPOCH, record["updated_at"] or _EPOCH, index)


def parse_raw_frame(
    raw: pl.DataFrame, company_name: str, parsers: dict[str, Parser] | None = None
) -> ParseResult:
    """Parse every raw row; skip and report the bad ones; keep the latest of duplicate posting_keys."""
    missing = [c for c in RAW_SCHEMA if c not in raw.columns]
    if missing:
        raise ValueError(f"raw frame is missing columns {missing}; expected RAW_SCHEMA {list(RAW_SCHEMA)}")
    parsers = PARSERS if parsers is None else parsers
    problems: list[ParseProblem] = []
    kept: dict[str, tuple[int, dict[str, Any]]] = {}
    duplicates = 0
    for index, row in enumerate(raw.select(list(RAW_SCHEMA)).iter_rows(named=True)):
        fallback_key = f"{row['source']}:{row['source_id'] or f'#row{index}'}"
        try:
            record = _parse_row(row, company_name, parsers)
        except PostingError as exc:
            problems.append(ParseProblem(fallback_key, str(exc)))
            continue
        except Exception as exc:  # a parser bug on one odd payload must not fail the company
            problems.append(ParseProblem(fallback_key, f"unexpected {type(exc).__name__}: {exc}"))
            continue
        key = record["posting_key"]
        if key in kept:
            duplicates += 1
            if _recency(record, index) < _recency(kept[key][1], kept[key][0]):
                continue
        kept[key] = (index, record)
    records = [record for _, record in sorted(kept.values(), key=lambda item: item[0])]
    frame = pl.DataFrame(records, schema=PARSED_SCHEMA, orient="row") if records else empty_parsed_frame()
    return ParseResult(frame=frame, problems=problems, duplicates=duplicates)
