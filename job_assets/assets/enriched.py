"""`enriched_postings`: structured fields per posting from the rules extractor and the LLM.

Three short steps so no DuckDB connection is held while the LLM works: read parsed rows and
cached answers, enrich with no connection open, then write answers and rows in one go.
"""

import asyncio

import dagster as dg

from job_assets.assets.metadata import preview
from job_assets.automation.gpu import GPU_POOL
from job_assets.automation.partitions import company_partitions
from job_assets.enrichment import cache
from job_assets.enrichment.enrich import EnrichResult, enrich_postings
from job_assets.enrichment.schema import ENRICHED_SCHEMA, PROMPT_VERSION
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.resources import LLMResource, StoreResource
from job_assets.store.db import read_table, replace_partition

TABLE = "enriched_postings"
PREVIEW_COLUMNS = (
    "posting_key",
    "title",
    "seniority",
    "remote",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "salary_source",
    "skills",
    "enrich_status",
)


def _metadata(results: dict[str, EnrichResult]) -> dict[str, object]:
    """Per-run figures (summed over the run's companies) for the UI."""
    totals: dict[str, object] = {}
    for result in results.values():
        for key, value in result.stats.as_metadata().items():
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and not key.startswith(("latency", "cache_hit_rate"))
            ):
                totals[key] = totals.get(key, 0) + value  # type: ignore[operator]
            else:
                totals.setdefault(key, value)
    hits = sum(r.stats.cache_hits for r in results.values())
    asked = sum(r.stats.llm_postings for r in results.values())
    if any(r.stats.backend == "llm" for r in results.values()):
        totals["cache_hit_rate"] = round(hits / (hits + asked), 4) if hits + asked else 1.0
    return totals


@dg.asset(
    partitions_def=company_partitions,
    deps=["parsed_postings"],
    group_name="enrich",
    kinds={"python", "duckdb", "openai"},
    pool=GPU_POOL,
    automation_condition=dg.AutomationCondition.eager(),
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=50),
    description="Pay, remote policy, seniority, skills and a summary per posting (vLLM when configured, else rules).",
)
def enriched_postings(
    context: dg.AssetExecutionContext, store: StoreResource, llm: LLMResource
) -> dg.MaterializeResult:
    config = llm.config()
    model = config.model if config else "rules"
    with store.connect() as conn:
        parsed = {
            slug: read_table(conn, "parsed_postings", "company = ?", [slug], schema=PARSED_SCHEMA)
            for slug in context.partition_keys
        }
        hashes = [h for frame in parsed.values() for h in frame.get_column("content_hash").to_list()]
        cached = cache.lookup(conn, hashes, model, PROMPT_VERSION) if config else {}

    results = {slug: asyncio.run(enrich_postings(frame, cached, config)) for slug, frame in parsed.items()}

    with store.connect() as conn:
        cache.store(conn, [e for r in results.values() for e in r.new_cache_entries])
        for slug, result in results.items():
            replace_partition(conn, TABLE, slug, result.frame.select(list(ENRICHED_SCHEMA)))

    for result in results.values():
        for key, reason in sorted(result.stats.failures.items())[:20]:
            context.log.warning(
                f"enrichment failed for {key} (kept rules values; retried next run): {reason}"
            )
    metadata = _metadata(results)
    frames = [r.frame for r in results.values() if r.frame.height]
    metadata["preview"] = preview(frames[0], columns=PREVIEW_COLUMNS) if frames else "none"
    return dg.MaterializeResult(metadata={k: v for k, v in metadata.items() if v is not None})
