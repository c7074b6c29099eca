"""`raw_postings`: every posting exactly as its source gave it, one partition per company."""

import asyncio
from datetime import UTC, datetime

import dagster as dg

from job_assets.assets.metadata import preview, seconds
from job_assets.automation.partitions import company_partitions
from job_assets.resources import HttpResource, RegistryResource, StoreResource
from job_assets.sources.base import SourceError, raw_frame
from job_assets.sources.fetch import CompanyFetchError, fetch_companies
from job_assets.store import raw as raw_store


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
            when = {"run_id": context.run_id, "started_at": started, "finished_at": datetime.now(UTC)}
            if isinstance(result, CompanyFetchError | SourceError):
                failures[slug] = str(result)
                raw_store.record_failed_scrape(conn, slug, str(result), **when)
                continue
            frame, carried = raw_store.write_scrape(
                conn, slug, raw_frame(result.postings), result.stale_sites, **when
            )
            if result.stale_sites:
                warnings.append(
                    f"{slug}: kept {carried} postings of failed boards {sorted(result.stale_sites)}"
                )
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
