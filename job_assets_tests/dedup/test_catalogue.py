"""Dedup against the offline sample boards' own ground truth (another author's labels, the real parsers)."""

from __future__ import annotations

import polars as pl
import pytest

from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets_sandbox.evaluation import catalogue_days, catalogue_postings, pairwise_scores


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
    seen: set[str] = set()
    job_of_opening: dict[str, str] = {}
    for day, _, postings, build in catalogue_days():
        listed = set(postings["group"].to_list())
        seen |= listed
        pairs = postings.join(build.matches, on=["company", "posting_key"]).select("group", "job_id").unique()
        assert pairs["group"].is_unique().all() and pairs["job_id"].is_unique().all()  # one job per opening
        for group, job_id in pairs.iter_rows():
            assert job_of_opening.setdefault(group, job_id) == job_id, f"{group} changed job_id on day {day}"
        assert build.jobs.filter(pl.col("is_open")).height == len(listed)
        assert build.jobs.filter(~pl.col("is_open")).height == len(seen - listed)
        assert build.guarded_companies == {}
