"""LLM enrichment throughput against a stand-in for a vLLM server's batch, and the cost of a cached re-run.

The stand-in (`job_assets_sandbox.llm_server.FakeLLMServer`: the real chat-completions protocol with
`response_format` json_schema, a fixed valid answer) runs in its own process with a fixed latency per answer and
a cap on answers in progress (requests beyond it queue, like a full vLLM batch), so its bound is `cap / latency`
postings/s. For each level (64, 128, 256 in flight by default) a server with that cap is started, and
`waves x level` postings go through three clients in turn, each repetition:

- minimal client: raw keep-alive sockets sending one prebuilt request (~0.1 ms of CPU each): what the server
  gives a client that costs nothing, i.e. how close to the bound this machine lets any client get;
- LLM client: `LLMExtractor.extract_many` at concurrency = level (prompts, lean transport, validation);
- end to end: `enrich_postings` with the documented defaults (`LLMSettings(url, model)`: concurrency 256), the
  path `job-assets run` takes with an LLM URL and no flags; its CPU is shown minus the rules backend's for the
  same postings (the rules pass runs in both).

Ratios are postings/s over the bound; CPU figures are per request, the client's from this process's
user + system time, the server's from its own process. Medians over the repetitions, then side by side per level.
The machine is shared: the 1-minute load average is printed per level; read the minimal client's ratio as the
ceiling the load left. Then a fully cached re-run (DuckDB lookup + enrichment, no LLM call) is timed next to the
rules-only backend.

Why this stand-in: it serves each connection from its own thread, and under the load of a shared 2-core machine
that got it more CPU than one event loop did (an aiohttp server measured 0.80 of the bound for the LLM client at
256 in flight where this one gave 0.84-0.88, under a load average of 15). It listens with a backlog of 2048
(below), as uvicorn does. Its `http.server` base sends headers and body in two writes without TCP_NODELAY, so a
response can wait ~40 ms for a delayed ACK; at 1 s of latency TCP acknowledges at once after the idle second
(p50 1.021 s with Nagle, 1.017 s without, at 256 in flight), so it does not bend these figures.

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
    print(f"fake LLM server at {server.base_url} (model fake-llm)", flush=True)  # the URL is the 5th word
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


async def _minimal_client(url: str, request: bytes, connections: int, count: int) -> float:
    """Wall seconds for `count` answers over `connections` keep-alive sockets, each sending the prebuilt
    `request` again as soon as the answer is read: a client with next to no cost, to measure the server alone."""
    host, port = url.removeprefix("http://").split("/", 1)[0].split(":")
    left = count

    async def connection() -> None:
        nonlocal left
        reader, writer = await asyncio.open_connection(host, int(port))
        while left > 0:
            left -= 1
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status, length = int(head.split(b" ", 2)[1]), head.lower().split(b"content-length:", 1)[1]
            await reader.readexactly(int(length.split(b"\r\n", 1)[0]))
            if status != 200:
                raise RuntimeError(f"the server answered HTTP {status}")
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(min(connections, count))))
    return time.perf_counter() - started


def raw_request(url: str, config: LLMConfig, posting: PostingText) -> bytes:
    """One real chat request (the LLM client's own body for `posting`) as bytes on the wire."""
    llm = LLMExtractor(config)
    body = llm._transports[False].body(llm.prompt(posting).messages, config.max_tokens, "json_schema")
    address = url.removeprefix("http://").split("/", 1)[0]
    head = (
        f"POST /v1/chat/completions HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {config.api_key}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _client_only(config: LLMConfig, texts: dict[str, PostingText]) -> tuple[float, float, list[float]]:
    """The LLM client alone (no rules pass, no frame): (wall s, CPU s, latencies)."""
    async with LLMExtractor(config) as llm:
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = await llm.extract_many(texts)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert all(o.fields is not None for o in outcomes.values()), "a request failed"
    return wall, cpu, [s for o in outcomes.values() for s in o.latencies_s]


def level(parsed: pl.DataFrame, latency: float, cap: int, repeats: int, rules_cpu: float) -> dict[str, Any]:
    """The three clients against a server capped at `cap`: medians over `repeats`."""
    n = parsed.height
    texts = {row["posting_key"]: PostingText.from_row(row) for row in parsed.to_dicts()}
    runs: dict[str, list[float]] = {
        k: []
        for k in ("minimal", "server_cpu", "client", "client_cpu", "p50", "connections", "e2e", "e2e_cpu")
    }
    peaks, entries, loads = [], [], [os.getloadavg()[0]]
    with llm_server(latency, cap) as url:
        config = LLMSettings(url=url, model="fake-llm", concurrency=cap, timeout_s=60).config()
        defaults = LLMSettings(url=url, model="fake-llm").config()  # the documented default path
        assert config is not None and defaults is not None
        request = raw_request(url, config, next(iter(texts.values())))
        for _ in range(repeats):
            runs["minimal"].append(n / asyncio.run(_minimal_client(url, request, cap, n)))
            before = server_stats(url)
            wall, cpu, latencies = asyncio.run(_client_only(config, texts))
            after = server_stats(url)
            assert after["completions"] - before["completions"] == n
            runs["server_cpu"].append((after["cpu_s"] - before["cpu_s"]) / n * 1000)
            runs["connections"].append(after["connections"] - before["connections"])
            runs["client"].append(n / wall)
            runs["client_cpu"].append(cpu / n * 1000)
            runs["p50"].append(statistics.median(latencies))
            elapsed, cpu, result = timed(parsed, {}, defaults)
            assert result.stats.failures == {}, list(result.stats.failures.items())[:3]
            runs["e2e"].append(n / elapsed)
            runs["e2e_cpu"].append((cpu - rules_cpu) / n * 1000)
            peaks.append(result.stats.max_in_flight)
            entries = result.new_cache_entries
            loads.append(os.getloadavg()[0])
    bound = cap / latency
    medians = {k: statistics.median(v) for k, v in runs.items()}
    for k in ("minimal", "client", "e2e"):
        medians[k] /= bound
    return medians | {"bound": bound, "in_flight": max(peaks), "entries": entries, "load": max(loads)}


ROWS = (  # (label, key, format) of the side-by-side table
    ("bound (cap / latency), postings/s", "bound", "{:.0f}"),
    ("minimal client: ratio of the bound", "minimal", "{:.2f}"),
    ("  server CPU ms/request", "server_cpu", "{:.2f}"),
    ("LLM client (concurrency = level): ratio", "client", "{:.2f}"),
    ("  client CPU ms/request", "client_cpu", "{:.2f}"),
    ("  p50 latency s", "p50", "{:.3f}"),
    ("  connections opened (keep-alive)", "connections", "{:.0f}"),
    ("enrich_postings, defaults: ratio", "e2e", "{:.2f}"),
    ("  CPU ms/request beyond the rules pass", "e2e_cpu", "{:.2f}"),
    ("  max requests in flight", "in_flight", "{}"),
    ("1-min load average (max while measuring)", "load", "{:.1f}"),
)


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

    print(
        f"server: {args.latency:g} s per answer, cap = level, own process; postings = {args.waves} x level; "
        f"medians of {args.repeats}; {os.cpu_count()} cores, load average now {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    results = []
    for cap in args.levels:
        parsed = postings(args.waves * cap)
        rules_cpu = statistics.median(timed(parsed, {}, None)[1] for _ in range(args.repeats))
        results.append(level(parsed, args.latency, cap, args.repeats, rules_cpu))
        print(f"  {cap} in flight measured", flush=True)
    print(f"{'in flight':<42}" + "".join(f"{cap:>8}" for cap in args.levels))
    for label, key, form in ROWS:
        print(f"{label:<42}" + "".join(f"{form.format(r[key]):>8}" for r in results))

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


if __name__ == "__main__":
    main()
