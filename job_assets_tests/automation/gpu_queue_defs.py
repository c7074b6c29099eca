"""A code location for the GPU queue test: the real enrichment asset and job, and a sensor that
submits one enrichment run per company partition (nothing else, so the queue is all we watch)."""

import dagster as dg

from job_assets.assets.enriched import enriched_postings
from job_assets.automation.runs import enrich_run
from job_assets.resources import resources_from_env


@dg.sensor(job=enrich_run, default_status=dg.DefaultSensorStatus.RUNNING, minimum_interval_seconds=1)
def submit_enrichment_runs(context: dg.SensorEvaluationContext) -> list[dg.RunRequest]:
    keys = context.instance.get_dynamic_partitions("company")
    return [dg.RunRequest(partition_key=k, run_key=f"gpu-queue-test:{k}") for k in keys]


defs = dg.Definitions(
    assets=[enriched_postings],
    jobs=[enrich_run],
    sensors=[submit_enrichment_runs],
    resources=resources_from_env(),
)
