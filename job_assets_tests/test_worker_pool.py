"""Worker pools: processes forked from the fork server, each one core's share (one polars thread)."""

import os

import polars as pl

from job_assets.worker_pool import process_pool


def test_workers_get_one_polars_thread_and_this_process_keeps_its_own() -> None:
    env_before, threads_before = os.environ.get("POLARS_MAX_THREADS"), pl.thread_pool_size()
    with process_pool(2, preload=["job_assets.store.jobs_workers"]) as pool:
        sizes = [future.result() for future in [pool.submit(pl.thread_pool_size) for _ in range(4)]]
        pids = {future.result() for future in [pool.submit(os.getpid) for _ in range(4)]}
    assert sizes == [1, 1, 1, 1]
    assert os.getpid() not in pids  # the work ran in other processes
    assert (os.environ.get("POLARS_MAX_THREADS"), pl.thread_pool_size()) == (env_before, threads_before)
