"""A DuckLake on a SQLite catalog that another process holds locked: opening it waits, it does not fail the run.

Seen under load with parallel writers: attaching the lake answered "database is locked" once SQLite's own busy
wait ran out. Here another process holds the catalog's lock (a real exclusive SQLite transaction; a lock held in
this process would not count, SQLite's locks are per process) until the first backoff, then lets go.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from job_assets.store import lake

HOLD = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('begin exclusive')\n"
    "print('held', flush=True)\n"
    "sys.stdin.readline()\n"
    "conn.execute('commit')\n"
)


@pytest.fixture
def sqlite_lake(tmp_path: Path) -> lake.LakeTarget:
    target = lake.LakeTarget(f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}", f"{tmp_path / 'data'}/")
    conn = duckdb.connect()
    lake.attach(conn, target)
    conn.execute("create table postings as select 1 as id")
    conn.close()
    return target


@pytest.fixture
def holder(sqlite_lake: lake.LakeTarget) -> Iterator[subprocess.Popen[str]]:
    catalog = sqlite_lake.url.removeprefix("ducklake:sqlite:")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, catalog], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.close()
    proc.wait(timeout=30)


def test_opening_a_locked_catalog_waits_for_the_lock(
    sqlite_lake: lake.LakeTarget, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backoffs: list[float] = []

    def backoff(seconds: float) -> None:  # the first backoff: the other process commits and lets go
        backoffs.append(seconds)
        if holder.poll() is None:
            _release(holder)

    monkeypatch.setattr(lake, "time", SimpleNamespace(sleep=backoff))
    conn = duckdb.connect()
    lake.attach(conn, sqlite_lake, read_only=True)
    assert conn.execute("select id from postings").fetchall() == [(1,)]
    assert backoffs, "the catalog was never locked: this test proves nothing"


def test_a_catalog_that_stays_locked_fails_clearly(
    sqlite_lake: lake.LakeTarget, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lake, "time", SimpleNamespace(sleep=lambda _seconds: None))
    monkeypatch.setattr(lake._until_unlocked, "__defaults__", (2,))  # two attempts, SQLite's busy wait each
    with pytest.raises(lake.LakeConfigError, match="database is locked"):
        lake.attach(duckdb.connect(), sqlite_lake, read_only=True)
