"""Saved searches at scale: matching + ranking 10 searches against N jobs, and alert delivery per build.

    uv run python benchmarks/matches.py                      # 1,000,000 jobs, 5 runs
    uv run python benchmarks/matches.py --jobs 100000 --runs 7 --workdir /tmp/bench

Generates the same synthetic store as `benchmarks/queries.py` (`generate_store`), publishes the read
snapshot with its BM25 index (as the `jobs` asset does), then times `match_all` for 10 typical searches
(keywords, locations, pay floors with and without exchange rates, skills, exclusions) and prints the
median, with the time to read the open jobs alone beside it. Then it times what alert delivery adds to a
build: 10 digests (one per search) posted through Apprise's `json://` to a loopback webhook.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from job_assets.matching import filters
from job_assets.matching.delivery import channel, send_all
from job_assets.matching.digest import build_digest
from job_assets.matching.matcher import match_all
from job_assets.matching.searches import parse_searches
from job_assets.store import snapshot
from job_assets.store.matches import read_open_jobs
from job_assets_sandbox.loopback import LoopbackServer, Response

SEARCHES = {
    "profile": {"skills": ["python", "sql"], "seniority": ["senior"], "min_annual_pay": 130000, "currency": "USD"},
    "exchange_rates": {"base": "USD", "rates": {"EUR": 1.08, "GBP": 1.27}},
    "searches": [
        {"name": "data-eng", "keywords": ["data engineer", "analytics engineer"], "skills": {"must": ["sql"]}},
        {"name": "remote-python", "keywords": ["python"], "remote": ["remote"], "min_annual_pay": 150000,
         "currency": "USD"},
        {"name": "berlin-london", "locations": ["Berlin", "London"], "seniority": ["senior", "staff"]},
        {"name": "ml", "keywords": ["machine learning engineer", "research scientist"],
         "skills": {"nice": ["pytorch", "llm"]}},
        {"name": "platform", "keywords": ["platform engineer", "site reliability engineer"],
         "skills": {"must": ["kubernetes"]}, "exclude_keywords": ["manager"]},
        {"name": "frontend-eu", "keywords": ["frontend engineer"], "locations": ["Berlin", "Paris", "Dublin"],
         "min_annual_pay": 70000, "currency": "EUR"},
        {"name": "staff-plus", "seniority": ["staff", "principal"], "min_annual_pay": 200000, "currency": "USD",
         "exclude_companies": ["Company 1"]},
        {"name": "new-this-week", "posted_within_days": 7, "keywords": ["engineer"]},
        {"name": "rust-go", "keywords": ["rust", "go"], "remote": ["remote", "hybrid"]},
        {"name": "product", "keywords": ["product manager", "product designer"], "locations": ["remote", "New York"],
         "exclude_keywords": ["intern", "junior"]},
    ],
}  # fmt: skip


def _generate_store():
    spec = importlib.util.spec_from_file_location("bench_queries", Path(__file__).with_name("queries.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_store


def _median(fn, runs: int) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the workdir's store and snapshot if present"
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench_matches_"))
    workdir.mkdir(parents=True, exist_ok=True)
    live = workdir / "jobs.duckdb"

    if args.reuse and snapshot.snapshot_path(live).exists():
        print(f"reusing the store and snapshot in {workdir}", flush=True)
    else:
        start = time.perf_counter()
        _generate_store()(live, args.jobs)
        snapshot.publish_snapshot(live)
        seconds = time.perf_counter() - start
        print(f"{args.jobs:,} jobs in {workdir}: store + snapshot + BM25 index in {seconds:.1f}s", flush=True)

    searches = parse_searches(SEARCHES)
    now = datetime.now(UTC)
    conn = snapshot.open_reader(live)
    read_s, open_jobs = _median(lambda: read_open_jobs(conn, filters.JOB_COLUMNS), args.runs)
    match_s, matches = _median(lambda: match_all(conn, searches, now), args.runs)
    conn.close()
    assert isinstance(matches, pl.DataFrame) and isinstance(open_jobs, pl.DataFrame)
    per_search = matches.group_by("search", maintain_order=True).len()
    print(f"open jobs read from the snapshot: {open_jobs.height:,} rows, median {read_s:.2f}s", flush=True)
    print(f"match + rank {len(searches.searches)} searches: median {match_s:.2f}s over {args.runs} runs "
          f"({match_s / len(searches.searches) * 1000:.0f} ms per search, reading included)")  # fmt: skip
    print(
        "matches kept per search (max_results 100): "
        + ", ".join(f"{s}={n}" for s, n in per_search.iter_rows())
    )

    received: list[bytes] = []
    with LoopbackServer() as hook:
        hook.route(r"/alerts", lambda r: (received.append(r.body), Response.text("ok"))[1], methods=("POST",))
        target = channel(f"json://127.0.0.1:{hook.port}/alerts")
        stored = matches.with_columns(
            first_matched_at=pl.lit(now), last_matched_at=pl.lit(now), active=pl.lit(True)
        )
        work = [
            (name, target, build_digest(name, stored.filter(pl.col("search") == name).head(20)))
            for name in (s.name for s in searches.searches)
        ]
        send_s, deliveries = _median(lambda: send_all(work), args.runs)
    assert all(d.ok for d in deliveries), [d.error for d in deliveries]  # type: ignore[union-attr]
    print(f"alert delivery, {len(work)} digests of up to 20 jobs to a loopback webhook (json://): "
          f"median {send_s * 1000:.0f} ms per build ({len(received)} messages received)")  # fmt: skip


if __name__ == "__main__":
    main()
