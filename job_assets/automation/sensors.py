"""Sensors: the registry keeps the company partitions in sync; automation carries updates downstream."""

import dagster as dg

from job_assets.automation.gpu import GPU_TAGS
from job_assets.automation.partitions import company_partitions, partition_changes
from job_assets.automation.runs import scrape_run
from job_assets.resources import RegistryResource


@dg.sensor(
    job=scrape_run,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Adds a partition for each new company in the registry (and scrapes it), removes deleted ones.",
)
def company_registry_sensor(
    context: dg.SensorEvaluationContext, registry: RegistryResource
) -> dg.SensorResult:
    slugs = [
        c.slug for c in registry.load()
    ]  # an invalid registry fails the tick with the file/company/field
    added, removed = partition_changes(
        context.instance.get_dynamic_partitions(company_partitions.name), slugs
    )
    requests = []
    if added:
        requests.append(company_partitions.build_add_request(added))
    if removed:
        requests.append(company_partitions.build_delete_request(removed))
    if added or removed:
        context.log.info(f"companies added: {added or 'none'}; removed: {removed or 'none'}")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=s, run_key=f"first-scrape:{s}") for s in added],
        dynamic_partitions_requests=requests,
    )


# Two automation sensors, so only the runs that touch the GPU carry the GPU tag.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_cpu",
    target=dg.AssetSelection.assets("parsed_postings", "jobs", "job_matches_by_search"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
)
gpu_automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_gpu",
    target=dg.AssetSelection.assets("enriched_postings"),
    run_tags=GPU_TAGS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
)
