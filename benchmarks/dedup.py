"""Dedup at scale: build the jobs table from 10k, 100k and 1M generated postings; time, peak memory, quality.

Each size runs in its own subprocess so its peak RSS (`ru_maxrss`, what the OS saw: polars and numpy
allocate outside Python's tracemalloc) is its own. Generation is timed separately and excluded.

    uv run python benchmarks/dedup.py                      # 10k, 100k, 1M
    uv run python benchmarks/dedup.py --sizes 10000 100000 --rebuild

`--store`: what the `jobs` asset does, `rebuild_jobs` on a DuckDB file holding the generated postings in
`enriched_postings` (written once per size under `--data-dir` and reused), from the read to the written
`jobs` table; the peak RSS is the whole build's, with no generated frame in the process. `--against DIR`
runs the same build with another source tree too (e.g. `git archive main | tar -x -C /tmp/main`),
alternating, `--repeat` times each, and prints medians and the new/old ratios:

    uv run python benchmarks/dedup.py --store --sizes 100000 1000000 --repeat 3 --against /tmp/main
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, os.environ.get("DEDUP_BENCH_CODE") or str(Path(__file__).resolve().parent.parent))
# this harness's own sampler (the product code on sys.path may be another tree's, `--against`)
from process_tree import Processes


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _cpu_s() -> float:
    """This process's CPU and its finished children's (a build's worker processes)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _stop_forkserver() -> None:
    """Stop the fork server a build's worker pool started (if any) so it is reaped and counted."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # a private method (CPython's tests use it); nothing else stops it


def _workers_peak_mb() -> float:
    """The largest finished child's peak RSS (a build's workers; Linux reports only the largest)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child(n: int, rebuild: bool) -> dict:
    import polars as pl

    from benchmarks.dedup_data import generate
    from job_assets.dedup.history import deduplicate_postings
    from job_assets_sandbox.evaluation import pairwise_scores

    start = time.perf_counter()
    postings = generate(n)
    gen_s = time.perf_counter() - start
    rss_gen = _rss_mb()
    companies = set(postings["company"].unique().to_list())
    now = datetime(2025, 9, 20, 7, tzinfo=UTC)

    start, cpu = time.perf_counter(), _cpu_s()
    build = deduplicate_postings(postings, None, None, companies, now)
    build_s, build_cpu = time.perf_counter() - start, _cpu_s() - cpu
    rss_build = _rss_mb()

    predicted = postings.select("company", "posting_key", "group").join(
        build.matches.select("company", "posting_key", "job_id"), on=["company", "posting_key"], how="left"
    )
    scores = pairwise_scores(predicted["group"].to_list(), predicted["job_id"].to_list())
    rules = Counter(build.matches["rule"].to_list())
    result = {
        "postings": postings.height,
        "companies": len(companies),
        "true_jobs": postings["group"].n_unique(),
        "jobs": build.jobs.height,
        "generate_s": round(gen_s, 1),
        "build_s": round(build_s, 2),
        "build_cpu_s": round(build_cpu, 2),  # user+sys: less sensitive to other load on a shared machine
        "rss_after_generate_mb": round(rss_gen),
        "peak_rss_mb": round(rss_build),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "rules": dict(rules),
    }
    if rebuild:  # day two: 5% of postings gone, the same build as previous state
        kept = postings.filter(pl.col("posting_key").hash(3) % 20 != 0)
        start = time.perf_counter()
        second = deduplicate_postings(kept, build.jobs, build.matches, companies, now + timedelta(days=1))
        result["rebuild_s"] = round(time.perf_counter() - start, 2)
        result["rebuild_closed"] = second.jobs.filter(~pl.col("is_open")).height
        result["peak_rss_mb"] = round(_rss_mb())
    return result


def _generated_store(n: int, data_dir: Path) -> Path:
    """A DuckDB file with `n` generated postings in `enriched_postings` (plus their true `group`)."""
    path = data_dir / f"dedup_{n}.duckdb"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        code = (
            "import sys, duckdb; sys.path.insert(0, sys.argv[3]); from benchmarks.dedup_data import generate;"
            "postings = generate(int(sys.argv[1])); conn = duckdb.connect(sys.argv[2] + '.tmp');"
            "conn.execute('create table enriched_postings as select * from postings'); conn.close()"
        )
        root = str(Path(__file__).resolve().parent.parent)
        subprocess.run([sys.executable, "-c", code, str(n), str(path), root], check=True)
        Path(f"{path}.tmp").rename(path)
    return path


