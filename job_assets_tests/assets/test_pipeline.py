"""The assets end to end on a real Dagster instance, real loopback HTTP and a real DuckDB file."""

from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from job_assets.assets.checks import asset_checks
from job_assets.assets.enriched import enriched_postings
from job_assets.assets.jobs import jobs
from job_assets.assets.parsed import parsed_postings
from job_assets.assets.raw import raw_postings
from job_assets.automation.batching import RANGE_END, RANGE_START
from job_assets.store.db import connect, read_table
from job_assets_sandbox.catalog.sample import sample_catalog
from job_assets_sandbox.server import AtsDevServer

COMPANIES = [
    "northwind-robotics",
    "fernhill-games",
    "brightpath-health",
]  # Greenhouse, Lever, Greenhouse+Ashby
ASSETS = [raw_postings, parsed_postings, enriched_postings, jobs, *asset_checks]
PER_COMPANY = [raw_postings, parsed_postings, enriched_postings]


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        inst.add_dynamic_partitions("company", COMPANIES)
        yield inst


def scrape(instance, resources, company: str, raise_on_error: bool = True) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS,
        selection=PER_COMPANY,
        partition_key=company,
        instance=instance,
        resources=resources,
        raise_on_error=raise_on_error,
    )


def scrape_all_in_one_run(instance, resources) -> dg.ExecuteInProcessResult:
    """A batched run: every company partition as one range, as backfills and the batched schedule do."""
    keys = instance.get_dynamic_partitions("company")
    return dg.materialize(
        ASSETS,
        selection=PER_COMPANY,
        instance=instance,
        resources=resources,
        tags={RANGE_START: keys[0], RANGE_END: keys[-1]},
    )


def materialize_jobs_table(instance, resources) -> dg.ExecuteInProcessResult:
    return dg.materialize(ASSETS, selection=[jobs], instance=instance, resources=resources)


def table(db: Path, name: str) -> pl.DataFrame:
    with connect(db, read_only=True) as conn:
        return read_table(conn, name)


def expected_keys(company: str, day: int = 1) -> set[str]:
    catalog = sample_catalog()
    return {
        f"{p.source}:{p.source_id}"
        for p in catalog.postings(day, company=company)
        if catalog.render(p, day).get("isListed", True)
    }


def test_several_partitions_end_to_end(instance, pipeline_resources, db_path: Path) -> None:
    for company in COMPANIES:
        scrape(instance, pipeline_resources, company)
    result = materialize_jobs_table(instance, pipeline_resources)
    assert all(c.passed for c in result.get_asset_check_evaluations())

    for name in ("raw_postings", "parsed_postings", "enriched_postings"):
        rows = table(db_path, name)
        for company in COMPANIES:
            keys = set(
                rows.filter(pl.col("company") == company)
                .select(pl.concat_str("source", pl.lit(":"), "source_id"))
                .to_series()
            )
            assert keys == expected_keys(company), (name, company)
    jobs_table = table(db_path, "jobs")
    assert 0 < jobs_table.height < table(db_path, "parsed_postings").height  # mirrored postings merged
    mirrored = jobs_table.filter(pl.col("sources").list.len() > 1)
    assert mirrored.height > 0 and set(mirrored.get_column("company")) == {"brightpath-health"}

    materialized = instance.get_materialized_partitions(raw_postings.key)
    assert materialized == set(COMPANIES)


def test_rematerialising_is_idempotent(instance, pipeline_resources, db_path: Path) -> None:
    scrape(instance, pipeline_resources, "fernhill-games")
    scrape(instance, pipeline_resources, "northwind-robotics")
    before = table(db_path, "parsed_postings").drop("fetched_at").sort("posting_key")
    scrape(instance, pipeline_resources, "fernhill-games")
    after = table(db_path, "parsed_postings").drop("fetched_at").sort("posting_key")
    assert after.equals(before)
    assert after.get_column("posting_key").is_unique().all()


