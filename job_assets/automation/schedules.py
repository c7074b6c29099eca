"""The daily scrape: one run per company for small registries, batches of companies for big ones (`batching`)."""

import dagster as dg

from job_assets.automation.batching import batch_size, company_batches
from job_assets.automation.partitions import company_partitions
from job_assets.automation.runs import scrape_run
from job_assets.config import AutomationSettings
from job_assets.resources import AutomationResource

_SCHEDULE = AutomationSettings.from_env()  # a schedule's cron is part of its definition


def scrape_requests(keys: list[str], batch: int, tick: str) -> list[dg.RunRequest]:
    """Run requests covering `keys` (the instance's partition order) in batches of `batch`, once per tick."""
    return [
        dg.RunRequest(partition_key=b.partition_key, tags=b.tags, run_key=f"{tick}:{b.label}")
        for b in company_batches(keys, keys, batch)
    ]


@dg.schedule(
    job=scrape_run,
    cron_schedule=_SCHEDULE.schedule_cron,
    execution_timezone=_SCHEDULE.schedule_timezone,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Scrape every company once a day; enrichment and the jobs table follow by automation.",
)
def daily_scrape(
    context: dg.ScheduleEvaluationContext, automation: AutomationResource
) -> list[dg.RunRequest] | dg.SkipReason:
    keys = context.instance.get_dynamic_partitions(company_partitions.name)
    if not keys:
        return dg.SkipReason(
            "no company partitions yet: the registry sensor adds them from data/companies.yaml"
        )
    tick = context.scheduled_execution_time.strftime("%Y-%m-%dT%H:%M")
    return scrape_requests(keys, batch_size(len(keys), automation.scrape_batch), tick)
