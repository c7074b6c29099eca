"""The daemon keeps the store fresh on its own: a schedule tick scrapes, automation carries the update
through enrichment to the jobs table, and the next tick with no changes makes no LLM calls.

No waiting for a wall-clock tick to come round. The scheduler evaluates the last due tick of a running
schedule on its first pass (its log says "not trying to catch up" when several are due), so each daemon
below starts with one tick due: the schedule's cron names the minute that has just begun (once a day, so no
other tick falls during the test) and its state is stored as started before it, as the scheduler records a
started schedule. The second tick is a second daemon started the same way after the first chain has run to
the end and the first daemon has stopped, so nothing of the first tick can be mistaken for the second.
The sensors evaluate every few seconds (`JOB_ASSETS_SENSOR_INTERVAL_S`) and one scrape run takes both
companies (`JOB_ASSETS_SCRAPE_BATCH`), so each chain is four runs of the real daemon: scrape, enrich (the
GPU sensor), jobs (the jobs sensor, once the enrichment wave is over) and matches (the automation sensor), in
order. The logic of the schedule, the sensors and the automation conditions is tested in-process
(`test_sensors.py`, `test_gpu_feed.py`, `test_jobs_wave.py`, `test_automation_conditions.py`); this is the one
test that runs it all under a real daemon.
"""

import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster._core.remote_origin import RemoteInstigatorOrigin, RemoteRepositoryOrigin
from dagster._core.scheduler.instigation import (
    InstigatorState,
    InstigatorStatus,
    InstigatorType,
    ScheduleInstigatorData,
)
from dagster._core.workspace.load_target import WorkspaceFileTarget

from job_assets.automation.sensors import ACTIVE
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
WORKSPACE = PROJECT_ROOT / "workspace.yaml"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


def latest(instance: dg.DagsterInstance, key: dg.AssetKey, partition: str | None = None) -> float:
    """When `key` (one partition of it) was last materialised; 0 if never."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key, asset_partitions=[partition] if partition else None), limit=1
    ).records
    return records[0].timestamp if records else 0.0


def chain_done_after(instance: dg.DagsterInstance, since: float) -> bool:
    """Every company went raw -> parsed -> enriched after `since`, then jobs and the saved searches' matches
    after all of them, and no run is left queued or going."""
    stamps = [latest(instance, key, company) for company in COMPANIES for key in KEYS]
    if min(stamps) <= since:
        return False
    ordered = all(
        latest(instance, KEYS[0], c) <= latest(instance, KEYS[1], c) <= latest(instance, KEYS[2], c)
        for c in COMPANIES
    )
    jobs = latest(instance, dg.AssetKey("jobs"))
    matches = latest(instance, dg.AssetKey("job_matches_by_search"))
    return (
        ordered
        and max(stamps) < jobs <= matches
        and instance.get_runs_count(dg.RunsFilter(statuses=ACTIVE)) == 0
    )


def schedule_origin() -> RemoteInstigatorOrigin:
    """`daily_scrape` as the daemon names it, from the workspace file (no code server started)."""
    (location,) = WorkspaceFileTarget([str(WORKSPACE)]).create_origins()
    return RemoteRepositoryOrigin(location, "__repository__").get_instigator_origin("daily_scrape")


def schedule_due_now(instance: dg.DagsterInstance, after: float) -> dict[str, str]:
    """Make one tick of `daily_scrape` due on the daemon's first pass: store the schedule as started at
    `after` (as the scheduler records a started schedule, with no iteration since) and return the settings
    whose cron names the minute now begun, or the first minute boundary after `after` if that is later (the
    daemon's next pass then takes it)."""
    origin = schedule_origin()
    tick = dt.datetime.fromtimestamp(max(time.time(), after + 60), dt.UTC)
    cron = f"{tick.minute} {tick.hour} * * *"
    data = ScheduleInstigatorData(cron, start_timestamp=after)
    state = InstigatorState(origin, InstigatorType.SCHEDULE, InstigatorStatus.RUNNING, data)
    if instance.get_instigator_state(origin.get_id(), origin.get_selector().get_id()):
        instance.update_instigator_state(state)  # drops the iteration time the previous daemon stored
    else:
        instance.add_instigator_state(state)
    return {"JOB_ASSETS_SCHEDULE_CRON": cron, "JOB_ASSETS_SCHEDULE_TIMEZONE": "UTC"}


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
    daemon = [str(Path(sys.executable).parent / "dagster-daemon"), "run", "-w", str(WORKSPACE)]

    with AtsDevServer() as boards, FakeLLMServer() as llm:
        settings = {
            **boards.env(),
            "DAGSTER_HOME": str(home),
            "JOB_ASSETS_DB": str(db),
            "JOB_ASSETS_COMPANIES": str(registry),
            "JOB_ASSETS_SEARCHES": str(tmp_path / "searches.yaml"),  # none saved: the matches step says so
            "JOB_ASSETS_LLM_URL": llm.base_url,
            "JOB_ASSETS_LLM_MODEL": "fake-llm",
            "JOB_ASSETS_SENSOR_INTERVAL_S": "2",
            "JOB_ASSETS_SCRAPE_BATCH": str(len(COMPANIES)),
        }
        for name, value in settings.items():
            monkeypatch.setenv(name, value)

        def tick(after: float, since: float, what: str) -> None:
            """Start a daemon with one tick due and wait until its chain has run to the end."""
            env = {**os.environ, **settings, **schedule_due_now(instance, after)}
            log = tmp_path / f"daemon-{what}.log"
            with process(daemon, log, env, PROJECT_ROOT):
                wait_for(
                    lambda: chain_done_after(instance, since),
                    600,  # a ceiling for a loaded machine, not a wait
                    lambda: f"the {what} tick's chain:\n{tail(log)}",
                    interval=1,
                )

        started = time.time()
        tick(started - 65, 0, "first")
        first_calls = llm.stats.calls
        origin = schedule_origin()
        (first,) = instance.get_ticks(origin.get_id(), origin.get_selector().get_id())
        tick(first.timestamp + 1, time.time(), "second")  # due: a minute boundary after the first tick
        second_calls = llm.stats.calls

    runs = instance.get_runs()
    scheduled = [r for r in runs if r.tags.get("dagster/schedule_name") == "daily_scrape"]
    assert len(scheduled) == 2, [(r.job_name, r.tags) for r in runs]  # one batched run per tick
    assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs), [(r.job_name, r.status) for r in runs]
    enrich_runs = [r for r in runs if r.job_name == "enrich_companies"]  # the GPU sensor's
    assert len(enrich_runs) == 2 and all(r.tags.get("job_assets/gpu") == "vllm" for r in enrich_runs)
    assert first_calls > 0
    assert second_calls == first_calls, "an unchanged scrape was sent to the LLM again"
    with connect(db, read_only=True) as conn:
        jobs = read_table(conn, "jobs")
    assert set(jobs.get_column("company")) == set(COMPANIES)
    instance.dispose()
