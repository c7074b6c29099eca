"""The registry sensor and the daily schedule against a real (temporary) Dagster instance."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pytest
import yaml

from job_assets.automation.schedules import RANGE_END, RANGE_START, daily_scrape, scrape_requests
from job_assets.automation.sensors import company_registry_sensor
from job_assets.registry import RegistryError
from job_assets.resources import RegistryResource


def registry(tmp_path: Path, slugs: list[str]) -> RegistryResource:
    path = tmp_path / "companies.yaml"
    companies = [
        {"slug": s, "name": s.title(), "sources": [{"type": "greenhouse", "board": s}]} for s in slugs
    ]
    path.write_text(yaml.safe_dump({"companies": companies}))
    return RegistryResource(path=str(path))


def tick(instance: dg.DagsterInstance, resource: RegistryResource) -> dg.SensorResult:
    context = dg.build_sensor_context(instance=instance, resources={"registry": resource})
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


def test_daily_schedule_requests_one_run_per_company() -> None:
    with dg.instance_for_test() as instance:
        when = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
        context = dg.build_schedule_context(instance=instance, scheduled_execution_time=when)
        assert isinstance(daily_scrape(context), dg.SkipReason)
        instance.add_dynamic_partitions("company", ["a", "b", "c"])
        requests = daily_scrape(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
        assert [r.partition_key for r in requests] == ["a", "b", "c"]
        assert requests[0].run_key == "2026-11-23T06:00:a"  # one run per company per day, never twice


def test_batched_schedule_requests_cover_every_company_once() -> None:
    keys = [f"c{i:02d}" for i in range(7)]
    requests = scrape_requests(keys, 3, "t")
    ranges = [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in requests]
    assert ranges == [("c00", "c02"), ("c03", "c05"), ("c06", "c06")]
