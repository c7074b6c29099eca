"""The daily path end to end through the real `dagster-daemon`: schedule tick -> scrape -> parse -> enrich -> jobs.

For each N: N synthetic companies (M postings each) on the loopback ATS boards with latency, the stand-in LLM
server with a latency and a concurrency cap (like a vLLM batch; `--rules`: no LLM, the rules extractor), a fresh
DAGSTER_HOME with the project's `dagster.yaml` (SQLite run storage, or PostgreSQL with `--postgres`), one code
server and the daemon as `job-assets ui` (dagster dev) and docker-compose run them, Dagster's switches from
`job_assets/automation/dagster_env.py`, a bytecode cache as an installed project has it (`--pycache`), and a cron
that fires once, at the next minute. Nobody launches anything: the schedule, `automation_gpu`, `automation_jobs`
and `automation_cpu` carry the companies to `jobs`. Printed per N:

- `wall_s`: from the scheduled tick to the stored `jobs` build that follows every company's enrichment (the
  timestamp of that event, not when this script noticed it); `tick_to_last_run_end_s` includes what follows it;
- `wall_outside_asset_code_s`: the part of that wall during which no asset or check code ran in any run:
  Dagster (launches, event storage, sensor intervals) and the queue on the critical path;
- Dagster's own cost per company, summed over every run and divided by N: `launch` (RUN_STARTING -> RUN_START:
  a process started and the project imported), `in_run` (the run's wall minus its steps), `storing_materializations`
  (inside each step, from its output to its end: one materialization event stored per company partition; it
  used to be counted as step time); `overhead_per_company_s` is their sum. `queued_per_company_s` (created ->
  RUN_STARTING) is reported on its own: it is mostly waiting for other runs' work under the run and tag limits,
  not a cost of Dagster's (summed over runs that wait at the same time, it is not wall time either);
- runs by job, GPU runs and partitions per GPU run (a range: it may span companies already enriched);
- max LLM requests in flight (the server's count) and the client's own figure from the asset metadata;
- CPU seconds by process role (daemon, code server, run workers; sampled every 0.5 s) and per company;
- peak memory: the largest sum of RSS over the daemon's and the code server's process trees, and of one run worker;
- the 1-minute load average at the start and the end (the machine is shared: compare ratios).

    uv run python benchmarks/daily.py --sizes 100 1000 --postings 50
    uv run python benchmarks/daily.py --sizes 1000 --postgres      # run storage in a throwaway PostgreSQL
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.process_tree import Processes  # noqa: E402
from benchmarks.scrape import start_server  # noqa: E402
from job_assets_tests.servers import process, tail  # noqa: E402


def start_llm(latency: float, cap: int) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, str(ROOT / "benchmarks" / "enrich.py"), "--serve", "--latency", str(latency)]
    proc = subprocess.Popen([*command, "--cap", str(cap)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    if "http://" not in line:
        raise RuntimeError(f"the LLM server did not start: {line!r}")
    return proc, line.split()[4]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def role(cmdline: list[str]) -> str:
    """Which part of the deployment a process is, from its command line."""
    line = " ".join(cmdline)
    # the code server starts each run as a multiprocessing child (`spawn_main`); other launchers name it
    if "spawn_main" in line or "execute_run" in line or "execute_step" in line:
        return "run_workers"
    if "dagster-daemon" in line:
        return "daemon"
    if "code-server" in line or "api grpc" in line:
        return "code_server"
    return "other"


def postgres_storage() -> tuple[str, Any]:
    """A throwaway cluster on loopback, and the dagster.yaml storage block that points at it."""
    from job_assets_tests.servers import postgres_cluster

    context = postgres_cluster()
    pg = context.__enter__()
    block = (
        "storage:\n  postgres:\n    postgres_db:\n"
        f"      username: {pg.user}\n      password: unused-trust-auth\n      hostname: {pg.host}\n"
        f"      db_name: {pg.db}\n      port: {pg.port}\n      scheme: postgresql+psycopg2\n"
    )
    return block, context


def wait_until(check: Any, timeout: float, what: str, log: Path, interval: float = 1.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(interval)
    raise TimeoutError(f"gave up after {timeout:g}s waiting for {what}\n{tail(log)}")


def one_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    import dagster as dg

    from job_assets.automation import dagster_env
    from job_assets.automation.gpu import GPU_TAG_KEY, GPU_TAG_VALUE
    from job_assets.automation.partitions import sync_partitions
    from job_assets.automation.sensors import ACTIVE
    from job_assets.cli.instance import set_pool_limits
    from job_assets.registry import load_registry

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        registry = tmp / "companies.yaml"
        boards, board_env = start_server(n, args.postings, args.latency_ms, registry)
        llm, llm_url = start_llm(args.llm_latency, args.llm_cap)
        pg_context = None
        try:
            home = tmp / "dagster_home"
            home.mkdir()
            config = (ROOT / "deploy" / "dagster.local.yaml").read_text()
            if args.postgres:
                block, pg_context = postgres_storage()
                config += "\n" + block
            (home / "dagster.yaml").write_text(config)
            instance = dg.DagsterInstance.from_config(str(home))
            slugs = [c.slug for c in load_registry(registry)]
            sync_partitions(instance, slugs)
            set_pool_limits(instance)
            # far enough ahead that the daemon is up (it took 80 s to start on a loaded 2-core machine)
            tick = (datetime.now(UTC) + timedelta(seconds=args.tick_wait + 60)).replace(
                second=0, microsecond=0
            )
            env = {
                **os.environ,
                **board_env,
                "DAGSTER_HOME": str(home),
                "JOB_ASSETS_DB": str(tmp / "jobs.duckdb"),
                "JOB_ASSETS_COMPANIES": str(registry),
                **({} if args.rules else {"JOB_ASSETS_LLM_URL": llm_url, "JOB_ASSETS_LLM_MODEL": "fake-llm"}),
                "JOB_ASSETS_SCHEDULE_CRON": f"{tick.minute} {tick.hour} * * *",
                "JOB_ASSETS_SCHEDULE_TIMEZONE": "UTC",
            }
            dagster_env.apply(env)  # the switches `job-assets` and docker-compose give Dagster
            if args.pycache:  # compiled once and reused, as a normal install or the Docker image (which
                # compiles at build) has it; with no bytecode every run process compiles dagster and the project
                # from source again (~5 s of CPU each here)
                env.pop("PYTHONDONTWRITEBYTECODE", None)
                env["PYTHONPYCACHEPREFIX"] = args.pycache
            env.pop("JOB_ASSETS_SCRAPE_BATCH", None)  # the default: chosen from the registry size
            log = tmp / "daemon.log"
            bin_dir = Path(sys.executable).parent
            # One code server for the whole day, as `dagster dev` (job-assets ui) and docker-compose run it: a
            # daemon given a python_module workspace starts its own and replaces it every 60 s (each start
            # imports the definitions again: 7-20 s of CPU on this machine).
            port = free_port()
            code_server = [
                str(bin_dir / "dagster"), "code-server", "start", "-h", "127.0.0.1", "-p", str(port),
                "-m", "job_assets.definitions", "--location-name", "job_assets", "--log-level", "warning",
            ]  # fmt: skip
            workspace = tmp / "workspace.yaml"
            workspace.write_text(
                f"load_from:\n  - grpc_server: {{host: 127.0.0.1, port: {port}, location_name: job_assets}}\n"
            )
            daemon = [str(bin_dir / "dagster-daemon"), "run", "-w", str(workspace)]
            keys = {name: dg.AssetKey(name) for name in ("parsed_postings", "enriched_postings", "jobs")}
            kind = dg.DagsterEventType.ASSET_MATERIALIZATION
            events = instance.event_log_storage

            reached_at: list[float] = []  # when the `jobs` build that follows every enrichment was stored

            def done() -> bool:
                """Two one-record reads until a `jobs` build is newer than the newest enrichment; only then
                the per-company reads (at 5,000 companies they are not free)."""
                jobs = instance.fetch_materializations(keys["jobs"], limit=1).records
                newest = instance.fetch_materializations(keys["enriched_postings"], limit=1).records
                if not jobs or not newest or jobs[0].storage_id < newest[0].storage_id:
                    return False
                parsed = events.get_latest_storage_id_by_partition(keys["parsed_postings"], kind)
                enriched = events.get_latest_storage_id_by_partition(keys["enriched_postings"], kind)
                if len(parsed) < n or any(enriched.get(s, -1) < parsed[s] for s in slugs):
                    return False
                reached_at.append(jobs[0].timestamp)
                return True

            with (
                process(code_server, tmp / "code_server.log", env, ROOT) as server,
                process(daemon, log, env, ROOT) as proc,
                Processes(proc.pid, server.pid, role=role) as sampled,
            ):
                wait_until(lambda: datetime.now(UTC) >= tick, args.tick_wait + 120, "the tick", log, 0.2)
                reached = True
                try:
                    wait_until(done, args.timeout, f"N={n} to reach jobs", log, interval=2.0)
                except TimeoutError:  # report how far it got and what the finished runs cost
                    reached = False
                # the runs that follow the build (the saved searches' matches) end too: the day is over
                with contextlib.suppress(TimeoutError):
                    wait_until(
                        lambda: instance.get_runs_count(dg.RunsFilter(statuses=ACTIVE)) == 0,
                        300,
                        "the last runs",
                        log,
                    )
                finished = reached_at[0] if reached_at else time.time()
                runs = instance.get_run_records()
                stats = httpx.get(llm_url.removesuffix("/v1") + "/stats", timeout=5).json()
                progress = {
                    "reached_jobs": reached,
                    "companies_parsed": len(
                        events.get_latest_storage_id_by_partition(keys["parsed_postings"], kind)
                    ),
                    "companies_enriched": len(
                        events.get_latest_storage_id_by_partition(keys["enriched_postings"], kind)
                    ),
                    "runs_unfinished": sum(1 for r in runs if r.end_time is None),
                }
            return progress | summarise(
                instance, runs, n, tick, finished, sampled, stats, GPU_TAG_KEY, GPU_TAG_VALUE
            )
        finally:
            boards.terminate()
            llm.terminate()
            boards.wait()
            llm.wait()
            if pg_context is not None:
                pg_context.__exit__(None, None, None)


def covered(intervals: list[tuple[float, float]], lo: float, hi: float) -> float:
    """Seconds of [lo, hi] inside at least one of `intervals`."""
    total, reach = 0.0, lo
    for a, b in sorted(intervals):
        a, b = max(a, reach), min(b, hi)
        if b > a:
            total += b - a
            reach = b
    return total


def summarise(
    instance: Any, runs: list[Any], n: int, tick: datetime, finished: float, sampled: Processes,
    stats: dict[str, Any], gpu_key: str, gpu_value: str,
) -> dict[str, Any]:  # fmt: skip
    """Per run, from its own events: QUEUED (created -> RUN_STARTING: waiting for a slot under the run limit
    or the GPU tag, i.e. for other runs' work, plus the queue loop's latency), launch (RUN_STARTING -> RUN_START:
    a process started and the project imported), in-run (the run's wall minus its steps: planning, run events),
    storing (inside each step, from its output to its end: Dagster storing one materialization per company
    partition). Dagster's own cost is launch + in-run + storing; the queue is reported on its own."""
    import dagster as dg

    order = instance.get_dynamic_partitions("company")
    position = {key: i for i, key in enumerate(order)}
    cost = dict.fromkeys(("queued", "launch", "in_run", "storing"), 0.0)
    busy: list[tuple[float, float]] = []  # the asset and check code itself, in any run
    gpu_partitions: list[int] = []
    by_job: dict[str, int] = {}
    ends: list[float] = []
    for record in runs:
        run = record.dagster_run
        by_job[run.job_name] = by_job.get(run.job_name, 0) + 1
        if record.start_time is None or record.end_time is None:
            continue
        ends.append(record.end_time)
        step_stats = [s for s in instance.get_run_step_stats(run.run_id) if s.start_time]
        steps = sum((s.end_time or 0) - (s.start_time or 0) for s in step_stats)
        events: dict[str, dict[str | None, float]] = {
            t: {} for t in ("RUN_STARTING", "STEP_OUTPUT", "STEP_SUCCESS")
        }
        for entry in instance.get_records_for_run(run.run_id, limit=100_000).records:
            kind = entry.event_log_entry.dagster_event_type
            if kind is not None and kind.name in events:
                events[kind.name].setdefault(entry.event_log_entry.step_key, entry.timestamp)
        created = record.create_timestamp.timestamp()
        starting = events["RUN_STARTING"].get(None, created)
        cost["queued"] += starting - created
        cost["launch"] += record.start_time - starting
        cost["in_run"] += (record.end_time - record.start_time) - steps
        for step in step_stats:
            output = events["STEP_OUTPUT"].get(step.step_key)
            done_at = events["STEP_SUCCESS"].get(step.step_key)
            if output is not None and done_at is not None:
                cost["storing"] += done_at - output
            busy.append(
                (step.start_time, output if output is not None else (step.end_time or step.start_time))
            )
        if run.tags.get(gpu_key) == gpu_value:
            start, end = (
                run.tags.get("dagster/asset_partition_range_start"),
                run.tags.get("dagster/asset_partition_range_end"),
            )
            gpu_partitions.append(position[end] - position[start] + 1 if start and end else 1)
    enriched = instance.fetch_materializations(dg.AssetKey("enriched_postings"), limit=1).records
    meta = enriched[0].asset_materialization.metadata if enriched else {}
    client_in_flight = getattr(meta.get("llm_max_in_flight"), "value", None)
    first_created = min((r.create_timestamp.timestamp() for r in runs), default=tick.timestamp())
    wall = finished - tick.timestamp()
    dagster_own = cost["launch"] + cost["in_run"] + cost["storing"]
    cpu = sampled.cpu_by_role()
    return {
        "companies": n,
        "wall_s": round(wall, 1),  # scheduled tick -> the `jobs` build that follows every enrichment
        "tick_to_first_run_s": round(first_created - tick.timestamp(), 1),
        "tick_to_last_run_end_s": round(max(ends, default=finished) - tick.timestamp(), 1),
        # the wall during which no asset or check code ran anywhere: Dagster and the queue on the critical path
        "wall_outside_asset_code_s": round(wall - covered(busy, tick.timestamp(), finished), 1),
        "overhead_per_company_s": round(dagster_own / n, 3),  # launch + in-run + storing
        "launch_per_company_s": round(cost["launch"] / n, 3),
        "in_run_per_company_s": round(cost["in_run"] / n, 3),
        "storing_materializations_per_company_s": round(cost["storing"] / n, 3),
        "queued_per_company_s": round(cost["queued"] / n, 3),  # waiting for other runs' work: not overhead
        "runs_by_job": by_job,
        "gpu_runs": len(gpu_partitions),
        "partitions_per_gpu_run": gpu_partitions,
        "llm_max_in_flight_server": stats.get("max_active"),
        "llm_max_in_flight_client": client_in_flight,
        "llm_completions": stats.get("completions"),
        "cpu_s": cpu,  # CPU seconds by process role over the whole day
        "cpu_per_company_s": round(sum(cpu.values()) / n, 3),
        "peak_rss_mb": round(sampled.peak / 2**20),
        "peak_run_worker_rss_mb": round(sampled.peak_one.get("run_workers", 0) / 2**20),
        "load_avg_1m_at_end": round(os.getloadavg()[0], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--postings", type=int, default=50, help="postings per company")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="ATS board latency")
    parser.add_argument("--llm-latency", type=float, default=0.5, help="seconds per LLM answer")
    parser.add_argument(
        "--llm-cap", type=int, default=512, help="LLM answers in progress at once (the batch)"
    )
    parser.add_argument("--postgres", action="store_true", help="run storage in a throwaway PostgreSQL")
    parser.add_argument(
        "--rules", action="store_true", help="no LLM URL: enrichment by the offline rules extractor"
    )
    parser.add_argument(
        "--pycache",
        default=str(Path(tempfile.gettempdir()) / "job_assets_pycache"),
        help="bytecode cache for the daemon, code server and runs ('' = as the environment says: this machine "
        "sets PYTHONDONTWRITEBYTECODE, so every run would compile its imports from source)",
    )
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument(
        "--tick-wait", type=float, default=150, help="seconds at least before the schedule's tick"
    )
    args = parser.parse_args()
    storage = "PostgreSQL" if args.postgres else "SQLite"
    llm = (
        "rules backend (no LLM)"
        if args.rules
        else f"LLM {args.llm_latency:g} s per answer, {args.llm_cap} at once"
    )
    print(
        f"{args.postings} postings per company, boards {args.latency_ms:g} ms; {llm}; {storage} run storage; "
        f"load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    for n in args.sizes:
        load = round(os.getloadavg()[0], 1)
        print(json.dumps({"load_avg_1m_at_start": load} | one_size(n, args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
