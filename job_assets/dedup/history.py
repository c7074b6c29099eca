"""The `jobs` table rebuilt from today's postings and yesterday's table: stable ids, open/closed, the guard.

Identity lives in the previous table, not in today's clustering: a cluster inherits the job_id that most of
its postings had, so adding or dropping one posting never renames a job. A job whose postings all vanished
is represented by a "ghost" posting (its last canonical text, key `job:<job_id>`) while matching, so a repost
under a new id, or a closed job coming back, is recognised as the same job instead of a new one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import polars as pl

from job_assets.dedup.canonical import canonical_fields
from job_assets.dedup.chunks import CompanyChunk, split_frames
from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets.dedup.schema import (
    JOBS_SCHEMA,
    MATCHES_SCHEMA,
    MERGES_SCHEMA,
    POSTING_COLUMNS,
    conform,
    empty,
)
from job_assets.dedup.similarity import MatchConfig

GHOST_PREFIX = "job:"
GHOST_VOTE = 0.5  # a vanished job's own text counts for less than a posting that is still listed


@dataclass(frozen=True)
class HistoryConfig:
    guard_min_open: int = 5  # the zero-postings guard applies to companies with at least this many open jobs
    guard_ratio: float = 0.2  # ... whose scrape now yields fewer jobs than this share of them
    ghost_window: timedelta = timedelta(days=30)  # closed jobs younger than this can reopen via a repost
    chunk_rows: int = 50_000  # postings (and previous jobs) per company chunk: bounds a build's memory
    match: MatchConfig = field(default_factory=MatchConfig)


@dataclass(frozen=True)
class JobsBuild:
    jobs: pl.DataFrame  # JOBS_SCHEMA, one row per job_id
    matches: pl.DataFrame  # MATCHES_SCHEMA, one row per posting of every job
    guarded_companies: dict[str, str]  # company -> why its jobs were not closed
    merges: pl.DataFrame = field(default_factory=lambda: empty(MERGES_SCHEMA))  # previous jobs absorbed


def new_job_id(company: str, posting_key: str, attempt: int = 0) -> str:
    """Deterministic: the same first posting always yields the same id, on any machine, in any run."""
    digest = hashlib.sha256(f"{company}\x1f{posting_key}\x1f{attempt}".encode()).hexdigest()
    return f"job_{digest[:16]}"


def _ghosts(
    prev_jobs: pl.DataFrame, postings: pl.DataFrame, now: datetime, window: timedelta
) -> pl.DataFrame:
    """Postings standing in for previous jobs that have no posting in today's frame."""
    present = (
        prev_jobs.select("job_id", "company", pl.col("posting_keys").alias("posting_key"))
        .explode("posting_key")
        .join(postings.select("company", "posting_key"), on=["company", "posting_key"], how="semi")
        .select("job_id")
    )
    candidates = prev_jobs.filter(
        pl.col("company").is_in(postings["company"].unique().implode())
        & (pl.col("is_open") | (pl.col("closed_at") >= now - window))
    ).join(present, on="job_id", how="anti")
    return conform(
        candidates.select(
            posting_key=GHOST_PREFIX + pl.col("job_id"),
            company="company",
            company_name="company_name",
            source=pl.col("sources").list.first().fill_null("ghost"),
            url="url",
            title="title",
            locations="locations",
            department="department",
            description_text="description_text",
        ),
        POSTING_COLUMNS,
    ).sort("company", "posting_key")  # matching numbers rows in input order: never the stored table's order


def _guards(
    prev_jobs: pl.DataFrame, clusters: pl.DataFrame, scraped: set[str], config: HistoryConfig
) -> dict[str, str]:
    open_before = prev_jobs.filter(pl.col("is_open")).group_by("company").len("open_before")
    now_jobs = clusters.group_by("company").agg(pl.col("cluster_key").n_unique().alias("jobs_now"))
    rows = (
        open_before.filter(pl.col("company").is_in(sorted(scraped)))
        .join(now_jobs, on="company", how="left")
        .with_columns(pl.col("jobs_now").fill_null(0))
        .filter(
            (pl.col("open_before") >= config.guard_min_open)
            & (pl.col("jobs_now") < pl.col("open_before") * config.guard_ratio)
        )
        .sort("company")
    )
    return {
        company: f"{company}: the latest scrape yields {now} job(s) but {before} were open; "
        f"kept them open instead of closing them (a broken or partial scrape?)"
        for company, before, now in rows.select("company", "open_before", "jobs_now").iter_rows()
    }


