"""Dedup against the offline sample boards' own ground truth (another author's labels, the real parsers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from job_assets.dedup.evaluation import catalogue_postings, pairwise_scores
from job_assets.dedup.history import JobsBuild, build_jobs
from job_assets.dedup.matching import match_postings, prepare_postings


@pytest.mark.parametrize("day", [1, 2, 3])
def test_one_job_per_opening_on_each_day(day: int) -> None:
    postings = catalogue_postings(day)
    clusters = match_postings(prepare_postings(postings))
    result = postings.join(clusters, on=["company", "posting_key"])
    scores = pairwise_scores(
        result["group"].to_list(), (result["company"] + "/" + result["cluster_key"]).to_list()
    )
    assert scores.true_positives > 10  # the catalogue has real duplicates to find
    assert scores.precision == 1.0 and scores.recall >= 0.95, scores


def test_three_days_keep_ids_and_close_exactly_the_vanished_openings() -> None:
    previous: JobsBuild | None = None
    seen: set[str] = set()
    job_of_opening: dict[str, str] = {}
    for day in (1, 2, 3):
        postings = catalogue_postings(day)
        now = datetime(2025, 9, 15, 7, tzinfo=UTC) + timedelta(days=day - 1)
        build = build_jobs(
            postings,
            previous.jobs if previous else None,
            previous.matches if previous else None,
            set(postings["company"].unique().to_list()),
            now,
        )
        listed = set(postings["group"].to_list())
        seen |= listed
        pairs = postings.join(build.matches, on=["company", "posting_key"]).select("group", "job_id").unique()
        assert pairs["group"].is_unique().all() and pairs["job_id"].is_unique().all()  # one job per opening
        for group, job_id in pairs.iter_rows():
            assert job_of_opening.setdefault(group, job_id) == job_id, f"{group} changed job_id on day {day}"
        assert build.jobs.filter(pl.col("is_open")).height == len(listed)
        assert build.jobs.filter(~pl.col("is_open")).height == len(seen - listed)
        assert build.guarded_companies == {}
        previous = build
