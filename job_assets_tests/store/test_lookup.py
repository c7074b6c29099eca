"""`job-assets search`'s reader: the store's ranked keyword search, then the filters, on a real snapshot."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store.db import connect
from job_assets.store.lookup import JobFilters, JobNotFoundError, job_detail, search_jobs
from job_assets.store.snapshot import open_reader

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def job(job_id: str, title: str, **fields: object) -> dict[str, object]:
    return {
        "job_id": job_id, "company": "acme", "company_name": "Acme Robotics", "title": title,
        "description_text": f"{title}. We use Python.", "locations": ["Berlin"], "remote": "onsite",
        "seniority": "mid", "is_open": True, "first_seen_at": NOW - timedelta(days=30), "url": f"https://x/{job_id}",
    } | fields  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Path:
    rows = [
        job("j1", "Senior Python Engineer", seniority="senior", remote="remote", salary_min=150000.0,
            salary_max=180000.0, salary_currency="USD", salary_period="year", salary_annual_min=150000.0,
            salary_annual_max=180000.0),
        job("j2", "Python Engineer", first_seen_at=NOW - timedelta(days=2), salary_min=60.0, salary_max=70.0,
            salary_currency="USD", salary_period="hour", salary_annual_min=124800.0, salary_annual_max=145600.0),
        job("j3", "Python Engineer", company="globex", company_name="Globex", salary_min=200000.0,
            salary_currency="EUR", salary_period="year", salary_annual_min=200000.0),
        job("j4", "Senior Python Engineer", is_open=False),
        job("j5", "Office Manager", description_text="Run the office."),
    ]  # fmt: skip
    frame = conform(pl.DataFrame(rows, infer_schema_length=None), JOBS_SCHEMA)
    path = tmp_path / "jobs.duckdb"
    with connect(path) as conn:
        conn.register("incoming", frame)
        conn.execute("create table jobs as select * from incoming")
    return path


def ids(frame: pl.DataFrame) -> list[str]:
    return frame.get_column("job_id").to_list()


def test_ranked_open_jobs_only(store: Path) -> None:
    with open_reader(store) as conn:
        found = search_jobs(conn, "senior python", now=NOW)
    assert ids(found)[0] == "j1" and "j4" not in ids(found) and "j5" not in ids(found)


def test_filters(store: Path) -> None:
    with open_reader(store) as conn:
        assert ids(search_jobs(conn, "python", JobFilters(remote=("remote",)), now=NOW)) == ["j1"]
        assert ids(search_jobs(conn, "python", JobFilters(seniority=("Senior",)), now=NOW)) == ["j1"]
        assert ids(search_jobs(conn, "python", JobFilters(companies=("glob",)), now=NOW)) == ["j3"]
        # annual pay in the asked currency: the hourly job's year reaches 140k, the EUR job is not in USD
        assert sorted(ids(search_jobs(conn, "python", JobFilters(min_pay=140000), now=NOW))) == ["j1", "j2"]
        assert ids(search_jobs(conn, "python", JobFilters(min_pay=190000, currency="eur"), now=NOW)) == ["j3"]
        assert ids(search_jobs(conn, "python", JobFilters(new_days=7), now=NOW)) == ["j2"]
        assert ids(search_jobs(conn, "", JobFilters(new_days=7), now=NOW)) == [
            "j2"
        ]  # no words: filters alone
        assert (
            ids(search_jobs(conn, "python", limit=1, now=NOW))
            == ids(search_jobs(conn, "python", now=NOW))[:1]
        )


def test_show_unknown_job(store: Path) -> None:
    with open_reader(store) as conn:
        with pytest.raises(JobNotFoundError, match="job-assets search"):
            job_detail(conn, store, "nope")
        detail = job_detail(conn, store, "j2")
    assert detail.job["status"] == "new" and detail.postings == []  # no job_matches in this store
