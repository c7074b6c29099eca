"""The Dagster jobs (runs) that schedules, sensors and the CLI launch. Named `*_run` so they never read as the
`jobs` table."""

import dagster as dg

from job_assets.automation.gpu import GPU_TAGS
from job_assets.automation.partitions import company_partitions

# Scrape runs carry this tag so a single host can cap how many parse at once (`deploy/dagster.local.yaml`): on a
# small machine eight CPU-bound scrape runs at once all finish late together, and the GPU run (which needs
# parsed companies) starts late and gets a sixth of the CPU; a few at a time finish one after another.
SCRAPE_TAGS = {"job_assets/scrape": "batch"}

scrape_run = dg.define_asset_job(
    "scrape_companies",
    selection=dg.AssetSelection.assets("raw_postings", "parsed_postings"),
    partitions_def=company_partitions,
    tags=SCRAPE_TAGS,
    description="Fetch and parse companies' boards. Enrichment and the jobs table follow through automation.",
)

enrich_run = dg.define_asset_job(
    "enrich_companies",
    selection=dg.AssetSelection.assets("enriched_postings"),
    partitions_def=company_partitions,
    tags=GPU_TAGS,
    description="Extract structured fields with the LLM; queued behind the one-GPU run limit.",
)

jobs_table_run = dg.define_asset_job(
    "build_jobs_table",
    selection=dg.AssetSelection.assets("jobs"),
    description="Rebuild the deduplicated jobs table from every company's enriched postings.",
)

match_searches_run = dg.define_asset_job(
    "match_searches",
    selection=dg.AssetSelection.assets("job_matches_by_search"),
    description="Rank the open jobs for every saved search and send the alerts for new matches.",
)

refresh_run = dg.define_asset_job(
    "refresh_companies",
    selection=dg.AssetSelection.assets("raw_postings", "parsed_postings", "enriched_postings"),
    partitions_def=company_partitions,
    tags=GPU_TAGS,
    description="Scrape, parse and enrich companies in one run (what `job-assets run` launches).",
)
