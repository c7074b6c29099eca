"""Rebuild `jobs` from the enriched postings so that it is never stale and never written over a newer one.

On a DuckDB file the writer holds the file's lock, and runs that queue behind it each rebuild from what
they read. On a DuckLake, company partitions commit concurrently while a build runs, so the build
remembers the snapshot it read and, inside its write transaction, checks that no input (`enriched_postings`,
`scrape_log`) and no output (`jobs`, `job_matches`: another build) changed since; if one did, it is read and
built again from the new state. A company that commits after that check but before the build's commit
is caught by looking again after the commit, and the build is redone. Two builds that write at once
conflict in DuckLake's commit (both replace `jobs`), and the loser rebuilds.

The read stages the inputs as company chunks in a scratch directory (`jobs_input`), the build works one
chunk at a time per process (one per core for a big build, `jobs_workers`) and stages each chunk's result
there too (`jobs_output`), and the write loads those files in
one transaction: the build's memory is one chunk's, never every posting's or every job's, and the store's
lock is held only to copy the inputs out and the result in.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from job_assets.dedup.chunks import CompanyChunk
from job_assets.dedup.history import HistoryConfig, JobsBuild, build_chunk
from job_assets.store import lake, scrape_log
from job_assets.store.db import is_lake
from job_assets.store.jobs_input import StagedInputs, stage_inputs
from job_assets.store.jobs_output import JobsSummary, stage_builds
from job_assets.store.jobs_table import write_staged_jobs
from job_assets.store.jobs_workers import ChunkBuilder, build_staged

INPUTS = ("enriched_postings", "scrape_log")
OUTPUTS = ("jobs", "job_matches")
MAX_ROUNDS = 20

Connect = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]
# (company chunks, every previous job id, the companies scraped ok, now) -> each chunk's build (`build_chunks`)
Build = Callable[[Iterable[CompanyChunk], pl.Series, set[str], datetime], Iterable[JobsBuild]]


class _Stale(Exception):
    """The state a build was made from is no longer the latest: build again."""


@dataclass(frozen=True)
class Rebuilt:
    summary: JobsSummary  # what was written (the tables themselves are in the store)
    postings: int
    rounds: int  # 1 = built once; more = redone after racing with other commits
    snapshot: int | None  # the DuckLake snapshot the build was made from (None on a file)
    settled: bool  # False: still racing after MAX_ROUNDS (the next build picks up what it missed)


@dataclass(frozen=True)
class _Inputs:
    staged: StagedInputs
    scraped: set[str]
    snapshot: int | None


def _read(conn: duckdb.DuckDBPyConnection, on_lake: bool, directory: Path, chunk_rows: int) -> _Inputs:
    if on_lake:  # one transaction: every table at one snapshot
        conn.execute("begin transaction")
    try:
        seen = lake.current_snapshot(conn) if on_lake else None
        staged = stage_inputs(conn, directory, chunk_rows)
        latest = scrape_log.latest(conn)
    finally:
        if on_lake:
            conn.execute("commit")
    # Only a company whose latest scrape succeeded may have vanished jobs closed.
    scraped = set(latest.filter(pl.col("status") == "ok").get_column("company").to_list())
    return _Inputs(staged, scraped, seen)


def rebuild_jobs(
    connect: Connect,
    build: Build | None = None,
    now: datetime | None = None,
    chunk_rows: int = HistoryConfig().chunk_rows,
    chunk_builder: ChunkBuilder = build_chunk,
) -> Rebuilt:
    """Read, build and write `jobs` until what was written reflects the latest committed inputs.
    By default the chunks are built by `jobs_workers.build_staged` (worker processes for a big build, each
    chunk by `chunk_builder`); `build` instead yields every chunk's build in this process."""
    for round_ in range(1, MAX_ROUNDS + 1):
        with tempfile.TemporaryDirectory(prefix="jobs-build-") as scratch:
            (Path(scratch) / "in").mkdir()
            with connect() as conn:
                on_lake = is_lake(conn)
                inputs = _read(conn, on_lake, Path(scratch) / "in", chunk_rows)
            when = now or datetime.now(UTC)
            if build is None:
                staged = build_staged(
                    inputs.staged, inputs.scraped, when, Path(scratch) / "out", builder=chunk_builder
                )
            else:
                builds = build(inputs.staged, inputs.staged.previous_job_ids, inputs.scraped, when)
                staged = stage_builds(builds, Path(scratch) / "out")
            postings = inputs.staged.postings
            with connect() as conn:
                if inputs.snapshot is None:
                    write_staged_jobs(conn, staged)
                    return Rebuilt(staged.summary, postings, round_, None, True)
                began: list[int] = []

                def check(
                    conn: duckdb.DuckDBPyConnection = conn,
                    seen: int = inputs.snapshot,
                    began: list[int] = began,
                ) -> None:
                    began.append(lake.current_snapshot(conn))
                    if lake.changed_since(conn, seen, INPUTS + OUTPUTS):
                        raise _Stale

                try:
                    write_staged_jobs(conn, staged, check=check, with_search_index=True)
                except _Stale:
                    continue
                # Committed. A company that committed between our check and our commit is not in it: redo.
                if not lake.changed_since(conn, began[-1], INPUTS):
                    return Rebuilt(staged.summary, postings, round_, inputs.snapshot, True)
    return Rebuilt(staged.summary, postings, MAX_ROUNDS, inputs.snapshot, False)
