"""Sensors: the registry keeps the company partitions in sync; `automation_gpu` gathers every company waiting for
enrichment into one GPU run at a time (`gpu_feed`); `automation_jobs` rebuilds the jobs table once the enrichment
wave is over (`jobs_wave`); `automation_cpu` carries the jobs table on to the saved searches."""

import dagster as dg

from job_assets.automation.batching import RANGE_END, RANGE_START
from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE, GPU_TAGS
from job_assets.automation.gpu_feed import plan_batch, posting_counts, stale_partitions, worth_starting
from job_assets.automation.jobs_wave import Upstream, why_not_build
from job_assets.automation.partitions import company_partitions, partition_changes
from job_assets.automation.runs import enrich_run, jobs_table_run, scrape_run
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


# Only the saved searches' matches (eager on `jobs`): raw and parsed postings are materialised together by the
# scrape job, enrichment is `automation_gpu`'s and `jobs` is `automation_jobs`'s. An eager condition on
# `parsed_postings` launched a run per company for companies a batched (range) scrape run was still parsing,
# because Dagster does not see a range run's partitions as in progress: hundreds of duplicate runs at 1,000; an
# eager `jobs` rebuilt the whole table after every GPU run while more were queued.
automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_cpu",
    target=dg.AssetSelection.assets("job_matches_by_search"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=_INTERVAL_S,
)

ACTIVE = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _active(instance: dg.DagsterInstance, **filters: object) -> bool:
    return instance.get_runs_count(dg.RunsFilter(statuses=ACTIVE, **filters)) > 0  # type: ignore[arg-type]


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
    if _active(instance, tags={GPU_TAG_KEY: GPU_TAG_VALUE}):
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
    scraping = _active(instance, job_name=scrape_run.name)
    if not worth_starting(batch.postings, llm.concurrency, scraping):
        return dg.SkipReason(
            f"{batch.postings} postings of {len(stale)} companies wait: fewer than the {llm.concurrency} that fill "
            "the LLM's batch, and scrape runs are still going"
        )
    context.log.info(
        f"enriching {len(batch.stale)} companies ({batch.postings} postings): {batch.start}..{batch.end}"
    )
    return dg.RunRequest(tags={RANGE_START: batch.start, RANGE_END: batch.end, **GPU_TAGS})


def _latest_storage_id(instance: dg.DagsterInstance, asset: str) -> int | None:
    records = instance.fetch_materializations(dg.AssetKey(asset), limit=1).records
    return records[0].storage_id if records else None


@dg.sensor(
    name="automation_jobs",
    job=jobs_table_run,
    minimum_interval_seconds=_INTERVAL_S,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Rebuilds the jobs table once per enrichment wave: when some enrichment is newer than the last "
    "build and no scrape or GPU run is queued or going and no company waits for enrichment.",
)
def jobs_automation_sensor(context: dg.SensorEvaluationContext) -> dg.RunRequest | dg.SkipReason:
    instance = context.instance
    latest_enriched = _latest_storage_id(instance, "enriched_postings")
    latest_jobs = _latest_storage_id(instance, "jobs")
    if latest_enriched is None or (latest_jobs is not None and latest_jobs > latest_enriched):
        return dg.SkipReason("nothing enriched since the last jobs build")  # the idle case: two reads
    gpu = {GPU_TAG_KEY: GPU_TAG_VALUE}
    scraping = _active(instance, job_name=scrape_run.name)
    enriching = _active(instance, tags=gpu)
    waiting = 0
    if not scraping and not enriching:  # the per-company read only when nothing else holds the build back
        events = instance.event_log_storage
        kind = dg.DagsterEventType.ASSET_MATERIALIZATION
        parsed = events.get_latest_storage_id_by_partition(dg.AssetKey("parsed_postings"), kind)
        enriched = events.get_latest_storage_id_by_partition(dg.AssetKey("enriched_postings"), kind)
        order = instance.get_dynamic_partitions(company_partitions.name)
        waiting = len(stale_partitions(order, parsed, enriched))
    last_gpu = instance.get_runs(dg.RunsFilter(tags=gpu), limit=1)
    state = Upstream(
        latest_enriched=latest_enriched,
        latest_jobs=latest_jobs,
        scraping=scraping,
        enriching=enriching,
        building=_active(instance, job_name=jobs_table_run.name),
        waiting=waiting,
        last_gpu_failed=bool(last_gpu) and last_gpu[0].status == dg.DagsterRunStatus.FAILURE,
    )
    reason = why_not_build(state)
    if reason is not None:
        return dg.SkipReason(reason)
    # one build per enrichment state: a failed build is not retried in a loop (as the eager condition it
    # replaces); the next enrichment, or a click, builds it
    return dg.RunRequest(run_key=f"jobs-after:{latest_enriched}")
