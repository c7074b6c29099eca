"""Worker processes for CPU-bound batch work (the rules pass, a big `jobs` build): one place that says how
they start.

Workers start from a fork server (`forkserver`), never by forking this process: a Dagster run worker has
threads, and a fork copies their locks in whatever state they are in. The fork server first imports
`worker_boot`, which gives polars one thread per worker (a worker is one core's share of the batch; polars'
default of a thread per core in every worker makes them fight over the cores), then `preload`, so each
worker forks with the modules it needs already imported.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

BOOT = "job_assets.worker_boot"


def process_pool(workers: int, preload: Sequence[str] = ()) -> ProcessPoolExecutor:
    """A pool of `workers` processes forked from the fork server (started on first use, then shared: a
    server already running keeps the modules it preloaded, and the rest are imported by each worker)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([BOOT, *preload])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
