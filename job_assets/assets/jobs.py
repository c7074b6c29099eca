"""`jobs`: one row per real opening, rebuilt incrementally from the previous build."""

import time
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from job_assets.assets.metadata import preview, seconds
from job_assets.dedup.history import build_jobs
from job_assets.enrichment.schema import ENRICHED_SCHEMA
from job_assets.resources import StoreResource
from job_assets.store import scrape_log, snapshot
from job_assets.store.db import read_table
from job_assets.store.jobs import read_jobs, read_matches, write_jobs

PREVIEW_COLUMNS = (
    "job_id",
    "company",
    "title",
    "locations",
    "remote",
    "seniority",
    "pay",
    "sources",
    "is_open",
)

# Rebuild when any company's enriched postings change, even while some company has never succeeded
# (plain `eager()` waits for every upstream partition to exist).
JOBS_AUTOMATION = dg.AutomationCondition.eager().without(~dg.AutomationCondition.any_deps_missing())


@dg.asset(
    deps=["enriched_postings"],
    group_name="jobs",
    kinds={"python", "duckdb"},
    automation_condition=JOBS_AUTOMATION,
    description="Deduplicated jobs across sources with first/last seen, open/closed and your own fields.",
)
def jobs(context: dg.AssetExecutionContext, store: StoreResource) -> dg.MaterializeResult:
    started = time.perf_counter()
    with store.connect() as conn:
        current = read_table(conn, "enriched_postings", schema=ENRICHED_SCHEMA)
        previous, previous_matches = read_jobs(conn), read_matches(conn)
        latest = scrape_log.latest(conn)
    # Only a company whose latest scrape succeeded may have vanished jobs closed.
    scraped = set(latest.filter(pl.col("status") == "ok").get_column("company").to_list())
    build = build_jobs(current, previous, previous_matches, scraped, datetime.now(UTC))
    with store.connect() as conn:
        write_jobs(conn, build)
    published = snapshot.publish_snapshot(store.database)

    for company, why in build.guarded_companies.items():
        context.log.warning(f"{company}: jobs not closed: {why}")
    table = build.jobs
    merged = int(table.select(pl.col("posting_keys").list.len().sub(1).clip(lower_bound=0).sum()).item() or 0)
    return dg.MaterializeResult(
        metadata={
            "rows": table.height,
            "open": int(table.get_column("is_open").sum() or 0),
            "closed": int((~table.get_column("is_open")).sum() or 0),
            "postings": current.height,
            "postings_merged_into_another": merged,
            "companies": table.get_column("company").n_unique(),
            "guarded_companies": dg.MetadataValue.json(build.guarded_companies),
            "reader_snapshot": dg.MetadataValue.path(str(published)),
            "build_seconds": seconds(time.perf_counter() - started),
            "preview": preview(table.sort("last_seen_at", descending=True), columns=PREVIEW_COLUMNS),
        }
    )
