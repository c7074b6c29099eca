"""The GPU run queue with a real `dagster-daemon`: at most one enrichment run holds the GPU at a time,
the others wait QUEUED, and all of them finish."""

import itertools
import os
import shutil
import sys
from pathlib import Path

import dagster as dg
import pytest

from job_assets.assets.parsed import parsed_postings
from job_assets.assets.raw import raw_postings
from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE
from job_assets.cli.instance import set_pool_limits
from job_assets.config import PROJECT_ROOT
from job_assets.store.db import connect, read_table
from job_assets_sandbox.llm_server import FakeLLMServer
from job_assets_tests.servers import process, tail, wait_for

COMPANIES = ["fernhill-games", "lumen-grid"]  # two runs at once: one holds the GPU, the other waits
TESTS_DIR = Path(__file__).resolve().parent

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def test_enrichment_runs_take_the_gpu_one_at_a_time(tmp_path: Path, pipeline_resources: dict) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(
        PROJECT_ROOT / "deploy" / "dagster.local.yaml", home / "dagster.yaml"
    )  # the project's queue settings
    db = pipeline_resources["store"].database

    # Parsed postings to enrich, written by the real assets.
    with dg.instance_for_test() as scratch:
        scratch.add_dynamic_partitions("company", COMPANIES)
        for company in COMPANIES:
            dg.materialize([raw_postings, parsed_postings], partition_key=company, instance=scratch,
                           resources=pipeline_resources)  # fmt: skip

    instance = dg.DagsterInstance.from_config(str(home))
    instance.add_dynamic_partitions("company", COMPANIES)
    set_pool_limits(instance)

    with FakeLLMServer(latency_s=0.1, concurrency=2) as llm:
        env = {
            **os.environ,
            "DAGSTER_HOME": str(home),
            "JOB_ASSETS_DB": db,
            "JOB_ASSETS_LLM_URL": llm.base_url,
            "JOB_ASSETS_LLM_MODEL": "fake-llm",
            "JOB_ASSETS_LLM_CONCURRENCY": "2",
        }
        workspace = tmp_path / "workspace.yaml"
        workspace.write_text(
            "load_from:\n  - python_module:\n"
            f"      module_name: job_assets_tests.automation.gpu_queue_defs\n"
            f"      working_directory: {PROJECT_ROOT}\n      location_name: gpu_queue_test\n"
        )
        daemon = [str(Path(sys.executable).parent / "dagster-daemon"), "run", "-w", str(workspace)]
        log = tmp_path / "daemon.log"
        overlaps: list[tuple[str, ...]] = []
        seen_waiting = False

        def all_done() -> bool:
            nonlocal seen_waiting
            records = instance.get_run_records()
            started = [
                r.dagster_run.run_id for r in records if r.dagster_run.status == dg.DagsterRunStatus.STARTED
            ]
            queued = [r for r in records if r.dagster_run.status == dg.DagsterRunStatus.QUEUED]
            if len(started) > 1:
                overlaps.append(tuple(started))
            seen_waiting |= bool(started and queued)
            failed = [r for r in records if r.dagster_run.status == dg.DagsterRunStatus.FAILURE]
            assert not failed, f"a run failed; daemon log:\n{tail(log)}"
            return len(records) == len(COMPANIES) and all(
                r.dagster_run.status == dg.DagsterRunStatus.SUCCESS for r in records
            )

        with process(daemon, log, env, PROJECT_ROOT):
            wait_for(
                all_done,
                timeout=600,  # a ceiling for a loaded machine (each run is a process), not a wait
                what=lambda: f"both enrichment runs to succeed:\n{tail(log)}",
                interval=0.1,
            )

    records = instance.get_run_records()
    assert all(r.dagster_run.tags.get(GPU_TAG_KEY) == GPU_TAG_VALUE for r in records)
    assert overlaps == [], "two GPU runs were STARTED at once"
    assert seen_waiting, "no run was ever seen waiting QUEUED while another held the GPU"
    spans = sorted((r.start_time, r.end_time) for r in records)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end  # run intervals never overlap
    assert llm.stats.calls > 0
    with connect(db, read_only=True) as conn:
        enriched = read_table(conn, "enriched_postings")
    assert set(enriched.get_column("company")) == set(COMPANIES)
    assert set(enriched.get_column("enrich_backend")) == {"llm"}
    instance.dispose()
