"""How enrichment runs share one GPU.

The pool on the asset is the hard guarantee (it applies however a run is launched); the run tag
gives queue-level fairness so GPU runs wait in the queue instead of holding run slots.
"""

from job_assets.config import AutomationSettings

GPU_POOL = "vllm_gpu"
GPU_TAG_KEY = "job_assets/gpu"
GPU_TAG_VALUE = "vllm"
K8S_CONFIG_TAG = "dagster-k8s/config"
# The run queue starts higher priorities first: a GPU run waiting for its slot goes ahead of a long queue of
# scrape runs instead of behind it (the tag limit and the pool still allow one GPU run at a time).
GPU_PRIORITY = "10"


def gpu_run_tags(k8s_gpu_config: str | None) -> dict[str, str]:
    """The tags GPU runs carry. On Kubernetes (deploy/k8s/values.yaml) each GPU run's pod asks for the GPU
    through the `dagster-k8s/config` tag; every other run launcher ignores it."""
    tags = {GPU_TAG_KEY: GPU_TAG_VALUE, "dagster/priority": GPU_PRIORITY}
    if k8s_gpu_config:
        tags[K8S_CONFIG_TAG] = k8s_gpu_config
    return tags


GPU_TAGS = gpu_run_tags(AutomationSettings.from_env().k8s_gpu_config)
