"""The automation conditions, evaluated in-process on a real instance: a new scrape of one company flows to
enrichment, the jobs table and the saved searches, one step at a time, and nothing runs twice. (The daemon running the
same conditions end to end is `test_daemon_chain.py`.)"""

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


def test_enrichment_is_carried_to_the_jobs_table_and_the_matches_step_by_step(
    instance: dg.DagsterInstance,
) -> None:
    """Scrape runs materialise raw and parsed postings together; enrichment is the GPU sensor's (it gathers
    every waiting company into one run, `test_gpu_feed.py`), so the conditions carry enrichment onwards."""
    defs = build_definitions()
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance)
    assert requested(result) == set()  # nothing scraped yet: nothing to carry

    materialized(instance, "raw_postings", "acme")
    materialized(instance, "parsed_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # enrichment waits for the GPU sensor's batch, not one run per scrape

    materialized(instance, "enriched_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    # the jobs table rebuilds though globex was never scraped (a missing company must not block it), and the
    # saved searches' matches after it in the same run
    assert requested(result) == {("jobs", None), ("job_matches_by_search", None)}

    materialized(instance, "jobs")
    materialized(instance, "job_matches_by_search")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # up to date: nothing runs twice

    materialized(instance, "enriched_postings", "acme")  # the next day's enrichment
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == {("jobs", None), ("job_matches_by_search", None)}
