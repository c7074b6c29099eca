"""The daemon keeps the store fresh on its own: a schedule tick scrapes, automation carries the update
through enrichment to the jobs table, and the next tick with no changes makes no LLM calls.

No waiting for a wall-clock tick to come round: the schedule runs every two minutes and its state is stored
as started 125 s ago, so the daemon's scheduler finds a due tick on its first pass (as after a restart: its
log says "not trying to catch up" and evaluates the last due tick), and the next one falls while the first
chain is still running. The logic of the schedule, the sensors and the
automation conditions is tested in-process (`test_sensors.py`, `test_automation_conditions.py`); this is the
one test that runs it all under a real daemon.
"""

import os
import shutil
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster._core.scheduler.instigation import (
    InstigatorState,
    InstigatorStatus,
    InstigatorType,
    ScheduleInstigatorData,
)
from dagster._core.workspace.context import WorkspaceProcessContext
from dagster._core.workspace.load_target import WorkspaceFileTarget

from job_assets.cli.instance import set_pool_limits
from job_assets.config import PROJECT_ROOT
from job_assets.registry import companies_by_slug, load_registry
from job_assets.store.db import connect, read_table
from job_assets_sandbox.llm_server import FakeLLMServer
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.servers import process, tail, wait_for

COMPANIES = ["fernhill-games", "lumen-grid"]  # a Lever and an Ashby board of the sample catalogue
KEYS = [dg.AssetKey(k) for k in ("raw_postings", "parsed_postings", "enriched_postings")]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


def latest(instance: dg.DagsterInstance, key: dg.AssetKey, partition: str | None = None) -> float:
    """When `key` (one partition of it) was last materialised; 0 if never."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key, asset_partitions=[partition] if partition else None), limit=1
    ).records
    return records[0].timestamp if records else 0.0


def chain_done_after(instance: dg.DagsterInstance, since: float) -> bool:
    """Every company went raw -> parsed -> enriched after `since`, then jobs after all of them."""
    stamps = [latest(instance, key, company) for company in COMPANIES for key in KEYS]
    if min(stamps) <= since:
        return False
    ordered = all(
        latest(instance, KEYS[0], c) <= latest(instance, KEYS[1], c) <= latest(instance, KEYS[2], c)
        for c in COMPANIES
    )
    return ordered and latest(instance, dg.AssetKey("jobs")) > max(stamps)


def start_schedule_in_the_past(instance: dg.DagsterInstance, seconds_ago: float) -> None:
    """Store `daily_scrape` as started `seconds_ago`, as the scheduler itself records a started schedule."""
    target = WorkspaceFileTarget([str(PROJECT_ROOT / "workspace.yaml")])
    with WorkspaceProcessContext(instance, target) as workspace:
        location = workspace.create_request_context().get_code_location("job_assets")
        (repository,) = location.get_repositories().values()
        schedule = repository.get_schedule("daily_scrape")
        data = ScheduleInstigatorData(schedule.cron_schedule, start_timestamp=time.time() - seconds_ago)
        state = InstigatorState(
            schedule.get_remote_origin(), InstigatorType.SCHEDULE, InstigatorStatus.RUNNING, data
        )
        instance.add_instigator_state(state)


def test_schedule_tick_flows_to_jobs_and_an_unchanged_tick_makes_no_llm_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / "deploy" / "dagster.local.yaml", home / "dagster.yaml")
    registry = tmp_path / "companies.yaml"
    sample = companies_by_slug(load_registry(sample_registry_path()))
    registry.write_text(yaml.safe_dump({"companies": [sample[c].model_dump() for c in COMPANIES]}))
    db = tmp_path / "jobs.duckdb"
    instance = dg.DagsterInstance.from_config(str(home))
    instance.add_dynamic_partitions("company", list(COMPANIES))  # so the registry sensor has nothing to add
    set_pool_limits(instance)

    with AtsDevServer() as boards, FakeLLMServer() as llm:
        settings = {
            **boards.env(),
            "DAGSTER_HOME": str(home),
            "JOB_ASSETS_DB": str(db),
            "JOB_ASSETS_COMPANIES": str(registry),
            "JOB_ASSETS_LLM_URL": llm.base_url,
            "JOB_ASSETS_LLM_MODEL": "fake-llm",
            "JOB_ASSETS_SCHEDULE_CRON": "*/2 * * * *",  # a tick every two minutes instead of every day
        }
        for name, value in settings.items():  # the code server the workspace starts reads them too
            monkeypatch.setenv(name, value)
        env = {**os.environ, **settings}
        start_schedule_in_the_past(instance, 125)  # so a tick is due when the daemon starts
        daemon = [
            str(Path(sys.executable).parent / "dagster-daemon"),
            "run",
            "-w",
            str(PROJECT_ROOT / "workspace.yaml"),
        ]
        log = tmp_path / "daemon.log"
        with process(daemon, log, env, PROJECT_ROOT):
            wait_for(
                lambda: chain_done_after(instance, 0),
                600,
                f"the first tick's chain:\n{tail(log)}",
                interval=1,
            )
            first_calls = llm.stats.calls
            first_done = max(latest(instance, dg.AssetKey("jobs")), 0)
            wait_for(
                lambda: chain_done_after(instance, first_done),
                600,
                f"the second tick:\n{tail(log)}",
                interval=1,
            )
            second_calls = llm.stats.calls
            runs = (
                instance.get_runs()
            )  # before the daemon stops: a tick's run still in flight then is interrupted
    scheduled = [r for r in runs if r.tags.get("dagster/schedule_name") == "daily_scrape"]
    assert len(scheduled) >= 2 * len(COMPANIES)
    assert not [r for r in runs if r.status == dg.DagsterRunStatus.FAILURE], [
        (r.job_name, r.status) for r in runs
    ]
    enrich_runs = [  # the GPU sensor launches the enrich job; a hand launch may select the asset instead
        r
        for r in runs
        if r.job_name == "enrich_companies"
        or dg.AssetKey("enriched_postings") in (r.asset_selection or set())
    ]
    assert enrich_runs and all(r.tags.get("job_assets/gpu") == "vllm" for r in enrich_runs)
    assert first_calls > 0
    assert second_calls == first_calls, "an unchanged scrape was sent to the LLM again"
    with connect(db, read_only=True) as conn:
        jobs = read_table(conn, "jobs")
    assert set(jobs.get_column("company")) == set(COMPANIES)
    instance.dispose()
