"""The one rule for grouping companies into runs, used by the daily schedule, the CLI and the benchmarks.

A run covers one company (`partition_key`) or a contiguous range of the instance's company partitions (the
range tags); a range must be contiguous in partition order, so a selection with gaps splits at each gap.

How many companies a run takes (`batch_size`): a run costs a fixed few seconds of Dagster work (a process,
planning, its event log) whatever it holds, while the companies inside a run are fetched concurrently. A run per
company is readable in the UI and costs nothing that matters for a handful of companies; for a big registry that
fixed cost is the bill (~0.3-0.9 s per company measured at 100-1,000 companies), so runs take up to `MAX_BATCH`
companies, in equal batches.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


@dataclass(frozen=True)
class Batch:
    companies: tuple[str, ...]

    @property
    def partition_key(self) -> str | None:
        """The run's partition key for a one-company run; None for a range run (see `tags`)."""
        return self.companies[0] if len(self.companies) == 1 else None

    @property
    def tags(self) -> dict[str, str]:
        if len(self.companies) == 1:
            return {}
        return {RANGE_START: self.companies[0], RANGE_END: self.companies[-1]}

    @property
    def label(self) -> str:
        first, last = self.companies[0], self.companies[-1]
        return first if first == last else f"{first}..{last}"


def company_batches(order: Sequence[str], selected: Iterable[str], size: int) -> list[Batch]:
    """`selected` companies in the instance's partition `order`, in runs of at most `size` that are each a
    contiguous range of `order`. A company that is not a partition is an error (sync partitions first)."""
    position = {slug: i for i, slug in enumerate(order)}
    chosen = list(dict.fromkeys(selected))
    unknown = [s for s in chosen if s not in position]
    if unknown:
        raise ValueError(f"not company partitions of this instance (sync the registry first): {unknown}")
    chosen.sort(key=position.__getitem__)
    batches: list[list[str]] = []
    for slug in chosen:
        current = batches[-1] if batches else None
        if current and len(current) < max(1, size) and position[slug] == position[current[-1]] + 1:
            current.append(slug)
        else:
            batches.append([slug])
    return [Batch(tuple(b)) for b in batches]


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
