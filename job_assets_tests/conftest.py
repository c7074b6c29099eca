"""Shared fixtures: the sample boards over loopback, a DuckDB file and resources pointing at them."""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from job_assets.resources import HttpResource, LLMResource, RegistryResource, StoreResource
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer


@pytest.fixture
def ats_server() -> Iterator[AtsDevServer]:
    with AtsDevServer() as server:
        yield server


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "jobs.duckdb"


@pytest.fixture
def pipeline_resources(ats_server: AtsDevServer, db_path: Path) -> dict[str, dg.ConfigurableResource]:
    """Resources for the offline pipeline: sample boards, a fresh DuckDB file, the rules extractor."""
    return {
        "store": StoreResource(database=str(db_path), lock_wait_s=10),
        "registry": RegistryResource(path=str(sample_registry_path())),
        "http": HttpResource(
            greenhouse_api_url=ats_server.greenhouse_url,
            lever_api_url=ats_server.lever_url,
            ashby_api_url=ats_server.ashby_url,
            timeout_s=2,
            retries=1,
            backoff_ms=10,
        ),
        "llm": LLMResource(),
    }
