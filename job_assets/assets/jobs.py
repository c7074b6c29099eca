"""`jobs`: one row per real opening, rebuilt incrementally from the previous build."""

import time
from datetime import UTC, datetime

import dagster as dg

from job_assets.assets.metadata import preview, seconds
from job_assets.resources import StoreResource
from job_assets.store import snapshot
from job_assets.store.jobs_build import rebuild_jobs

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


@dg.asset(
    deps=["enriched_postings"],
    group_name="jobs",
    kinds={"python", "duckdb"},
    # No automation condition: the `automation_jobs` sensor rebuilds it once per enrichment wave (`jobs_wave`).
    description="Deduplicated jobs across sources with first/last seen, open/closed and your own fields.",
)
def jobs(context: dg.AssetExecutionContext, store: StoreResource) -> dg.MaterializeResult:
    started = time.perf_counter()
    rebuilt = rebuild_jobs(store.connect, now=datetime.now(UTC))
    summary = rebuilt.summary
    if store.is_lake:  # readers read the live tables at a snapshot: nothing to publish
        reader: dict[str, dg.MetadataValue] = {"lake_snapshot": dg.MetadataValue.int(rebuilt.snapshot or 0)}
    else:
        reader = {"reader_snapshot": dg.MetadataValue.path(str(snapshot.publish_snapshot(store.database)))}
    if rebuilt.rounds > 1:
        context.log.info(f"jobs rebuilt {rebuilt.rounds} times: other runs committed companies meanwhile")
    if not rebuilt.settled:
        context.log.warning(
            "jobs still raced with other commits after the last round; the next build catches up"
        )

    for company, why in summary.guarded_companies.items():
        context.log.warning(f"{company}: jobs not closed: {why}")
    return dg.MaterializeResult(
        metadata={
            "rows": summary.rows,
            "open": summary.open,
            "closed": summary.closed,
            "postings": rebuilt.postings,
            "build_rounds": rebuilt.rounds,
            "postings_merged_into_another": summary.postings_merged,
            "companies": summary.companies,
            "guarded_companies": dg.MetadataValue.json(summary.guarded_companies),
            **reader,
            "build_seconds": seconds(time.perf_counter() - started),
            "preview": preview(summary.latest, columns=PREVIEW_COLUMNS),
        }
    )
