"""enrich_postings over real HTTP against the loopback OpenAI-compatible server: success, faults, retries."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import polars as pl
import pytest

from job_assets.config import LLMSettings
from job_assets.enrichment.enrich import EnrichResult, enrich_postings
from job_assets.enrichment.llm import LLMConfig
from job_assets.enrichment.prompt import SYSTEM_PROMPT, TRUNCATION_MARK
from job_assets.enrichment.rules import RULES_VERSION
from job_assets.enrichment.schema import ENRICHED_SCHEMA, PROMPT_VERSION, SCHEMA_NAME
from job_assets_sandbox.llm_server import FakeLLMServer
from job_assets_tests.defaults import llm_config

from .conftest import fast_config, parsed_frame, parsed_row


def run(parsed: pl.DataFrame, config: LLMConfig | None, cached: dict[str, Any] | None = None) -> EnrichResult:
    return asyncio.run(enrich_postings(parsed, cached or {}, config))


def test_success_path(llm_server: FakeLLMServer) -> None:
    parsed = parsed_frame(8)
    result = run(parsed, fast_config(llm_server))
    frame = result.frame
    assert frame.schema == pl.Schema(ENRICHED_SCHEMA)
    assert frame["posting_key"].to_list() == parsed["posting_key"].to_list()
    assert set(frame["enrich_status"]) == {"ok"} and set(frame["enrich_backend"]) == {"llm"}
    assert set(frame["enrich_model"]) == {"fake-llm"} and set(frame["prompt_version"]) == {PROMPT_VERSION}
    first = frame.row(0, named=True)
    assert (first["salary_min"], first["salary_max"], first["salary_source"]) == (
        150000,
        180000,
        "text_rules",
    )
    assert first["remote"] == "remote" and first["seniority"] == "senior" and "Python" in first["skills"]
    second = frame.row(1, named=True)
    assert (second["salary_currency"], second["remote"], second["seniority"]) == ("GBP", "hybrid", "mid")
    hourly = frame.row(2, named=True)
    assert (hourly["salary_period"], hourly["salary_annual_min"]) == ("hour", 45 * 2080)

    stats = result.stats
    assert (stats.rows, stats.llm_postings, stats.llm_calls, stats.retries, stats.cache_hits) == (
        8,
        8,
        8,
        0,
        0,
    )
    assert stats.prompt_tokens == llm_server.stats.prompt_tokens > 0
    assert stats.completion_tokens == llm_server.stats.completion_tokens > 0
    assert len(stats.latencies_s) == 8 and stats.latency["p50"] is not None
    assert sorted(e.content_hash for e in result.new_cache_entries) == sorted(parsed["content_hash"])
    meta = stats.as_metadata()
    assert meta["cache_hit_rate"] == 0.0 and meta["failures"] == 0 and meta["backend"] == "llm"

    for body in llm_server.bodies:  # what went over the wire
        assert body["temperature"] == 0 and body["max_tokens"] == 512 and body["model"] == "fake-llm"
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["name"] == SCHEMA_NAME
        assert body["response_format"]["json_schema"]["strict"] is True


def test_prompt_prefix_is_byte_identical_across_postings(llm_server: FakeLLMServer) -> None:
    run(parsed_frame(6), fast_config(llm_server))
    systems = [body["messages"][0] for body in llm_server.bodies]
    assert len(systems) == 6
    assert {(m["role"], m["content"]) for m in systems} == {("system", SYSTEM_PROMPT)}
    assert len({body["messages"][1]["content"] for body in llm_server.bodies}) == 6


def test_postings_that_share_a_prefix_go_out_together(llm_server: FakeLLMServer) -> None:
    """vLLM keeps a prefix's KV blocks while requests sharing it are in flight: the postings of one role (same
    header after the shared system prompt) reach the server one after another, not interleaved as stored."""
    parsed = parsed_frame(12)  # four titles, interleaved 0 1 2 3 0 1 2 3 ...
    run(parsed, fast_config(llm_server, concurrency=1))
    headers = [body["messages"][-1]["content"].split("\nDescription:\n")[0] for body in llm_server.bodies]
    assert len(headers) == 12
    runs = [header for i, header in enumerate(headers) if i == 0 or header != headers[i - 1]]
    assert len(runs) == len(set(runs)) == 4


def test_a_bug_in_the_rules_pass_surfaces_and_leaves_no_request_behind(
    llm_server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules pass shares the event loop with the requests: its error is raised, the requests cancelled."""
    from job_assets.enrichment import enrich

    calls = 0

    def broken(row: dict[str, Any]) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("a rules bug")
        return original(row)

    original = enrich._rules
    monkeypatch.setattr(enrich, "_rules", broken)
    with FakeLLMServer(latency_s=30) as server, pytest.raises(RuntimeError, match="a rules bug"):
        started = time.perf_counter()
        run(parsed_frame(8), fast_config(server, timeout_s=60.0))
    assert time.perf_counter() - started < 10  # not after the 30 s answers: they were cancelled


