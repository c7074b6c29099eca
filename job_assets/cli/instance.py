"""The Dagster instance the CLI and `dagster dev` share, so CLI runs show up in the UI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg

from job_assets.automation import dagster_env
from job_assets.automation.gpu import GPU_POOL
from job_assets.automation.partitions import sync_partitions
from job_assets.config import PROJECT_ROOT, InstanceSettings

# Kept out of the repository root: `dagster dev` (run from there) warns about any dagster.yaml in its current
# folder that is not $DAGSTER_HOME's.
INSTANCE_TEMPLATE = PROJECT_ROOT / "deploy" / "dagster.local.yaml"


def ensure_home() -> Path:
    """$DAGSTER_HOME (default data/dagster_home), holding the project's instance settings if it has none."""
    home = Path(InstanceSettings.from_env().dagster_home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, config)
    os.environ["DAGSTER_HOME"] = str(home)
    dagster_env.apply()  # for our in-process runs and the `dagster dev` we start
    return home


def set_pool_limits(instance: dg.DagsterInstance, gpu_slots: int = 1) -> None:
    """What `dagster instance concurrency set vllm_gpu 1` does: one enrichment step on the GPU at a time."""
    instance.event_log_storage.set_concurrency_slots(GPU_POOL, gpu_slots)


# The CLI's in-process runs do not capture stdout/stderr to files: capturing makes Dagster start a `tail` and a
# Python watcher process per run in our process group, so a terminal's Ctrl-C reached them too and each printed
# its own KeyboardInterrupt traceback. Their event logs (what the UI shows) are recorded as before.
CLI_OVERRIDES = {
    "compute_logs": {
        "module": "dagster._core.storage.noop_compute_log_manager",
        "class": "NoOpComputeLogManager",
    }
}


def cli_instance(home: Path) -> dg.DagsterInstance:
    """The shared instance as the CLI's in-process runs use it (see CLI_OVERRIDES)."""
    from dagster._core.instance.ref import InstanceRef  # public API has no overrides argument

    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home), overrides=CLI_OVERRIDES))


def prepare(slugs: list[str]) -> tuple[dg.DagsterInstance, list[str], list[str]]:
    """Open the shared instance, set the GPU pool, and make its company partitions match the registry."""
    instance = cli_instance(ensure_home())
    set_pool_limits(instance)
    added, removed = sync_partitions(instance, slugs)
    return instance, added, removed
