"""The rules pass over a big batch in worker processes, so it runs beside the work that needs this one.

The rules are pure-Python CPU work (1-5 ms a posting) that holds the GIL. With the LLM they share the process
with the event loop that keeps hundreds of requests in flight, and every posting's rules delay the answers
waiting behind them; with the rules backend they are the whole run, on one core of the machine. So a batch of
at least `MIN_ROWS_PER_WORKER` postings goes to worker processes: one beside an LLM run (the loop keeps a core),
one per core for the rules backend. Smaller batches stay in this process: starting a worker (a fresh
interpreter that imports the rules, ~1-2 s) costs more than it saves.

Workers start as `worker_pool` says (from a fork server, never a fork of this threaded process).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence

from job_assets.enrichment.rules import extract_rules
from job_assets.enrichment.schema import ExtractedFields
from job_assets.worker_pool import process_pool

MIN_ROWS_PER_WORKER = 2000  # below this a worker's start costs more than the rules it takes over
CHUNK_ROWS = 500  # postings per task: small enough to spread evenly, big enough to pickle cheaply

RulesInput = tuple[str | None, str | None, Sequence[str] | None, str | None]  # title, text, places, company


def rules_input(row: dict[str, object]) -> RulesInput:
    """What the rules read of a parsed posting."""
    return (row.get("title"), row.get("description_text"), row.get("locations"), row.get("company_name"))  # type: ignore[return-value]


def extract_all(items: Sequence[RulesInput]) -> list[ExtractedFields]:
    """The rules over `items`, in order (what one worker task runs)."""
    return [extract_rules(*item) for item in items]


def worker_count(rows: int, beside_llm: bool) -> int:
    """Processes for the rules over `rows` postings: 0 (stay in this process) for small batches; one beside an
    LLM run that is sending requests; else one per core if that makes two or more, each with at least
    MIN_ROWS_PER_WORKER postings (one worker beside an idle process would only add its start)."""
    if rows < MIN_ROWS_PER_WORKER:
        return 0
    if beside_llm:
        return 1
    workers = min(os.cpu_count() or 1, rows // MIN_ROWS_PER_WORKER)
    return workers if workers >= 2 else 0


def _extract_in_pool(items: Sequence[RulesInput], workers: int) -> list[ExtractedFields]:
    chunks = [items[start : start + CHUNK_ROWS] for start in range(0, len(items), CHUNK_ROWS)]
    pool = process_pool(workers, preload=["job_assets.enrichment.rules"])
    try:
        parts = list(pool.map(extract_all, chunks))
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # the chunks not started are dropped
        raise
    pool.shutdown(wait=True)
    return [fields for part in parts for fields in part]


async def extract_in_workers(items: Sequence[RulesInput], workers: int) -> list[ExtractedFields]:
    """The rules over `items` in `workers` processes, in order; an error in any posting's rules is raised here
    (the caller stops its requests). Driven from a thread: starting the workers (a fresh interpreter importing
    the rules, 1-2 s) would otherwise hold up the event loop before its first request goes out."""
    return await asyncio.to_thread(_extract_in_pool, items, workers)
