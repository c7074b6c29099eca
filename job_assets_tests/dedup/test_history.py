"""The jobs table over several days: stable ids, open/closed, first_seen_at, the zero-postings guard."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from job_assets.dedup.history import HistoryConfig, JobsBuild, deduplicate_postings, new_job_id
from job_assets_tests.dedup.postings import DAY1, DAY2, DAY3, company_base, description, frame, posting

ALL = {"acme", "globex"}


def build(
    rows: list[dict], previous: JobsBuild | None, now: datetime, scraped: set[str] = ALL, **config
) -> JobsBuild:
    return deduplicate_postings(
        frame(rows),
        previous.jobs if previous else None,
        previous.matches if previous else None,
        scraped,
        now,
        HistoryConfig(**config) if config else None,
    )


def job_of(result: JobsBuild, key: str, company: str = "acme") -> dict:
    job_id = result.matches.filter((pl.col("posting_key") == key) & (pl.col("company") == company))[
        "job_id"
    ].item()
    return result.jobs.filter(pl.col("job_id") == job_id).to_dicts()[0]


def check_invariants(result: JobsBuild) -> None:
    assert result.jobs["job_id"].is_unique().all()
    exploded = result.jobs.select("company", "job_id", pl.col("posting_keys").alias("posting_key")).explode(
        "posting_key"
    )
    assert exploded.select("company", "posting_key").is_unique().all()  # a posting is in exactly one job
    joined = exploded.join(result.matches, on=["company", "posting_key"], how="full", coalesce=True)
    assert joined.filter(pl.col("job_id") != pl.col("job_id_right")).is_empty()
    assert joined.height == result.matches.height == exploded.height


def day1_rows() -> list[dict]:
    return [
        *company_base(),
        posting("greenhouse:ae-ny", "Account Executive - New York", "sales", locations=["New York, NY"]),
        posting("greenhouse:ae-chi", "Account Executive - Chicago", "sales", locations=["Chicago, IL"]),
        posting("lever:pay-mirror", "Backend Engineer, Payments", "payments", fetched_at=DAY1),
    ]


def test_first_build_groups_and_describes_jobs() -> None:
    first = build(day1_rows(), None, DAY1)
    check_invariants(first)
    ae = job_of(first, "greenhouse:ae-ny")
    assert ae["title"] == "Account Executive"  # the copy's city is not the job's title
    assert ae["locations"] == ["Chicago, IL", "New York, NY"]
    assert ae["is_open"] and ae["closed_at"] is None and ae["first_seen_at"] == DAY1
    # A new job's id derives from its earliest posting (same posted/fetched times: the smaller key).
    assert ae["job_id"] == new_job_id("acme", "greenhouse:ae-chi")
    pay = job_of(first, "lever:pay-mirror")
    assert pay["sources"] == ["greenhouse", "lever"] and len(pay["posting_keys"]) == 2
    assert first.jobs.height == 6


def test_rebuild_with_the_same_input_is_idempotent() -> None:
    first = build(day1_rows(), None, DAY1)
    again = build(day1_rows(), first, DAY1)
    assert again.jobs.equals(first.jobs)
    assert again.matches.equals(first.matches)
    later = build(day1_rows(), again, DAY2)  # same postings, a day later: nothing changes but nothing moves
    assert later.jobs.equals(first.jobs)


def test_job_id_is_stable_when_a_posting_joins_or_leaves_its_job() -> None:
    first = build(day1_rows(), None, DAY1)
    ae_id = job_of(first, "greenhouse:ae-ny")["job_id"]
    added = [
        *day1_rows(),
        posting("greenhouse:ae-aus", "Account Executive - Austin", "sales", locations=["Austin, TX"]),
    ]
    second = build(added, first, DAY2)
    assert job_of(second, "greenhouse:ae-aus")["job_id"] == ae_id
    assert "Austin, TX" in job_of(second, "greenhouse:ae-aus")["locations"]
    # The job's first posting leaves: the id stays (it is inherited, not re-derived).
    removed = [r for r in added if r["posting_key"] != "greenhouse:ae-ny"]
    third = build(removed, second, DAY3)
    assert job_of(third, "greenhouse:ae-chi")["job_id"] == ae_id
    check_invariants(third)


def test_vanished_jobs_close_and_come_back_with_their_id_and_first_seen() -> None:
    first = build(day1_rows(), None, DAY1)
    design = job_of(first, "greenhouse:acme-design")
    without = [r for r in day1_rows() if r["posting_key"] != "greenhouse:acme-design"]
    second = build(without, first, DAY2)
    closed = second.jobs.filter(pl.col("job_id") == design["job_id"]).to_dicts()[0]
    assert not closed["is_open"] and closed["closed_at"] == DAY2 and closed["first_seen_at"] == DAY1
    assert second.jobs.filter(pl.col("is_open")).height == first.jobs.height - 1
    check_invariants(second)
    third = build(day1_rows(), second, DAY3)  # the posting is back
    back = job_of(third, "greenhouse:acme-design")
    assert back["job_id"] == design["job_id"]
    assert back["is_open"] and back["closed_at"] is None and back["first_seen_at"] == DAY1
    check_invariants(third)


def test_a_repost_under_a_new_id_the_next_day_keeps_the_job() -> None:
    first = build(day1_rows(), None, DAY1)
    design = job_of(first, "greenhouse:acme-design")
    repost = posting(
        "greenhouse:acme-design-2",
        "Product Designer",
        None,
        description_text=description("acme", "design", edit=" You will present in our weekly critique."),
        fetched_at=DAY2,
    )
    day2 = [r for r in day1_rows() if r["posting_key"] != "greenhouse:acme-design"] + [repost]
    second = build(day2, first, DAY2)
    job = job_of(second, "greenhouse:acme-design-2")
    assert job["job_id"] == design["job_id"] and job["is_open"] and job["first_seen_at"] == DAY1
    assert job["posting_keys"] == ["greenhouse:acme-design-2"]
    match = second.matches.filter(pl.col("posting_key") == "greenhouse:acme-design-2").to_dicts()[0]
    assert match["matched_to"] == f"job:{design['job_id']}"  # matched against the job's last known text
    assert second.jobs.filter(~pl.col("is_open")).is_empty()
    check_invariants(second)


def test_first_seen_never_moves_and_last_seen_follows_fetches() -> None:
    first = build(day1_rows(), None, DAY1)
    refetched = [{**r, "fetched_at": DAY3} for r in day1_rows()]
    later = build(refetched, first, DAY3)
    joined = first.jobs.join(later.jobs, on="job_id", suffix="_later")
    assert joined.height == first.jobs.height
    assert (joined["first_seen_at"] == joined["first_seen_at_later"]).all()
    assert (joined["last_seen_at_later"] == DAY3).all()


def test_zero_postings_guard_keeps_jobs_open_and_reports_the_company() -> None:
    first = build(day1_rows(), None, DAY1)
    globex_only = [posting("greenhouse:g1", "Search Engineer", "search", company="globex")]
    second = build(globex_only, first, DAY2, guard_min_open=5)
    assert set(second.guarded_companies) == {"acme"}
    assert "acme" in second.guarded_companies["acme"] and "6" in second.guarded_companies["acme"]
    acme = second.jobs.filter(pl.col("company") == "acme")
    assert acme.height == 6 and acme["is_open"].all()
    check_invariants(second)
    # Collapsed to a tiny fraction (1 of 6 < 20%) is guarded too; a company with few jobs is not.
    one_left = [day1_rows()[0]]
    assert set(build(one_left, first, DAY2, guard_min_open=5).guarded_companies) == {"acme"}
    small = build(one_left, first, DAY2, guard_min_open=10)
    assert small.guarded_companies == {}
    assert small.jobs.filter(pl.col("company") == "acme")["is_open"].sum() == 1


def test_companies_not_scraped_keep_their_previous_state() -> None:
    first = build(day1_rows(), None, DAY1)
    second = build([], first, DAY2, scraped=set())
    assert second.jobs.equals(first.jobs)
    assert second.guarded_companies == {}


def test_two_previous_jobs_merged_by_a_new_posting_report_the_merge() -> None:
    rows = [
        *company_base(),
        posting("lever:plain", "Platform Engineer", None, description_text=description("acme", "quality")),
        posting(
            "greenhouse:long",
            "Platform Engineer, Search Quality",
            None,
            description_text=description("acme", "ads"),
        ),
    ]
    first = build(rows, None, DAY1)
    assert job_of(first, "lever:plain")["job_id"] != job_of(first, "greenhouse:long")["job_id"]
    # The long posting's text is rewritten to the plain one's: now they are one job, and the merge is reported.
    rows[-1] = {**rows[-1], "description_text": description("acme", "quality", edit=" Updated.")}
    second = build(rows, first, DAY2)
    assert job_of(second, "lever:plain")["job_id"] == job_of(second, "greenhouse:long")["job_id"]
    assert second.merges.height == 1
    check_invariants(second)


def test_new_job_ids_are_deterministic_and_now_must_be_aware() -> None:
    assert (
        new_job_id("acme", "greenhouse:1")
        == new_job_id("acme", "greenhouse:1")
        != new_job_id("acme", "greenhouse:2")
    )
    one = build(day1_rows(), None, DAY1)
    two = build(list(reversed(day1_rows())), None, DAY1)
    assert one.jobs.equals(two.jobs)
    with pytest.raises(ValueError, match="timezone-aware"):
        build(day1_rows(), None, datetime(2025, 9, 15))
