"""`parsed_postings`: every source's postings in one normalised schema."""

import dagster as dg
import polars as pl

from job_assets.assets.metadata import preview
from job_assets.automation.partitions import company_partitions
from job_assets.parsing.dispatch import parse_raw_frame
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.resources import RegistryResource, StoreResource
from job_assets.sources.base import RAW_SCHEMA
from job_assets.store.db import read_table, replace_partitions

TABLE = "parsed_postings"
PREVIEW_COLUMNS = (
    "posting_key",
    "title",
    "locations",
    "workplace",
    "employment_type",
    "pay",
    "url",
)


@dg.asset(
    partitions_def=company_partitions,
    deps=["raw_postings"],
    group_name="scrape",
    kinds={"python", "duckdb"},
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=50),
    description="One normalised schema for every source: title, locations, clean text, dates, structured pay.",
)
def parsed_postings(
    context: dg.AssetExecutionContext, registry: RegistryResource, store: StoreResource
) -> dg.MaterializeResult:
    names = {c.slug: c.name for c in registry.load()}
    slugs = list(context.partition_keys)
    with store.connect(read_only=False) as conn:  # one read for the run's companies, not one per company
        everything = read_table(conn, "raw_postings", "list_contains(?, company)", [slugs], schema=RAW_SCHEMA)
    by_company = everything.partition_by("company", as_dict=True, include_key=True)
    raws = {slug: by_company.get((slug,), everything.clear()) for slug in slugs}
    parsed = {}
    problems: list[str] = []
    for slug, raw in raws.items():
        result = parse_raw_frame(raw, names.get(slug, slug))
        parsed[slug] = result.frame
        problems.extend(f"{slug}: {p}" for p in result.problems)
    frames_out = [frame.select(list(PARSED_SCHEMA)) for frame in parsed.values()]
    with store.connect() as conn:  # the run's companies in one transaction: the lock is held once, briefly
        replace_partitions(
            conn, TABLE, slugs, pl.concat(frames_out) if frames_out else pl.DataFrame(schema=PARSED_SCHEMA)
        )
    if problems:  # one log line per run (each line is an event-log write); the postings are in the metadata
        context.log.warning(f"{len(problems)} postings skipped; the first: {problems[0]}")
    frames = [f for f in parsed.values() if f.height]
    rows = sum(f.height for f in parsed.values())
    return dg.MaterializeResult(
        metadata={
            "rows": rows,
            # per company: what the GPU automation counts against its posting budget
            "per_company": dg.MetadataValue.json({slug: f.height for slug, f in parsed.items()}),
            "skipped_postings": len(problems),
            "problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems[:50]) or "none"),
            "with_structured_pay": sum(f.filter(f["pay_min"].is_not_null()).height for f in frames),
            "preview": preview(frames[0], columns=PREVIEW_COLUMNS) if frames else "none",
        }
    )
