"""DuckLake with a PostgreSQL 15 catalog on loopback: several processes write different companies at
once while a reader reads throughout. Every commit lands, the reader only ever sees whole companies,
nothing is lost; a `jobs` build that races with a company's commit is redone from the new state."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from job_assets.dedup.history import build_chunks
from job_assets.store import db, lake, queries, snapshot
from job_assets.store.jobs_build import rebuild_jobs
from job_assets.store.jobs_table import read_jobs, set_user_fields
from job_assets_tests.dedup.postings import DAY1, company_base, frame
from job_assets_tests.store import lake_writers
from job_assets_tests.store.conftest import Store, make_store

pytestmark = pytest.mark.slow
COMPANIES = ("alpha", "bravo", "charlie")
ROUNDS = 8


@pytest.fixture(params=["ducklake-postgres", "ducklake-sqlite"])
def lake_store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return make_store(request.param, tmp_path, request)


def _whole(conn, seen_rounds: dict[str, set[int]]) -> None:
    """Every company the reader sees is one whole round: ROWS rows, all of one round."""
    rows = conn.sql(
        f"select company, count(*), min(round), max(round) from {lake_writers.TABLE} group by company"
    ).fetchall()
    for company, count, low, high in rows:
        assert count == lake_writers.ROWS and low == high, (
            f"half-written {company}: {count} rows, rounds {low}..{high}"
        )
        seen_rounds.setdefault(company, set()).add(low)


def test_parallel_company_writers_and_a_reader(lake_store: Store, tmp_path: Path) -> None:
    with lake_store.connect() as conn:  # the table exists before the race (as after a first scrape)
        db.replace_partition(conn, lake_writers.TABLE, "seed", lake_writers.company_rows("seed", 0))
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "job_assets_tests.store.lake_writers",
                lake_store.database,
                lake_store.data_path or "",
                company,
                str(ROUNDS),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for company in COMPANIES
    ]
    seen: dict[str, set[int]] = {}
    reads = 0
    try:
        while any(w.poll() is None for w in writers) or reads == 0:  # read until every writer has exited
            reader = snapshot.open_reader(lake_store.database, data_path=lake_store.data_path)
            try:
                _whole(reader, seen)
            finally:
                reader.close()
            reads += 1
    finally:
        outputs = [w.communicate(timeout=300) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err[-3000:]
        assert out.count("committed") == ROUNDS
    with lake_store.connect(read_only=True) as conn:
        final = dict(conn.sql(f"select company, max(round) from {lake_writers.TABLE} group by 1").fetchall())
        _whole(conn, {})
        # every commit of every writer is a snapshot of its own
        commits = conn.sql(
            f"select count(*) from ducklake_snapshots('{lake.ALIAS}') where snapshot_id > 0"
        ).fetchall()[0][0]
    assert final == {"seed": 0, **{c: ROUNDS - 1 for c in COMPANIES}}
    assert commits >= 1 + len(COMPANIES) * ROUNDS
    assert reads > 1


def test_time_travel_reads_an_older_snapshot(lake_store: Store) -> None:
    with lake_store.connect() as conn:
        db.replace_partition(conn, lake_writers.TABLE, "alpha", lake_writers.company_rows("alpha", 0))
        first = lake.current_snapshot(conn)
        before = datetime.now(UTC)
        db.replace_partition(conn, lake_writers.TABLE, "alpha", lake_writers.company_rows("alpha", 1))
    for reader in (
        snapshot.open_reader(lake_store.database, at_version=first),
        snapshot.open_reader(lake_store.database, at_time=before),
        snapshot.open_reader(lake_store.database),
    ):
        try:
            rounds = reader.sql(f"select distinct round from {lake_writers.TABLE}").fetchall()
        finally:
            reader.close()
        assert len(rounds) == 1
    with snapshot.open_reader(lake_store.database, at_version=first) as old:
        assert old.sql(f"select distinct round from {lake_writers.TABLE}").fetchall() == [(0,)]
        with pytest.raises(Exception, match=r"read-only|read only"):
            old.execute(f"delete from {lake_writers.TABLE}")


def _enriched(company: str) -> pl.DataFrame:
    return frame(company_base(company))


def test_a_jobs_build_that_raced_with_a_company_commit_is_redone(lake_store: Store) -> None:
    with lake_store.connect() as conn:
        db.replace_partition(conn, "enriched_postings", "acme", _enriched("acme"))
    raced = []

    def build_while_another_run_commits(chunks, previous_job_ids, scraped, now):
        if not raced:  # the first build: another run commits a company while we build
            raced.append(True)
            with lake_store.connect() as other:
                db.replace_partition(other, "enriched_postings", "globex", _enriched("globex"))
        return build_chunks(chunks, previous_job_ids, scraped, now)

    result = rebuild_jobs(lake_store.connect, build=build_while_another_run_commits, now=DAY1)
    assert result.rounds == 2 and result.settled
    with snapshot.open_reader(lake_store.database) as reader:
        assert set(read_jobs(reader).get_column("company")) == {"acme", "globex"}
        assert queries.search(reader, "engineer").height > 0  # the index is committed with the jobs
    with lake_store.connect() as conn:
        job = read_jobs(conn).get_column("job_id")[0]
        set_user_fields(conn, job, favorite=True)
    again = rebuild_jobs(lake_store.connect, now=DAY1)
    assert again.rounds == 1
    with lake_store.connect(read_only=True) as conn:
        assert conn.sql("select count(*) from jobs_view where favorite").fetchall() == [(1,)]
