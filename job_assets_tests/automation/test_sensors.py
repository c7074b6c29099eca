"""The registry sensor and the daily schedule against a real (temporary) Dagster instance."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pytest
import yaml

from job_assets.automation.batching import RANGE_END, RANGE_START, company_batches
from job_assets.automation.partitions import partition_changes, sync_partitions
from job_assets.automation.schedules import daily_scrape, scrape_requests
from job_assets.automation.sensors import company_registry_sensor
from job_assets.registry import RegistryError
from job_assets.resources import AutomationResource, RegistryResource


def registry(tmp_path: Path, slugs: list[str]) -> RegistryResource:
    path = tmp_path / "companies.yaml"
    companies = [
        {"slug": s, "name": s.title(), "sources": [{"type": "greenhouse", "board": s}]} for s in slugs
    ]
    path.write_text(yaml.safe_dump({"companies": companies}))
    return RegistryResource(path=str(path))


def tick(instance: dg.DagsterInstance, resource: RegistryResource) -> dg.SensorResult:
    with dg.build_sensor_context(instance=instance, resources={"registry": resource}) as context:
        return company_registry_sensor(context)


def apply(instance: dg.DagsterInstance, result: dg.SensorResult) -> None:
    """What the daemon does with the sensor's partition requests."""
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)


def test_sensor_adds_new_companies_and_scrapes_them_once(tmp_path: Path) -> None:
    with dg.instance_for_test() as instance:
        result = tick(instance, registry(tmp_path, ["acme", "globex"]))
        assert [r.partition_key for r in result.run_requests] == ["acme", "globex"]
        assert len({r.run_key for r in result.run_requests}) == 2
        apply(instance, result)
        assert instance.get_dynamic_partitions("company") == ["acme", "globex"]

        again = tick(instance, registry(tmp_path, ["acme", "globex"]))
        assert again.run_requests == [] and again.dynamic_partitions_requests == []


def test_sensor_removes_deleted_companies(tmp_path: Path) -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["acme", "globex", "initech"])
        result = tick(instance, registry(tmp_path, ["globex", "umbrella"]))
        apply(instance, result)
        assert sorted(instance.get_dynamic_partitions("company")) == ["globex", "umbrella"]
        assert [r.partition_key for r in result.run_requests] == ["umbrella"]


def test_invalid_registry_fails_the_tick_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(yaml.safe_dump({"companies": [{"slug": "Bad Slug", "name": "x", "sources": []}]}))
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["acme"])
        with pytest.raises(RegistryError, match="Bad Slug"):
            tick(instance, RegistryResource(path=str(path)))
        assert instance.get_dynamic_partitions("company") == ["acme"]  # nothing removed on bad input


def schedule_tick(instance: dg.DagsterInstance, batch: int = 1) -> list[dg.RunRequest] | dg.SkipReason:
    # As a context manager: the schedule context opens its own instance from the ref, and that instance
    # must be closed in order (left open, it is closed whenever it is garbage-collected, which resets
    # Dagster's process-wide defs-state storage to an instance that is gone, failing a later test).
    with dg.build_schedule_context(
        instance=instance,
        scheduled_execution_time=datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
        resources={"automation": AutomationResource(scrape_batch=batch)},
    ) as context:
        return daily_scrape(context)


def test_daily_schedule_requests_one_run_per_company() -> None:
    with dg.instance_for_test() as instance:
        assert isinstance(schedule_tick(instance), dg.SkipReason)
        instance.add_dynamic_partitions("company", ["a", "b", "c"])
        requests = schedule_tick(instance)
        assert [r.partition_key for r in requests] == ["a", "b", "c"]
        assert requests[0].run_key == "2026-11-23T06:00:a"  # one run per company per day, never twice


def test_daily_schedule_batches_with_the_automation_resource() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["a", "b", "c"])
        requests = schedule_tick(instance, batch=2)
        assert [(r.partition_key, r.tags.get(RANGE_START), r.tags.get(RANGE_END)) for r in requests] == [
            (None, "a", "b"),
            ("c", None, None),
        ]


def test_batches_split_at_gaps_in_the_partition_order() -> None:
    order = ["a", "b", "c", "d", "e", "f"]
    batches = company_batches(order, ["f", "a", "b", "d", "e"], 3)  # what `job-assets run --company` gives
    assert [b.companies for b in batches] == [("a", "b"), ("d", "e", "f")]
    assert [b.companies for b in company_batches(order, order, 1)] == [(k,) for k in order]
    with pytest.raises(ValueError, match="zeta"):
        company_batches(order, ["a", "zeta"], 2)


def test_partition_sync_is_one_rule_for_the_sensor_and_the_cli(tmp_path: Path) -> None:
    assert partition_changes(["a", "b", "c"], ["b", "d", "d", "e"]) == (["d", "e"], ["a", "c"])
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["acme", "initech"])
        sensor = tick(instance, registry(tmp_path, ["acme", "globex"]))
        assert sync_partitions(instance, ["acme", "globex"]) == (["globex"], ["initech"])
        (add, delete) = sensor.dynamic_partitions_requests
        assert (list(add.partition_keys), list(delete.partition_keys)) == (["globex"], ["initech"])


def test_batched_schedule_requests_cover_every_company_once() -> None:
    keys = [f"c{i:02d}" for i in range(7)]
    requests = scrape_requests(keys, 3, "t")
    runs = [(r.partition_key, r.tags.get(RANGE_START), r.tags.get(RANGE_END)) for r in requests]
    assert runs == [(None, "c00", "c02"), (None, "c03", "c05"), ("c06", None, None)]  # one left: a plain run
    assert len({r.run_key for r in requests}) == len(requests)
