"""The company chunks of a big `jobs` build in worker processes, one per core, with the same result as one process.

Building a chunk is mostly single-threaded Python and polars work, so one process uses one core. Chunks hold
disjoint companies, so each can be built on its own: a worker reads its chunk's staged input, builds it and
writes its staged output (`jobs_output.write_chunk`), and sends back only the chunk's summary and the job ids
it made. Memory stays about one chunk per worker; the parent keeps chunk order for the load.

New ids are the one thing a chunk's build takes from the chunks before it: a new id must avoid every previous
job's id and every id made before it (`history.build_chunk`'s `taken`). A worker only knows its own chunk's
previous ids, so the parent checks, in chunk order, that none of a chunk's new ids is a previous id of another
chunk or a new id of an earlier one. Then the chunk's ids are the ones a single process would have made (the
hash tried first was free in both); if not (a 64-bit hash collision, in practice never), the parent builds
that chunk again with every id taken, as a single process would have.

A build below `MIN_POSTINGS_FOR_WORKERS` postings, or of one chunk, stays in this process: starting a worker
(a fresh interpreter importing polars and the matcher, ~1-2 s) costs more than it saves. Workers start as
`worker_pool` says: from a fork server (never a fork of a threaded run worker), one polars thread each.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import polars as pl

from job_assets.dedup.chunks import CompanyChunk
from job_assets.dedup.history import HistoryConfig, JobsBuild, build_chunk, build_chunks, build_time
from job_assets.store.jobs_input import StagedInputs
from job_assets.store.jobs_output import JobsSummary, StagedJobs, stage_builds, write_chunk
from job_assets.worker_pool import process_pool

MIN_POSTINGS_FOR_WORKERS = 50_000  # below this a worker's start costs more than the chunks it takes over

# (chunk, job ids taken, companies scraped ok, now in UTC, config) -> the chunk's build; a module-level function
# (workers get it by reference)
ChunkBuilder = Callable[[CompanyChunk, set[str], set[str], datetime, HistoryConfig], JobsBuild]


@dataclass(frozen=True)
class _ChunkResult:
    jobs_file: Path | None
    matches_file: Path | None
    summary: JobsSummary
    new_ids: list[str]  # ids this chunk made (not one of its previous jobs')


@dataclass(frozen=True)
class _Plan:
    """What every chunk of one build is built with (sent to each worker with its chunk's index)."""

    builder: ChunkBuilder
    scraped: set[str]
    now: datetime  # UTC
    out: Path
    config: HistoryConfig


def worker_count(postings: int, chunks: int) -> int:
    """Processes for a build of `postings` in `chunks` chunks: 0 (stay in this process) for a small build."""
    if postings < MIN_POSTINGS_FOR_WORKERS or chunks < 2:
        return 0
    return min(os.cpu_count() or 1, chunks)


def _build_one(plan: _Plan, chunk: CompanyChunk, taken: set[str], index: int) -> _ChunkResult:
    own = set(chunk.previous_jobs["job_id"].to_list())
    build = plan.builder(chunk, taken, plan.scraped, plan.now, plan.config)
    jobs_file, matches_file = write_chunk(build, plan.out, index)
    new_ids = [i for i in build.jobs["job_id"].to_list() if i not in own]
    return _ChunkResult(jobs_file, matches_file, JobsSummary().add(build), new_ids)


def build_in_worker(plan: _Plan, inputs: StagedInputs, index: int) -> _ChunkResult:
    """What a worker runs: chunk `index` from its staged input to its staged output."""
    chunk = inputs.chunk(index)
    return _build_one(plan, chunk, set(chunk.previous_jobs["job_id"].to_list()), index)


def build_staged(
    inputs: StagedInputs,
    scraped: set[str],
    now: datetime,
    out: Path,
    config: HistoryConfig | None = None,
    builder: ChunkBuilder = build_chunk,
) -> StagedJobs:
    """Every chunk of `inputs` built and staged under `out`, in worker processes when the build is big."""
    config = config or HistoryConfig()
    workers = worker_count(inputs.postings, inputs.chunks)
    if workers == 0 and builder is build_chunk:
        return stage_builds(build_chunks(inputs, inputs.previous_job_ids, scraped, now, config), out)
    plan = _Plan(builder, scraped, build_time(now), out, config)
    out.mkdir(parents=True, exist_ok=True)
    taken = set(inputs.previous_job_ids.to_list())
    summary = JobsSummary()
    jobs_files: list[Path] = []
    matches_files: list[Path] = []

    def keep(index: int, result: _ChunkResult) -> None:
        nonlocal summary
        if not taken.isdisjoint(result.new_ids):  # a collision a single process would have avoided
            result = _build_one(plan, inputs.chunk(index), taken, index)
        taken.update(result.new_ids)
        jobs_files.extend([result.jobs_file] if result.jobs_file else [])
        matches_files.extend([result.matches_file] if result.matches_file else [])
        summary = summary.combine(result.summary)

    if workers == 0:
        for index in range(inputs.chunks):
            keep(index, build_in_worker(plan, inputs, index))
        return StagedJobs(jobs_files, matches_files, summary)
    sent = replace(inputs, previous_job_ids=pl.Series("job_id", [], dtype=pl.String()))  # workers need none
    with process_pool(workers, preload=["job_assets.store.jobs_workers"]) as pool:
        futures = [pool.submit(build_in_worker, plan, sent, index) for index in range(inputs.chunks)]
        try:
            for index, future in enumerate(futures):
                keep(index, future.result())
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return StagedJobs(jobs_files, matches_files, summary)
