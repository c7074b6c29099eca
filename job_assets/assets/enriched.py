"""`enriched_postings`: structured fields per posting from the rules extractor and the LLM.

Three short steps so no DuckDB connection is held while the LLM works: read parsed rows and
cached answers, enrich with no connection open, then write answers and rows in one go.
"""

import asyncio
from datetime import UTC, datetime, timedelta

import dagster as dg

from job_assets.assets.metadata import preview
from job_assets.automation.gpu import GPU_POOL, GPU_TAG_KEY, GPU_TAG_VALUE
from job_assets.automation.partitions import company_partitions
from job_assets.enrichment.enrich import enrich_postings
from job_assets.enrichment.probe import LLMUnreachableError, check_endpoint
from job_assets.enrichment.schema import ENRICHED_SCHEMA, PROMPT_VERSION
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.resources import LLMResource, StoreResource
from job_assets.store import enrichment_cache as cache
from job_assets.store.db import read_table, replace_partitions

TABLE = "enriched_postings"
PREVIEW_COLUMNS = (
    "posting_key",
    "title",
    "seniority",
    "remote",
    "pay",
    "salary_source",
    "skills",
    "enrich_status",
)


@dg.asset(
    partitions_def=company_partitions,
    deps=["parsed_postings"],
    group_name="enrich",
    kinds={"python", "duckdb", "openai"},
    pool=GPU_POOL,  # automation: the `automation_gpu` sensor gathers every waiting company into one run
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=50),
    description="Pay, remote policy, seniority, skills and a summary per posting (vLLM when configured, else rules).",
)
def enriched_postings(
    context: dg.AssetExecutionContext, store: StoreResource, llm: LLMResource
) -> dg.MaterializeResult:
    config = llm.config()
    fallback_note = None
    if config is not None and config.url:  # asked once per run, not once per posting
        try:
            answer = check_endpoint(config.url, config.api_key, llm.fallback)
        except LLMUnreachableError as error:
            raise dg.Failure(str(error)) from None
        if not answer.ok:
            fallback_note = f"{answer.message()}: enriched with rules (JOB_ASSETS_LLM_FALLBACK=rules)"
            context.log.warning(fallback_note)
            config = None
    model = config.model if config else "rules"
    with store.connect() as conn:
        slugs = list(context.partition_keys)  # one read for the run's companies, not one per company
        combined = read_table(
            conn, "parsed_postings", "list_contains(?, company)", [slugs], schema=PARSED_SCHEMA
        )
        hashes = combined.get_column("content_hash").to_list()
        cached = cache.lookup(conn, hashes, model, PROMPT_VERSION) if config else {}

    # One call for the whole run, so a batch of small companies still fills the LLM server's batch.
    result = asyncio.run(enrich_postings(combined, cached, config))

    with store.connect() as conn:  # answers and every company's rows: the lock is held once per run
        cache.ensure(conn)  # the table the README lists exists from the first run, LLM or not
        cache.store(conn, result.new_cache_entries)
        replace_partitions(conn, TABLE, slugs, result.frame.select(list(ENRICHED_SCHEMA)))

    if result.stats.failures:  # one line for the run; the postings and reasons are in the metadata
        kinds = ", ".join(f"{kind}: {n}" for kind, n in result.stats.failures_by_kind().items())
        context.log.warning(
            f"{len(result.stats.failures)} postings kept the rules' values (asked again next run); by reason: {kinds}"
        )
    metadata = result.stats.as_metadata()
    metadata["companies"] = len(slugs)
    # The daily path's figures: how many GPU runs the last day took, and how full this one kept the LLM.
    day_ago = datetime.now(UTC) - timedelta(days=1)
    metadata["gpu_runs_last_24h"] = context.instance.get_runs_count(
        dg.RunsFilter(tags={GPU_TAG_KEY: GPU_TAG_VALUE}, created_after=day_ago)
    )
    if fallback_note:
        metadata["llm_unavailable"] = fallback_note
    metadata["preview"] = preview(result.frame, columns=PREVIEW_COLUMNS) if result.frame.height else "none"
    return dg.MaterializeResult(metadata={k: v for k, v in metadata.items() if v is not None})
