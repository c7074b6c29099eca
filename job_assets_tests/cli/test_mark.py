"""`job-assets mark`: the user's fields from the command line, against a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from job_assets.cli import main
from job_assets.dedup.history import deduplicate_postings
from job_assets.store.db import connect
from job_assets.store.jobs_table import read_jobs_view, write_jobs
from job_assets_tests.dedup.postings import DAY1, company_base, frame


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "jobs.duckdb"
    build = deduplicate_postings(frame(company_base()), None, None, {"acme"}, DAY1)
    with connect(path) as conn:
        write_jobs(conn, build)
    return path, build.jobs["job_id"][0]


def test_mark_sets_fields(db: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, job_id = db
    assert (
        main(
            [
                "mark",
                job_id,
                "--favorite",
                "--status",
                "applied",
                "--notes",
                "recruiter call Tue",
                "--db",
                str(path),
            ]
        )
        == 0
    )
    assert f"{job_id}: favorite=yes status=applied" in capsys.readouterr().out
    assert main(["mark", job_id, "--no-favorite", "--db", str(path)]) == 0
    with connect(path, read_only=True) as conn:
        row = read_jobs_view(conn).filter(pl.col("job_id") == job_id).to_dicts()[0]
    assert (row["favorite"], row["status"], row["notes"]) == (False, "applied", "recruiter call Tue")


def test_mark_errors(db: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, job_id = db
    assert main(["mark", "job_missing", "--favorite", "--db", str(path)]) == 2
    assert "no job with id 'job_missing'" in capsys.readouterr().err
    assert main(["mark", job_id, "--db", str(path)]) == 2
    assert "nothing to set" in capsys.readouterr().err
    assert main(["mark", job_id, "--favorite", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no jobs database" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["mark", job_id, "--status", "maybe", "--db", str(path)])
    assert "invalid choice: 'maybe'" in capsys.readouterr().err
