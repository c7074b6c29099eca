"""Sensors: the registry keeps the company partitions in sync; automation carries updates downstream, and
`automation_gpu` gathers every company waiting for enrichment into one GPU run at a time (`gpu_feed`)."""

import dagster as dg

from job_assets.automation.batching import RANGE_END, RANGE_START
from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE, GPU_TAGS
from job_assets.automation.gpu_feed import plan_batch, posting_counts, stale_partitions, worth_starting
from job_assets.automation.partitions import company_partitions, partition_changes
from job_assets.automation.runs import enrich_run, scrape_run
from job_assets.config import AutomationSettings
from job_assets.resources import AutomationResource, LLMResource, RegistryResource

_INTERVAL_S = AutomationSettings.from_env().sensor_interval_s  # a sensor's interval is part of its definition


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


# Only `jobs`: raw and parsed postings are materialised together by the scrape job. An eager condition on
# `parsed_postings` launched a run per company for companies a batched (range) scrape run was still parsing,
# because Dagster does not see a range run's partitions as in progress: hundreds of duplicate runs at 1,000.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_cpu",
    target=dg.AssetSelection.assets("jobs", "job_matches_by_search"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=_INTERVAL_S,
)

ACTIVE = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _per_company(instance: dg.DagsterInstance, storage_id: int) -> dict[str, int]:
    """The `per_company` counts a parse materialization recorded (its whole run's companies)."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey("parsed_postings"), storage_ids=[storage_id]), limit=1
    ).records
    materialization = records[0].asset_materialization if records else None
    entry = materialization.metadata.get("per_company") if materialization else None
    return dict(getattr(entry, "value", None) or {})


@dg.sensor(
    name="automation_gpu",
    job=enrich_run,
    minimum_interval_seconds=_INTERVAL_S,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="One GPU run at a time over every company whose parsed postings are newer than its enrichment "
    "(up to the posting budget); starts when it can fill the LLM's batch or no scrape is left to wait for.",
)
def gpu_automation_sensor(
    context: dg.SensorEvaluationContext, llm: LLMResource, automation: AutomationResource
) -> dg.RunRequest | dg.SkipReason:
    instance = context.instance
    if instance.get_runs_count(dg.RunsFilter(tags={GPU_TAG_KEY: GPU_TAG_VALUE}, statuses=ACTIVE)):
        return dg.SkipReason("a GPU run is queued or running; the next one gathers what waits when it ends")
    events = instance.event_log_storage
    kind = dg.DagsterEventType.ASSET_MATERIALIZATION
    parsed = events.get_latest_storage_id_by_partition(dg.AssetKey("parsed_postings"), kind)
    enriched = events.get_latest_storage_id_by_partition(dg.AssetKey("enriched_postings"), kind)
    order = instance.get_dynamic_partitions(company_partitions.name)
    stale = stale_partitions(order, parsed, enriched)
    counts = posting_counts(stale, parsed, lambda storage_id: _per_company(instance, storage_id))
    batch = plan_batch(order, stale, counts, automation.gpu_run_postings)
    if batch is None:
        return dg.SkipReason("no company has parsed postings newer than its enrichment")
    scraping = instance.get_runs_count(dg.RunsFilter(job_name=scrape_run.name, statuses=ACTIVE)) > 0
    if not worth_starting(batch.postings, llm.concurrency, scraping):
        return dg.SkipReason(
            f"{batch.postings} postings of {len(stale)} companies wait: fewer than the {llm.concurrency} that fill "
            "the LLM's batch, and scrape runs are still going"
        )
    context.log.info(
        f"enriching {len(batch.stale)} companies ({batch.postings} postings): {batch.start}..{batch.end}"
    )
    return dg.RunRequest(tags={RANGE_START: batch.start, RANGE_END: batch.end, **GPU_TAGS})
