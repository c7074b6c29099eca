"""A build over company chunks is the build over the whole frames: dedup never looks across companies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from job_assets.dedup.chunks import plan_chunks, split_frames
from job_assets.dedup.history import HistoryConfig, JobsBuild, deduplicate_postings
from job_assets_sandbox.evaluation import catalogue_postings, load_labelled

EVAL_SET = Path(__file__).with_name("eval_set.jsonl")
WHOLE = 10**9


def with_sister_copies(postings: pl.DataFrame) -> pl.DataFrame:
    """The postings plus word-for-word copies (same URLs, titles, texts) under other companies: copies
    across companies must never merge, whichever chunk each company lands in."""
    copies = postings.filter(pl.col("company").is_in(postings["company"].unique().sort().head(3).implode()))
    return pl.concat([postings, copies.with_columns(company=pl.col("company") + "-copy")])


def assert_same_build(chunked: JobsBuild, whole: JobsBuild) -> None:
    assert_frame_equal(chunked.jobs, whole.jobs)
    assert_frame_equal(chunked.matches, whole.matches)
    assert chunked.guarded_companies == whole.guarded_companies
    assert_frame_equal(chunked.merges.sort(pl.all()), whole.merges.sort(pl.all()))


def days() -> list[tuple[datetime, pl.DataFrame]]:
    """The labelled set (cross-company, multi-region and multi-city cases) with sister copies on day 1, then
    the sample boards' three days on top of it (reposts, closings, jobs coming back)."""
    own = with_sister_copies(load_labelled(EVAL_SET).drop("group", "case"))
    start = datetime(2025, 9, 15, 7, tzinfo=UTC)
    out = []
    for day in (1, 2, 3):
        boards = catalogue_postings(day).drop("group", "case")
        today = pl.concat([own, boards], how="diagonal_relaxed")
        if day == 3:  # a company that vanished from today's input: its jobs are carried or closed
            today = today.filter(pl.col("company") != today["company"].unique().sort()[0])
        out.append((start + timedelta(days=day - 1), today))
    return out


@pytest.mark.parametrize("chunk_rows", [1, 7, 40])
def test_a_build_in_company_chunks_equals_the_whole_frame_build(chunk_rows: int) -> None:
    whole_prev: JobsBuild | None = None
    chunked_prev: JobsBuild | None = None
    for now, postings in days():
        scraped = set(postings["company"].unique().to_list())
        whole = deduplicate_postings(
            postings,
            whole_prev.jobs if whole_prev else None,
            whole_prev.matches if whole_prev else None,
            scraped,
            now,
            HistoryConfig(chunk_rows=WHOLE),
        )
        chunked = deduplicate_postings(
            postings,
            chunked_prev.jobs if chunked_prev else None,
            chunked_prev.matches if chunked_prev else None,
            scraped,
            now,
            HistoryConfig(chunk_rows=chunk_rows),
        )
        assert_same_build(chunked, whole)
        whole_prev, chunked_prev = whole, chunked
    assert chunked_prev is not None
    assert chunked_prev.jobs.filter(pl.col("company").str.ends_with("-copy")).height > 0
    assert chunked_prev.jobs.filter(~pl.col("is_open")).height > 0  # closings were exercised


def test_copies_in_another_company_stay_apart() -> None:
    postings = with_sister_copies(load_labelled(EVAL_SET).drop("group", "case"))
    build = deduplicate_postings(postings, None, None, set(), datetime(2025, 9, 15, tzinfo=UTC))
    assert build.matches.group_by("job_id").agg(pl.col("company").n_unique())["company"].max() == 1
    originals = build.jobs.filter(pl.col("company").is_in(["globex", "globex-copy"]))
    assert originals.group_by("company").len()["len"].n_unique() == 1  # the copy grouped like its original


def test_chunks_hold_whole_companies_in_sorted_order() -> None:
    counts = pl.DataFrame({"company": ["b", "a", "c", "b", "d"], "n": [3, 2, 10, 1, 1]})
    assert plan_chunks(counts, 4) == [["a", "b"], ["c"], ["d"]]
    assert plan_chunks(counts, 100) == [["a", "b", "c", "d"]]
    assert plan_chunks(counts.head(0), 4) == []


def test_splitting_refuses_postings_without_a_company() -> None:
    postings = (
        load_labelled(EVAL_SET)
        .drop("group", "case")
        .with_columns(company=pl.when(pl.int_range(pl.len()) == 3).then(None).otherwise(pl.col("company")))
    )
    with pytest.raises(ValueError, match="1 posting\\(s\\) have no posting_key or company"):
        list(split_frames(postings, pl.DataFrame(), pl.DataFrame(), 10))