def _assign_ids(
    clusters: pl.DataFrame, prev_keys: pl.DataFrame, prev_jobs: pl.DataFrame, taken: set[str]
) -> tuple[dict[tuple[str, str], str], list[tuple[str, str]]]:
    """(company, cluster_key) -> job_id, and the (from, into) merges of previous jobs left without a cluster.
    `taken`: every job id already in use (all previous jobs' and the new ones); new ids are added to it."""
    real = clusters.filter(~pl.col("posting_key").str.starts_with(GHOST_PREFIX))
    live = real.select("company", "cluster_key").unique()
    voters = pl.concat(
        [
            real.join(prev_keys, on=["company", "posting_key"]).select(
                "company", "cluster_key", "job_id", weight=pl.lit(1.0)
            ),
            clusters.filter(pl.col("posting_key").str.starts_with(GHOST_PREFIX)).select(
                "company",
                "cluster_key",
                job_id=pl.col("posting_key").str.strip_prefix(GHOST_PREFIX),
                weight=pl.lit(GHOST_VOTE),
            ),
        ]
    ).join(live, on=["company", "cluster_key"], how="semi")
    votes = (
        voters.group_by("company", "cluster_key", "job_id")
        .agg(pl.col("weight").sum())
        .join(prev_jobs.select("job_id", "first_seen_at"), on="job_id", how="left")
        .sort(["weight", "first_seen_at", "job_id", "cluster_key"], descending=[True, False, False, False])
    )
    assigned: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    for company, cluster_key, job_id, _w, _f in votes.iter_rows():
        if (company, cluster_key) not in assigned and job_id not in used:
            assigned[company, cluster_key] = job_id
            used.add(job_id)
    taken |= used
    for company, cluster_key in live.sort("company", "cluster_key").iter_rows():
        if (company, cluster_key) not in assigned:
            attempt = 0
            while (job_id := new_job_id(company, cluster_key, attempt)) in taken:
                attempt += 1
            assigned[company, cluster_key] = job_id
            taken.add(job_id)
    merges: list[tuple[str, str]] = []
    merged: set[str] = set()
    for company, cluster_key, job_id, _w, _f in votes.iter_rows():  # heaviest first: the main destination
        if job_id not in used and job_id not in merged:
            merges.append((job_id, assigned[company, cluster_key]))
            merged.add(job_id)
    return assigned, merges


def deduplicate_postings(
    current: pl.DataFrame,
    previous_jobs: pl.DataFrame | None,
    previous_matches: pl.DataFrame | None,
    scraped_companies: set[str],
    now: datetime,
    config: HistoryConfig | None = None,
) -> JobsBuild:
    """Today's enriched postings of every company + the previous build -> the new build.

    `scraped_companies`: companies whose postings in `current` come from a fresh successful scrape; only
    their vanished jobs may be closed (and not when the zero-postings guard fires). Other companies' jobs
    keep their previous state, except that their postings in `current` still update or open jobs.
    """
    config = config or HistoryConfig()
    prev_jobs = previous_jobs if previous_jobs is not None else empty(JOBS_SCHEMA)
    prev_matches = previous_matches if previous_matches is not None else empty(MATCHES_SCHEMA)
    chunks = split_frames(current, prev_jobs, prev_matches, config.chunk_rows)
    return build_in_chunks(chunks, conform(prev_jobs, JOBS_SCHEMA)["job_id"], scraped_companies, now, config)


def build_in_chunks(
    chunks: Iterable[CompanyChunk],
    previous_job_ids: pl.Series,
    scraped_companies: set[str],
    now: datetime,
    config: HistoryConfig | None = None,
) -> JobsBuild:
    """`deduplicate_postings` over company chunks (`chunks`), one at a time: the same build as over the whole
    frames. `previous_job_ids`: every previous job's id (a new id never reuses one, whichever chunk it was in).
    Holds the whole result; `build_chunks` yields it chunk by chunk instead."""
    builds = list(build_chunks(chunks, previous_job_ids, scraped_companies, now, config))
    if not builds:
        return JobsBuild(jobs=empty(JOBS_SCHEMA), matches=empty(MATCHES_SCHEMA), guarded_companies={})
    return JobsBuild(
        jobs=pl.concat([b.jobs for b in builds], rechunk=False),
        matches=pl.concat([b.matches for b in builds], rechunk=False),
        guarded_companies={c: why for b in builds for c, why in b.guarded_companies.items()},
        merges=pl.concat([b.merges for b in builds], rechunk=False),
    )


def build_chunks(
    chunks: Iterable[CompanyChunk],
    previous_job_ids: pl.Series,
    scraped_companies: set[str],
    now: datetime,
    config: HistoryConfig | None = None,
) -> Iterator[JobsBuild]:
    """The build of each chunk in turn (chunks hold disjoint companies, so their builds concatenate to the
    whole build): a caller that writes each one out holds one chunk's memory, never the whole result."""
    config = config or HistoryConfig()
    now = build_time(now)
    taken = set(previous_job_ids.to_list())
    for chunk in chunks:
        yield build_chunk(chunk, taken, scraped_companies, now, config)


