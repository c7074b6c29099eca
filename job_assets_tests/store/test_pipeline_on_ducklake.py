"""The whole pipeline (scrape, parse, enrich, jobs, checks) through Dagster on DuckLake with a PostgreSQL
15 catalog on loopback, as docker-compose and Kubernetes run it; readers then see the live tables."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from job_assets.resources import StoreResource
from job_assets.store import queries, snapshot
from job_assets.store.db import read_table
from job_assets.store.jobs_table import set_user_fields
from job_assets_tests.assets.test_pipeline import COMPANIES, expected_keys, materialize_jobs_table, scrape
from job_assets_tests.store.conftest import make_store

pytestmark = pytest.mark.slow


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        inst.add_dynamic_partitions("company", COMPANIES)
        yield inst


def test_pipeline_end_to_end_on_ducklake_postgres(
    instance, pipeline_resources, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store = make_store("ducklake-postgres", tmp_path, request)
    resources = {
        **pipeline_resources,
        "store": StoreResource(database=store.database, data_path=store.data_path),
    }
    for company in COMPANIES:
        scrape(instance, resources, company)
    result = materialize_jobs_table(instance, resources)
    assert all(c.passed for c in result.get_asset_check_evaluations())
    [materialization] = result.asset_materializations_for_node("jobs")
    assert "lake_snapshot" in materialization.metadata and "reader_snapshot" not in materialization.metadata

    reader = snapshot.open_reader(store.database, data_path=store.data_path)
    try:
        raw = read_table(reader, "raw_postings")
        for company in COMPANIES:
            keys = set(
                raw.filter(pl.col("company") == company)
                .select(pl.concat_str("source", pl.lit(":"), "source_id"))
                .to_series()
            )
            assert keys == expected_keys(company), company
        jobs = read_table(reader, "jobs")
        assert 0 < jobs.height < read_table(reader, "parsed_postings").height  # mirrored postings merged
        hits = queries.search(reader, "engineer")
        assert hits.height > 0 and set(hits.get_column("job_id")) <= set(jobs.get_column("job_id"))
        first = reader.sql("select id from lake.current_snapshot()").fetchall()[0][0]
    finally:
        reader.close()

    with store.connect() as conn:  # the user's mark survives the next build, on the live tables
        set_user_fields(conn, jobs.get_column("job_id")[0], favorite=True, notes="call back")
    materialize_jobs_table(instance, resources)
    with snapshot.open_reader(store.database, data_path=store.data_path) as reader:
        assert queries.marked_jobs(reader).get_column("notes").to_list() == ["call back"]
    with snapshot.open_reader(store.database, data_path=store.data_path, at_version=first) as old:
        assert queries.marked_jobs(old).height == 0  # before the mark
