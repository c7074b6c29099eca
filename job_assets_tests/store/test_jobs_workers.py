"""A big `jobs` build runs its company chunks in worker processes (`jobs_workers`): the same tables as one
process, day after day; a chunk that fails in a worker fails the build and leaves the previous tables."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from job_assets.dedup.chunks import CompanyChunk
from job_assets.dedup.history import HistoryConfig, JobsBuild, build_chunk
from job_assets.store import jobs_workers
from job_assets.store.jobs_build import rebuild_jobs
from job_assets.store.jobs_table import read_jobs, read_matches
from job_assets_tests.dedup.postings import DAY1
from job_assets_tests.store.conftest import Store
from job_assets_tests.store.test_jobs_build import _write, postings

DAY2 = DAY1 + timedelta(days=1)


def _day2(day1: pl.DataFrame) -> pl.DataFrame:
    """A company gone, another reposted under new keys: ghosts and inherited ids."""
    return day1.filter(pl.col("company") != "globex-copy").with_columns(
        posting_key=pl.when(pl.col("company") == "acme-health")
        .then(pl.col("posting_key") + "-repost")
        .otherwise("posting_key")
    )


def _tables(store: Store) -> tuple[pl.DataFrame, pl.DataFrame]:
    with store.connect(read_only=True) as conn:
        return read_jobs(conn), read_matches(conn)


def _replace_postings(store: Store, frame: pl.DataFrame) -> None:
    with store.connect() as conn:
        conn.execute("delete from enriched_postings")
    _write(store, frame)


def _assert_same(a: Store, b: Store) -> None:
    for left, right in zip(_tables(a), _tables(b), strict=True):
        assert_frame_equal(left, right)


def test_the_pool_builds_the_same_tables_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pooled, single = Store(str(tmp_path / "pooled.duckdb")), Store(str(tmp_path / "single.duckdb"))
    day1 = postings()
    for store in (pooled, single):
        _write(store, day1)
    chunks = []
    real_count = jobs_workers.worker_count

    def count(postings: int, chunks_: int) -> int:
        chunks.append((postings, chunks_, real_count(postings, chunks_)))
        return chunks[-1][2]

    monkeypatch.setattr(jobs_workers, "worker_count", count)
    for day, frame in ((DAY1, day1), (DAY2, _day2(day1))):
        for store in (pooled, single):
            _replace_postings(store, frame)
        monkeypatch.setattr(jobs_workers, "MIN_POSTINGS_FOR_WORKERS", 0)
        a = rebuild_jobs(pooled.connect, now=day, chunk_rows=5)
        monkeypatch.setattr(jobs_workers, "MIN_POSTINGS_FOR_WORKERS", 10**9)
        b = rebuild_jobs(single.connect, now=day, chunk_rows=5)
        _assert_same(pooled, single)
        assert a.summary.rows == b.summary.rows and a.summary.open == b.summary.open
        assert a.summary.postings_merged == b.summary.postings_merged
        assert_frame_equal(a.summary.merges, b.summary.merges)
        assert_frame_equal(a.summary.latest, b.summary.latest)
    # the pooled builds really used workers, the single ones none
    assert [w > 1 for _, n, w in chunks] == [True, False, True, False]
    assert all(n > 2 for _, n, _ in chunks)


def fails_on_globex(
    chunk: CompanyChunk, taken: set[str], scraped: set[str], now: datetime, config: HistoryConfig
) -> JobsBuild:
    """A chunk builder (run in a worker, so module-level) that breaks on one company's chunk."""
    if "globex" in chunk.postings["company"].to_list():
        raise RuntimeError("the chunk with globex broke")
    return build_chunk(chunk, taken, scraped, now, config)


def test_an_error_in_a_worker_fails_the_build_and_leaves_the_previous_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(str(tmp_path / "jobs.duckdb"))
    day1 = postings()
    _write(store, day1)
    rebuild_jobs(store.connect, now=DAY1, chunk_rows=5)
    before = _tables(store)
    _replace_postings(store, _day2(day1))
    monkeypatch.setattr(jobs_workers, "MIN_POSTINGS_FOR_WORKERS", 0)
    with pytest.raises(RuntimeError, match="the chunk with globex broke"):
        rebuild_jobs(store.connect, now=DAY2, chunk_rows=5, chunk_builder=fails_on_globex)
    for left, right in zip(_tables(store), before, strict=True):
        assert_frame_equal(left, right)


def collides_in_workers(
    chunk: CompanyChunk, taken: set[str], scraped: set[str], now: datetime, config: HistoryConfig
) -> JobsBuild:
    """A chunk builder whose first new id, when it does not see another chunk's ids (in a worker), is one
    that chunk has: the collision a 64-bit hash makes once in ~10^19 pairs, made certain."""
    build = build_chunk(chunk, set(taken), scraped, now, config)
    other = "job_collides"
    if other in taken or not build.jobs.height:
        return build
    jobs = build.jobs.with_columns(
        job_id=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(other)).otherwise("job_id")
    )
    return JobsBuild(jobs, build.matches, build.guarded_companies, build.merges)


def test_a_new_id_taken_by_another_chunk_is_made_again_as_one_process_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent sees a worker's new id that an earlier chunk already has, and builds that chunk again
    with every id taken; the result has unique ids."""
    store = Store(str(tmp_path / "jobs.duckdb"))
    _write(store, postings())
    monkeypatch.setattr(jobs_workers, "MIN_POSTINGS_FOR_WORKERS", 0)
    rebuild_jobs(store.connect, now=DAY1, chunk_rows=5, chunk_builder=collides_in_workers)
    jobs, _ = _tables(store)
    assert jobs["job_id"].is_unique().all()
    assert jobs.filter(pl.col("job_id") == "job_collides").height == 1
