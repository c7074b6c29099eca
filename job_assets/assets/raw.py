"""`raw_postings`: every posting exactly as its source gave it, one partition per company."""

import asyncio
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from job_assets.assets.metadata import preview, seconds
from job_assets.automation.partitions import company_partitions
from job_assets.resources import HttpResource, RegistryResource, StoreResource
from job_assets.sources.base import SourceError, raw_frame
from job_assets.sources.fetch import CompanyFetchError, fetch_companies
from job_assets.store import scrape_log
from job_assets.store.db import replace_partition
from job_assets.store.raw import rows_from_sites

TABLE = "raw_postings"


@dg.asset(
    partitions_def=company_partitions,
    group_name="scrape",
    kinds={"python", "duckdb"},
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=50),
    description="Postings as fetched from each company's sources (ATS APIs, career pages, job boards).",
)
def raw_postings(
    context: dg.AssetExecutionContext, registry: RegistryResource, http: HttpResource, store: StoreResource
) -> dg.MaterializeResult:
    companies = registry.companies(context.partition_keys)
    started = datetime.now(UTC)
    results = asyncio.run(fetch_companies(companies, http.policy(), http.urls()))

    written: dict[str, int] = {}
    failures: dict[str, str] = {}
    warnings: list[str] = []
    fetch_seconds = 0.0
    frames = []
    with store.connect() as conn:  # one short write transaction per company, after all HTTP is done
        for slug, result in results.items():
            finished = datetime.now(UTC)
            if isinstance(result, CompanyFetchError | SourceError):
                failures[slug] = str(result)
                scrape_log.record(conn, slug, context.run_id, started, finished, "failed", None, str(result))
                continue
            frame = raw_frame(result.postings)
            if result.stale_sites:  # a job board failed while the others answered: keep its last good rows
                carried = rows_from_sites(conn, slug, "jobspy", result.stale_sites)
                frame = pl.concat([frame, carried.join(frame, on=["source", "source_id"], how="anti")])
                warnings.append(
                    f"{slug}: kept {carried.height} postings of failed boards {sorted(result.stale_sites)}"
                )
            replace_partition(conn, TABLE, slug, frame)
            scrape_log.record(conn, slug, context.run_id, started, finished, "ok", frame.height)
            written[slug] = frame.height
            warnings.extend(f"{slug}: {w}" for w in result.warnings)
            fetch_seconds += result.seconds
            frames.append(frame)
            context.log.info(
                f"{slug}: {frame.height} postings ({result.per_source}) in {result.seconds:.2f}s"
            )

    # Nothing of a failed company was written: its rows from the last good scrape stay as they were.
    # A run of one company fails with the reason. A batched run (big registries) keeps going for the
    # others: its failed companies are listed here, in `scrape_log` and by the `latest_scrapes_succeeded` check.
    if failures and (len(context.partition_keys) == 1 or not written):
        raise dg.Failure(
            description="\n".join(failures.values()),
            metadata={"failed_companies": sorted(failures), "written": written},
        )
    for message in failures.values():
        context.log.error(message)
    return dg.MaterializeResult(
        metadata={
            "failed_companies": dg.MetadataValue.json(failures),
            "rows": sum(written.values()),
            "companies": len(written),
            "per_company": dg.MetadataValue.json(written),
            "warnings": dg.MetadataValue.md("\n".join(f"- {w}" for w in warnings) or "none"),
            "fetch_seconds": seconds(fetch_seconds),
            "preview": preview(frames[0].drop("payload")) if frames else "none",
        }
    )
