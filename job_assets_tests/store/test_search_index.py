"""The keyword index built a share of the jobs at a time is the index built at once."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store import search

WORDS = [
    "python",
    "rust",
    "data",
    "platform",
    "senior",
    "engineer",
    "c++",
    "c#",
    "remote",
    "payments",
    "identity",
    "kafka",
    "ml",
]


def _jobs(rows: int) -> pl.DataFrame:
    rng = random.Random(7)
    return conform(
        pl.DataFrame(
            {
                "job_id": [f"job-{i:04d}" for i in range(rows)],
                "company": [f"co-{i % 5}" for i in range(rows)],
                "company_name": [f"Company {i % 5}" for i in range(rows)],
                "title": [" ".join(rng.choices(WORDS, k=3)) for _ in range(rows)],
                "description_text": [" ".join(rng.choices(WORDS, k=rng.randint(0, 40))) for _ in range(rows)],
                "skills": [rng.sample(WORDS, k=2) for _ in range(rows)],
                "is_open": [rng.random() < 0.8 for _ in range(rows)],
            }
        ),
        JOBS_SCHEMA,
    )


def _index(path: Path, jobs: pl.DataFrame) -> dict[str, pl.DataFrame]:
    with duckdb.connect(str(path)) as conn:
        conn.execute("create table jobs as select * from jobs")
        search.build_index(conn)
        return {t: conn.sql(f"select * from {t}").pl() for t in search.INDEX_TABLES}


def test_an_index_built_in_shares_is_the_index_built_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _jobs(300)
    whole = _index(tmp_path / "whole.duckdb", jobs)
    monkeypatch.setattr(search, "INDEX_BATCH_JOBS", 40)  # 8 shares
    shared = _index(tmp_path / "shared.duckdb", jobs)
    for table in search.INDEX_TABLES:
        key = [c for c in ("term", "docid") if c in whole[table].columns]
        left, right = whole[table], shared[table]
        if key:
            left, right = left.sort(key), right.sort(key)
        assert_frame_equal(left, right, check_exact=False, rel_tol=1e-12)
    assert whole["search_terms"].height > 1000
    assert whole["search_terms"]["term"].is_sorted()  # stored by term: a lookup reads few row groups
