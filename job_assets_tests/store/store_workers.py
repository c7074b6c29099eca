"""Separate processes for the live-store tests: `python -m job_assets_tests.store.store_workers ROLE ...`.

Each prints one JSON line per event on stdout so the test can follow it without sleeping.
- writer LIVE ROUNDS ROWS: like a materialisation: replaces `jobs` with ROWS rows of generation g in
  one transaction, closes, publishes the snapshot; reports how long each step took.
- reader LIVE: holds one snapshot connection open for its whole life and opens a fresh one per loop;
  checks every answer is one whole generation; stops when stdin closes.
- holder LIVE: holds a read-write connection to the live store (a materialisation in progress) until
  stdin closes.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime

import polars as pl

from job_assets.dedup.schema import JOBS_SCHEMA, conform
from job_assets.store import db, queries, snapshot


def emit(**event: object) -> None:
    print(json.dumps(event, default=str), flush=True)


def jobs_frame(generation: int, rows: int) -> pl.DataFrame:
    """Rows in the dedup module's JOBS_SCHEMA, plus the generation that wrote them."""
    now = datetime.now(UTC)
    frame = pl.DataFrame(
        {
            "job_id": [f"job-{i:05d}" for i in range(rows)],
            "company": [f"co-{i % 7}" for i in range(rows)],
            "company_name": [f"Company {i % 7}" for i in range(rows)],
            "title": [f"Engineer gen{generation}" for _ in range(rows)],
            "description_text": [f"build things release{generation}" for _ in range(rows)],
            "skills": [["python"] for _ in range(rows)],
            "is_open": [True] * rows,
            "first_seen_at": [now] * rows,
        }
    )
    return conform(frame, JOBS_SCHEMA).with_columns(generation=pl.lit(generation))


def writer(live: str, rounds: int, rows: int) -> None:
    for generation in range(1, rounds + 1):
        started = time.perf_counter()
        with db.connect(live, wait_s=10) as conn:
            opened = time.perf_counter()
            db.replace_table(conn, "jobs", jobs_frame(generation, rows))
        written = time.perf_counter()
        snapshot.publish_snapshot(live, wait_s=10)
        emit(
            event="round",
            generation=generation,
            lock_wait_s=opened - started,
            write_s=written - opened,
            publish_s=time.perf_counter() - written,
        )
    emit(event="done")


def check(conn, rows: int | None) -> int:
    """One consistent answer: a single generation, all of its rows, the index built from that same state."""
    count, low, high, ids = conn.sql(
        "select count(*), min(generation), max(generation), count(distinct job_id) from jobs"
    ).fetchall()[0]
    if low != high or ids != count or (rows is not None and count != rows):
        raise AssertionError(f"torn read: {count} rows, generations {low}..{high}, {ids} ids")
    hits = queries.search(conn, f"release{low} engineer", limit=rows or 1000)
    if hits.height != count or set(hits.get_column("matched_terms")) != {2}:
        raise AssertionError(f"search index out of step with jobs: {hits.height} hits for {count} rows")
    return int(low)


def reader(live: str) -> None:
    import select

    held = snapshot.open_reader(live)
    first = check(held, None)
    rows = held.sql("select count(*) from jobs").fetchall()[0][0]
    emit(event="ready", generation=first)
    seen: list[int] = []
    loops, errors = 0, []
    while True:
        try:
            if check(held, rows) != first:
                raise AssertionError("the held connection changed generation under the reader")
            fresh = snapshot.open_reader(live)
            try:
                generation = check(fresh, rows)
            finally:
                fresh.close()
            if seen and generation < seen[-1]:
                raise AssertionError(f"went back in time: generation {generation} after {seen[-1]}")
            if not seen or generation != seen[-1]:
                seen.append(generation)
            loops += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        if select.select([sys.stdin], [], [], 0.02)[0] and not sys.stdin.readline():  # paced by stdin
            break
    emit(event="done", loops=loops, generations=seen, errors=errors[:5], n_errors=len(errors))


def holder(live: str) -> None:
    with db.connect(live, wait_s=10) as conn:
        conn.execute("select count(*) from jobs").fetchall()
        emit(event="locked")
        sys.stdin.read()
    emit(event="released")


if __name__ == "__main__":
    role, live, *rest = sys.argv[1:]
    {
        "writer": lambda: writer(live, int(rest[0]), int(rest[1])),
        "reader": lambda: reader(live),
        "holder": lambda: holder(live),
    }[role]()