def test_failed_fetch_keeps_previous_rows_and_says_why(
    instance, pipeline_resources, db_path: Path, ats_server: AtsDevServer
) -> None:
    scrape(instance, pipeline_resources, "fernhill-games")
    scrape(instance, pipeline_resources, "northwind-robotics")
    materialize_jobs_table(instance, pipeline_resources)
    raw_before = table(db_path, "raw_postings").sort("company", "source_id")
    open_before = table(db_path, "jobs").filter("is_open").height

    ats_server.fail(r"/lever/", 500, times=None)
    result = scrape(instance, pipeline_resources, "fernhill-games", raise_on_error=False)
    assert not result.success
    [failure] = [e for e in result.all_events if e.is_step_failure]
    message = failure.step_failure_data.error.message + str(failure.step_failure_data.user_failure_data)
    assert "fernhill-games" in message and "lever" in message and "HTTP 500" in message
    assert ats_server.lever_url in message

    assert table(db_path, "raw_postings").sort("company", "source_id").equals(raw_before)
    log = table(db_path, "scrape_log").sort("finished_at")
    assert (
        log.row(-1, named=True)["status"] == "failed"
        and log.row(-1, named=True)["company"] == "fernhill-games"
    )
    materialize_jobs_table(instance, pipeline_resources)  # the failed scrape closes nothing
    assert table(db_path, "jobs").filter("is_open").height == open_before


def test_second_day_closes_and_opens_jobs_without_moving_first_seen(
    instance, pipeline_resources, db_path: Path, ats_server: AtsDevServer
) -> None:
    for company in COMPANIES:
        scrape(instance, pipeline_resources, company)
    materialize_jobs_table(instance, pipeline_resources)
    day1 = table(db_path, "jobs")

    ats_server.day = 2
    for company in COMPANIES:
        scrape(instance, pipeline_resources, company)
    materialize_jobs_table(instance, pipeline_resources)
    day2 = table(db_path, "jobs")

    gone = expected_keys_all(1) - expected_keys_all(2)
    closed = day2.filter(~pl.col("is_open"))
    assert gone, "the sample catalogue removes postings on day 2"
    assert closed.height > 0 and closed.get_column("closed_at").is_not_null().all()
    kept = day1.join(day2, on="job_id", suffix="_2")
    assert kept.height == day1.height  # no job id vanished
    assert (kept.get_column("first_seen_at") == kept.get_column("first_seen_at_2")).all()


def expected_keys_all(day: int) -> set[str]:
    return set().union(*(expected_keys(c, day) for c in COMPANIES))


def test_a_batched_run_materialises_a_range_of_companies(instance, pipeline_resources, db_path: Path) -> None:
    result = scrape_all_in_one_run(instance, pipeline_resources)
    assert result.success
    assert set(table(db_path, "enriched_postings").get_column("company")) == set(COMPANIES)
    assert instance.get_materialized_partitions(enriched_postings.key) == set(COMPANIES)


def test_a_batched_run_keeps_going_past_a_failing_company(
    instance, pipeline_resources, db_path: Path, ats_server: AtsDevServer
) -> None:
    scrape(instance, pipeline_resources, "fernhill-games")
    before = table(db_path, "raw_postings")
    ats_server.fail(r"/lever/", 503, times=None)
    result = scrape_all_in_one_run(instance, pipeline_resources)
    assert result.success
    raw = table(db_path, "raw_postings")
    assert (
        raw.filter(pl.col("company") == "fernhill-games").sort("source_id").equals(before.sort("source_id"))
    )  # the failed company's last good scrape is untouched
    assert {"northwind-robotics", "brightpath-health"} <= set(raw.get_column("company"))
    log = table(db_path, "scrape_log").filter(pl.col("run_id") == result.run_id)
    assert dict(log.select("company", "status").iter_rows()) == {
        "fernhill-games": "failed",
        "northwind-robotics": "ok",
        "brightpath-health": "ok",
    }
    [check] = [
        c
        for c in dg.materialize(
            ASSETS,
            selection=dg.AssetSelection.checks_for_assets(raw_postings),
            instance=instance,
            resources=pipeline_resources,
        ).get_asset_check_evaluations()
        if c.check_name == "latest_scrapes_succeeded"
    ]
    assert not check.passed
