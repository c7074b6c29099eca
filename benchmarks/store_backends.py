"""The two store backends side by side: a DuckDB file vs a DuckLake (SQLite catalog on this host, or
PostgreSQL 15 on loopback with --postgres).

1. scrape: N companies through Dagster's `scrape_companies` job (raw + parsed postings) from the loopback
   boards server, split over 1, 2 and 4 concurrent runs (each a process executing its batched runs on one
   shared Dagster instance). On the file, concurrent runs queue on its single-writer lock; on DuckLake
   they commit in parallel (conflicts retried).
2. write: the cost of one company's partition write (50 postings, one transaction), file vs DuckLake.
3. read: the notebook's queries on the live DuckLake tables vs the published snapshot file.

    uv run python benchmarks/store_backends.py --companies 200 --postings 20 --runs 1 2 4
    uv run --extra dev python benchmarks/store_backends.py --postgres     # catalog in PostgreSQL 15 (dev extra)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


@contextmanager
def boards(companies: int, postings: int, latency_ms: float, registry: Path) -> Iterator[dict[str, str]]:
    command = [
        sys.executable, "-m", "job_assets_sandbox", "--scale", str(companies), str(postings),
        "--latency-ms", str(latency_ms), "--scale-registry", str(registry), "--json",
    ]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        yield json.loads(proc.stdout.readline())["env"]
    finally:
        proc.terminate()
        proc.wait()


@contextmanager
def lake_catalog(kind: str, workdir: Path) -> Iterator[str]:
    """A fresh DuckLake catalog URL: SQLite in `workdir`, or a throwaway PostgreSQL 15 on loopback."""
    if kind == "sqlite":
        yield f"ducklake:sqlite:{workdir / 'catalog.sqlite'}"
        return
    from job_assets_tests.store.conftest import new_postgres_catalog, postgres_cluster

    with postgres_cluster() as pg:
        yield new_postgres_catalog(pg)


def _run_group(home: str, env: dict[str, str], slugs: list[str], batch: int) -> None:
    """One 'concurrent run' lane: executes its companies' scrape runs, `batch` companies per run."""
    os.environ.update(env)
    os.environ["DAGSTER_HOME"] = home
    import dagster as dg

    from job_assets.automation.batching import RANGE_END, RANGE_START
    from job_assets.definitions import defs

    job = defs.resolve_job_def("scrape_companies")
    quiet = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
    instance = dg.DagsterInstance.get()
    for i in range(0, len(slugs), batch):
        chunk = slugs[i : i + batch]
        tags = {RANGE_START: chunk[0], RANGE_END: chunk[-1]}
        result = job.execute_in_process(tags=tags, instance=instance, run_config=quiet)
        if not result.success:
            raise SystemExit(f"run over {chunk[0]}..{chunk[-1]} failed")


