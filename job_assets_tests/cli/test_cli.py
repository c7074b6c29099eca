"""The `job-assets` command as a user runs it: a subprocess, a fresh DuckDB file and Dagster home."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import yaml

from job_assets.store.db import connect
from job_assets.store.summary import counts_per_company
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.conftest import DemoRun
from job_assets_tests.servers import stop_group, wait_for

pytestmark = pytest.mark.slow


CLI = str(Path(sys.executable).parent / "job-assets")


def clean_env(env: dict[str, str]) -> dict[str, str]:
    """The test's settings over an environment without the developer's own."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "JOB_ASSETS_"))}
    return base | {"COLUMNS": "200"} | env


def job_assets(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], env=clean_env(env), capture_output=True, text=True, timeout=timeout)


@pytest.mark.xdist_group("demo")  # the session's one demo run: its users share an xdist worker
def test_demo_fills_every_table_and_records_runs_in_the_instance(demo_run: DemoRun) -> None:
    result = demo_run.result
    assert result.returncode == 0, result.stderr[-3000:]
    assert "11 companies ok, 0 failed" in result.stderr  # 10 on the ATS boards, 1 careers site only
    assert "Traceback" not in result.stderr
    assert "dagster.yaml" not in result.stderr  # no warning about an instance file on a clean start
    # The user's own store and instance were set: the demo wrote only its own, under JOB_ASSETS_DEMO_DIR.
    assert not demo_run.user_dir.exists()
    assert demo_run.home.exists()

    with connect(demo_run.db, read_only=True) as conn:
        counts = counts_per_company(conn)
    assert len(counts) == 11
    assert sum(c["raw"] for c in counts.values()) >= 150
    assert all(c["raw"] == c["parsed"] == c["enriched"] > 0 and c["jobs"] > 0 for c in counts.values())

    with dg.DagsterInstance.from_config(str(demo_run.home)) as instance:
        runs = instance.get_runs()
        assert {r.job_name for r in runs} == {"refresh_companies", "build_jobs_table", "match_searches"}
        assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
        assert len(instance.get_dynamic_partitions("company")) == 11
    with connect(demo_run.db, read_only=True) as conn:
        sources = dict(conn.execute("select source, count(*) from raw_postings group by 1").fetchall())
        mirrored = conn.execute("select count(*) from jobs where len(sources) > 1").fetchall()[0][0]
    assert set(sources) == {"greenhouse", "lever", "ashby", "careers_page", "jobspy"}  # every source type
    assert mirrored > 0  # cross-source duplicates merged into one job


def test_run_lists_failed_companies_and_exits_non_zero(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    registry.write_text(yaml.safe_dump({"companies": [
        {"slug": "fernhill-games", "name": "Fernhill Games", "sources": [{"type": "lever", "site": "fernhill"}]},
        {"slug": "gone-co", "name": "Gone Co", "sources": [{"type": "greenhouse", "board": "no-such-board"}]},
        {"slug": "gone-two", "name": "Gone Two", "sources": [{"type": "ashby", "board": "no-such-board"}]},
    ]}))  # fmt: skip
    with AtsDevServer() as server:
        env = {
            **server.env(),
            "JOB_ASSETS_COMPANIES": str(registry),
            "JOB_ASSETS_DB": str(tmp_path / "jobs.duckdb"),
            "DAGSTER_HOME": str(tmp_path / "home"),
            "JOB_ASSETS_HTTP_RETRIES": "0",
        }
        result = job_assets("run", env=env)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    # The table has a row per company asked for, a failed one with its reason (it was empty before).
    rows = {line.split("│")[1].strip(): line for line in lines if line.startswith("│")}
    assert set(rows) == {"fernhill-games", "gone-co", "gone-two"}
    assert "failed: greenhouse fetch failed: HTTP 404" in rows["gone-co"]
    assert "failed: ashby fetch failed: HTTP 404" in rows["gone-two"] and rows["fernhill-games"].count(" ok ")
    assert "FAILED gone-co: raw_postings: gone-co: greenhouse fetch failed: HTTP 404 at http" in result.stderr
    assert "1 companies ok, 2 failed" in result.stderr
    # No tracebacks or event log without --verbose: one progress bar, one table, the failures.
    assert "Traceback" not in result.stderr and " - dagster - " not in result.stderr
    assert len(lines) <= 16, result.stderr  # was 138 lines with two tracebacks


def test_ctrl_c_stops_a_run_with_one_line(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    registry.write_text(yaml.safe_dump({"companies": [
        {"slug": "fernhill-games", "name": "Fernhill Games", "sources": [{"type": "lever", "site": "fernhill"}]},
    ]}))  # fmt: skip
    with AtsDevServer() as server:
        server.hang(".*", times=None)  # the scrape waits: we interrupt it mid-run
        env = {
            **server.env(),
            "JOB_ASSETS_COMPANIES": str(registry),
            "JOB_ASSETS_DB": str(tmp_path / "jobs.duckdb"),
            "DAGSTER_HOME": str(tmp_path / "home"),
        }
        with open(tmp_path / "err.txt", "w") as err:
            proc = subprocess.Popen([CLI, "run"], env=clean_env(env), stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True)  # fmt: skip
            try:
                wait_for(lambda: server.count(r"/lever/"), 120, "the run to reach the board")
                os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole foreground group
                assert proc.wait(timeout=60) == 130
            finally:
                stop_group(proc)
    output = (tmp_path / "err.txt").read_text()
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert output.rstrip().splitlines()[-1].startswith("job-assets run: stopped (Ctrl-C)")


def test_bad_registry_is_a_clear_error(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    registry.write_text(
        yaml.safe_dump({"companies": [{"slug": "x", "name": "X", "sources": [{"type": "workday"}]}]})
    )
    result = job_assets(
        "run", env={"JOB_ASSETS_COMPANIES": str(registry), "DAGSTER_HOME": str(tmp_path / "h")}
    )
    assert result.returncode == 2
    assert f"{registry}: company x: field sources.0: unknown source type 'workday'" in result.stderr
