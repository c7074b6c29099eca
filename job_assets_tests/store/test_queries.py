"""The notebook's queries: DuckDB and SQLite give the same answers; search ranks what it should."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

from benchmarks.sqlite_mirror import compare, run_sqlite, to_sqlite
from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store import db, queries, snapshot
from job_assets_tests.deploy.test_notebook import load_benchmark


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[duckdb.DuckDBPyConnection, object]:
    workdir = tmp_path_factory.mktemp("generated")
    live = workdir / "jobs.duckdb"
    load_benchmark().generate_store(live, 5000)
    snapshot.publish_snapshot(live)
    duck = snapshot.open_reader(live)
    lite = to_sqlite(duck, workdir / "jobs.sqlite")
    yield duck, lite
    duck.close()
    lite.close()


@pytest.mark.parametrize("name", list(queries.QUERIES))
def test_duckdb_and_sqlite_agree(generated, name: str) -> None:
    duck, lite = generated
    frame = queries.run(duck, name)
    rows = run_sqlite(lite, name)
    assert frame.height > 0, f"{name} found nothing on 5,000 generated jobs"
    assert compare(rows, frame), f"{name}:\nduckdb {frame.head(5)}\nsqlite {rows[:5]}"


def test_pay_quantiles_are_ordered_and_cover_every_group(generated) -> None:
    duck, _ = generated
    frame = queries.pay_quantiles(duck, "seniority", "USD")
    for row in frame.iter_rows(named=True):
        assert row["p10"] <= row["p25"] <= row["p50"] <= row["p75"] <= row["p90"], row
    expected = duck.sql(
        "select count(*) from jobs where is_open and salary_currency = 'USD' and salary_annual_min is not null"
    ).fetchall()[0][0]
    assert frame.get_column("n").sum() == expected
    with pytest.raises(ValueError, match="grouped by"):
        queries.pay_quantiles(duck, "company")


def test_tokenizer_matches_the_index_tokenizer() -> None:
    text = "Sr. C++/C# Développeur — ML_ops, Node.js & 3D naïve-café Straße ÉQUIPE 2025"
    sql_tokens = duckdb.sql(
        f"select regexp_extract_all(lower(?), '{snapshot.TOKEN_PATTERN}')", params=[text]
    ).fetchall()[0][0]
    assert queries.tokenize(text) == sql_tokens
    assert {"c++", "c#", "développeur", "naïve", "café"} <= set(sql_tokens)


def job(job_id: str, title: str, description: str, skills: list[str], is_open: bool = True) -> dict:
    now = datetime.now(UTC)
    return {
        "job_id": job_id, "company": "acme", "company_name": "Acme", "title": title, "description_text": description,
        "skills": skills, "is_open": is_open, "first_seen_at": now - timedelta(days=1), "last_seen_at": now,
    }  # fmt: skip


def test_search_ranks_title_matches_first_and_respects_open_only(tmp_path: Path) -> None:
    filler = "We build reliable systems with a friendly team. " * 3
    rows = [
        job("title-hit", "Rust Engineer", filler, ["go"]),
        job("skill-hit", "Backend Engineer", filler, ["rust"]),
        job("text-hit", "Backend Engineer", filler + "Some rust tooling.", ["go"]),
        job("closed-hit", "Rust Engineer", filler, ["rust"], is_open=False),
        *[job(f"other-{i}", "Product Designer", filler, ["figma"]) for i in range(20)],
    ]
    live = tmp_path / "jobs.duckdb"
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", conform(pl.DataFrame(rows), JOBS_SCHEMA))
    snapshot.publish_snapshot(live)
    with snapshot.open_reader(live) as conn:
        hits = queries.search(conn, "Rust engineer")
        assert hits.get_column("job_id").to_list()[:3] == ["title-hit", "skill-hit", "text-hit"]
        assert "closed-hit" not in hits.get_column("job_id").to_list()
        everything = queries.search(conn, "rust", open_only=False).get_column("job_id").to_list()
        assert everything[0] == "closed-hit" and len(everything) == 4
        assert queries.search(conn, "kubernetes").height == 0
        with pytest.raises(ValueError, match="nothing to search"):
            queries.search(conn, " -- ")
        # Every job was first seen a day ago: "this week" until six days from now, then no longer.
        new = queries.new_this_week(conn, now=datetime.now(UTC) + timedelta(days=5))
        assert set(new.get_column("job_id")) == {r["job_id"] for r in rows if r["is_open"]}
        assert queries.new_this_week(conn, now=datetime.now(UTC) + timedelta(days=6, hours=1)).height == 0
