"""The answer cache in a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from job_assets.enrichment.enrich import CacheEntry
from job_assets.store import enrichment_cache as cache


def _entry(content_hash: str, model: str = "m1", version: str = "v1", remote: str = "remote") -> CacheEntry:
    return CacheEntry(content_hash, model, version, {"remote": remote, "skills": ["Python"]})


def test_lookup_before_anything_is_stored(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "jobs.duckdb")) as conn:
        assert cache.lookup(conn, ["a", "b"], "m1", "v1") == {}
        assert cache.lookup(conn, [], "m1", "v1") == {}


def test_store_then_lookup_by_model_and_prompt_version(tmp_path: Path) -> None:
    path = str(tmp_path / "jobs.duckdb")
    with duckdb.connect(path) as conn:
        assert (
            cache.store(conn, [_entry("a"), _entry("b"), _entry("a", model="m2"), _entry("c", version="v2")])
            == 4
        )
    with duckdb.connect(path, read_only=True) as conn:  # a lookup needs no write lock
        assert cache.lookup(conn, ["a", "b", "c", "zzz", None], "m1", "v1") == {
            "a": {"remote": "remote", "skills": ["Python"]},
            "b": {"remote": "remote", "skills": ["Python"]},
        }
        assert set(cache.lookup(conn, ["a", "b", "c"], "m2", "v1")) == {"a"}
        assert set(cache.lookup(conn, ["a", "b", "c"], "m1", "v2")) == {"c"}


def test_store_replaces_an_entry_and_dedupes_a_batch(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "jobs.duckdb")) as conn:
        cache.store(conn, [_entry("a", remote="remote")])
        assert cache.store(conn, [_entry("a", remote="hybrid"), _entry("a", remote="onsite")]) == 1
        assert cache.lookup(conn, ["a"], "m1", "v1")["a"]["remote"] == "onsite"
        assert conn.execute(f"select count(*) from {cache.TABLE}").fetchall() == [(1,)]
        assert cache.store(conn, []) == 0


def test_many_hashes(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "jobs.duckdb")) as conn:
        cache.store(conn, [_entry(f"h{i}") for i in range(5000)])
        found = cache.lookup(conn, [f"h{i}" for i in range(0, 10000, 2)], "m1", "v1")
        assert len(found) == 2500
