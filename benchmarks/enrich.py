"""LLM enrichment throughput against a stand-in for a vLLM server's batch, and the cost of a cached re-run.

The loopback LLM server runs in its own process with a fixed latency per answer and a cap on answers in progress
(requests beyond it queue, like a full vLLM batch), so its bound is `cap / latency` postings/s. For each level
(64, 128, 256 in flight by default) a server with that cap is started and the client runs `enrich_postings` at the
same concurrency over `waves x level` postings: the printed ratio is the client's rate over the server's bound,
and `client CPU ms/req` is this process's CPU time (user + system) per request, minus what the rules backend alone
costs for the same postings (the rules pass runs in both). The server answers a fixed valid JSON object, so its
own CPU stays small next to the client's. Then a fully cached re-run (DuckDB lookup + enrichment with every answer
cached) is timed next to the rules-only backend.

    uv run python benchmarks/enrich.py
    uv run python benchmarks/enrich.py --levels 64 128 256 --latency 1.0 --waves 6 --repeats 3
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
from job_assets.enrichment.llm import LLMConfig, LLMExtractor
from job_assets.enrichment.prompt import PostingText
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


FIXED_ANSWER = {  # a valid ExtractedFields object: the server's answer costs microseconds, not a rules pass
    "salary_min": 150000,
    "salary_max": 185000,
    "salary_currency": "USD",
    "salary_period": "year",
    "remote": "hybrid",
    "seniority": "senior",
    "employment_type": "full_time",
    "years_experience_min": 5,
    "skills": ["Python", "Go", "Kubernetes"],
    "visa_sponsorship": True,
    "summary": "Builds and runs payment services.",
}


def serve(latency: float, cap: int) -> None:
    """Child mode: the stand-in server with a fixed answer, until killed."""
    import threading

    from job_assets_sandbox import loopback
    from job_assets_sandbox.llm_server import FakeLLMServer

    # vLLM's server (uvicorn) listens with a backlog of 2048; http.server's default of 5 drops the SYNs of a
    # client opening hundreds of connections at once, which then wait out TCP's retransmission backoff.
    loopback._HTTPServer.request_queue_size = 2048
    server = FakeLLMServer(latency_s=latency, concurrency=cap, answer=lambda _: FIXED_ANSWER)
    server.start()
    print(f"fake LLM server at {server.base_url} (model fake-llm)", flush=True)
    threading.Event().wait()


@contextmanager
def llm_server(latency: float, cap: int) -> Iterator[str]:
    """The loopback server in another process, so its work does not share this process's GIL or CPU clock."""
    command = [sys.executable, __file__, "--serve", "--latency", str(latency), "--cap", str(cap)]
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


