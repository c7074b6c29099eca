"""The Dagster instance the CLI and `dagster dev` share, so CLI runs show up in the UI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg

from job_assets.automation.gpu import GPU_POOL
from job_assets.automation.partitions import sync_partitions
from job_assets.settings import PROJECT_ROOT

DEFAULT_HOME = PROJECT_ROOT / "data" / "dagster_home"
# Kept out of the repository root: `dagster dev` (run from there) warns about any dagster.yaml in its current
# folder that is not $DAGSTER_HOME's.
INSTANCE_TEMPLATE = PROJECT_ROOT / "deploy" / "dagster.local.yaml"


def ensure_home() -> Path:
    """$DAGSTER_HOME (default data/dagster_home), holding the project's instance settings if it has none."""
    home = Path(os.environ.get("DAGSTER_HOME") or DEFAULT_HOME).resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, config)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def set_pool_limits(instance: dg.DagsterInstance, gpu_slots: int = 1) -> None:
    """What `dagster instance concurrency set vllm_gpu 1` does: one enrichment step on the GPU at a time."""
    instance.event_log_storage.set_concurrency_slots(GPU_POOL, gpu_slots)


def prepare(slugs: list[str]) -> tuple[dg.DagsterInstance, list[str], list[str]]:
    """Open the shared instance, set the GPU pool, and make its company partitions match the registry."""
    ensure_home()
    instance = dg.DagsterInstance.get()
    set_pool_limits(instance)
    added, removed = sync_partitions(instance, slugs)
    return instance, added, removed
