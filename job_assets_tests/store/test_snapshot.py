"""A notebook reading while the pipeline writes: two (and three) real processes on real DuckDB files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from job_assets.store import db, snapshot
from job_assets_tests.store.store_workers import jobs_frame

ROOT = Path(__file__).resolve().parents[2]
ROWS = 400


@contextmanager
def worker(role: str, *args: object) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "job_assets_tests.store.store_workers", role, *map(str, args)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        yield proc
    finally:
        if proc.stdin and not proc.stdin.closed:
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def next_event(proc: subprocess.Popen[str]) -> dict:
    line = proc.stdout.readline() if proc.stdout else ""
    if not line:
        raise AssertionError(f"worker exited ({proc.wait()}) without reporting")
    return json.loads(line)


def seed_store(live: Path, generation: int = 0) -> None:
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", jobs_frame(generation, ROWS))
    snapshot.publish_snapshot(live)


def test_reader_never_blocks_writer_and_never_sees_a_torn_state(tmp_path: Path) -> None:
    live = tmp_path / "jobs.duckdb"
    seed_store(live)
    rounds = 8
    with worker("reader", live) as reader:
        assert next_event(reader) == {"event": "ready", "generation": 0}
        # While the reader holds its snapshot open, the live file is free for a writer at once.
        with db.connect(live, wait_s=0.5) as conn:
            conn.execute("select 1").fetchall()
        with worker("writer", live, rounds, ROWS) as writer:
            events = [next_event(writer) for _ in range(rounds + 1)]
        reader.stdin.close()  # type: ignore[union-attr]
        report = next_event(reader)

    writes = [e for e in events if e["event"] == "round"]
    assert [e["generation"] for e in writes] == list(range(1, rounds + 1))
    # The writer never waited on the reader: no lock wait beyond noise, and publishing stays short.
    assert max(e["lock_wait_s"] for e in writes) < 0.5, writes
    assert max(e["publish_s"] for e in writes) < 5.0, writes
    assert report["n_errors"] == 0, report["errors"]
    assert report["loops"] > rounds, report
    generations = report["generations"]
    assert generations == sorted(generations) and generations[-1] == rounds, generations
    assert len(generations) >= 3, f"the reader should have watched the writer make progress: {generations}"


def test_open_reader_sees_new_snapshots_while_an_old_one_stays_open(tmp_path: Path) -> None:
    live = tmp_path / "jobs.duckdb"
    seed_store(live, generation=1)
    old = snapshot.open_reader(live)
    seed_store(live, generation=2)
    new = snapshot.open_reader(live)
    assert old.sql("select distinct generation from jobs").fetchall() == [(1,)]
    assert new.sql("select distinct generation from jobs").fetchall() == [(2,)]
    info = snapshot.snapshot_info(new)
    assert info["jobs"] == ROWS and info["copy_seconds"] >= 0
    assert not list(tmp_path.glob(".*.tmp*")), "temporary snapshot files left behind"
    old.close()
    new.close()


def test_open_reader_publishes_a_first_snapshot_and_explains_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(snapshot.SnapshotUnavailableError, match="job-assets demo"):
        snapshot.open_reader(tmp_path / "absent.duckdb")
    live = tmp_path / "jobs.duckdb"
    with db.connect(live) as conn:
        db.replace_table(conn, "jobs", jobs_frame(5, 10))
        conn.execute("create table enriched_postings as select 1 as x")  # live-only tables and their views
        conn.execute("create view enriched_view as select * from enriched_postings")
    conn = snapshot.open_reader(live)  # no snapshot yet: made from the live store
    assert conn.sql("select count(*) from jobs_view").fetchall() == [(10,)]
    names = {row[0] for row in conn.sql("select table_name from information_schema.tables").fetchall()}
    assert {"jobs", "user_fields", "jobs_view", "search_terms"} <= names
    assert not {"enriched_postings", "enriched_view"} & names
    with pytest.raises(duckdb.Error):  # read-only: a notebook cannot write the snapshot by mistake
        conn.execute("delete from jobs")
    conn.close()


def test_marking_a_job_writes_the_live_store_and_shows_in_the_snapshot(tmp_path: Path) -> None:
    live = tmp_path / "jobs.duckdb"
    seed_store(live)
    reader = snapshot.open_reader(live)
    snapshot.mark_job("job-00003", favorite=True, status="applied", notes="phone screen friday", db_path=live)
    fresh = snapshot.open_reader(live)
    row = fresh.sql("select favorite, status, notes from jobs_view where job_id = 'job-00003'").fetchall()
    assert row == [(True, "applied", "phone screen friday")]
    # The reader opened before the mark still has its consistent (older) view.
    assert reader.sql("select count(*) from user_fields").fetchall() == [(0,)]
    with db.connect(live, read_only=True) as conn:
        assert conn.sql("select status from user_fields where job_id = 'job-00003'").fetchall() == [
            ("applied",)
        ]
    reader.close()
    fresh.close()


def test_marking_fails_fast_and_clearly_while_a_materialisation_holds_the_store(tmp_path: Path) -> None:
    live = tmp_path / "jobs.duckdb"
    seed_store(live)
    with worker("holder", live) as holder:
        assert next_event(holder)["event"] == "locked"
        started = time.monotonic()
        with pytest.raises(db.StoreLockedError, match="store is busy"):
            snapshot.mark_job("job-00001", favorite=True, db_path=live, wait_s=1.0)
        assert time.monotonic() - started < 5.0
        reader = snapshot.open_reader(live)  # reading still works during the materialisation
        assert reader.sql("select count(*) from jobs").fetchall() == [(ROWS,)]
        reader.close()
        holder.stdin.close()  # type: ignore[union-attr]
        assert next_event(holder)["event"] == "released"
    snapshot.mark_job("job-00001", favorite=True, db_path=live, wait_s=5.0)
    with snapshot.open_reader(live) as conn:
        assert conn.sql("select favorite from jobs_view where job_id = 'job-00001'").fetchall() == [(True,)]
