"""The output of a `jobs` build, staged chunk by chunk as Parquet so no process ever holds every job at once.

A build yields one result per company chunk (`dedup.history.build_chunks`). Each is written to Parquet in the
build's scratch directory as soon as it is made, and only what the run reports is kept: counts, the guarded
companies, the merges (which carry user fields across) and the most recently seen jobs for a preview. The
write (`jobs_table.write_staged_jobs`) then loads the files into `jobs` and `job_matches` in one
transaction, so readers never see half a table and a failure leaves the previous tables as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from job_assets.dedup.history import JobsBuild
from job_assets.dedup.schema import JOBS_SCHEMA, MATCHES_SCHEMA, MERGES_SCHEMA, conform, empty

PREVIEW_ROWS = 20  # the most recently seen jobs kept for the run's metadata


@dataclass(frozen=True)
class JobsSummary:
    """What a run reports about the `jobs` it wrote, without holding the table."""

    rows: int = 0
    open: int = 0
    postings_merged: int = 0  # postings beyond the first of each job
    companies: int = 0
    guarded_companies: dict[str, str] = field(default_factory=dict)
    merges: pl.DataFrame = field(default_factory=lambda: empty(MERGES_SCHEMA))  # previous jobs absorbed
    latest: pl.DataFrame = field(default_factory=lambda: empty(JOBS_SCHEMA))  # newest last_seen_at first

    @property
    def closed(self) -> int:
        return self.rows - self.open

    @classmethod
    def of(cls, jobs: pl.DataFrame, guarded: dict[str, str], merges: pl.DataFrame) -> JobsSummary:
        """The summary of a build held whole (`write_jobs`)."""
        return cls().add(JobsBuild(jobs, empty(MATCHES_SCHEMA), guarded, merges))

    def add(self, build: JobsBuild) -> JobsSummary:
        """This summary with one more chunk's build (chunks hold disjoint companies)."""
        jobs = build.jobs
        return self.combine(
            JobsSummary(
                rows=jobs.height,
                open=int(jobs["is_open"].sum() or 0),
                postings_merged=int(
                    jobs.select(pl.col("posting_keys").list.len().sub(1).clip(lower_bound=0).sum()).item()
                    or 0
                ),
                companies=jobs["company"].n_unique(),
                guarded_companies=build.guarded_companies,
                merges=conform(build.merges, MERGES_SCHEMA),
                latest=_newest(conform(jobs, JOBS_SCHEMA)),
            )
        )

    def combine(self, later: JobsSummary) -> JobsSummary:
        """This summary followed by another of later chunks (disjoint companies), e.g. one a worker made."""
        return JobsSummary(
            rows=self.rows + later.rows,
            open=self.open + later.open,
            postings_merged=self.postings_merged + later.postings_merged,
            companies=self.companies + later.companies,
            guarded_companies=self.guarded_companies | later.guarded_companies,
            merges=pl.concat([self.merges, later.merges]),
            latest=_newest(pl.concat([self.latest, later.latest])),
        )


def _newest(jobs: pl.DataFrame) -> pl.DataFrame:
    """The PREVIEW_ROWS most recently seen jobs, newest first (ties by job_id: the same rows whichever
    chunks the jobs came in)."""
    order = jobs.select("last_seen_at", "job_id").with_row_index("_i")
    top = order.sort(["last_seen_at", "job_id"], descending=[True, False], nulls_last=True).head(
        PREVIEW_ROWS
    )["_i"]
    return jobs[top]


@dataclass(frozen=True)
class StagedJobs:
    """A build's `jobs` and `job_matches` as Parquet files (one per chunk, in company order)."""

    jobs_files: list[Path]
    matches_files: list[Path]
    summary: JobsSummary


def stage_builds(builds: Iterable[JobsBuild], directory: Path) -> StagedJobs:
    """Write each chunk's build under `directory` as it comes, keeping only its summary."""
    directory.mkdir(parents=True, exist_ok=True)
    jobs_files: list[Path] = []
    matches_files: list[Path] = []
    summary = JobsSummary()
    for i, build in enumerate(builds):
        jobs_file, matches_file = write_chunk(build, directory, i)
        jobs_files += [jobs_file] if jobs_file else []
        matches_files += [matches_file] if matches_file else []
        summary = summary.add(build)
    return StagedJobs(jobs_files, matches_files, summary)


def write_chunk(build: JobsBuild, directory: Path, index: int) -> tuple[Path | None, Path | None]:
    """Chunk `index`'s jobs and matches as Parquet under `directory` (None: no rows, no file)."""
    jobs = conform(build.jobs, JOBS_SCHEMA)
    matches = conform(build.matches, MATCHES_SCHEMA)
    if jobs["job_id"].is_duplicated().any():
        raise ValueError("refusing to write jobs: job_id is not unique")
    paths: list[Path | None] = []
    for frame, name in ((jobs, "jobs"), (matches, "matches")):
        path = directory / f"{name}-{index:06d}.parquet"
        if frame.height:
            frame.write_parquet(path, compression="snappy", statistics=False)
        paths.append(path if frame.height else None)
    return paths[0], paths[1]
