"""Saved searches end to end: real Dagster instance, sample boards over loopback, a real DuckDB file and a
webhook on loopback receiving the alerts. Day 2 sends exactly the new jobs; failures lose nothing."""

from pathlib import Path

import dagster as dg
import polars as pl
import pytest
import yaml

from job_assets.assets.enriched import enriched_postings
from job_assets.assets.jobs import jobs
from job_assets.assets.matches import job_matches_by_search
from job_assets.assets.parsed import parsed_postings
from job_assets.assets.raw import raw_postings
from job_assets.resources import SearchesResource
from job_assets.store.db import connect
from job_assets.store.matches import read_deliveries, read_matches
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.matching.channels import Webhook
from job_assets_tests.servers import free_port

COMPANIES = ["northwind-robotics", "tidewater-analytics"]
ASSETS = [raw_postings, parsed_postings, enriched_postings, jobs, job_matches_by_search]


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        inst.add_dynamic_partitions("company", COMPANIES)
        yield inst


def searches_file(path: Path, notify: list[str], **extra: object) -> Path:
    path.write_text(
        yaml.safe_dump(
            {
                "searches": [
                    {"name": "northwind", "companies": ["northwind-robotics"], "notify": notify, **extra},
                    {"name": "engineers", "keywords": ["engineer"], "notify": notify},
                ]
            }
        )
    )
    return path


def day(instance, resources: dict, raise_on_error: bool = True) -> dg.ExecuteInProcessResult:
    """One simulated day: scrape every company, then the jobs table and the matches (one run, as
    `job-assets run` and the automation do: matches downstream of jobs)."""
    for company in COMPANIES:
        dg.materialize(
            ASSETS, selection=ASSETS[:3], partition_key=company, instance=instance, resources=resources
        )
    return build(instance, resources, raise_on_error)


def build(instance, resources: dict, raise_on_error: bool = True) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS, selection=[jobs, job_matches_by_search], instance=instance, resources=resources,
        raise_on_error=raise_on_error,
    )  # fmt: skip


def open_ids(db: Path, company: str) -> set[str]:
    with connect(db, read_only=True) as conn:
        rows = conn.execute("select job_id from jobs where is_open and company = ?", [company]).fetchall()
    return {r[0] for r in rows}


def urls_of(db: Path, job_ids: set[str]) -> set[str]:
    with connect(db, read_only=True) as conn:
        rows = conn.execute(
            "select url from jobs where list_contains(?, job_id)", [sorted(job_ids)]
        ).fetchall()
    return {r[0] for r in rows}


def northwind_messages(hook: Webhook) -> list[str]:
    return [b["message"] for b in hook.received("/alerts") if "'northwind'" in b["title"]]


def test_day_two_sends_exactly_the_new_matches(
    instance, pipeline_resources, db_path: Path, ats_server: AtsDevServer, tmp_path: Path
) -> None:
    with Webhook() as hook:
        path = searches_file(tmp_path / "searches.yaml", [f"json://127.0.0.1:{hook.port}/alerts"])
        resources = {**pipeline_resources, "searches": SearchesResource(path=str(path))}
        day(instance, resources)
        day1 = open_ids(db_path, "northwind-robotics")
        [first] = northwind_messages(hook)

        ats_server.day = 2
        day(instance, resources)
        day2 = open_ids(db_path, "northwind-robotics")
        messages = northwind_messages(hook)
        with connect(db_path, read_only=True) as conn:
            new_after_day2 = set(read_matches(conn, "northwind").filter("new").get_column("job_id"))

        build(instance, resources)  # a rebuild with nothing new sends nothing, and marks nothing new
        assert len(northwind_messages(hook)) == len(messages)

    new_on_day2 = day2 - day1
    assert new_on_day2, "the sample boards add postings on day 2"
    assert all(url in first for url in urls_of(db_path, day1))
    [second] = messages[1:]
    listed = {url for url in urls_of(db_path, day1 | day2) if url in second}
    assert listed == urls_of(db_path, new_on_day2)  # the new ones, and none of day 1's again

    with connect(db_path, read_only=True) as conn:
        stored = read_matches(conn, "northwind", active_only=False)
        deliveries = read_deliveries(conn)
    assert set(stored.filter("active").get_column("job_id")) == day2  # closed jobs drop out
    assert new_after_day2 == new_on_day2
    assert not stored.get_column("new").any()
    sent = deliveries.filter(pl.col("ok")).explode("job_ids").select("search", "channel_key", "job_ids")
    assert not sent.is_duplicated().any()  # each job at most once per search and channel, ever
    assert "/alerts" not in "".join(deliveries.get_column("channel"))  # the URL's path is masked


def test_failed_channels_lose_nothing_and_succeed_next_build(
    instance, pipeline_resources, db_path: Path, tmp_path: Path
) -> None:
    port = free_port()  # nothing listens here yet: connection refused
    path = searches_file(tmp_path / "searches.yaml", [f"json://127.0.0.1:{port}/alerts"])
    resources = {**pipeline_resources, "searches": SearchesResource(path=str(path))}
    result = day(instance, resources)
    [materialization] = [m for m in result.asset_materializations_for_node("job_matches_by_search")]
    assert materialization.metadata["alerts_failed"].value == 2
    expected = open_ids(db_path, "northwind-robotics")

    with Webhook() as hook:  # the receiver is up, but answers 500 once
        hook_url = f"json://127.0.0.1:{hook.port}/alerts"
        searches_file(path, [hook_url])
        hook.fail("/alerts", 500, times=1, methods=["POST"])
        build(instance, resources)
        build(instance, resources)
        build(instance, resources)  # nothing pending any more: nothing sent
        received = northwind_messages(hook)
    assert len(received) == 1  # the 500'd attempt, then one successful digest
    assert all(url in received[0] for url in urls_of(db_path, expected))
    with connect(db_path, read_only=True) as conn:
        log = read_deliveries(conn, "northwind")
        every = read_deliveries(conn)
    # refused, then (when its digest was the one that met the single 500: the searches' digests go out in no
    # fixed order) a failure, then delivered; across the searches: two refused and one 500
    ok = log.get_column("ok").to_list()
    assert ok[0] is False and ok[-1] is True and not any(ok[1:-1]) and len(ok) in (2, 3), ok
    assert every.filter(~pl.col("ok")).height == 3
    assert set(log.filter("ok").explode("job_ids").get_column("job_ids")) == expected
    assert log.filter(~pl.col("ok")).get_column("error").str.len_chars().min() > 0


def test_bad_searches_file_fails_matches_not_jobs(
    instance, pipeline_resources, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "searches.yaml"
    path.write_text(yaml.safe_dump({"searches": [{"name": "pay", "min_annual_pay": 100000}]}))
    resources = {**pipeline_resources, "searches": SearchesResource(path=str(path))}
    result = day(instance, resources, raise_on_error=False)
    assert not result.success
    assert result.asset_materializations_for_node("jobs")  # the jobs table was built
    assert open_ids(db_path, "northwind-robotics")
    [failure] = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_key == "job_matches_by_search"
    message = str(failure.step_failure_data.user_failure_data.description)
    assert f"{path}: search 'pay': field (the search): min_annual_pay needs a currency" in message
    assert "the jobs table is unaffected" in message


def test_no_searches_file_is_not_an_error(instance, pipeline_resources, tmp_path: Path) -> None:
    resources = {**pipeline_resources, "searches": SearchesResource(path=str(tmp_path / "none.yaml"))}
    result = day(instance, resources)
    [materialization] = result.asset_materializations_for_node("job_matches_by_search")
    assert materialization.metadata["searches"].value == 0
