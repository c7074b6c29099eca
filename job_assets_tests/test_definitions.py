"""The one Definitions object loads, and its shape is what the docs and the UI promise."""

import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from job_assets.automation.gpu import GPU_POOL, GPU_TAGS
from job_assets.definitions import build_definitions
from job_assets.settings import PROJECT_ROOT


@pytest.fixture(autouse=True)
def _live_instance():
    """Building a repository reads Dagster's process-global defs-state storage, which an earlier test's
    disposed instance may have left dangling; give it a live one."""
    with dg.instance_for_test():
        yield


def test_definitions_snapshot() -> None:
    defs = build_definitions()
    repo = defs.get_repository_def()
    assert sorted(k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()) == [
        "enriched_postings",
        "job_matches_by_search",
        "jobs",
        "parsed_postings",
        "raw_postings",
    ]
    assert sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith("__")) == [
        "build_jobs_table",
        "enrich_companies",
        "match_searches",
        "refresh_companies",
        "scrape_companies",
    ]
    assert [s.name for s in repo.schedule_defs] == ["daily_scrape"]
    assert sorted(s.name for s in repo.sensor_defs) == [
        "automation_cpu",
        "automation_gpu",
        "company_registry_sensor",
    ]
    assert sorted(defs.resources) == ["http", "llm", "registry", "searches", "store"]


def test_gpu_pool_and_tags() -> None:
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    enriched = graph.get(dg.AssetKey("enriched_postings"))
    assert enriched.pools == {GPU_POOL}
    repo = defs.get_repository_def()
    assert repo.get_job("enrich_companies").tags.items() >= GPU_TAGS.items()
    assert repo.get_job("scrape_companies").tags.get("job_assets/gpu") is None


def test_everything_that_must_run_is_on_by_default() -> None:
    defs = build_definitions()
    repo = defs.get_repository_def()
    for definition in [*repo.schedule_defs, *repo.sensor_defs]:
        assert definition.default_status.value == "RUNNING", definition.name


def test_dagster_cli_validates_the_workspace() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_setting_is_documented_in_the_readme() -> None:
    from job_assets.settings import ALL_SETTINGS

    readme = (PROJECT_ROOT / "README.md").read_text()
    missing = [s.env for s in ALL_SETTINGS if f"`{s.env}`" not in readme]
    assert missing == []


@pytest.mark.slow
def test_dg_check_defs() -> None:
    dg_cli = Path(sys.executable).parent / "dg"
    result = subprocess.run(
        [str(dg_cli), "check", "defs"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All definitions loaded successfully" in result.stdout + result.stderr
