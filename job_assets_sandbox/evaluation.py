"""Scoring a clustering against labelled duplicate groups (pairwise precision, recall and F1).

Pairwise scoring counts every pair of postings: a true positive is a pair in one predicted job that is also
one labelled group. A single wrong merge of two big clusters costs many pairs, which is what a user feels.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from job_assets.dedup.history import JobsBuild, deduplicate_postings
from job_assets.dedup.schema import POSTING_COLUMNS, conform


@dataclass(frozen=True)
class PairScores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_scores(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> PairScores:
    """`truth[i]` and `predicted[i]` are posting i's labelled group and predicted job."""
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} labels but {len(predicted)} predictions")
    both = sum(_pairs(n) for n in Counter(zip(truth, predicted, strict=True)).values())
    in_truth = sum(_pairs(n) for n in Counter(truth).values())
    in_predicted = sum(_pairs(n) for n in Counter(predicted).values())
    return PairScores(both, in_predicted - both, in_truth - both)


def wrong_pairs(frame: pl.DataFrame, truth: str, predicted: str, key: str = "posting_key") -> pl.DataFrame:
    """Every misjudged pair: (a, b, kind) with kind `false_merge` or `missed_merge`, for reading failures."""
    left = frame.select(pl.col(key).alias("a"), pl.col(truth).alias("ta"), pl.col(predicted).alias("pa"))
    right = frame.select(pl.col(key).alias("b"), pl.col(truth).alias("tb"), pl.col(predicted).alias("pb"))
    pairs = left.join(right, how="cross").filter(pl.col("a") < pl.col("b"))
    return pairs.filter((pl.col("ta") == pl.col("tb")) != (pl.col("pa") == pl.col("pb"))).select(
        "a",
        "b",
        kind=pl.when(pl.col("ta") == pl.col("tb"))
        .then(pl.lit("missed_merge"))
        .otherwise(pl.lit("false_merge")),
    )


def catalogue_postings(day: int = 1) -> pl.DataFrame:
    """The offline sample boards' public postings of `day`, parsed by the real parsers, with `group` = the
    catalogue's own ground truth (the opening each posting advertises): an evaluation set written by
    someone else than the matcher's author."""
    from job_assets.parsing.dispatch import parse_raw_frame
    from job_assets.sources.base import RawPosting, raw_frame
    from job_assets_sandbox.catalog import sample_catalog

    catalog = sample_catalog()
    truth = catalog.opening_ids(day)
    fetched = datetime(2025, 9, 15, 6, tzinfo=UTC) + timedelta(days=day - 1)
    frames = []
    for company in catalog.companies:
        raws = [
            RawPosting(p.company.slug, p.source, p.source_id, None, catalog.render(p, day), fetched)
            for p in catalog.postings(day, company=company.slug, unlisted=False)
        ]
        if raws:
            frames.append(parse_raw_frame(raw_frame(raws), company.name).frame)
    parsed = pl.concat(frames)
    groups = [
        truth[(s, i)] for s, i in zip(parsed["source"].to_list(), parsed["source_id"].to_list(), strict=True)
    ]
    return parsed.with_columns(group=pl.Series(groups, dtype=pl.String()), case=pl.lit("catalogue"))


def catalogue_days(
    days: Sequence[int] = (1, 2, 3),
) -> Iterator[tuple[int, datetime, pl.DataFrame, JobsBuild]]:
    """Rebuild the jobs table day after day from the sample boards, each build from the previous one, as
    the `jobs` asset does: yields (day, the build's time, that day's postings with `group`, the build)."""
    previous: JobsBuild | None = None
    for day in days:
        postings = catalogue_postings(day)
        now = datetime(2025, 9, 15, 7, tzinfo=UTC) + timedelta(days=day - 1)
        previous = deduplicate_postings(
            postings,
            previous.jobs if previous else None,
            previous.matches if previous else None,
            set(postings["company"].unique().to_list()),
            now,
        )
        yield day, now, postings, previous


def load_labelled(path: str | Path) -> pl.DataFrame:
    """A JSONL file of postings, each with `group` (its true job) and `case` (what it exercises) -> the
    postings in POSTING_COLUMNS plus `group` and `case`."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not valid JSON: {error}") from error
    if not rows:
        raise ValueError(f"{path}: no postings")
    missing = [i for i, row in enumerate(rows, start=1) if "group" not in row]
    if missing:
        raise ValueError(f"{path}: postings on lines {missing[:5]} have no `group` label")
    raw = pl.DataFrame(rows, infer_schema_length=None)
    for column in ("posted_at", "updated_at", "fetched_at"):
        if column in raw.columns and raw.schema[column] == pl.String():
            raw = raw.with_columns(pl.col(column).str.to_datetime(time_zone="UTC"))
    return pl.concat(
        [conform(raw, POSTING_COLUMNS), raw.select("group", pl.col("case").cast(pl.String()))],
        how="horizontal",
    )
