"""How enrichment runs share one GPU.

The pool on the asset is the hard guarantee (it applies however a run is launched); the run tag
gives queue-level fairness so GPU runs wait in the queue instead of holding run slots.
"""

GPU_POOL = "vllm_gpu"
GPU_TAG_KEY = "job_assets/gpu"
GPU_TAG_VALUE = "vllm"
GPU_TAGS = {GPU_TAG_KEY: GPU_TAG_VALUE}
