"""The lean benchmark stand-in speaks the same protocol as the test server, in its own process, as used."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import jsonschema
import openai
import pytest

from job_assets.enrichment.llm import LLMExtractor, Outcome
from job_assets.enrichment.prompt import PostingText, build_prompt
from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA, ExtractedFields
from job_assets_tests.defaults import llm_config

POSTING = PostingText(
    title="Senior Data Engineer",
    company_name="Acme",
    locations=("Remote - US",),
    department=None,
    description="You will run Spark and Airflow pipelines. The salary range is $150,000 - $180,000 per year.",
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`python -m job_assets_sandbox.llm_server_async` with 0.2 s per answer and 2 answers at once."""
    command = [sys.executable, "-m", "job_assets_sandbox.llm_server_async", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--latency", "0.2", "--concurrency", "2", "--model", "qwen-fake"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert "http://127.0.0.1:" in line, line
        yield line.split()[4]
    finally:
        process.terminate()
        process.wait(timeout=10)


def stats(url: str) -> dict[str, int]:
    return httpx.get(url.removesuffix("/v1") + "/stats", timeout=5).json()


def test_the_openai_client_gets_a_schema_valid_answer_from_the_posting(server: str) -> None:
    client = openai.OpenAI(base_url=server, api_key="EMPTY", max_retries=0)
    assert [m.id for m in client.models.list().data] == ["qwen-fake"]
    answer = client.chat.completions.create(
        model="qwen-fake",
        messages=build_prompt(POSTING, context_tokens=4096, answer_tokens=512).messages,  # type: ignore[arg-type]
        temperature=0,
        max_tokens=512,
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "x", "schema": EXTRACTION_JSON_SCHEMA},
        },
    )
    client.close()
    assert answer.choices[0].finish_reason == "stop"
    fields = ExtractedFields.model_validate_json(answer.choices[0].message.content or "")
    jsonschema.validate(fields.model_dump(mode="json"), EXTRACTION_JSON_SCHEMA)
    assert (fields.salary_min, fields.remote, fields.seniority) == (150000, "remote", "senior")
    usage = answer.usage
    assert usage is not None and usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [
        (b"{not json", 400, "invalid request"),
        (b'{"model": "m", "messages": []}', 400, "invalid request"),
        (
            b'{"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"type": "x"}}',
            500,
            "response_format.type",
        ),
    ],
)
def test_bad_requests_get_openai_errors(server: str, content: bytes, status: int, words: str) -> None:
    response = httpx.post(f"{server}/chat/completions", content=content, timeout=10)
    assert response.status_code == status and words in response.json()["error"]["message"]


def test_requests_beyond_the_cap_queue_and_the_client_reaches_all(server: str) -> None:
    """Six postings through the project's client at concurrency 6 against a cap of 2: three waves of 0.2 s."""
    before = stats(server)
    config = llm_config(url=server, model="qwen-fake", concurrency=6, timeout_s=10)
    texts = {str(i): POSTING for i in range(6)}

    async def run() -> dict[str, Outcome]:
        async with LLMExtractor(config) as llm:
            return await llm.extract_many(texts)

    started = time.perf_counter()
    outcomes = asyncio.run(run())
    elapsed = time.perf_counter() - started
    after = stats(server)
    assert all(o.fields is not None for o in outcomes.values())
    assert after["completions"] - before["completions"] == 6
    assert after["max_active"] == 2 and after["peak_in_flight"] > 2  # they arrived together, then queued
    assert elapsed >= 0.6  # three waves of two: the cap is real
    assert after["cpu_s"] > 0
