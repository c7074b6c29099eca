"""`rebuild_jobs` stages its inputs as company chunks and builds one chunk at a time: the same jobs and
matches as the whole-frame build, on every store backend, day after day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from job_assets.dedup.history import HistoryConfig, deduplicate_postings
from job_assets.store import db
from job_assets.store.jobs_build import rebuild_jobs
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
    assert_frame_equal(first.build.jobs, whole1.jobs)
    assert_frame_equal(first.build.matches, whole1.matches)
    assert first.postings == day1.height
    with store.connect(read_only=True) as conn:
        assert_frame_equal(read_jobs(conn).sort("company", "job_id"), whole1.jobs, check_row_order=False)
        assert_frame_equal(read_matches(conn).sort("company", "posting_key"), whole1.matches)

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
    assert_frame_equal(second.build.jobs, whole2.jobs)
    assert_frame_equal(second.build.matches, whole2.matches)
    assert second.build.jobs.filter(pl.col("company") == "globex-copy").height > 0  # carried, not lost


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
