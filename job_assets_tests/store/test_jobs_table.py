"""`jobs`, `job_matches`, `user_fields` and `jobs_view` on every store backend (a DuckDB file, DuckLake)."""

from __future__ import annotations

from dataclasses import replace

import polars as pl
import pytest

from job_assets.dedup.history import deduplicate_postings
from job_assets.store.jobs_table import (
    UnknownJobError,
    ensure_schema,
    read_jobs,
    read_jobs_view,
    read_matches,
    read_user_fields,
    set_user_fields,
    write_jobs,
)
from job_assets_tests.dedup.postings import DAY1, DAY2, company_base, description, frame, posting
from job_assets_tests.store.conftest import Store


def first_build():
    rows = [*company_base(), posting("lever:pay-mirror", "Backend Engineer, Payments", "payments")]
    return rows, deduplicate_postings(frame(rows), None, None, {"acme"}, DAY1)


def job_id(build, key: str) -> str:
    return build.matches.filter(pl.col("posting_key") == key)["job_id"].item()


def test_write_then_read_round_trips_every_column(store: Store) -> None:
    _, build = first_build()
    with store.connect() as conn:
        write_jobs(conn, build)
        assert read_jobs(conn).equals(build.jobs)
        assert read_matches(conn).equals(build.matches)
        view = read_jobs_view(conn)
    assert view.height == build.jobs.height
    assert view["favorite"].to_list() == [False] * view.height and set(view["status"]) == {"new"}


def test_user_fields_survive_rebuilds_and_follow_merges(store: Store) -> None:
    rows, first = first_build()
    design = job_id(first, "greenhouse:acme-design")
    with store.connect() as conn:
        write_jobs(conn, first)
        set_user_fields(conn, design, favorite=True, status="applied", notes="ping Ana")
    without_design = [r for r in rows if r["posting_key"] != "greenhouse:acme-design"]
    second = deduplicate_postings(frame(without_design), first.jobs, first.matches, {"acme"}, DAY2)
    with store.connect() as conn:
        write_jobs(conn, second)
        write_jobs(conn, second)  # idempotent
        row = read_jobs_view(conn).filter(pl.col("job_id") == design).to_dicts()[0]
    assert (row["favorite"], row["status"], row["notes"], row["is_open"]) == (
        True,
        "applied",
        "ping Ana",
        False,
    )
    # A merge moves the absorbed job's fields to the surviving job.
    merged = replace(
        second,
        merges=pl.DataFrame({"from_job_id": [design], "into_job_id": [job_id(second, "greenhouse:acme-id")]}),
    )
    with store.connect() as conn:
        set_user_fields(conn, job_id(second, "greenhouse:acme-id"), notes="own note")
        write_jobs(conn, merged)
        write_jobs(conn, merged)  # a retried write merges nothing twice
        survivor = (
            read_jobs_view(conn)
            .filter(pl.col("job_id") == job_id(second, "greenhouse:acme-id"))
            .to_dicts()[0]
        )
        assert read_user_fields(conn).height == 2  # the absorbed job's own row is kept too
    assert (survivor["favorite"], survivor["status"]) == (True, "applied")
    assert survivor["notes"] == "own note\nping Ana"


def test_set_user_fields_updates_only_what_it_is_given(store: Store) -> None:
    _, build = first_build()
    target = job_id(build, "greenhouse:acme-search")
    with store.connect() as conn:
        write_jobs(conn, build)
        set_user_fields(conn, target, favorite=True, notes="first note")
        row = set_user_fields(conn, target, status="interviewing")
        assert (row["favorite"], row["status"], row["notes"]) == (True, "interviewing", "first note")
        row = set_user_fields(conn, target, favorite=False, notes="")
        assert (row["favorite"], row["status"], row["notes"]) == (False, "interviewing", None)


def test_set_user_fields_errors_are_clear(store: Store) -> None:
    with (
        store.connect() as conn,
        pytest.raises(UnknownJobError, match="materialize the `jobs` asset"),
    ):
        set_user_fields(conn, "job_x", favorite=True)
    _, build = first_build()
    with store.connect() as conn:
        write_jobs(conn, build)
        with pytest.raises(ValueError, match=r"unknown status 'maybe'.*interested"):
            set_user_fields(conn, job_id(build, "greenhouse:acme-pay"), status="maybe")
        with pytest.raises(UnknownJobError, match="no job with id 'job_nope'"):
            set_user_fields(conn, "job_nope", status="applied")
        with pytest.raises(ValueError, match="nothing to set"):
            set_user_fields(conn, job_id(build, "greenhouse:acme-pay"))
        assert read_user_fields(conn).is_empty()


def test_a_failed_write_leaves_the_previous_tables(store: Store) -> None:
    _, build = first_build()
    with store.connect() as conn:
        write_jobs(conn, build)
        broken = replace(build, jobs=pl.concat([build.jobs, build.jobs.head(1)]))
        with pytest.raises(ValueError, match="not unique"):
            write_jobs(conn, broken)
        bad_matches = replace(build, matches=build.matches.with_columns(score=pl.lit("x")))
        with pytest.raises(Exception):  # noqa: B017 - any failure inside the transaction
            write_jobs(conn, bad_matches)
        assert read_jobs(conn).equals(build.jobs) and read_matches(conn).equals(build.matches)


def test_ensure_schema_and_reads_before_the_first_build(store: Store) -> None:
    with store.connect() as conn:
        assert read_jobs(conn).is_empty() and read_matches(conn).is_empty()
        ensure_schema(conn)
        ensure_schema(conn)
        assert read_jobs_view(conn).is_empty()
        assert read_jobs(conn, company="acme").columns == build_cols()


def build_cols() -> list[str]:
    from job_assets.dedup.schema import JOBS_SCHEMA

    return list(JOBS_SCHEMA)


def test_previous_state_read_back_feeds_the_next_build(store: Store) -> None:
    rows, first = first_build()
    with store.connect() as conn:
        write_jobs(conn, first)
        previous_jobs, previous_matches = read_jobs(conn), read_matches(conn)
    repost = posting(
        "greenhouse:acme-design-2",
        "Product Designer",
        None,
        description_text=description("acme", "design", edit=" Now with a critique."),
        fetched_at=DAY2,
    )
    day2 = [r for r in rows if r["posting_key"] != "greenhouse:acme-design"] + [repost]
    second = deduplicate_postings(frame(day2), previous_jobs, previous_matches, {"acme"}, DAY2)
    assert job_id(second, "greenhouse:acme-design-2") == job_id(first, "greenhouse:acme-design")
