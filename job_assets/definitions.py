"""The one `Definitions` object: every asset, check, job, schedule, sensor and resource."""

from __future__ import annotations

import dagster as dg

from job_assets.assets.checks import asset_checks
from job_assets.assets.enriched import enriched_postings
from job_assets.assets.jobs import jobs
from job_assets.assets.matches import job_matches_by_search
from job_assets.assets.parsed import parsed_postings
from job_assets.assets.raw import raw_postings
from job_assets.automation.runs import enrich_run, jobs_table_run, match_searches_run, refresh_run, scrape_run
from job_assets.automation.schedules import daily_scrape
from job_assets.automation.sensors import (
    automation_sensor,
    company_registry_sensor,
    gpu_automation_sensor,
    jobs_automation_sensor,
)
from job_assets.resources import resources_from_env


def build_definitions() -> dg.Definitions:
    """A fresh Definitions (tests build their own; Dagster caches per-instance state on the object)."""
    return dg.Definitions(
        assets=[raw_postings, parsed_postings, enriched_postings, jobs, job_matches_by_search],
        asset_checks=asset_checks,
        jobs=[scrape_run, enrich_run, refresh_run, jobs_table_run, match_searches_run],
        schedules=[daily_scrape],
        sensors=[company_registry_sensor, automation_sensor, gpu_automation_sensor, jobs_automation_sensor],
        resources=resources_from_env(),
        # Steps run one after another in the run's own process: DuckDB takes one writer at a time, and a
        # subprocess per step costs seconds of imports on a small machine for no parallelism we could use.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