@pytest.mark.parametrize("status", [429, 503, 500, 502])
def test_transient_errors_are_retried(llm_server: FakeLLMServer, status: int) -> None:
    llm_server.fail_next(3, status=status, retry_after=0 if status == 429 else None)
    result = run(parsed_frame(4), fast_config(llm_server))
    assert set(result.frame["enrich_status"]) == {"ok"}
    assert (result.stats.llm_calls, result.stats.retries) == (7, 3)
    assert llm_server.chat_requests(status) == 3 and llm_server.chat_requests(200) == 4


def test_retries_run_out_into_a_failed_posting(llm_server: FakeLLMServer) -> None:
    llm_server.fail_next(4, status=503)
    result = run(parsed_frame(1), fast_config(llm_server, max_retries=3))
    row = result.frame.row(0, named=True)
    assert (
        row["enrich_status"] == "failed"
        and "HTTP 503" in row["enrich_error"]
        and "4 attempts" in row["enrich_error"]
    )
    assert llm_server.chat_requests() == 4 and result.new_cache_entries == []


@pytest.mark.parametrize("status", [400, 422])
def test_client_errors_are_not_retried(llm_server: FakeLLMServer, status: int) -> None:
    llm_server.fail_next(1, status=status)
    result = run(parsed_frame(1), fast_config(llm_server))
    row = result.frame.row(0, named=True)
    assert row["enrich_status"] == "failed" and row["enrich_error"].startswith(f"HTTP {status}")
    assert llm_server.chat_requests() == 1 and result.stats.retries == 0
    # nothing is lost: the rules' values are there, and nothing is cached so the next run asks again
    assert (row["enrich_backend"], row["prompt_version"], row["salary_source"]) == (
        "rules",
        RULES_VERSION,
        "text_rules",
    )
    assert result.new_cache_entries == []


@pytest.mark.parametrize("kind", ["json", "schema"])
def test_invalid_answer_then_valid_on_retry(llm_server: FakeLLMServer, kind: str) -> None:
    llm_server.invalid_next(1, kind=kind)
    result = run(parsed_frame(1), fast_config(llm_server))
    assert result.frame["enrich_status"].to_list() == ["ok"]
    assert [body["max_tokens"] for body in llm_server.bodies] == [512, 1024]  # the retry gets more room
    assert (result.stats.llm_calls, result.stats.retries) == (2, 1)


