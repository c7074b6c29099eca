"""The daily scrape: one run per company for small registries, batches of companies for big ones (`batching`)."""

import dagster as dg

from job_assets import settings
from job_assets.automation.batching import batch_size
from job_assets.automation.jobs import scrape_job
from job_assets.automation.partitions import company_partitions

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def scrape_requests(keys: list[str], batch: int, tick: str) -> list[dg.RunRequest]:
    """Run requests covering `keys` (in the instance's partition order) in batches of `batch`."""
    if batch <= 1:
        return [dg.RunRequest(partition_key=k, run_key=f"{tick}:{k}") for k in keys]
    requests = []
    for i in range(0, len(keys), batch):
        chunk = keys[i : i + batch]
        requests.append(
            dg.RunRequest(
                run_key=f"{tick}:{chunk[0]}..{chunk[-1]}", tags={RANGE_START: chunk[0], RANGE_END: chunk[-1]}
            )
        )
    return requests


@dg.schedule(
    job=scrape_job,
    cron_schedule=settings.SCHEDULE_CRON.get() or "0 6 * * *",
    execution_timezone=settings.SCHEDULE_TIMEZONE.get() or "UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Scrape every company once a day; enrichment and the jobs table follow by automation.",
)
def daily_scrape(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest] | dg.SkipReason:
    keys = context.instance.get_dynamic_partitions(company_partitions.name)
    if not keys:
        return dg.SkipReason(
            "no company partitions yet: the registry sensor adds them from data/companies.yaml"
        )
    tick = context.scheduled_execution_time.strftime("%Y-%m-%dT%H:%M")
    configured = settings.SCRAPE_BATCH.get()
    return scrape_requests(keys, batch_size(len(keys), int(configured) if configured else None), tick)
