"""The run the asset does, end to end: short connection, LLM with no connection, short connection.

A re-run with no changed postings makes zero LLM calls; a changed posting, model or prompt version re-enriches.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import duckdb
import polars as pl
import pytest

from job_assets.enrichment import enrich
from job_assets.enrichment.enrich import EnrichResult, enrich_postings
from job_assets.enrichment.llm import LLMConfig
from job_assets.enrichment.schema import PROMPT_VERSION
from job_assets.store import enrichment_cache as cache
from job_assets_sandbox.llm_server import FakeLLMServer

from .conftest import fast_config, parsed_frame, parsed_row


def enrich_with_cache(db: Path, parsed: pl.DataFrame, config: LLMConfig) -> EnrichResult:
    with duckdb.connect(str(db)) as conn:  # (1) short: what is cached already
        cached = cache.lookup(conn, parsed["content_hash"].to_list(), config.model, enrich.PROMPT_VERSION)
    result = asyncio.run(enrich_postings(parsed, cached, config))  # (2) no connection held
    with duckdb.connect(str(db)) as conn:  # (3) short: remember the new answers
        cache.store(conn, result.new_cache_entries)
    return result


def test_rerun_without_changes_makes_no_llm_calls(tmp_path: Path, llm_server: FakeLLMServer) -> None:
    db, parsed, config = tmp_path / "jobs.duckdb", parsed_frame(6), fast_config(llm_server)
    first = enrich_with_cache(db, parsed, config)
    assert llm_server.chat_requests() == 6 and first.stats.cache_hits == 0

    second = enrich_with_cache(db, parsed, config)
    assert llm_server.chat_requests() == 6  # not one more request
    assert (second.stats.llm_calls, second.stats.cache_hits, second.stats.cache_hit_rate) == (0, 6, 1.0)
    assert second.new_cache_entries == []
    assert set(second.frame["enrich_backend"]) == {"llm"}
    assert second.frame.drop("enriched_at").equals(first.frame.drop("enriched_at"))


def test_only_changed_postings_are_asked_again(tmp_path: Path, llm_server: FakeLLMServer) -> None:
    db, config = tmp_path / "jobs.duckdb", fast_config(llm_server)
    enrich_with_cache(db, parsed_frame(5), config)
    changed = pl.concat(
        [
            parsed_frame(5).filter(pl.col("posting_key") != "greenhouse:2"),
            pl.DataFrame(
                [parsed_row(2, description_text="Now a new description. Salary $90k.")],
                schema=parsed_frame(0).schema,
            ),
        ]
    )
    result = enrich_with_cache(db, changed, config)
    assert (result.stats.llm_postings, result.stats.cache_hits) == (1, 4)
    assert llm_server.chat_requests() == 6


def test_a_new_model_re_enriches(tmp_path: Path, llm_server: FakeLLMServer) -> None:
    db, parsed = tmp_path / "jobs.duckdb", parsed_frame(4)
    enrich_with_cache(db, parsed, fast_config(llm_server))
    result = enrich_with_cache(db, parsed, fast_config(llm_server, model="another-model"))
    assert (result.stats.llm_postings, result.stats.cache_hits) == (4, 0)
    assert set(result.frame["enrich_model"]) == {"another-model"}


def test_a_new_prompt_version_re_enriches(
    tmp_path: Path, llm_server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, parsed, config = tmp_path / "jobs.duckdb", parsed_frame(4), fast_config(llm_server)
    enrich_with_cache(db, parsed, config)
    monkeypatch.setattr(enrich, "PROMPT_VERSION", PROMPT_VERSION + "-next")
    result = enrich_with_cache(db, parsed, config)
    assert (result.stats.llm_postings, result.stats.cache_hits) == (4, 0)
    assert set(result.frame["prompt_version"]) == {PROMPT_VERSION + "-next"}
    with duckdb.connect(str(db)) as conn:  # both versions are kept: switching back is free
        assert conn.execute(f"select count(distinct prompt_version) from {cache.TABLE}").fetchall() == [(2,)]


def test_failed_postings_are_not_cached_and_retried_next_run(
    tmp_path: Path, llm_server: FakeLLMServer
) -> None:
    db, parsed, config = tmp_path / "jobs.duckdb", parsed_frame(4), fast_config(llm_server)
    llm_server.invalid_when("Requisition 3.")
    first = enrich_with_cache(db, parsed, config)
    assert first.frame["enrich_status"].to_list() == ["ok", "ok", "ok", "failed"]

    llm_server.clear_faults()  # the server recovers
    llm_server.reset_stats()
    second = enrich_with_cache(db, parsed, config)
    assert llm_server.chat_requests() == 1 and second.stats.cache_hits == 3
    assert second.frame["enrich_status"].to_list() == ["ok"] * 4


def test_a_cached_answer_that_no_longer_validates_is_asked_again(llm_server: FakeLLMServer) -> None:
    parsed = parsed_frame(2)
    stale = {parsed["content_hash"][0]: {"remote": "somewhere else"}}
    result = asyncio.run(enrich_postings(parsed, stale, fast_config(llm_server)))
    assert (result.stats.cache_hits, result.stats.llm_postings) == (0, 2)
