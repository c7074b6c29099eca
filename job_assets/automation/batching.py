"""How many companies one scrape run takes: the one rule the daily schedule and `job-assets run` share.

A run costs a fixed few seconds of Dagster work (a process, planning, its event log) whatever it holds, while
the companies inside a run are fetched concurrently. A run per company is readable in the UI and costs nothing
that matters for a handful of companies; for a big registry that fixed cost is the bill (~0.3-0.9 s per
company measured at 100-1,000 companies), so runs take up to `MAX_BATCH` companies, in equal batches.
"""

from __future__ import annotations

import math

SMALL_REGISTRY = 10  # up to this many companies: a run each
MAX_BATCH = (
    200  # companies per run at most: bounds one run's memory (~10k postings) and what one failure redoes
)


def batch_size(companies: int, configured: int | None = None) -> int:
    """Companies per run for a registry of `companies`; `configured` (JOB_ASSETS_SCRAPE_BATCH, --batch-size),
    when given, wins."""
    if configured is not None:
        if configured < 1:
            raise ValueError(f"a scrape batch must be at least 1 company, not {configured}")
        return configured
    if companies <= SMALL_REGISTRY:
        return 1
    runs = math.ceil(companies / MAX_BATCH)
    return math.ceil(companies / runs)
