"""The automation conditions, evaluated in-process on a real instance: a new scrape of one company flows to
parsing, enrichment and the jobs table, one step at a time, and nothing runs twice. (The daemon running the
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


KEYS = ("raw_postings", "parsed_postings", "enriched_postings", "jobs")


def requested(result: dg.EvaluateAutomationConditionsResult) -> set[tuple[str, str | None]]:
    return {(key, p) for key in KEYS for p in result.get_requested_partitions(dg.AssetKey(key))}


def test_a_new_scrape_is_carried_to_the_jobs_table_step_by_step(instance: dg.DagsterInstance) -> None:
    defs = build_definitions()
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance)
    assert requested(result) == set()  # nothing scraped yet: nothing to carry

    materialized(instance, "raw_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    # only the company that was scraped, through parsing and enrichment together (the CPU and GPU automation
    # sensors launch them as separate runs); the jobs table waits for enrichment to be done
    assert requested(result) == {("parsed_postings", "acme"), ("enriched_postings", "acme")}

    materialized(instance, "parsed_postings", "acme")
    materialized(instance, "enriched_postings", "acme")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    # the jobs table rebuilds though globex was never scraped (a missing company must not block it)
    assert requested(result) == {("jobs", None)}

    materialized(instance, "jobs")
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == set()  # up to date: nothing runs twice

    materialized(instance, "raw_postings", "acme")  # the next day's scrape
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=result.cursor)
    assert requested(result) == {("parsed_postings", "acme"), ("enriched_postings", "acme")}