def scrape(
    database: str,
    data_path: str | None,
    registry: Path,
    env: dict[str, str],
    lanes: int,
    batch: int,
    tmp: Path,
) -> float:
    import dagster as dg

    from job_assets.automation.partitions import sync_partitions
    from job_assets.registry import load_registry

    home = tmp / f"dagster_home_{lanes}_{abs(hash(database)) % 10_000}"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    slugs = [c.slug for c in load_registry(registry)]
    run_env = {**env, "JOB_ASSETS_DB": database, "JOB_ASSETS_COMPANIES": str(registry)}
    if data_path:
        run_env["JOB_ASSETS_DATA_PATH"] = data_path
    with dg.DagsterInstance.from_config(str(home)) as instance:
        sync_partitions(instance, slugs)
    size = -(-len(slugs) // lanes)
    groups = [slugs[i : i + size] for i in range(0, len(slugs), size)]
    ctx = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    procs = [ctx.Process(target=_run_group, args=(str(home), run_env, group, batch)) for group in groups]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit(f"a run lane failed (exit {proc.exitcode})")
    return time.perf_counter() - started


def _rows(database: str, data_path: str | None) -> int:
    from job_assets.store import db

    with db.connect(database, read_only=True, data_path=data_path) as conn:
        return conn.sql("select count(*) from parsed_postings").fetchall()[0][0]


def write_cost(database: str, data_path: str | None, writes: int) -> tuple[float, float]:
    """Median seconds of one company's partition write (50 postings) on an open connection, and of
    opening a connection (attach) on its own."""
    from job_assets.store import db

    frame = pl.DataFrame(
        {"company": ["bench"] * 50, "posting_key": [f"k{i}" for i in range(50)], "text": ["x" * 2000] * 50}
    )
    times, opens = [], []
    for _ in range(3):
        started = time.perf_counter()
        with db.connect(database, data_path=data_path):
            pass
        opens.append(time.perf_counter() - started)
    with db.connect(database, data_path=data_path) as conn:
        db.replace_partition(conn, "write_bench", "bench", frame)  # creates the table
        for i in range(writes):
            started = time.perf_counter()
            db.replace_partition(conn, "write_bench", "bench", frame.with_columns(pl.lit(i).alias("round")))
            times.append(time.perf_counter() - started)
    return statistics.median(times), statistics.median(opens)


def read_cost(
    database: str, data_path: str | None, jobs: int, runs: int, tmp: Path
) -> list[tuple[str, float, float]]:
    """p50 of each notebook query on the snapshot file vs the live DuckLake tables (same generated jobs)."""
    from queries import _time, generate_store

    from job_assets.store import db, queries, search, snapshot

    live = tmp / "read_bench.duckdb"
    generate_store(live, jobs)
    snapshot.publish_snapshot(live)
    with db.connect(live, read_only=True) as source:
        frame = source.sql("select * from jobs").pl()
    with db.connect(database, data_path=data_path) as conn:
        db.replace_table(conn, "jobs", frame)
        db.in_transaction(conn, lambda: search.build_index(conn))
        from job_assets.store.jobs_table import ensure_schema

        db.in_transaction(conn, lambda: ensure_schema(conn))
    file_reader = snapshot.open_reader(live)
    lake_reader = snapshot.open_reader(database, data_path=data_path)
    out = []
    for name in queries.QUERIES:
        f = _time(lambda name=name: queries.run(file_reader, name), runs)
        lk = _time(lambda name=name: queries.run(lake_reader, name), runs)
        out.append((name, statistics.median(f), statistics.median(lk)))
    file_reader.close()
    lake_reader.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--postings", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--batch", type=int, default=10, help="companies per Dagster run")
    parser.add_argument("--runs", type=int, nargs="+", default=[1, 2, 4], help="concurrent runs to compare")
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--read-jobs", type=int, default=100_000)
    parser.add_argument("--read-runs", type=int, default=7)
    parser.add_argument(
        "--postgres", action="store_true", help="DuckLake catalog in PostgreSQL 15 on loopback"
    )
    parser.add_argument("--skip", nargs="*", default=[], choices=["scrape", "write", "read"])
    args = parser.parse_args()
    kind = "postgres" if args.postgres else "sqlite"
    tmp = Path(tempfile.mkdtemp(prefix="bench_store_"))
    try:
        if "scrape" not in args.skip:
            registry = tmp / "companies.yaml"
            with boards(args.companies, args.postings, args.latency_ms, registry) as env:
                print(f"scrape: {args.companies} companies x {args.postings} postings, {args.latency_ms:g} ms latency,"
                      f" {args.batch} companies per run; DuckLake catalog: {kind}")  # fmt: skip
                print(f"{'concurrent runs':>15} {'file s':>8} {'ducklake s':>11} {'file/ducklake':>14} {'file speedup':>13} {'lake speedup':>13}")  # fmt: skip
                base: dict[str, float] = {}
                for lanes in args.runs:
                    walls = {}
                    for backend in ("file", "ducklake"):
                        work = tmp / f"{backend}_{lanes}"
                        work.mkdir()
                        if backend == "file":
                            database, data_path = str(work / "jobs.duckdb"), None
                            walls[backend] = scrape(
                                database, data_path, registry, env, lanes, args.batch, tmp
                            )
                            assert _rows(database, data_path) == args.companies * args.postings
                        else:
                            with lake_catalog(kind, work) as database:
                                data_path = str(work / "data") + "/"
                                walls[backend] = scrape(
                                    database, data_path, registry, env, lanes, args.batch, tmp
                                )
                                assert _rows(database, data_path) == args.companies * args.postings
                        base.setdefault(backend, walls[backend])
                    print(f"{lanes:>15} {walls['file']:>8.1f} {walls['ducklake']:>11.1f} {walls['file'] / walls['ducklake']:>13.2f}x"
                          f" {base['file'] / walls['file']:>12.2f}x {base['ducklake'] / walls['ducklake']:>12.2f}x")  # fmt: skip
        if "write" not in args.skip:
            work = tmp / "write"
            work.mkdir()
            file_write, file_open = write_cost(str(work / "jobs.duckdb"), None, args.writes)
            with lake_catalog(kind, work) as database:
                lake_write, lake_open = write_cost(database, str(work / "data") + "/", args.writes)
            print(f"\nwrite one company (50 postings, one transaction), median of {args.writes}:"
                  f" file {file_write * 1e3:.1f} ms, DuckLake ({kind}) {lake_write * 1e3:.1f} ms,"
                  f" ratio {lake_write / file_write:.1f}x; opening a connection: file {file_open * 1e3:.1f} ms,"
                  f" DuckLake {lake_open * 1e3:.1f} ms")  # fmt: skip
        if "read" not in args.skip:
            work = tmp / "read"
            work.mkdir()
            with lake_catalog(kind, work) as database:
                rows = read_cost(database, str(work / "data") + "/", args.read_jobs, args.read_runs, work)
            print(
                f"\nnotebook queries on {args.read_jobs:,} jobs, p50 of {args.read_runs}: snapshot file vs live DuckLake ({kind})"
            )
            print(f"{'query':<24}{'file':>10}{'ducklake':>11}{'lake/file':>11}")
            for name, f, lk in rows:
                print(f"{name:<24}{f * 1e3:>8.1f}ms{lk * 1e3:>9.1f}ms{lk / f:>10.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
