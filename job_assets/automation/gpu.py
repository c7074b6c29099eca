"""How enrichment runs share one GPU.

The pool on the asset is the hard guarantee (it applies however a run is launched); the run tag
gives queue-level fairness so GPU runs wait in the queue instead of holding run slots.
"""

import os

GPU_POOL = "vllm_gpu"
GPU_TAG_KEY = "job_assets/gpu"
GPU_TAG_VALUE = "vllm"
# The run queue starts higher priorities first: a GPU run waiting for its slot goes ahead of a long queue of
# scrape runs instead of behind it (the tag limit and the pool still allow one GPU run at a time).
GPU_PRIORITY = "10"
GPU_TAGS = {GPU_TAG_KEY: GPU_TAG_VALUE, "dagster/priority": GPU_PRIORITY}

# On Kubernetes (deploy/k8s/values.yaml) each GPU run's pod asks for the GPU through this run tag;
# every other run launcher ignores it.
if os.environ.get("JOB_ASSETS_K8S_GPU_CONFIG"):
    GPU_TAGS["dagster-k8s/config"] = os.environ["JOB_ASSETS_K8S_GPU_CONFIG"]
