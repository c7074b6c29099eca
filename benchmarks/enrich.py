"""LLM enrichment throughput against a stand-in for a vLLM server's batch, and the cost of a cached re-run.

The loopback LLM server runs in its own process with a fixed latency per answer and a cap on answers in progress
(requests beyond it queue, like a full vLLM batch), so its bound is `cap / latency` postings/s. The client's
rate is measured side by side with that bound for a few client concurrencies, then a fully cached re-run
(DuckDB lookup + enrichment with every answer cached) is timed next to the rules-only backend.

    uv run python benchmarks/enrich.py
    uv run python benchmarks/enrich.py --postings 1000 --latency 0.5 --cap 64 --concurrency 32 64 256
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import httpx
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from job_assets.config import LLMSettings
from job_assets.enrichment.enrich import enrich_postings
from job_assets.enrichment.llm import LLMConfig
from job_assets.enrichment.schema import PROMPT_VERSION
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.sources.base import stable_hash
from job_assets.store import enrichment_cache as cache

TITLES = ["Senior Backend Engineer", "Data Engineer II", "Staff ML Engineer", "Product Designer", "SRE"]
PARAGRAPHS = [
    "Acme builds the payments platform trusted by 10,000 businesses; we raised $80M in our Series C.",
    "About the role\nYou will design, build and operate services in Python and Go on Kubernetes and AWS.",
    "You have 5+ years of experience with distributed systems, PostgreSQL and Kafka.",
    "This is a hybrid role, 3 days a week in our London office. Visa sponsorship is available.",
    "The salary range for this role is $150,000 - $185,000 per year, plus equity and a 401(k) match.",
    "Benefits include a $1,500 learning budget, parental leave and a home-office stipend.",
    "Acme is an equal opportunity employer and values diversity of every kind.",
]


def postings(count: int) -> pl.DataFrame:
    """Distinct postings of a realistic length (~1,000 prompt tokens with the fixed prefix)."""
    rows = []
    for i in range(count):
        description = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(len(PARAGRAPHS)))
        row: dict[str, Any] = {
            "posting_key": f"greenhouse:{i}",
            "company": "acme",
            "company_name": "Acme",
            "source": "greenhouse",
            "source_id": str(i),
            "url": f"https://boards.example/acme/{i}",
            "title": TITLES[i % len(TITLES)],
            "locations": ["London, UK"],
            "workplace": None,
            "department": "Engineering",
            "employment_type": None,
            "description_text": f"{description}\n\nRequisition {i}.",
            "posted_at": None,
            "updated_at": None,
            "pay_min": None,
            "pay_max": None,
            "pay_currency": None,
            "pay_period": None,
            "fetched_at": datetime.now(UTC),
        }
        row["content_hash"] = stable_hash({k: v for k, v in row.items() if k != "fetched_at"})
        rows.append(row)
    return pl.DataFrame(rows, schema=PARSED_SCHEMA)


@contextmanager
def llm_server(latency: float, cap: int) -> Iterator[str]:
    """The loopback server in another process, so its work does not share this process's GIL."""
    command = [sys.executable, "-m", "job_assets_sandbox.llm_server", "--port", "0"]
    command += ["--latency", str(latency), "--concurrency", str(cap)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        if "http://" not in line:
            raise RuntimeError(f"the LLM server did not start: {line!r}")
        yield line.split()[4]  # "fake LLM server at http://127.0.0.1:PORT/v1 (model fake-llm)"
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_stats(url: str) -> dict[str, Any]:
    return httpx.get(url.removesuffix("/v1") + "/stats", timeout=5).json()


def timed(parsed: pl.DataFrame, cached: dict[str, Any], config: LLMConfig | None) -> tuple[float, Any]:
    started = time.perf_counter()
    result = asyncio.run(enrich_postings(parsed, cached, config))
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--postings", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.25, help="server seconds per answer")
    parser.add_argument("--cap", type=int, default=32, help="server answers in progress at once (the batch)")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[16, 32, 64, 256], help="client semaphore"
    )
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    parsed = postings(args.postings)
    bound = args.cap / args.latency
    print(
        f"{args.postings} postings; server: {args.latency:g} s per answer, {args.cap} at once -> bound {bound:.1f}/s"
    )
    print(
        f"{'client concurrency':>18} {'postings/s':>11} {'ratio':>6} {'server busy':>11} {'p50 s':>6} {'p95 s':>6}"
    )
    with llm_server(args.latency, args.cap) as url:
        entries = []
        for concurrency in args.concurrency:
            config = LLMSettings(url=url, model="fake-llm", concurrency=concurrency, timeout_s=60).config()
            rates, p50s, p95s, busy = [], [], [], []
            for _ in range(args.repeats):
                before = server_stats(url)
                elapsed, result = timed(parsed, {}, config)
                after = server_stats(url)
                assert result.stats.failures == {}, result.stats.failures
                assert after["completions"] - before["completions"] == args.postings
                rates.append(args.postings / elapsed)
                p50s.append(result.stats.latency["p50"])
                p95s.append(result.stats.latency["p95"])
                busy.append(after["max_active"])
                entries = result.new_cache_entries
            rate = statistics.median(rates)
            print(
                f"{concurrency:>18} {rate:>11.1f} {rate / bound:>6.2f} {max(busy):>8}/{args.cap:<2} "
                f"{statistics.median(p50s):>6.3f} {statistics.median(p95s):>6.3f}"
            )

        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "jobs.duckdb")
            with duckdb.connect(db) as conn:
                cache.store(conn, entries)
            config = LLMSettings(url=url, model="fake-llm", concurrency=64, timeout_s=60).config()
            cached_s, rules_s, calls = [], [], []
            for _ in range(args.repeats):
                before = server_stats(url)["chat_requests"]
                started = time.perf_counter()
                with duckdb.connect(db, read_only=True) as conn:
                    cached = cache.lookup(conn, parsed["content_hash"].to_list(), "fake-llm", PROMPT_VERSION)
                _, result = timed(parsed, cached, config)
                cached_s.append(time.perf_counter() - started)
                calls.append(server_stats(url)["chat_requests"] - before)
                assert result.stats.cache_hits == args.postings
                rules_s.append(timed(parsed, {}, None)[0])
    uncached = args.postings / statistics.median(rates)
    print(
        f"cached re-run (DuckDB lookup + enrich): {statistics.median(cached_s):.3f} s for {args.postings} postings, "
        f"{max(calls)} LLM calls; rules-only backend: {statistics.median(rules_s):.3f} s; "
        f"the uncached run at concurrency {args.concurrency[-1]}: {uncached:.2f} s"
    )
    print(f"medians of {args.repeats} repeats")


if __name__ == "__main__":
    main()
