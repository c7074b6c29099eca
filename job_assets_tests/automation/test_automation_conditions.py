"""The automation conditions, evaluated in-process on a real instance: scrapes and enrichment launch nothing
through them (the GPU sensor and the jobs sensor own those, `test_gpu_feed.py`, `test_jobs_wave.py`); a new jobs
table flows to the saved searches, and nothing runs twice. (The daemon running it all end to end is
`test_daemon_chain.py`.)"""

from __future__ import annotations

import dagster as dg
import pytest

from job_assets.definitions import build_definitions


@pytest.fixture
def instance():
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["acme", "globex"])
        yield instance


def materialized(instance: dg.DagsterInstance, key: str, partition: str | None = None) -> None:
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=key, partition=partition))


KEYS = ("raw_postings", "parsed_postings", "enriched_postings", "jobs", "job_matches_by_search")


def requested(result: dg.EvaluateAutomationConditionsResult) -> set[tuple[str, str | None]]:
    return {(key, p) for key in KEYS for p in result.get_requested_partitions(dg.AssetKey(key))}


def test_only_a_new_jobs_table_is_carried_on_to_the_matches(instance: dg.DagsterInstance) -> None:
    """Scrape runs materialise raw and parsed postings together; enrichment is the GPU sensor's (it gathers
    every waiting company into one run) and the jobs table the jobs sensor's (once per enrichment wave), so the
    conditions carry only the jobs table on to the saved searches' matches."""
    defs = build_definitions()
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance)
    assert requested(result) == set()  # nothing scraped yet: nothing to carry

    materialized(instance, "raw_postings", "acme")
    materialized(instance, "parsed_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # enrichment waits for the GPU sensor's batch, not one run per scrape

    materialized(instance, "enriched_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # the jobs table waits for the end of the wave (the jobs sensor's call)

    materialized(instance, "jobs")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == {("job_matches_by_search", None)}

    materialized(instance, "job_matches_by_search")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # up to date: nothing runs twice

    materialized(instance, "jobs")  # the next day's build
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == {("job_matches_by_search", None)}
