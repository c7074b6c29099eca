"""The `job-assets` command as a user runs it: a subprocess, a fresh DuckDB file and Dagster home."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import yaml

from job_assets.store.db import connect
from job_assets.store.summary import counts_per_company
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.conftest import DemoRun

pytestmark = pytest.mark.slow


def job_assets(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "job-assets"), *args]
    return subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout)


def test_demo_fills_every_table_and_records_runs_in_the_instance(demo_run: DemoRun) -> None:
    result = demo_run.result
    assert result.returncode == 0, result.stderr[-3000:]
    assert "11 companies ok, 0 failed" in result.stderr  # 10 on the ATS boards, 1 careers site only

    with connect(demo_run.db, read_only=True) as conn:
        counts = counts_per_company(conn)
    assert len(counts) == 11
    assert sum(c["raw"] for c in counts.values()) >= 150
    assert all(c["raw"] == c["parsed"] == c["enriched"] > 0 and c["jobs"] > 0 for c in counts.values())

    with dg.DagsterInstance.from_config(str(demo_run.home)) as instance:
        runs = instance.get_runs()
        assert {r.job_name for r in runs} == {"refresh_companies", "build_jobs_table", "match_searches"}
        assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
        assert len(instance.get_dynamic_partitions("company")) == 11
    with connect(demo_run.db, read_only=True) as conn:
        sources = dict(conn.execute("select source, count(*) from raw_postings group by 1").fetchall())
        mirrored = conn.execute("select count(*) from jobs where len(sources) > 1").fetchall()[0][0]
    assert set(sources) == {"greenhouse", "lever", "ashby", "careers_page", "jobspy"}  # every source type
    assert mirrored > 0  # cross-source duplicates merged into one job


def test_run_lists_failed_companies_and_exits_non_zero(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    registry.write_text(yaml.safe_dump({"companies": [
        {"slug": "fernhill-games", "name": "Fernhill Games", "sources": [{"type": "lever", "site": "fernhill"}]},
        {"slug": "gone-co", "name": "Gone Co", "sources": [{"type": "greenhouse", "board": "no-such-board"}]},
    ]}))  # fmt: skip
    with AtsDevServer() as server:
        env = {
            **server.env(),
            "JOB_ASSETS_COMPANIES": str(registry),
            "JOB_ASSETS_DB": str(tmp_path / "jobs.duckdb"),
            "DAGSTER_HOME": str(tmp_path / "home"),
            "JOB_ASSETS_HTTP_RETRIES": "0",
        }
        result = job_assets("run", env=env)
    assert result.returncode == 1
    assert "FAILED gone-co" in result.stderr and "HTTP 404" in result.stderr
    assert "1 companies ok, 1 failed" in result.stderr


def test_bad_registry_is_a_clear_error(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    registry.write_text(
        yaml.safe_dump({"companies": [{"slug": "x", "name": "X", "sources": [{"type": "workday"}]}]})
    )
    result = job_assets(
        "run", env={"JOB_ASSETS_COMPANIES": str(registry), "DAGSTER_HOME": str(tmp_path / "h")}
    )
    assert result.returncode == 2
    assert f"{registry}: company x: field sources.0: unknown source type 'workday'" in result.stderr
