"""What the next GPU run takes: every company whose parsed postings are newer than its enrichment.

Plain functions over partition keys and event-log storage ids, so the rule is testable without a daemon; the
`automation_gpu` sensor (sensors.py) feeds them from the instance. One run over a range of the instance's
partition order covers the waiting companies (a Dagster run takes a range, not an arbitrary set: up-to-date
companies inside the range are enriched again from the answer cache, which costs no LLM call), up to a posting
budget so one run cannot grow without end.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

UNKNOWN_POSTINGS = 50  # a company whose parse did not record its count (an older run) is assumed this big


@dataclass(frozen=True)
class GpuBatch:
    start: str  # first partition key of the range
    end: str  # last partition key of the range
    stale: tuple[str, ...]  # the companies in the range that were waiting
    postings: int  # their parsed postings (what the run will ask the LLM for, cache misses aside)


def stale_partitions(
    order: Sequence[str], parsed: Mapping[str, int], enriched: Mapping[str, int]
) -> list[str]:
    """Keys (in `order`) whose latest parse (storage id) is newer than their latest enrichment."""
    return [key for key in order if key in parsed and parsed[key] > enriched.get(key, -1)]


def posting_counts(
    keys: Sequence[str], latest: Mapping[str, int], per_company_of: Callable[[int], Mapping[str, int]]
) -> dict[str, int]:
    """Parsed postings of `keys` from the fewest event records. `latest` maps a company to its latest parse's
    storage id; `per_company_of(storage_id)` reads that record's `per_company` counts, which cover every company
    of the run that wrote it. So: read the newest uncounted company's record, take every company it names that
    is not counted yet, repeat: one read per scrape run, not one per company (5,000 companies in 25 runs: 25
    reads, where reading every company's record took 5,000 records of 200 counts each per sensor tick).
    Newest first, so a company parsed again by a later run takes the later figure."""
    wanted = set(keys)
    counts: dict[str, int] = {}
    for key in sorted((k for k in wanted if k in latest), key=latest.__getitem__, reverse=True):
        if key in counts:
            continue
        for slug, rows in per_company_of(latest[key]).items():
            if slug in wanted:
                counts.setdefault(slug, int(rows))
        counts.setdefault(key, UNKNOWN_POSTINGS)  # a record without its own count (an older run)
    return counts


def plan_batch(
    order: Sequence[str], stale: Sequence[str], counts: Mapping[str, int], budget: int
) -> GpuBatch | None:
    """The range from the first waiting company through as many more as fit in `budget` postings (at least
    one company, however big)."""
    if not stale:
        return None
    taken: list[str] = []
    postings = 0
    for key in stale:
        size = counts.get(key, UNKNOWN_POSTINGS)
        if taken and postings + size > budget:
            break
        taken.append(key)
        postings += size
    position = {key: i for i, key in enumerate(order)}
    taken.sort(key=position.__getitem__)
    return GpuBatch(taken[0], taken[-1], tuple(taken), postings)


def worth_starting(waiting_postings: int, fill: int, more_coming: bool) -> bool:
    """Start a GPU run when it can keep `fill` requests in flight, or when no scrape that could add more is
    still queued or running (then whatever waits goes now)."""
    return waiting_postings >= fill or not more_coming
