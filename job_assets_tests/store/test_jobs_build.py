"""`rebuild_jobs` stages its inputs as company chunks, builds one chunk at a time and stages each chunk's
result before one transaction loads them all: the same jobs and matches as the whole-frame build, on every
store backend, day after day; a build that fails part way leaves the previous tables whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from job_assets.dedup.history import HistoryConfig, JobsBuild, build_chunks, deduplicate_postings
from job_assets.store import db
from job_assets.store.jobs_build import rebuild_jobs
from job_assets.store.jobs_output import JobsSummary
from job_assets.store.jobs_table import read_jobs, read_matches
from job_assets_sandbox.evaluation import load_labelled
from job_assets_tests.dedup.postings import DAY1
from job_assets_tests.store.conftest import Store

EVAL_SET = Path(__file__).resolve().parent.parent / "dedup" / "eval_set.jsonl"


def postings() -> pl.DataFrame:
    """The labelled set (multi-region, multi-city, sister companies) plus a word-for-word copy of two
    companies under other names: the same URLs and texts in other companies never merge."""
    own = load_labelled(EVAL_SET).drop("group", "case")
    copies = own.filter(pl.col("company").is_in(["acme-health", "globex"])).with_columns(
        company=pl.col("company") + "-copy"
    )
    return pl.concat([own, copies])


def _write(store: Store, frame: pl.DataFrame) -> None:
    with store.connect() as conn:
        for company in frame["company"].unique().sort().to_list():
            db.replace_partition(
                conn, "enriched_postings", company, frame.filter(pl.col("company") == company)
            )


def test_a_chunked_rebuild_equals_the_whole_frame_build(store: Store) -> None:
    day1 = postings()
    _write(store, day1)
    first = rebuild_jobs(store.connect, now=DAY1, chunk_rows=5)
    whole1 = deduplicate_postings(day1, None, None, set(), DAY1, HistoryConfig(chunk_rows=10**9))
    assert first.postings == day1.height
    _assert_stored(store, whole1)
    _assert_summary(first.summary, JobsSummary.of(whole1.jobs, whole1.guarded_companies, whole1.merges))

    # Day two: a company's postings gone, others reposted; the previous build comes back from the store.
    day2 = day1.filter(pl.col("company") != "globex-copy").with_columns(
        posting_key=pl.when(pl.col("company") == "acme-health")
        .then(pl.col("posting_key") + "-repost")
        .otherwise("posting_key")
    )
    with store.connect() as conn:
        conn.execute("delete from enriched_postings")
    _write(store, day2)
    now = DAY1 + timedelta(days=1)
    second = rebuild_jobs(store.connect, now=now, chunk_rows=5)
    whole2 = deduplicate_postings(
        day2, whole1.jobs, whole1.matches, set(), now, HistoryConfig(chunk_rows=10**9)
    )
    _assert_stored(store, whole2)
    assert whole2.jobs.filter(pl.col("company") == "globex-copy").height > 0  # carried, not lost
    _assert_summary(second.summary, JobsSummary.of(whole2.jobs, whole2.guarded_companies, whole2.merges))
    assert second.summary.companies == whole2.jobs["company"].n_unique()


def _assert_summary(chunked: JobsSummary, whole: JobsSummary) -> None:
    """Summed chunk by chunk = taken over the whole build (counts, merges, the newest jobs)."""
    counts = ("rows", "open", "closed", "postings_merged", "companies", "guarded_companies")
    assert {k: getattr(chunked, k) for k in counts} == {k: getattr(whole, k) for k in counts}
    assert_frame_equal(chunked.merges, whole.merges)
    assert_frame_equal(chunked.latest, whole.latest)


def _assert_stored(store: Store, whole: JobsBuild) -> None:
    """The store holds exactly the whole-frame build (row for row, value for value)."""
    with store.connect(read_only=True) as conn:
        assert_frame_equal(read_jobs(conn).sort("company", "job_id"), whole.jobs)
        assert_frame_equal(read_matches(conn).sort("company", "posting_key"), whole.matches)


def test_a_build_that_fails_part_way_leaves_the_previous_tables(store: Store) -> None:
    day1 = postings()
    _write(store, day1)
    rebuild_jobs(store.connect, now=DAY1, chunk_rows=5)
    with store.connect(read_only=True) as conn:
        before_jobs, before_matches = read_jobs(conn), read_matches(conn)
    with store.connect() as conn:
        conn.execute("delete from enriched_postings where company = 'globex'")

    def fails_after_two_chunks(chunks, previous_job_ids, scraped, now):  # type: ignore[no-untyped-def]
        for i, build in enumerate(build_chunks(chunks, previous_job_ids, scraped, now)):
            if i == 2:
                raise RuntimeError("the build broke part way")
            yield build

    with pytest.raises(RuntimeError, match="part way"):
        rebuild_jobs(store.connect, build=fails_after_two_chunks, now=DAY1 + timedelta(days=1), chunk_rows=5)
    with store.connect(read_only=True) as conn:
        assert_frame_equal(read_jobs(conn), before_jobs)
        assert_frame_equal(read_matches(conn), before_matches)


def test_a_write_that_fails_in_its_transaction_leaves_the_previous_tables(store: Store) -> None:
    """Two chunks that name the same job id (corrupt previous state): caught only across chunks, inside the
    write's transaction, after both tables were loaded; the rollback keeps the previous ones."""
    day1 = postings()
    _write(store, day1)
    rebuild_jobs(store.connect, now=DAY1, chunk_rows=5)
    with store.connect(read_only=True) as conn:
        before_jobs, before_matches = read_jobs(conn), read_matches(conn)

    def one_id_in_two_chunks(chunks, previous_job_ids, scraped, now):  # type: ignore[no-untyped-def]
        for build in build_chunks(chunks, previous_job_ids, scraped, now):
            renamed = build.jobs.with_columns(job_id=pl.lit("job_") + pl.int_range(pl.len()).cast(pl.String))
            yield JobsBuild(renamed, build.matches, build.guarded_companies, build.merges)

    with pytest.raises(ValueError, match="job_id is not unique"):
        rebuild_jobs(store.connect, build=one_id_in_two_chunks, now=DAY1 + timedelta(days=1), chunk_rows=5)
    with store.connect(read_only=True) as conn:
        assert_frame_equal(read_jobs(conn), before_jobs)
        assert_frame_equal(read_matches(conn), before_matches)


def test_postings_without_a_company_are_refused_and_nothing_is_written(store: Store) -> None:
    bad = postings().with_columns(
        company=pl.when(pl.int_range(pl.len()) == 0).then(None).otherwise("company")
    )
    with store.connect() as conn:
        db.replace_rows(conn, "enriched_postings", bad, None, [])
    with pytest.raises(ValueError, match="have no posting_key or company"):
        rebuild_jobs(store.connect, now=DAY1)
    with store.connect(read_only=True) as conn:
        assert not db.table_exists(conn, "jobs")
