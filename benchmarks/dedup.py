"""Dedup at scale: build the jobs table from 10k, 100k and 1M generated postings; time, peak memory, quality.

Each size runs in its own subprocess so its peak RSS (`ru_maxrss`, what the OS saw: polars and numpy
allocate outside Python's tracemalloc) is its own. Generation is timed separately and excluded.

    uv run python benchmarks/dedup.py                      # 10k, 100k, 1M
    uv run python benchmarks/dedup.py --sizes 10000 100000 --rebuild
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--rebuild", action="store_true", help="also time a second-day rebuild from the first"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
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
