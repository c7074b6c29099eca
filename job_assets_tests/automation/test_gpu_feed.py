"""The GPU automation's choice of work, and the batch size rule, as plain functions; then the sensor on a real
instance: one run over every waiting company, none while a GPU run is active or while a small amount waits
and scrapes are still going."""

import dagster as dg
import pytest

from job_assets.automation.batching import MAX_BATCH, RANGE_END, RANGE_START, batch_size
from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE
from job_assets.automation.gpu_feed import (
    UNKNOWN_POSTINGS,
    plan_batch,
    posting_counts,
    stale_partitions,
    worth_starting,
)
from job_assets.automation.sensors import gpu_automation_sensor
from job_assets.resources import AutomationResource, LLMResource

ORDER = ["a", "b", "c", "d", "e"]


def test_stale_partitions_are_those_parsed_after_their_enrichment() -> None:
    parsed = {"a": 10, "b": 20, "c": 30, "e": 50}
    enriched = {"a": 15, "b": 12, "d": 40}
    assert stale_partitions(ORDER, parsed, enriched) == ["b", "c", "e"]  # d never parsed: nothing to enrich


def test_plan_takes_every_waiting_company_up_to_the_budget() -> None:
    counts = {"b": 100, "c": 200, "e": 300}
    whole = plan_batch(ORDER, ["b", "c", "e"], counts, budget=10_000)
    assert whole is not None and (whole.start, whole.end, whole.stale, whole.postings) == (
        "b",
        "e",
        ("b", "c", "e"),
        600,
    )
    cut = plan_batch(ORDER, ["b", "c", "e"], counts, budget=350)
    assert cut is not None and (cut.start, cut.end, cut.postings) == ("b", "c", 300)
    one = plan_batch(ORDER, ["e"], counts, budget=10)  # a company bigger than the budget still goes, alone
    assert one is not None and one.stale == ("e",) and one.postings == 300
    assert plan_batch(ORDER, ["b"], {}, budget=10_000).postings == UNKNOWN_POSTINGS  # type: ignore[union-attr]
    assert plan_batch(ORDER, [], counts, budget=10) is None


def test_posting_counts_read_one_record_per_scrape_run_and_the_newest_figure_wins() -> None:
    # Two range runs parsed a..c (ids 1-3) and d..e (ids 4-5); then a one-company run parsed b again (id 6).
    records = {
        1: {"a": 10, "b": 20, "c": 30},
        2: {"a": 10, "b": 20, "c": 30},
        3: {"a": 10, "b": 20, "c": 30},
        4: {"d": 40, "e": 50},
        5: {"d": 40, "e": 50},
        6: {"b": 21},
    }
    latest = {"a": 1, "b": 6, "c": 3, "d": 4, "e": 5}
    read: list[int] = []

    def per_company_of(storage_id: int) -> dict[str, int]:
        read.append(storage_id)
        return records[storage_id]

    counts = posting_counts(["a", "b", "c", "e"], latest, per_company_of)
    assert counts == {"a": 10, "b": 21, "c": 30, "e": 50}  # d is not waiting: not counted
    assert sorted(read) == [3, 5, 6]  # one record per run, not one per company
    assert posting_counts(["x"], {"x": 7}, lambda _: {}) == {"x": UNKNOWN_POSTINGS}  # a parse without counts


def test_a_run_starts_when_it_fills_the_batch_or_nothing_more_is_coming() -> None:
    assert worth_starting(256, 256, more_coming=True)
    assert not worth_starting(100, 256, more_coming=True)
    assert worth_starting(100, 256, more_coming=False)


@pytest.mark.parametrize(
    ("companies", "expected"),
    [(1, 1), (10, 1), (11, 11), (100, 100), (200, 200), (201, 101), (1000, 200), (5000, 200)],
)
def test_batch_size_from_the_registry_size(companies: int, expected: int) -> None:
    assert batch_size(companies) == expected <= MAX_BATCH


def test_a_configured_batch_size_wins() -> None:
    assert batch_size(5000, 7) == 7 and batch_size(3, 50) == 50
    with pytest.raises(ValueError, match="at least 1"):
        batch_size(10, 0)


def _materialize(instance: dg.DagsterInstance, key: str, partition: str, rows: int | None = None) -> None:
    metadata = {"per_company": dg.MetadataValue.json({partition: rows})} if rows is not None else {}
    instance.report_runless_asset_event(
        dg.AssetMaterialization(asset_key=key, partition=partition, metadata=metadata)
    )


def _tick(instance: dg.DagsterInstance, concurrency: int = 256) -> dg.RunRequest | dg.SkipReason:
    with dg.build_sensor_context(instance=instance) as context:
        return gpu_automation_sensor(
            context,
            llm=LLMResource(concurrency=concurrency),
            automation=AutomationResource(gpu_run_postings=1000),
        )


def test_the_sensor_requests_one_run_over_every_waiting_company() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ORDER)
        assert isinstance(_tick(instance), dg.SkipReason)  # nothing parsed yet
        for key in ORDER:
            _materialize(instance, "parsed_postings", key, rows=100)
        _materialize(instance, "enriched_postings", "a")  # a is up to date
        request = _tick(instance)
        assert isinstance(request, dg.RunRequest)
        assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("b", "e")
        assert request.tags[GPU_TAG_KEY] == GPU_TAG_VALUE and request.tags["dagster/priority"] == "10"

        for key in ["b", "c", "d", "e"]:
            _materialize(instance, "enriched_postings", key)
        _materialize(instance, "parsed_postings", "c", rows=100)
        # 100 postings wait, fewer than the 256 that fill the batch, but no scrape run is going: it goes now
        request = _tick(instance)
        assert (
            isinstance(request, dg.RunRequest) and request.tags[RANGE_START] == request.tags[RANGE_END] == "c"
        )


def test_no_second_gpu_run_while_one_is_running() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ORDER)
        _materialize(instance, "parsed_postings", "a", rows=500)
        instance.add_run(
            dg.DagsterRun(
                job_name="enrich_companies",
                run_id="running-gpu-run",
                status=dg.DagsterRunStatus.STARTED,
                tags={GPU_TAG_KEY: GPU_TAG_VALUE},
            )
        )
        skip = _tick(instance)
        assert isinstance(skip, dg.SkipReason) and "queued or running" in (skip.skip_message or "")


def test_a_little_work_waits_while_scrapes_are_still_going() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ORDER)
        _materialize(instance, "parsed_postings", "a", rows=40)
        instance.add_run(
            dg.DagsterRun(job_name="scrape_companies", run_id="scraping", status=dg.DagsterRunStatus.STARTED)
        )
        skip = _tick(instance)
        assert isinstance(skip, dg.SkipReason) and "40 postings" in (skip.skip_message or "")
        assert isinstance(_tick(instance, concurrency=32), dg.RunRequest)  # a small server is full already