def test_a_posting_that_stays_invalid_fails_alone(llm_server: FakeLLMServer) -> None:
    llm_server.invalid_when("Requisition 1.")
    result = run(parsed_frame(4), fast_config(llm_server))
    statuses = dict(zip(result.frame["posting_key"], result.frame["enrich_status"], strict=True))
    assert statuses == {
        "greenhouse:0": "ok",
        "greenhouse:1": "failed",
        "greenhouse:2": "ok",
        "greenhouse:3": "ok",
    }
    error = result.frame.filter(pl.col("enrich_status") == "failed")["enrich_error"].item()
    assert "not valid JSON" in error and "max_tokens=1024" in error
    assert result.stats.failures == {"greenhouse:1": error}
    assert result.stats.as_metadata()["failures_by_kind"] == {"not valid JSON": 1}
    assert len(result.new_cache_entries) == 3 and result.stats.llm_calls == 5


def test_truncated_answer_is_retried_with_more_tokens(llm_server: FakeLLMServer) -> None:
    result = run(parsed_frame(3), fast_config(llm_server, max_tokens=20, retry_max_tokens=1024))
    assert set(result.frame["enrich_status"]) == {"ok"}
    assert sorted(body["max_tokens"] for body in llm_server.bodies) == [20, 20, 20, 1024, 1024, 1024]
    assert result.stats.retries == 3


def test_truncated_again_fails_with_the_reason(llm_server: FakeLLMServer) -> None:
    llm_server.truncate_next(2)
    result = run(parsed_frame(1), fast_config(llm_server))
    error = result.frame["enrich_error"].item()
    assert "truncated" in error and "finish_reason=length" in error
    assert result.stats.failures_by_kind() == {"truncated": 1}


def test_a_timeout_is_retried(llm_server: FakeLLMServer) -> None:
    llm_server.hang_next(1)
    result = run(parsed_frame(1), fast_config(llm_server, timeout_s=0.3))
    assert result.frame["enrich_status"].to_list() == ["ok"]
    assert result.stats.llm_calls == 2 and max(result.stats.latencies_s) >= 0.3


def test_timeouts_that_persist_fail_within_the_time_budget() -> None:
    with FakeLLMServer(latency_s=5.0) as server:
        started = time.perf_counter()
        result = run(parsed_frame(2), fast_config(server, timeout_s=0.2, max_retries=1))
        elapsed = time.perf_counter() - started
    assert result.frame["enrich_status"].to_list() == ["failed", "failed"]
    assert all("timeout after 0.2s" in e for e in result.frame["enrich_error"])
    assert elapsed < 3.0  # 2 attempts x 0.2 s plus backoff, concurrently; never the server's 5 s


def test_dropped_connections_are_retried(llm_server: FakeLLMServer) -> None:
    llm_server.drop_next(2)
    result = run(parsed_frame(2), fast_config(llm_server))
    assert set(result.frame["enrich_status"]) == {"ok"} and result.stats.llm_calls == 4


def test_requests_in_flight_are_bounded_by_the_semaphore() -> None:
    with FakeLLMServer(latency_s=0.05) as server:
        run(parsed_frame(24), fast_config(server, concurrency=4))
        assert server.stats.max_active == 4 and server.peak_in_flight == 4


def test_identical_content_is_asked_once(llm_server: FakeLLMServer) -> None:
    parsed = pl.DataFrame(
        [parsed_row(0, content_hash="same"), parsed_row(1, content_hash="same")],
        schema=parsed_frame(0).schema,
    )
    result = run(parsed, fast_config(llm_server))
    assert llm_server.chat_requests() == 1 and len(result.new_cache_entries) == 1
    assert set(result.frame["enrich_status"]) == {"ok"}


def test_json_object_form_for_llama_cpp() -> None:
    with FakeLLMServer(formats=("json_object",)) as server:
        result = run(parsed_frame(2), fast_config(server, response_format="json_object"))
        assert set(result.frame["enrich_status"]) == {"ok"}
        formats = [body["response_format"] for body in server.bodies]
        assert all(
            f["type"] == "json_object" and f["schema"]["additionalProperties"] is False for f in formats
        )


