"""The loopback OpenAI-compatible server speaks the protocol the real servers do."""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import jsonschema
import openai
import pytest

from job_assets.enrichment.prompt import PostingText, build_prompt
from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA
from job_assets_sandbox.llm_server import FakeLLMServer, conform

POSTING = PostingText(
    title="Senior Data Engineer",
    company_name="Acme",
    locations=("Remote - US",),
    department=None,
    description="You will run Spark and Airflow pipelines. The salary range is $150,000 - $180,000 per year.",
)


def chat_body(model: str) -> dict[str, Any]:
    return {
        "model": model,
        "messages": build_prompt(POSTING, context_tokens=4096, answer_tokens=512).messages,
        "temperature": 0,
        "max_tokens": 512,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "x", "schema": EXTRACTION_JSON_SCHEMA},
        },
    }


def chat(server: FakeLLMServer, **overrides: Any) -> httpx.Response:
    body = chat_body(server.model) | overrides
    return httpx.post(f"{server.base_url}/chat/completions", json=body, timeout=10)


def test_models_through_the_openai_client() -> None:
    with FakeLLMServer(model="qwen-fake") as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="EMPTY", max_retries=0)
        assert [m.id for m in client.models.list().data] == ["qwen-fake"]
        client.close()


def test_answer_is_derived_from_the_posting_and_validates() -> None:
    with FakeLLMServer() as server:
        response = chat(server)
        assert response.status_code == 200
        data = response.json()
        choice = data["choices"][0]
        assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
        answer = httpx.Response(200, content=choice["message"]["content"]).json()
        jsonschema.validate(answer, EXTRACTION_JSON_SCHEMA)
        assert (answer["salary_min"], answer["remote"], answer["seniority"]) == (150000, "remote", "senior")
        usage = data["usage"]
        assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
        assert usage["prompt_tokens"] > 500 and usage["completion_tokens"] > 10
        assert server.stats.prompt_tokens == usage["prompt_tokens"]


def test_any_requested_schema_is_honoured() -> None:
    schema = {
        "type": "object",
        "properties": {
            "title": {"type": "string", "maxLength": 5},
            "count": {"type": "integer", "minimum": 3},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 1},
            "kind": {"enum": ["a", "b"]},
            "ok": {"type": "boolean"},
        },
        "required": ["title", "count", "tags", "kind", "ok"],
        "additionalProperties": False,
    }
    with FakeLLMServer(answer=lambda _: {"title": "a long title", "tags": ["x", "y"], "extra": 1}) as server:
        response = chat(server, response_format={"type": "json_object", "schema": schema})
        answer = httpx.Response(200, content=response.json()["choices"][0]["message"]["content"]).json()
    jsonschema.validate(answer, schema)
    assert answer == {"title": "a lon", "count": 3, "tags": ["x"], "kind": "a", "ok": False}


def test_conform() -> None:
    assert conform({"type": ["number", "null"]}, "12") is None
    assert conform({"type": "number"}, None) == 0
    assert conform({"type": ["integer", "null"], "maximum": 50}, 70.0) == 50
    assert conform({"type": ["string", "null"], "enum": ["x", None]}, "y") is None
    nullable_enum = {"anyOf": [{"type": "string", "enum": ["x", "y"]}, {"type": "null"}]}
    assert [conform(nullable_enum, v) for v in ("y", "z", None, 3)] == ["y", None, None, None]
    assert conform({"anyOf": [{"type": "integer"}, {"type": "string"}]}, "s") == "s"
    assert conform({"type": "boolean"}, True) is True
    assert conform(None, {"anything": 1}) == {"anything": 1}


def test_max_tokens_truncates_with_finish_reason_length() -> None:
    with FakeLLMServer() as server:
        data = chat(server, max_tokens=10).json()
    assert data["choices"][0]["finish_reason"] == "length"
    assert data["usage"]["completion_tokens"] <= 10


@pytest.mark.parametrize(
    "content", [b"{not json", b'{"model": "fake-llm"}', b'{"model": "fake-llm", "messages": []}']
)
def test_malformed_requests_get_400(content: bytes) -> None:
    with FakeLLMServer() as server:
        response = httpx.post(f"{server.base_url}/chat/completions", content=content, timeout=10)
    assert response.status_code == 400 and "invalid request" in response.json()["error"]["message"]


def test_a_llama_cpp_like_server_rejects_json_schema_with_500() -> None:
    with FakeLLMServer(formats=("json_object",)) as server:
        response = chat(server)
        assert response.status_code == 500
        assert (
            "response_format.type: Input should be 'text' or 'json_object'"
            in response.json()["error"]["message"]
        )


def test_injected_faults_apply_to_the_next_requests() -> None:
    with FakeLLMServer() as server:
        server.fail_next(1, status=429, retry_after=2)
        server.invalid_next(1)
        server.truncate_next(1)
        first, second, third, fourth = (chat(server) for _ in range(4))
        assert first.status_code == 429 and first.headers["retry-after"] == "2"
        with pytest.raises(ValueError):
            httpx.Response(200, content=second.json()["choices"][0]["message"]["content"]).json()
        assert third.json()["choices"][0]["finish_reason"] == "length"
        assert fourth.json()["choices"][0]["finish_reason"] == "stop"
        assert (
            server.chat_requests() == 4 and server.chat_requests(429) == 1 and server.stats.completions == 3
        )


def test_requests_beyond_the_cap_wait() -> None:
    with FakeLLMServer(latency_s=0.2, concurrency=2) as server:
        started = time.perf_counter()
        with ThreadPoolExecutor(6) as pool:
            statuses = [r.status_code for r in pool.map(lambda _: chat(server), range(6))]
        elapsed = time.perf_counter() - started
        assert statuses == [200] * 6
        assert (
            server.stats.max_active == 2 and server.peak_in_flight > 2
        )  # they arrived together, then queued
        assert elapsed >= 0.6  # three waves of two: the cap is real


def test_stop_is_prompt_while_an_answer_is_pending() -> None:
    server = FakeLLMServer(latency_s=30).start()

    def call() -> None:
        with contextlib.suppress(httpx.HTTPError):  # the server goes away mid-answer: expected
            chat(server)

    thread = threading.Thread(target=call)
    thread.start()
    assert server.wait_for(1, FakeLLMServer.CHAT_PATH, timeout=5)
    started = time.perf_counter()
    server.stop()
    thread.join(timeout=10)
    assert time.perf_counter() - started < 5 and not thread.is_alive()


def test_stats_count_keep_alive_connections_and_the_servers_cpu() -> None:
    """A benchmark in another process reads these: one pooled connection for many requests, and the CPU spent."""
    body = chat_body("fake-llm")
    with FakeLLMServer() as server, httpx.Client(timeout=10) as client:
        stats_url = server.base_url.removesuffix("/v1") + "/stats"
        before = client.get(stats_url).json()
        for _ in range(3):
            assert client.post(f"{server.base_url}/chat/completions", json=body).status_code == 200
        after = client.get(stats_url).json()
    assert after["completions"] - before["completions"] == 3
    assert after["connections"] == 1  # keep-alive: the pooled client never opened a second one
    assert after["cpu_s"] > 0
