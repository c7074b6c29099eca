"""Enrich parsed postings: rules first, then the LLM for cache misses, merged into ENRICHED_SCHEMA rows.

Holds no database connection: the caller looks the cache up before (`cache.lookup`), awaits this, then stores
`new_cache_entries` and the frame. A posting the LLM fails on keeps the rules' values, is marked
`enrich_status="failed"` with the reason, and is not cached, so the next run asks again. Nothing raises for
one bad posting or one server fault.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import polars as pl
from pydantic import ValidationError

from job_assets.enrichment.llm import LLMConfig, LLMExtractor, Outcome
from job_assets.enrichment.merge import merge
from job_assets.enrichment.prompt import PostingText
from job_assets.enrichment.rules import RULES_VERSION, extract_rules
from job_assets.enrichment.rules_workers import extract_in_workers, rules_input, worker_count
from job_assets.enrichment.schema import ENRICHED_SCHEMA, PROMPT_VERSION, ExtractedFields
from job_assets.enrichment.stats import EnrichStats
from job_assets.parsing.schema import PARSED_SCHEMA


@dataclass(frozen=True)
class CacheEntry:
    """A valid LLM answer to keep: the enrichment cache (`store/enrichment_cache.py`) is keyed by content hash,
    model and prompt version, so an unchanged posting is never sent twice."""

    content_hash: str
    model: str
    prompt_version: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class EnrichResult:
    frame: pl.DataFrame  # ENRICHED_SCHEMA, one row per parsed row, in the same order
    new_cache_entries: list[CacheEntry]  # valid LLM answers to store (empty for the rules backend)
    stats: EnrichStats


def _check_columns(parsed: pl.DataFrame) -> None:
    missing = [name for name in PARSED_SCHEMA if name not in parsed.columns]
    if missing:
        raise ValueError(f"parsed postings lack columns {missing}; expected PARSED_SCHEMA")


def _rules(row: dict[str, Any]) -> ExtractedFields:
    return extract_rules(*rules_input(row))


async def _rules_pass(rows: list[dict[str, Any]], beside_llm: bool) -> list[ExtractedFields]:
    """The rules over `rows`: in worker processes for a big batch (`rules_workers`), else here."""
    workers = worker_count(len(rows), beside_llm)
    if workers:
        return await extract_in_workers([rules_input(row) for row in rows], workers)
    if beside_llm:
        return await _rules_between_requests(rows)
    return [_rules(row) for row in rows]


async def _rules_between_requests(rows: list[dict[str, Any]]) -> list[ExtractedFields]:
    """The rules pass on the event loop, one posting per turn, while the LLM requests are in flight (a batch
    too small to be worth a worker process).

    Not in a thread: the rules are pure-Python CPU work (~2 ms a posting) that holds the GIL, and every socket
    call of the event loop releases it and then waits up to the switch interval (5 ms) to get it back, so with
    hundreds of requests in flight a rules thread stretches every answer's turn-around. On the loop, an answer
    waits at most one posting's rules, and a bug in the rules stops the requests at once instead of after them.
    """
    out = []
    for row in rows:
        out.append(_rules(row))
        await asyncio.sleep(0)
    return out


def _cached_fields(
    cached: Mapping[str, Mapping[str, Any]], content_hash: str | None
) -> ExtractedFields | None:
    """A cached answer that still validates (one that no longer does is a miss, asked again)."""
    if not content_hash or content_hash not in cached:
        return None
    try:
        return ExtractedFields.model_validate(dict(cached[content_hash]))
    except ValidationError:
        return None


def _row(
    parsed: Mapping[str, Any],
    rules: ExtractedFields,
    llm: ExtractedFields | None,
    bookkeeping: dict[str, Any],
) -> dict[str, Any]:
    return {**{name: parsed.get(name) for name in PARSED_SCHEMA}, **merge(parsed, rules, llm), **bookkeeping}


async def _ask_llm(
    config: LLMConfig, postings: dict[str, PostingText], stats: EnrichStats
) -> dict[str, Outcome]:
    """One outcome per key (see `LLMExtractor.extract_many`); records the most requests in flight."""
    async with LLMExtractor(config) as llm:
        outcomes = await llm.extract_many(postings)
    stats.max_in_flight = llm.max_in_flight
    return outcomes


def _add_costs(stats: EnrichStats, outcomes: dict[str, Outcome]) -> None:
    for outcome in outcomes.values():
        stats.llm_calls += outcome.calls
        stats.retries += outcome.retries
        stats.prompt_tokens += outcome.prompt_tokens
        stats.completion_tokens += outcome.completion_tokens
        stats.latencies_s.extend(outcome.latencies_s)
        stats.long_context += outcome.long_context
        stats.truncated_inputs += outcome.truncated_input


async def enrich_postings(
    parsed: pl.DataFrame,
    cached: Mapping[str, Mapping[str, Any]],
    config: LLMConfig | None,
    *,
    now: datetime | None = None,
) -> EnrichResult:
    """`cached`: content_hash -> fields, as `cache.lookup` returns for `config.model` and PROMPT_VERSION.

    With no config (or no url) the rules backend enriches every row and `cached` is ignored.
    """
    _check_columns(parsed)
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    rows = parsed.to_dicts()
    use_llm = config is not None and config.enabled

    if not use_llm:
        rules = await _rules_pass(rows, beside_llm=False)
        stats = EnrichStats(backend="rules", model=None, prompt_version=RULES_VERSION, rows=len(rows))
        bookkeeping = {
            "enrich_backend": "rules",
            "enrich_model": None,
            "prompt_version": RULES_VERSION,
            "enrich_status": "ok",
            "enrich_error": None,
            "enriched_at": now,
        }
        out = [_row(row, rule, None, bookkeeping) for row, rule in zip(rows, rules, strict=True)]
        stats.duration_s = time.perf_counter() - started
        return EnrichResult(pl.DataFrame(out, schema=ENRICHED_SCHEMA), [], stats)

    assert config is not None
    stats = EnrichStats(backend="llm", model=config.model, prompt_version=PROMPT_VERSION, rows=len(rows))
    answers: list[ExtractedFields | None] = []
    to_ask: dict[str, PostingText] = {}  # one request per distinct content, even if it appears twice
    ask_keys: list[str | None] = []
    for index, row in enumerate(rows):
        hit = _cached_fields(cached, row.get("content_hash"))
        answers.append(hit)
        if hit is not None:
            stats.cache_hits += 1
            ask_keys.append(None)
            continue
        key = row.get("content_hash") or f"row:{index}"
        to_ask.setdefault(key, PostingText.from_row(row))
        ask_keys.append(key)
    stats.llm_postings = len(to_ask)
    # The requests go out first; the rules pass then runs while they are in flight.
    asking = asyncio.create_task(_ask_llm(config, to_ask, stats)) if to_ask else None
    try:
        rules = await _rules_pass(rows, beside_llm=asking is not None)
    except BaseException:
        if asking is not None:
            asking.cancel()
            await asyncio.gather(asking, return_exceptions=True)
        raise
    outcomes = await asking if asking is not None else {}
    _add_costs(stats, outcomes)

    entries: dict[str, CacheEntry] = {}
    out = []
    for row, rule, hit, key in zip(rows, rules, answers, ask_keys, strict=True):
        outcome = outcomes.get(key) if key else None
        fields = hit if hit is not None else (outcome.fields if outcome else None)
        error = outcome.error if outcome and fields is None else None
        bookkeeping = {
            "enrich_backend": "llm" if fields is not None else "rules",
            "enrich_model": config.model if fields is not None else None,
            "prompt_version": PROMPT_VERSION if fields is not None else RULES_VERSION,
            "enrich_status": "ok" if fields is not None else "failed",
            "enrich_error": error,
            "enriched_at": now,
        }
        if fields is None:
            stats.failures[row.get("posting_key") or str(key)] = error or "no answer"
        elif outcome is not None and row.get("content_hash"):
            entries[row["content_hash"]] = CacheEntry(
                row["content_hash"], config.model, PROMPT_VERSION, fields.model_dump(mode="json")
            )
        out.append(_row(row, rule, fields, bookkeeping))
    stats.duration_s = time.perf_counter() - started
    return EnrichResult(pl.DataFrame(out, schema=ENRICHED_SCHEMA), list(entries.values()), stats)
