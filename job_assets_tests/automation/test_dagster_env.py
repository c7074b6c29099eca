"""Dagster's switches for big registries: set where the user has not chosen, never overriding a choice."""

import dagster as dg

from job_assets.automation import dagster_env
from job_assets.automation.partitions import company_partitions


def test_apply_sets_the_switches_and_keeps_a_users_own_value() -> None:
    environ = dagster_env.apply({"DAGSTER_EVENT_BATCH_SIZE": "50"})
    assert environ["DAGSTER_EVENT_BATCH_SIZE"] == "50"
    assert environ["DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS"] == "true"


def test_a_range_run_is_planned_with_one_event_per_asset_not_one_per_partition(monkeypatch) -> None:
    """What the switch buys at run creation, on a real (SQLite) instance: 1 planned event for 50 companies."""
    for name, value in dagster_env.DAGSTER_ENV.items():
        monkeypatch.setenv(name, value)

    @dg.asset(partitions_def=company_partitions)
    def rows() -> None: ...

    job = dg.define_asset_job("rows_job", selection=[rows], partitions_def=company_partitions)
    defs = dg.Definitions(assets=[rows], jobs=[job])
    keys = [f"c{i:03d}" for i in range(50)]
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(company_partitions.name, keys)
        result = defs.resolve_job_def("rows_job").execute_in_process(
            instance=instance,
            tags={
                "dagster/asset_partition_range_start": keys[0],
                "dagster/asset_partition_range_end": keys[-1],
            },
        )
        assert result.success
        planned = instance.get_records_for_run(
            result.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED
        ).records
        materialized = instance.get_latest_materialization_event(dg.AssetKey("rows"))
        assert len(planned) == 1
        assert planned[0].event_log_entry.dagster_event.event_specific_data.partitions_subset is not None
        # the partitions are still materialized one by one: their status in the UI is unchanged
        assert materialized is not None
        assert len(instance.get_materialized_partitions(dg.AssetKey("rows"))) == 50
