"""The first hour of a new user, as the README's "Everyday use" walks it, from the terminal:

the demo in its own store and instance (the session's one `job-assets demo`), the demo in the UI (the webserver's GraphQL API sees its partitions and
runs), Ctrl-C, then the user's own registry (a loopback board) in a fresh store with no demo rows, an LLM
endpoint that does not answer, and `search` -> `mark` -> `show`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from job_assets.store.db import connect
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.conftest import DemoRun
from job_assets_tests.servers import GraphQL, free_port, process, tail, wait_for

pytestmark = pytest.mark.slow
CLI = str(Path(sys.executable).parent / "job-assets")
DEMO_COMPANIES = 11

PARTITIONS_AND_RUNS = """
{ assetNodeOrError(assetKey: {path: ["raw_postings"]}) { ... on AssetNode { partitionKeys } }
  runsOrError { ... on Runs { results { status jobName } } } }"""


def cli(*args: str, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """A clean environment: the user's own store, instance and registry, the demo elsewhere, no LLM set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "JOB_ASSETS_"))}
    return env | {
        "JOB_ASSETS_DB": str(tmp_path / "user" / "jobs.duckdb"),
        "DAGSTER_HOME": str(tmp_path / "user" / "dagster_home"),
        "JOB_ASSETS_COMPANIES": str(tmp_path / "user" / "companies.yaml"),
        "JOB_ASSETS_DEMO_DIR": str(tmp_path / "demo"),
        "COLUMNS": "200",  # the summary table unwrapped, as on a wide terminal
    }


@pytest.mark.xdist_group("demo")  # the session's one demo run: its users share an xdist worker
def test_first_hour(tmp_path: Path, user: dict[str, str], demo_run: DemoRun) -> None:
    # 1. The demo: its own store and instance, the user's paths not even created. `job-assets demo` ran once
    # for the session, as a user runs it (`test_cli.py` checks what it printed and wrote); this walk goes on
    # from a copy of what it left, since the UI and `reset --demo` below change it.
    assert demo_run.result.returncode == 0, demo_run.result.stderr[-3000:]
    shutil.copytree(demo_run.dir, tmp_path / "demo")
    assert (tmp_path / "demo" / "jobs.duckdb").exists() and (tmp_path / "demo" / "dagster_home").exists()

    # 2. The demo in the UI: its instance, its partitions, its runs; Ctrl-C ends it with one line.
    port = free_port()
    gql = GraphQL(port)
    log = tmp_path / "ui.log"
    with process([CLI, "ui", "--demo", "--port", str(port)], log, env=user, cwd=tmp_path) as ui:
        try:
            wait_for(gql.up, 180, "the demo UI's webserver")
            wait_for(lambda: gql.location_loaded("job_assets"), 180, "the job_assets code location")
            data = gql(PARTITIONS_AND_RUNS)
        except BaseException:
            print("--- ui log ---\n" + tail(log))
            raise
        assert len(data["assetNodeOrError"]["partitionKeys"]) == DEMO_COMPANIES
        runs = data["runsOrError"]["results"]
        assert (
            sum(r["jobName"] == "refresh_companies" and r["status"] == "SUCCESS" for r in runs)
            == DEMO_COMPANIES
        )
        os.killpg(ui.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
        assert ui.wait(timeout=120) == 130
    output = log.read_text()
    assert "Traceback" not in output and "will not be used" not in output, output[-3000:]
    assert output.rstrip().splitlines()[-1].startswith("job-assets ui: stopped (Ctrl-C)")

    # 3. The user's own companies: a loopback board, a fresh store, no demo rows in it.
    registry = {"companies": [{"slug": "fernhill-games", "name": "Fernhill Games",
                               "sources": [{"type": "lever", "site": "fernhill"}]}]}  # fmt: skip
    Path(user["JOB_ASSETS_COMPANIES"]).parent.mkdir(parents=True)
    Path(user["JOB_ASSETS_COMPANIES"]).write_text(yaml.safe_dump(registry))
    with AtsDevServer() as board:
        env = user | board.env()
        # An LLM endpoint that does not answer: one clear message naming it, before anything runs.
        closed = f"http://127.0.0.1:{free_port()}/v1"
        down = cli("run", env=env | {"JOB_ASSETS_LLM_URL": closed})
        assert down.returncode == 2
        lines = [line for line in down.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, down.stderr  # one message, before anything ran; no line per posting
        assert lines[0].startswith(f"job-assets: the LLM endpoint {closed} does not answer (ConnectError on ")
        assert lines[0].endswith("or set JOB_ASSETS_LLM_FALLBACK=rules to enrich with rules while it is down")
        assert not Path(user["JOB_ASSETS_DB"]).exists()
        # Allowed to fall back: enriched with rules, said once in the summary.
        run = cli("run", env=env | {"JOB_ASSETS_LLM_URL": closed, "JOB_ASSETS_LLM_FALLBACK": "rules"})
    assert run.returncode == 0, run.stderr[-3000:]
    assert "1 companies ok, 0 failed" in run.stderr
    assert run.stderr.count("does not answer") == 1 and "enriched with rules instead" in run.stderr
    with connect(user["JOB_ASSETS_DB"], read_only=True) as conn:
        companies = {row[0] for row in conn.execute("select distinct company from jobs").fetchall()}
        backends = {
            row[0] for row in conn.execute("select distinct enrich_backend from enriched_postings").fetchall()
        }
    assert companies == {"fernhill-games"} and backends == {"rules"}

    # 4. Find a job, mark it, show it.
    found = cli("search", "engineer", "--limit", "3", "--json", env=user)
    assert found.returncode == 0, found.stderr
    jobs = [json.loads(line) for line in found.stdout.splitlines()]
    assert 0 < len(jobs) <= 3 and all(j["company"] == "fernhill-games" for j in jobs)
    job_id = jobs[0]["job_id"]
    table = cli("search", "engineer", "--limit", "3", env=user)
    assert job_id in table.stdout and jobs[0]["url"] in table.stdout
    marked = cli("mark", job_id, "--favorite", "--status", "applied", "--notes", "first hour", env=user)
    assert marked.returncode == 0, marked.stderr
    shown = cli("show", job_id, env=user)
    assert shown.returncode == 0, shown.stderr
    assert f"[{job_id}]" in shown.stdout and "favorite=yes status=applied notes='first hour'" in shown.stdout
    assert "postings (" in shown.stdout and "lever:" in shown.stdout and "first seen" in shown.stdout

    # The demo was left as it was; and it can be cleared after a confirmation.
    with connect(tmp_path / "demo" / "jobs.duckdb", read_only=True) as conn:
        assert conn.execute("select count(distinct company) from jobs").fetchall()[0][0] == DEMO_COMPANIES
    refused = subprocess.run([CLI, "reset", "--demo"], env=user, input="n\n", capture_output=True, text=True)
    assert refused.returncode == 1 and (tmp_path / "demo").exists()
    cleared = cli("reset", "--demo", "--yes", env=user)
    assert cleared.returncode == 0 and not (tmp_path / "demo").exists()
    assert Path(user["JOB_ASSETS_DB"]).exists()  # the user's store is not the demo's
