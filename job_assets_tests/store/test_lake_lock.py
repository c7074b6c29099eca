"""A DuckLake on a SQLite catalog while another process holds its lock (a real SQLite transaction; a lock held in
this process would not count, SQLite's locks are per process).

Seen under load with parallel writers: a reader's statements and the attach answered "database is locked" once
SQLite's own busy wait ran out. The catalog is kept in WAL mode, so a writer's transaction no longer locks
readers out; a catalog locked against readers too (exclusive locking mode) is waited for, then reported.
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
    "if sys.argv[2] == 'readers-too': conn.execute('pragma locking_mode=exclusive')\n"
    "conn.execute('begin exclusive')\n"
    "conn.execute('create table if not exists _held (x)')\n"
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


def _hold(sqlite_lake: lake.LakeTarget, mode: str) -> Iterator[subprocess.Popen[str]]:
    catalog = sqlite_lake.url.removeprefix("ducklake:sqlite:")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, catalog, mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


@pytest.fixture
def holder(sqlite_lake: lake.LakeTarget) -> Iterator[subprocess.Popen[str]]:
    """Another process with the catalog locked against readers too."""
    yield from _hold(sqlite_lake, "readers-too")


@pytest.fixture
def writer(sqlite_lake: lake.LakeTarget) -> Iterator[subprocess.Popen[str]]:
    """Another process in the middle of a write transaction on the catalog (what a committing run does)."""
    yield from _hold(sqlite_lake, "writer")


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


def test_a_reader_reads_while_another_process_writes(
    sqlite_lake: lake.LakeTarget, writer: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backoffs: list[float] = []
    monkeypatch.setattr(lake, "time", SimpleNamespace(sleep=backoffs.append))
    conn = duckdb.connect()
    lake.attach(conn, sqlite_lake, read_only=True)
    assert conn.execute("select id from postings").fetchall() == [(1,)]
    assert backoffs == []  # never waited: the catalog is in WAL mode
    assert writer.poll() is None  # and the write transaction was still open throughout
