"""Enrichment: structured facts (pay, remote policy, seniority, skills ...) for every parsed posting.

The run an asset does, holding the DuckDB connection only at the ends:

    with store.connect() as conn:                                    # short
        parsed = ...; cached = cache.lookup(conn, parsed["content_hash"], config.model, PROMPT_VERSION)
    result = asyncio.run(enrich_postings(parsed, cached, config))     # no connection held
    with store.connect() as conn:                                    # short
        cache.store(conn, result.new_cache_entries); replace_partition(conn, ..., result.frame)

`config = LLMSettings.from_env().config()` (job_assets.config); with no `JOB_ASSETS_LLM_URL` the rules backend alone runs.
"""
