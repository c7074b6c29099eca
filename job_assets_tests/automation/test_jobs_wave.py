"""When the jobs table is rebuilt: the rule as a plain function, then the `automation_jobs` sensor on a real
instance: no build while scrapes or GPU runs are queued or going or while companies wait for enrichment, one
build when the wave is over, and one for a lone company added later."""

import dagster as dg
import pytest

from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE
from job_assets.automation.jobs_wave import Upstream, why_not_build
from job_assets.automation.sensors import jobs_automation_sensor

DONE = Upstream(
    latest_enriched=10,
    latest_jobs=5,
    scraping=False,
    enriching=False,
    building=False,
    waiting=0,
    last_gpu_failed=False,
)


def test_built_once_the_wave_is_over() -> None:
    assert why_not_build(DONE) is None
    assert why_not_build(Upstream(**{**DONE.__dict__, "latest_jobs": None})) is None  # never built yet


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"latest_enriched": None}, "nothing enriched"),
        ({"latest_jobs": 11}, "newer than every enrichment"),
        ({"building": True}, "already queued or running"),
        ({"scraping": True}, "scrape runs are still going"),
        ({"enriching": True}, "GPU run is queued or going"),
        ({"waiting": 3}, "3 companies wait"),
    ],
)
def test_waits_while_more_can_come(change: dict[str, object], reason: str) -> None:
    assert reason in (why_not_build(Upstream(**{**DONE.__dict__, **change})) or "")


def test_a_failed_gpu_run_does_not_hold_back_what_was_enriched() -> None:
    assert why_not_build(Upstream(**{**DONE.__dict__, "waiting": 3, "last_gpu_failed": True})) is None
    # but it still waits for runs that are going
    assert why_not_build(
        Upstream(**{**DONE.__dict__, "waiting": 3, "last_gpu_failed": True, "enriching": True})
    )


def _materialize(instance: dg.DagsterInstance, key: str, partition: str | None = None) -> None:
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=key, partition=partition))


def _run(instance: dg.DagsterInstance, job: str, status: dg.DagsterRunStatus, **tags: str) -> str:
    run = instance.add_run(
        dg.DagsterRun(job_name=job, run_id=f"{job}-{len(instance.get_runs())}", status=status, tags=tags)
    )
    return run.run_id


def _tick(instance: dg.DagsterInstance) -> dg.RunRequest | dg.SkipReason:
    with dg.build_sensor_context(instance=instance) as context:
        return jobs_automation_sensor(context)


def _finish(instance: dg.DagsterInstance, run_id: str, status: dg.DagsterRunStatus) -> None:
    """The run as it ends (the sensor reads only run statuses)."""
    run = instance.get_run_by_id(run_id)
    assert run is not None
    instance.delete_run(run_id)
    instance.add_run(run.with_status(status))


def test_the_sensor_builds_once_per_wave_and_for_a_lone_company_later() -> None:
    gpu = {GPU_TAG_KEY: GPU_TAG_VALUE}
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["a", "b", "c"])
        assert isinstance(_tick(instance), dg.SkipReason)  # nothing enriched yet

        # The wave: a scrape run still going while the first GPU run has enriched a and b.
        scrape = _run(instance, "scrape_companies", dg.DagsterRunStatus.STARTED)
        for key in ["a", "b"]:
            _materialize(instance, "parsed_postings", key)
            _materialize(instance, "enriched_postings", key)
        skip = _tick(instance)
        assert isinstance(skip, dg.SkipReason) and "scrape runs" in (skip.skip_message or "")

        _materialize(instance, "parsed_postings", "c")
        _finish(instance, scrape, dg.DagsterRunStatus.SUCCESS)
        skip = _tick(instance)  # c waits for its GPU run
        assert isinstance(skip, dg.SkipReason) and "1 companies wait" in (skip.skip_message or "")

        gpu_run = _run(instance, "enrich_companies", dg.DagsterRunStatus.NOT_STARTED, **gpu)  # just created
        skip = _tick(instance)
        assert isinstance(skip, dg.SkipReason) and "GPU run" in (skip.skip_message or "")

        _materialize(instance, "enriched_postings", "c")
        _finish(instance, gpu_run, dg.DagsterRunStatus.SUCCESS)
        request = _tick(instance)  # the wave is over: one build
        assert isinstance(request, dg.RunRequest)
        assert request.run_key == _tick(instance).run_key  # type: ignore[union-attr]  # the same build, once

        _materialize(instance, "jobs")
        assert isinstance(_tick(instance), dg.SkipReason)  # up to date

        # A lone company added later: scraped, enriched by its own GPU run, then the table again.
        instance.add_dynamic_partitions("company", ["d"])
        _materialize(instance, "parsed_postings", "d")
        assert isinstance(_tick(instance), dg.SkipReason)
        _materialize(instance, "enriched_postings", "d")
        assert isinstance(_tick(instance), dg.RunRequest)


def test_a_failed_gpu_run_lets_the_table_build_from_what_was_enriched() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("company", ["a", "b"])
        for key in ["a", "b"]:
            _materialize(instance, "parsed_postings", key)
        _materialize(instance, "enriched_postings", "a")
        assert isinstance(_tick(instance), dg.SkipReason)  # b waits
        _run(instance, "enrich_companies", dg.DagsterRunStatus.FAILURE, **{GPU_TAG_KEY: GPU_TAG_VALUE})
        assert isinstance(_tick(instance), dg.RunRequest)
