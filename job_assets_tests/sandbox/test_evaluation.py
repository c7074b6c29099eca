"""The scorer behind the dedup evaluations: pairwise counts and the labelled-set reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from job_assets_sandbox.evaluation import load_labelled, pairwise_scores


def test_pairwise_scores_counts_pairs() -> None:
    truth = ["a", "a", "a", "b", "c"]
    guess = [1, 1, 2, 2, 3]  # one true pair found, two missed, one false pair
    scores = pairwise_scores(truth, guess)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 1, 2)
    assert scores.precision == 0.5 and scores.recall == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="labels"):
        pairwise_scores(truth, guess[:-1])


def test_load_labelled_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"group": "g", "posting_key": "a:1", "company": "c", "source": "a", "title": "t"}\n{oops\n'
    )
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        load_labelled(path)
