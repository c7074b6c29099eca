"""Wall time of the rules backend's enrichment of one big run: in this process vs in worker processes.

`enrich_postings` with no LLM over the synthetic scale postings (what a GPU run of the daily benchmark takes,
400 companies x 50 postings by default), once with the rules in this process and once in worker processes
(`job_assets.enrichment.rules_workers`: one per core), alternating, median of the repeats; the two outputs are
checked equal. The machine is shared: read the ratio.

    uv run python benchmarks/rules_workers.py
    uv run python benchmarks/rules_workers.py --companies 100 --postings 50 --repeats 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpora.py (which puts the sandbox on the path)

from corpora import scale_boards

from job_assets.enrichment import rules_workers
from job_assets.enrichment.enrich import enrich_postings
from job_assets.parsing.dispatch import parse_raw_frame


def _enrich(parsed: pl.DataFrame, workers: bool) -> tuple[float, pl.DataFrame]:
    rules_workers.MIN_ROWS_PER_WORKER = 2000 if workers else sys.maxsize
    started = time.perf_counter()
    result = asyncio.run(enrich_postings(parsed, {}, None))
    return time.perf_counter() - started, result.frame.drop("enriched_at")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=400)
    parser.add_argument("--postings", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    parsed = pl.concat(
        [parse_raw_frame(raw, company).frame for company, raw in scale_boards(args.companies, args.postings)]
    )
    workers = rules_workers.worker_count(parsed.height, beside_llm=False)
    print(
        f"{parsed.height} postings, {os.cpu_count()} cores, {workers} workers; load {os.getloadavg()[0]:.1f}"
    )
    times: dict[bool, list[float]] = {False: [], True: []}
    frames: dict[bool, pl.DataFrame] = {}
    for _ in range(args.repeats):
        for mode in (False, True):
            seconds, frames[mode] = _enrich(parsed, mode)
            times[mode].append(seconds)
    here, there = statistics.median(times[False]), statistics.median(times[True])
    print(f"in this process: {here:.1f} s; in workers: {there:.1f} s; ratio {here / there:.2f}x")
    print(f"same output: {frames[False].equals(frames[True])}; load {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
