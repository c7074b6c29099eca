"""Scrape throughput: N companies x M postings from the sandbox ATS server with injected latency.

Prints, for each N:
- fetch only (the domain code, no Dagster): postings/s and its ratio to the bound that latency and the
  per-host limit set (every ATS board of one vendor is one host, so `per_host / latency` boards a second);
- Dagster runs of the scrape job (raw_postings + parsed_postings) into a fresh DuckDB file, one run per
  company and batched (one run per `--batch` companies), wall time, postings/s and Dagster's overhead per
  company (wall time minus the fetch-only time).

    uv run python benchmarks/scrape.py --sizes 10 100 1000 --postings 50 --latency-ms 50

The server runs in its own process so its CPU is not counted against the client.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_server(
    n: int, m: int, latency_ms: float, registry: Path
) -> tuple[subprocess.Popen[str], dict[str, str]]:
    command = [
        sys.executable, "-m", "job_assets_sandbox", "--scale", str(n), str(m),
        "--latency-ms", str(latency_ms), "--scale-registry", str(registry), "--json",
    ]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return proc, json.loads(line)["env"]


def fetch_only(registry: Path, env: dict[str, str], per_host: int) -> tuple[float, int]:
    from job_assets.config import HttpSettings
    from job_assets.registry import load_registry
    from job_assets.sources.fetch import FetchResult, fetch_companies

    companies = load_registry(registry)
    urls = HttpSettings(
        greenhouse_api_url=env["GREENHOUSE_API_URL"],
        lever_api_url=env["LEVER_API_URL"],
        ashby_api_url=env["ASHBY_API_URL"],
    ).urls()
    started = time.perf_counter()
    results = asyncio.run(fetch_companies(companies, HttpSettings(per_host=per_host).policy(), urls))
    seconds = time.perf_counter() - started
    postings = sum(len(r.postings) for r in results.values() if isinstance(r, FetchResult))
    return seconds, postings


def dagster_runs(registry: Path, env: dict[str, str], per_host: int, batch: int) -> float:
    """Wall time of scraping every company through the scrape job on a temporary instance."""
    import dagster as dg

    from job_assets.automation.batching import company_batches
    from job_assets.automation.partitions import sync_partitions
    from job_assets.registry import load_registry

    slugs = [c.slug for c in load_registry(registry)]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(env)
        os.environ.update({"JOB_ASSETS_DB": f"{tmp}/jobs.duckdb", "JOB_ASSETS_COMPANIES": str(registry),
                           "JOB_ASSETS_HTTP_PER_HOST": str(per_host)})  # fmt: skip
        from job_assets.definitions import defs  # binds resources to the env above on first import

        job = defs.resolve_job_def("scrape_companies")
        quiet = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
        with dg.instance_for_test(temp_dir=tmp) as instance:
            sync_partitions(instance, slugs)
            started = time.perf_counter()
            for chunk in company_batches(slugs, slugs, batch):
                result = job.execute_in_process(
                    partition_key=chunk.partition_key, tags=chunk.tags, instance=instance, run_config=quiet
                )
                assert result.success
            return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--postings", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--batch", type=int, default=50, help="companies per Dagster run in batched mode")
    parser.add_argument(
        "--per-company-max", type=int, default=100, help="skip one-run-per-company above this N"
    )
    parser.add_argument("--repeats", type=int, default=3, help="fetch-only repeats (median reported)")
    args = parser.parse_args()

    print(
        f"latency {args.latency_ms:g} ms, per-host limit {args.per_host}, {args.postings} postings per company"
    )
    header = (
        f"{'N':>6} {'mode':<22} {'wall s':>8} {'postings/s':>11} {'vs bound':>9} {'overhead/company':>17}"
    )
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "companies.yaml"
            server, env = start_server(n, args.postings, args.latency_ms, registry)
            try:
                bound = args.per_host / (args.latency_ms / 1000) * args.postings  # postings/s
                runs = [fetch_only(registry, env, args.per_host) for _ in range(args.repeats)]
                fetch_s = statistics.median(s for s, _ in runs)
                total = runs[0][1]
                rate = total / fetch_s
                print(
                    f"{n:>6} {'fetch only':<22} {fetch_s:>8.2f} {rate:>11.0f} {rate / bound:>9.2f} {'-':>17}"
                )
                modes = [("1 run/company", 1)] if n <= args.per_company_max else []
                modes.append((f"batched {args.batch}/run", args.batch))
                for label, batch in modes:
                    wall = dagster_runs(registry, env, args.per_host, batch)
                    rate = total / wall
                    overhead = (wall - fetch_s) / n
                    print(
                        f"{n:>6} {label:<22} {wall:>8.2f} {rate:>11.0f} {rate / bound:>9.2f} {overhead * 1000:>14.0f} ms"
                    )
            finally:
                server.terminate()
                server.wait()
    print(
        f"bound = per_host / latency x postings per board = {args.per_host / (args.latency_ms / 1000) * args.postings:.0f} postings/s"
    )


if __name__ == "__main__":
    main()