def store_child(path: Path) -> dict:
    """One day-one `jobs` build on the file at `path` with the code on sys.path; then its quality."""
    import duckdb
    import polars as pl

    from job_assets.store.db import connect
    from job_assets.store.jobs_build import rebuild_jobs
    from job_assets_sandbox.evaluation import pairwise_scores

    with connect(path) as conn:
        conn.execute("drop table if exists jobs; drop table if exists job_matches")
    now = datetime(2025, 9, 20, 7, tzinfo=UTC)
    start, cpu = time.perf_counter(), _cpu_s()
    with Processes(os.getpid(), interval=0.25) as tree:
        rebuilt = rebuild_jobs(lambda: connect(path), now=now)
    build_s, build_cpu = time.perf_counter() - start, _cpu_s() - cpu
    _stop_forkserver()  # reaped, the fork server adds its workers' CPU and peak to RUSAGE_CHILDREN
    build_cpu = _cpu_s() - cpu
    # an upper bound: the parent's peak plus every core's worker at the largest worker's peak, all at once
    bound = _rss_mb() + (os.cpu_count() or 1) * _workers_peak_mb()
    # `summary` since the build is staged chunk by chunk; an older tree (`--against`) returns the whole build
    jobs = rebuilt.summary.rows if hasattr(rebuilt, "summary") else rebuilt.build.jobs.height
    del rebuilt
    with duckdb.connect(str(path), read_only=True) as conn:
        predicted = conn.sql(
            'select p."group", p.posting_key, m.job_id from enriched_postings p'
            " left join job_matches m on m.company = p.company and m.posting_key = p.posting_key"
        ).pl()
    scores = pairwise_scores(predicted["group"].to_list(), predicted["job_id"].to_list())
    return {
        "postings": predicted.height,
        "jobs": jobs,
        "build_s": round(build_s, 2),
        "build_cpu_s": round(build_cpu, 2),
        "peak_rss_mb": round(tree.peak / 2**20),  # sampled: the processes' RSS summed, at its highest
        "peak_bound_mb": round(bound),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        # which job every posting is in: equal between two builds exactly when they grouped alike
        "rows_sha": int(predicted.select(pl.concat_str("posting_key", "job_id").hash().sum()).item()),
    }


def _run_store(code: Path, path: Path) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--store-child", str(path)]
    env = {**os.environ, "PYTHONPATH": str(code), "DEDUP_BENCH_CODE": str(code)}
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=code, env=env)
    if done.returncode:
        raise RuntimeError(f"{code}: {done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def store_main(sizes: list[int], repeat: int, against: Path | None, data_dir: Path) -> int:
    here = Path(__file__).resolve().parent.parent
    trees = {"new": here} | ({"old": against.resolve()} if against else {})
    print(f"store builds (rebuild_jobs on a DuckDB file); trees: {trees}", flush=True)
    medians: dict[tuple[str, int], dict[str, float]] = {}
    for n in sizes:
        path = _generated_store(n, data_dir)
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for i in range(repeat):
            for name, code in trees.items():
                result = _run_store(code, path)
                runs[name].append(result)
                print(json.dumps({"tree": name, "run": i + 1, **result}), flush=True)
        for name, results in runs.items():
            medians[name, n] = {
                k: statistics.median(r[k] for r in results) for k in ("build_s", "build_cpu_s", "peak_rss_mb")
            } | {k: results[0][k] for k in ("jobs", "precision", "recall", "f1")}
            if len({r["rows_sha"] for r in results}) != 1:
                print(f"  {name} at {n}: runs disagree with each other", flush=True)
        if against and runs["new"][0]["rows_sha"] != runs["old"][0]["rows_sha"]:
            print(f"  at {n}: the new and old builds grouped postings differently", flush=True)
    print(f"\nmedians over {repeat} run(s):")
    print(
        f"{'tree':>5} {'postings':>9} {'jobs':>8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'P':>6} {'R':>6}"
    )
    for (name, n), m in medians.items():
        print(
            f"{name:>5} {n:>9} {m['jobs']:>8} {m['build_s']:>8.1f} {m['build_cpu_s']:>8.1f} "
            f"{m['peak_rss_mb']:>8.0f} {m['precision']:>6} {m['recall']:>6}"
        )
    if against:
        for n in sizes:
            new, old = medians["new", n], medians["old", n]
            print(
                f"{n}: new/old wall x{new['build_s'] / old['build_s']:.2f}, cpu x{new['build_cpu_s'] / old['build_cpu_s']:.2f}, "
                f"peak RSS x{new['peak_rss_mb'] / old['peak_rss_mb']:.2f}"
            )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--rebuild", action="store_true", help="also time a second-day rebuild from the first"
    )
    parser.add_argument("--store", action="store_true", help="time rebuild_jobs on a DuckDB file")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (--store): medians are printed")
    parser.add_argument("--against", type=Path, help="another source tree to run side by side (--store)")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/job_assets_dedup_bench"))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.store_child:
        print(json.dumps(store_child(args.store_child)))
        return 0
    if args.store:
        return store_main(args.sizes, args.repeat, args.against, args.data_dir)
    if args.child:
        print(json.dumps(child(args.child, args.rebuild)))
        return 0
    results = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--child", str(n)] + (["--rebuild"] if args.rebuild else [])
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    print()
    header = f"{'postings':>10} {'companies':>9} {'jobs':>9} {'build s':>8} {'cpu s':>8} {'us/posting':>10}"
    header += f" {'peak RSS MB':>11}"
    header += f" {'P':>6} {'R':>6} {'F1':>6}" + (f" {'rebuild s':>9}" if args.rebuild else "")
    print(header)
    for r in results:
        line = (
            f"{r['postings']:>10} {r['companies']:>9} {r['jobs']:>9} {r['build_s']:>8} {r['build_cpu_s']:>8} "
        )
        line += f"{r['build_s'] / r['postings'] * 1e6:>10.1f} {r['peak_rss_mb']:>11} "
        line += f"{r['precision']:>6} {r['recall']:>6} {r['f1']:>6}" + (
            f" {r['rebuild_s']:>9}" if args.rebuild else ""
        )
        print(line)
    for prev, cur in itertools.pairwise(results):
        print(
            f"{prev['postings']} -> {cur['postings']}: x{cur['postings'] / prev['postings']:.0f} postings, "
            f"x{cur['build_s'] / prev['build_s']:.1f} time, x{cur['peak_rss_mb'] / prev['peak_rss_mb']:.1f} peak RSS"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
