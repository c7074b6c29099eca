"""The labelled evaluation set: quality floors the matcher must keep, and the scorer itself."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets.dedup.similarity import MatchConfig
from job_assets_sandbox.evaluation import load_labelled, pairwise_scores, wrong_pairs

EVAL_SET = Path(__file__).with_name("eval_set.jsonl")


def predicted(config: MatchConfig | None = None) -> pl.DataFrame:
    labelled = load_labelled(EVAL_SET)
    clusters = match_postings(prepare_postings(labelled), config)
    return labelled.join(clusters, on=["company", "posting_key"]).with_columns(
        job=pl.col("company") + "/" + pl.col("cluster_key")
    )


def test_eval_set_covers_every_case_of_the_issue() -> None:
    cases = " | ".join(load_labelled(EVAL_SET)["case"].unique().to_list())
    for needle in ("mirror", "multi-city", "repost", "another team", "level II", "sister company"):
        assert needle in cases


@pytest.mark.parametrize("config", [MatchConfig(), MatchConfig(all_pairs_max=0)], ids=["all-pairs", "lsh"])
def test_matcher_quality_on_the_eval_set(config: MatchConfig) -> None:
    result = predicted(config)
    scores = pairwise_scores(result["group"].to_list(), result["job"].to_list())
    wrong = wrong_pairs(result, "group", "job")
    assert wrong.filter(pl.col("kind") == "false_merge").is_empty(), wrong
    assert scores.precision == 1.0 and scores.recall >= 0.9, (scores, wrong)


def test_the_guards_and_the_boilerplate_detector_each_prevent_false_merges() -> None:
    for config in (
        MatchConfig(guards=False),
        MatchConfig(boilerplate_min_roles=10**9, unmeasured_threshold=0.0),
    ):
        result = predicted(config)
        assert pairwise_scores(result["group"].to_list(), result["job"].to_list()).precision < 1.0
