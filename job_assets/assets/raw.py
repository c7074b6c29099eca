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

    failures: dict[str, str] = {}
    scrapes: list[raw_store.Scrape] = []
    warnings: list[str] = []
    fetch_seconds = 0.0
    for slug, result in results.items():
        if isinstance(result, CompanyFetchError | SourceError):
            failures[slug] = str(result)
            continue
        scrapes.append(raw_store.Scrape(slug, raw_frame(result.postings), frozenset(result.stale_sites)))
        warnings.extend(f"{slug}: {w}" for w in result.warnings)
        fetch_seconds += result.seconds
    # After all HTTP is done, one write for the whole run (every company's rows, then the scrape log): the
    # store's lock is held once per run, briefly, so concurrent scrape runs do not queue on it for minutes.
    with store.connect() as conn:
        stored = raw_store.write_scrapes(
            conn, scrapes, failures, run_id=context.run_id, started_at=started, finished_at=datetime.now(UTC)
        )
    written = {slug: rows.height for slug, (rows, _) in stored.items()}
    frames = [rows for rows, _ in stored.values()]
    for scrape in scrapes:
        if scrape.stale_sites:
            warnings.append(
                f"{scrape.company}: kept {stored[scrape.company][1]} postings of failed boards "
                f"{sorted(scrape.stale_sites)}"
            )
    # One log line per run, not per company (each line is an event-log write); per company: the metadata.
    context.log.info(
        f"{len(written)} companies, {sum(written.values())} postings fetched in {fetch_seconds:.1f}s "
        f"(summed over companies); {len(failures)} failed"
    )

    # Nothing of a failed company was written: its rows from the last good scrape stay as they were.
    # A run of one company fails with the reason. A batched run (big registries) keeps going for the
    # others: its failed companies are listed here, in `scrape_log` and by the `latest_scrapes_succeeded` check.
    if failures and (len(context.partition_keys) == 1 or not written):
        raise dg.Failure(
            description="\n".join(failures.values()),
            metadata={"failed_companies": sorted(failures), "written": written},
        )
    if failures:  # one log line per run, not per company; every company's reason is in the metadata
        context.log.error(f"{len(failures)} companies failed; the first: {next(iter(failures.values()))}")
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