def timed(parsed: pl.DataFrame, cached: dict[str, Any], config: LLMConfig | None) -> tuple[float, float, Any]:
    """(wall s, this process's CPU s, result)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = asyncio.run(enrich_postings(parsed, cached, config))
    return time.perf_counter() - started, time.process_time() - cpu, result


async def _client_only(config: LLMConfig, texts: dict[str, PostingText]) -> tuple[float, float, list[float]]:
    """The LLM client alone (no rules pass, no frame): (wall s, CPU s, latencies)."""
    async with LLMExtractor(config) as llm:
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = await llm.extract_many(texts)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert all(o.fields is not None for o in outcomes.values()), "a request failed"
    return wall, cpu, [s for o in outcomes.values() for s in o.latencies_s]


def level(parsed: pl.DataFrame, latency: float, cap: int, repeats: int, rules_cpu: float) -> dict[str, Any]:
    """Client at concurrency `cap` against a server capped at `cap`: medians over `repeats`."""
    n = parsed.height
    texts = {row["posting_key"]: PostingText.from_row(row) for row in parsed.to_dicts()}
    rates, cpus, peaks, entries, alone, alone_cpu, p50s = [], [], [], [], [], [], []
    with llm_server(latency, cap) as url:
        config = LLMSettings(url=url, model="fake-llm", concurrency=cap, timeout_s=60).config()
        for _ in range(repeats):
            wall, cpu, latencies = asyncio.run(_client_only(config, texts))
            alone.append(n / wall)
            alone_cpu.append(cpu / n * 1000)
            p50s.append(statistics.median(latencies))
            before = server_stats(url)
            elapsed, cpu, result = timed(parsed, {}, config)
            after = server_stats(url)
            assert result.stats.failures == {}, list(result.stats.failures.items())[:3]
            assert after["completions"] - before["completions"] == n
            rates.append(n / elapsed)
            cpus.append((cpu - rules_cpu) / n * 1000)
            peaks.append(getattr(result.stats, "max_in_flight", after["max_active"]))
            entries = result.new_cache_entries
    bound = cap / latency
    return {
        "bound": bound,
        "alone": statistics.median(alone) / bound,
        "alone_cpu": statistics.median(alone_cpu),
        "p50": statistics.median(p50s),
        "rate": statistics.median(rates),
        "ratio": statistics.median(rates) / bound,
        "cpu_ms": statistics.median(cpus),
        "in_flight": max(peaks),
        "entries": entries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[64, 128, 256], help="requests in flight")
    parser.add_argument("--latency", type=float, default=1.0, help="server seconds per answer")
    parser.add_argument("--waves", type=int, default=6, help="postings per level = waves x level")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=int, default=64, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.latency, args.cap)
        return

    print(f"server: {args.latency:g} s per answer, cap = level; postings = {args.waves} x level")
    print(
        "client alone = LLMExtractor.extract_many; end to end = enrich_postings (rules pass and frame included,"
    )
    print("its CPU minus the rules backend's); ratio = postings/s over the bound (cap / latency)")
    print(
        f"{'in flight':>9} {'postings':>8} {'bound/s':>8} | {'alone ratio':>11} {'CPU ms/req':>10} {'p50 s':>6} | "
        f"{'end-to-end/s':>12} {'ratio':>6} {'CPU ms/req':>10} {'max in flight':>13}"
    )
    results = []
    for cap in args.levels:
        parsed = postings(args.waves * cap)
        rules_cpu = statistics.median(timed(parsed, {}, None)[1] for _ in range(args.repeats))
        r = level(parsed, args.latency, cap, args.repeats, rules_cpu)
        results.append(r)
        print(
            f"{cap:>9} {parsed.height:>8} {r['bound']:>8.1f} | {r['alone']:>11.2f} {r['alone_cpu']:>10.2f} "
            f"{r['p50']:>6.3f} | {r['rate']:>12.1f} {r['ratio']:>6.2f} {r['cpu_ms']:>10.2f} {r['in_flight']:>13}",
            flush=True,
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    parsed = postings(args.waves * args.levels[0])
    with llm_server(args.latency, args.levels[0]) as url, tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "jobs.duckdb")
        with duckdb.connect(db) as conn:
            cache.store(conn, results[0]["entries"])
        config = LLMSettings(url=url, model="fake-llm", timeout_s=60).config()
        cached_s, rules_s, calls = [], [], []
        for _ in range(args.repeats):
            before = server_stats(url)["chat_requests"]
            started = time.perf_counter()
            with duckdb.connect(db, read_only=True) as conn:
                cached = cache.lookup(conn, parsed["content_hash"].to_list(), "fake-llm", PROMPT_VERSION)
            _, _, result = timed(parsed, cached, config)
            cached_s.append(time.perf_counter() - started)
            calls.append(server_stats(url)["chat_requests"] - before)
            assert result.stats.cache_hits == parsed.height
            rules_s.append(timed(parsed, {}, None)[0])
    print(
        f"cached re-run (DuckDB lookup + enrich): {statistics.median(cached_s):.3f} s for {parsed.height} postings, "
        f"{max(calls)} LLM calls; rules-only backend: {statistics.median(rules_s):.3f} s"
    )
    print(f"medians of {args.repeats} repeats")


if __name__ == "__main__":
    main()
