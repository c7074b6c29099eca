"""The LLM answer cache on every store backend: DuckLake has no primary keys, so a replaced answer
must still leave one row per (content hash, model, prompt version)."""

from __future__ import annotations

from job_assets.enrichment.enrich import CacheEntry
from job_assets.store import enrichment_cache as cache
from job_assets_tests.store.conftest import Store


def test_store_replaces_and_looks_up_on_every_backend(store: Store) -> None:
    with store.connect() as conn:
        cache.store(
            conn, [CacheEntry("a", "m1", "v1", {"remote": "onsite"}), CacheEntry("b", "m1", "v1", {})]
        )
        cache.store(
            conn, [CacheEntry("a", "m1", "v1", {"remote": "remote"})]
        )  # a new answer replaces the old
    with store.connect(read_only=True) as conn:
        assert cache.lookup(conn, ["a", "b", "c"], "m1", "v1") == {"a": {"remote": "remote"}, "b": {}}
        rows = conn.sql(
            "select content_hash, count(*) from enrichment_cache group by 1 order by 1"
        ).fetchall()
    assert rows == [("a", 1), ("b", 1)]