def build_time(now: datetime) -> datetime:
    """A build's `now` in UTC; a naive time is refused (it would shift open/closed dates by the host's zone)."""
    if now.tzinfo is None:
        raise ValueError(f"deduplicate_postings needs a timezone-aware `now`, got naive {now!r}")
    return now.astimezone(UTC)


def build_chunk(
    chunk: CompanyChunk, taken: set[str], scraped_companies: set[str], now: datetime, config: HistoryConfig
) -> JobsBuild:
    """The build of one chunk of whole companies. `taken`: job ids in use (grows with the new ones).
    `now` must be timezone-aware UTC (`build_chunks` checks it)."""
    postings = prepare_postings(chunk.postings)
    prev_jobs = conform(chunk.previous_jobs, JOBS_SCHEMA)
    prev_keys = (
        prev_jobs.select("company", "job_id", pl.col("posting_keys").alias("posting_key"))
        .explode("posting_key")
        .drop_nulls("posting_key")
        .unique(["company", "posting_key"], keep="first")
    )
    ghosts = _ghosts(prev_jobs, postings, now, config.ghost_window)
    clusters = match_postings(
        pl.concat(
            [postings.with_columns(_standin=pl.lit(False)), ghosts.with_columns(_standin=pl.lit(True))]
        ),
        config.match,
    )
    real = clusters.filter(~pl.col("posting_key").str.starts_with(GHOST_PREFIX))
    guarded = _guards(prev_jobs, real, scraped_companies, config)
    assigned, merges = _assign_ids(clusters, prev_keys, prev_jobs, taken)

    ids = pl.DataFrame(
        [(c, k, j) for (c, k), j in assigned.items()],
        schema={"company": pl.String(), "cluster_key": pl.String(), "job_id": pl.String()},
        orient="row",
    )
    real = real.join(ids, on=["company", "cluster_key"], how="left")
    merge_frame = pl.DataFrame(merges, schema=MERGES_SCHEMA, orient="row")
    inherited = (
        pl.concat(
            [
                prev_jobs.select("job_id", "first_seen_at"),
                prev_jobs.join(merge_frame, left_on="job_id", right_on="from_job_id").select(
                    job_id="into_job_id", first_seen_at="first_seen_at"
                ),
            ]
        )
        .group_by("job_id")
        .agg(pl.col("first_seen_at").min().alias("inherited_first_seen"))
    )
    open_jobs = (
        canonical_fields(
            postings.join(real.select("company", "posting_key", "job_id"), on=["company", "posting_key"])
        )
        .join(inherited, on="job_id", how="left")
        .with_columns(
            first_seen_at=pl.coalesce("inherited_first_seen", "first_fetched_at", pl.lit(now)),
            last_seen_at=pl.coalesce("last_seen_at", pl.lit(now)),
            is_open=pl.lit(True),
            closed_at=pl.lit(None, pl.Datetime("us", "UTC")),
        )
    )
    gone = set(assigned.values()) | set(merge_frame["from_job_id"].to_list())
    closable = pl.col("company").is_in(sorted(set(scraped_companies) - set(guarded)))
    carried = prev_jobs.filter(~pl.col("job_id").is_in(sorted(gone))).with_columns(
        closed_at=pl.when(pl.col("is_open") & closable).then(pl.lit(now)).otherwise(pl.col("closed_at")),
        is_open=pl.col("is_open") & ~closable,
    )
    jobs = pl.concat([conform(open_jobs, JOBS_SCHEMA), conform(carried, JOBS_SCHEMA)]).sort(
        ["company", "job_id"]
    )

    prev_match_rows = conform(chunk.previous_matches, MATCHES_SCHEMA)
    carried_matches = (
        carried.select("company", "job_id", pl.col("posting_keys").alias("posting_key"))
        .explode("posting_key")
        .drop_nulls("posting_key")
        .join(
            prev_match_rows.select("company", "posting_key", "job_id", "rule", "score", "matched_to"),
            on=["company", "posting_key", "job_id"],
            how="left",
        )
        .with_columns(pl.col("rule").fill_null("carried"))
    )
    matches = pl.concat([conform(real, MATCHES_SCHEMA), conform(carried_matches, MATCHES_SCHEMA)]).sort(
        ["company", "posting_key"]
    )
    return JobsBuild(jobs=jobs, matches=matches, guarded_companies=guarded, merges=merge_frame)
