"""The pruned search (impact-ordered lists, cached per snapshot) returns exactly the full sum's top k.

Generated jobs over a tiny vocabulary: every word is common, many documents are identical (equal
scores: ties broken by job_id), and queries mix words matched by most documents with rarer ones, so
the "most words matched" level, the score cut-off and the tie-break all decide the answer somewhere."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store import db, postings, queries, snapshot

COMMON = ["engineer", "senior", "data", "platform", "python", "team", "build", "systems"]
RARE = ["rust", "kafka", "staff", "pytorch"]
QUERIES = [
    "engineer", "senior", "data", "rust", "senior python data engineer", "staff rust platform engineer",
    "data data team", "kafka pytorch", "rust engineer team build systems python", "nosuchword engineer",
    "nosuchword",
]  # fmt: skip


def _jobs(n: int, seed: int) -> pl.DataFrame:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    templates = [
        (
            " ".join(rng.sample(COMMON, 2)),
            " ".join(rng.choices(COMMON + RARE[:1], k=8)),
            rng.sample(COMMON, 1),
        )
        for _ in range(12)
    ]  # a few templates repeated many times: identical documents, identical scores
    rows = []
    for i in range(n):
        if rng.random() < 0.5:
            title, text, skills = templates[rng.randrange(len(templates))]
        else:
            vocab = COMMON * 20 + RARE  # rare words: in ~1 job in 10
            title = " ".join(rng.choices(vocab, k=rng.randint(1, 4)))
            text = " ".join(rng.choices(vocab, k=rng.randint(0, 30)))
            skills = rng.sample(COMMON + RARE, rng.randint(0, 3))
        rows.append({
            "job_id": f"job-{rng.randrange(10**6):06d}-{i}", "company": "acme", "company_name": "Acme",
            "title": title, "description_text": text, "skills": skills, "is_open": rng.random() < 0.8,
            "first_seen_at": now - timedelta(days=1), "last_seen_at": now,
        })  # fmt: skip
    return conform(pl.DataFrame(rows), JOBS_SCHEMA)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    live = tmp_path_factory.mktemp("pruning") / "jobs.duckdb"
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", _jobs(3000, seed=11))
    snapshot.publish_snapshot(live)
    return live


@pytest.fixture(params=["dense", "sparse"])
def lists_kept(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both ways a word's weights are looked up: a dense array (common words) and a binary search."""
    monkeypatch.setattr(postings, "DENSE_FROM", 10**9 if request.param == "dense" else 0)
    postings.clear()
    yield request.param
    postings.clear()


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("limit", [1, 7, 20, 150, 5000])
@pytest.mark.parametrize("open_only", [True, False])
def test_pruned_top_k_equals_the_full_sum(
    store: Path, lists_kept: str, text: str, limit: int, open_only: bool
) -> None:
    with snapshot.open_reader(store) as conn:
        fast = queries.search(conn, text, limit=limit, open_only=open_only)
        reference = queries.run_reference(conn, "search", text=text, limit=limit, open_only=open_only)
    assert (
        fast.select("job_id", "score", "matched_terms").rows()
        == reference.select("job_id", "score", "matched_terms").rows()
    )


def test_the_top_has_ties_and_several_match_levels(store: Path) -> None:
    """Guards the test data: without ties and mixed levels the equality above would prove less."""
    with snapshot.open_reader(store) as conn:
        both = queries.run_reference(conn, "search", text="kafka pytorch", limit=150)
        one = queries.run_reference(conn, "search", text="engineer", limit=150)
    assert both.get_column("matched_terms").n_unique() == 2  # the level changes inside the top 150
    assert one.height - one.get_column("score").n_unique() >= 20  # many equal scores


def test_a_new_snapshot_is_read_not_the_cached_lists(tmp_path: Path) -> None:
    live = tmp_path / "jobs.duckdb"
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", _jobs(400, seed=1))
    snapshot.publish_snapshot(live)
    with snapshot.open_reader(live) as conn:
        before = queries.search(conn, "rust engineer", limit=50)
        assert postings.cached_bytes() > 0  # the lists stay loaded for the next query
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", _jobs(900, seed=2))
    snapshot.publish_snapshot(live)
    with snapshot.open_reader(live) as conn:
        after = queries.search(conn, "rust engineer", limit=50)
        reference = queries.run_reference(conn, "search", text="rust engineer", limit=50)
    assert after.get_column("job_id").to_list() == reference.get_column("job_id").to_list()
    assert after.get_column("job_id").to_list() != before.get_column("job_id").to_list()