def test_json_schema_against_llama_cpp_fails_clearly_and_auto_switches() -> None:
    with FakeLLMServer(formats=("json_object",)) as server:
        rejected = run(parsed_frame(1), fast_config(server, max_retries=0))
        assert "HTTP 500" in rejected.frame["enrich_error"].item()
        assert "response_format" in rejected.frame["enrich_error"].item()
        server.reset_stats()
        switched = run(parsed_frame(3), fast_config(server, response_format="auto", concurrency=1))
        assert set(switched.frame["enrich_status"]) == {"ok"}
        assert [body["response_format"]["type"] for body in server.bodies] == ["json_schema"] + [
            "json_object"
        ] * 3


def test_rules_only_without_a_url() -> None:
    for config in (None, llm_config(url=None)):
        result = run(parsed_frame(4), config)
        assert set(result.frame["enrich_backend"]) == {"rules"} and set(result.frame["enrich_status"]) == {
            "ok"
        }
        assert result.frame["enrich_model"].null_count() == 4 and result.new_cache_entries == []
        meta = result.stats.as_metadata()
        assert meta["backend"] == "rules" and meta["rows"] == 4
        # only what applies to rules: no wall of zero LLM fields
        assert not {"llm_calls", "cache_hit_rate", "prompt_tokens", "failures"} & set(meta)


def test_missing_columns_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match="lack columns"):
        run(parsed_frame(1).drop("title"), None)


def test_long_postings_go_to_the_long_context_endpoint() -> None:
    long_text = "We build reliable systems for our customers every day. " * 800  # ~12k tokens
    parsed = pl.DataFrame(
        [parsed_row(0), parsed_row(1, description_text=long_text), parsed_row(2)],
        schema=parsed_frame(0).schema,
    )
    with FakeLLMServer() as short_pool, FakeLLMServer() as long_pool:
        config = fast_config(short_pool, long_url=long_pool.base_url, context_tokens=4096)
        result = run(parsed, config)
        assert (short_pool.chat_requests(), long_pool.chat_requests()) == (2, 1)
        assert long_pool.bodies[0]["messages"][1]["content"].endswith(long_text)  # whole, not truncated
        assert long_pool.bodies[0]["messages"][0]["content"] == SYSTEM_PROMPT
    assert set(result.frame["enrich_status"]) == {"ok"}
    assert (result.stats.long_context, result.stats.truncated_inputs) == (1, 0)

    with FakeLLMServer() as only_pool:
        result = run(parsed, fast_config(only_pool, context_tokens=4096))
        assert only_pool.chat_requests() == 3
        assert any(body["messages"][1]["content"].endswith(TRUNCATION_MARK) for body in only_pool.bodies)
    assert (result.stats.long_context, result.stats.truncated_inputs) == (0, 1)
    assert set(result.frame["enrich_status"]) == {"ok"}


def test_config_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOB_ASSETS_LLM_URL", "http://gpu-box:8000/v1")
    monkeypatch.setenv("JOB_ASSETS_LLM_CONCURRENCY", "256")
    monkeypatch.setenv("JOB_ASSETS_LLM_RESPONSE_FORMAT", "json_object")
    monkeypatch.delenv("JOB_ASSETS_LLM_LONG_URL", raising=False)
    config = LLMSettings.from_env(timeout_s=30).config()
    assert config is not None
    assert (config.url, config.concurrency, config.response_format, config.timeout_s) == (
        "http://gpu-box:8000/v1",
        256,
        "json_object",
        30,
    )
    assert config.model == "Qwen/Qwen3-4B-Instruct-2507" and config.long_url is None and config.enabled
    monkeypatch.delenv("JOB_ASSETS_LLM_URL")
    assert LLMSettings.from_env().config() is None
    with pytest.raises(ValueError, match="leaves"):
        llm_config(url="http://x/v1", context_tokens=2048, retry_max_tokens=1536)
    with pytest.raises(ValueError, match="response_format"):
        llm_config(url="http://x/v1", response_format="guided_json")  # type: ignore[arg-type]
