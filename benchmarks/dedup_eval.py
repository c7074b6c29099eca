"""Dedup quality: pairwise precision, recall and F1 on labelled postings, with ablations.

Two labelled sets: the hand-built `job_assets_tests/dedup/eval_set.jsonl` (every case of the issue) and the
offline sample boards' catalogue (its own ground truth, written by another author, parsed by the real
parsers), plus the catalogue over its three days (stable job ids, closings and reopenings).

    uv run python benchmarks/dedup_eval.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets.dedup.similarity import MatchConfig
from job_assets_sandbox.evaluation import (
    catalogue_days,
    catalogue_postings,
    load_labelled,
    pairwise_scores,
    wrong_pairs,
)

EVAL_SET = Path(__file__).resolve().parent.parent / "job_assets_tests" / "dedup" / "eval_set.jsonl"
CONFIGS = {
    "matcher (default)": MatchConfig(),
    "matcher, LSH for every block": MatchConfig(all_pairs_max=0),
    "ablation: no level/team/department guards": MatchConfig(guards=False),
    "ablation: no boilerplate removal": MatchConfig(boilerplate_min_roles=10**9, unmeasured_threshold=0.0),
    "ablation: no region rule (countries, currencies)": MatchConfig(regions=False),
    "ablation: no requisition rule (ATS ids)": MatchConfig(requisitions=False),
}


def score(labelled: pl.DataFrame, config: MatchConfig) -> tuple[pl.DataFrame, str]:
    clusters = match_postings(prepare_postings(labelled), config)
    result = labelled.join(clusters, on=["company", "posting_key"]).with_columns(
        job=pl.col("company") + "/" + pl.col("cluster_key")
    )
    s = pairwise_scores(result["group"].to_list(), result["job"].to_list())
    line = (
        f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  "
        f"(pairs: {s.true_positives} right, {s.false_positives} false, {s.false_negatives} missed)"
    )
    return result, line


def report(name: str, labelled: pl.DataFrame) -> None:
    n_pairs = sum(n * (n - 1) // 2 for n in labelled.group_by("group").len()["len"].to_list())
    print(
        f"\n== {name}: {labelled.height} postings, {labelled['group'].n_unique()} true jobs, {n_pairs} true pairs"
    )
    for label, config in CONFIGS.items():
        result, line = score(labelled, config)
        print(f"  {label:<44} {line}")
        if label.startswith("matcher"):
            for row in wrong_pairs(result, "group", "job").iter_rows(named=True):
                print(f"      {row['kind']}: {row['a']} / {row['b']}")


def by_case(labelled: pl.DataFrame) -> None:
    result, _ = score(labelled, MatchConfig())
    wrong = wrong_pairs(result, "group", "job")
    bad = set(wrong["a"].to_list()) | set(wrong["b"].to_list())
    print("\n  per case (postings; all grouped right?):")
    for case, keys in sorted(result.group_by("case").agg("posting_key").iter_rows()):
        print(f"    {'ok  ' if not bad & set(keys) else 'FAIL'} {case} ({len(keys)})")


def history_on_catalogue() -> None:
    """Day 1 -> 2 -> 3 of the sample boards: one job id per opening, closings and reopenings as listed."""
    print("\n== catalogue over three days (deduplicate_postings from the previous build)")
    ids: dict[str, set[str]] = defaultdict(set)
    for day, now, postings, build in catalogue_days():
        joined = postings.join(build.matches, on=["company", "posting_key"])
        for group, job_id in joined.select("group", "job_id").unique().iter_rows():
            ids[group].add(job_id)
        open_jobs = build.jobs.filter(pl.col("is_open")).height
        closed_now = build.jobs.filter(pl.col("closed_at") == now).height
        print(
            f"  day {day}: {postings.height} postings, {postings['group'].n_unique()} openings listed -> "
            f"{open_jobs} open jobs, {closed_now} closed today, {build.jobs.height - open_jobs} closed in all, "
            f"merges {build.merges.height}, guarded {sorted(build.guarded_companies)}"
        )
    unstable = {g: sorted(v) for g, v in ids.items() if len(v) > 1}
    print(f"  openings whose job_id changed between days: {len(unstable)} of {len(ids)}")
    for group, job_ids in unstable.items():
        print(f"    {group}: {job_ids}")


def main() -> int:
    own = load_labelled(EVAL_SET)
    report(f"own labelled set ({EVAL_SET.name})", own)
    by_case(own)
    for day in (1, 2, 3):
        report(f"sample boards catalogue, day {day}", catalogue_postings(day))
    history_on_catalogue()
    return 0


if __name__ == "__main__":
    sys.exit(main())
