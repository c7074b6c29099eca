"""Shared fixtures: the sample boards over loopback, a DuckDB file and resources pointing at them, and the
demo's store (made once per session)."""

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from job_assets.config import PROJECT_ROOT
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


@dataclass(frozen=True)
class DemoRun:
    db: Path
    home: Path
    user_dir: Path  # where the user's own store and instance were set: the demo must never create it
    result: subprocess.CompletedProcess[str]

    @property
    def dir(self) -> Path:
        """JOB_ASSETS_DEMO_DIR of the run: the store, the instance and the registry it wrote."""
        return self.db.parent


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """`job-assets demo` exactly as a user runs it (the installed command, a fresh store and Dagster home),
    once per session: every test that needs the demo's store shares it. Copy the store before writing to it."""
    workdir = tmp_path_factory.mktemp("demo")
    user = workdir / "mine"
    env = {
        **os.environ,
        "JOB_ASSETS_DB": str(user / "jobs.duckdb"),
        "DAGSTER_HOME": str(user / "home"),
        "JOB_ASSETS_DEMO_DIR": str(workdir),
    }
    env.pop("JOB_ASSETS_COMPANIES", None)
    command = [str(Path(sys.executable).parent / "job-assets"), "demo"]
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900)
    return DemoRun(workdir / "jobs.duckdb", workdir / "dagster_home", user, result)
