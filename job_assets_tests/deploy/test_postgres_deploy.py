"""The docker-compose Dagster configuration, for real: deploy/dagster.postgres.yaml against a PostgreSQL
15 server on loopback, `dagster-daemon` and `dagster-webserver` on it, a partitioned run launched
through the GraphQL API reaching SUCCESS, scraping a company from the sample boards server."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from job_assets_tests.servers import (
    PG_BIN,
    VENV_BIN,
    GraphQL,
    dagster_env,
    free_port,
    postgres_cluster,
    process,
    tail,
    wait_for,
)

ROOT = Path(__file__).resolve().parents[2]
REPO = {"repositoryLocationName": "job_assets", "repositoryName": "__repository__"}

ADD_PARTITION = """
mutation($repo: RepositorySelector!, $name: String!, $key: String!) {
  addDynamicPartition(repositorySelector: $repo, partitionsDefName: $name, partitionKey: $key) {
    __typename
    ... on PythonError { message }
    ... on UnauthorizedError { message }
  }
}"""
LAUNCH = """
mutation($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message }
    ... on InvalidSubsetError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""
RUN_STATUS = """
query($id: ID!) {
  runOrError(runId: $id) { __typename ... on Run { status tags { key value } } }
}"""
RUN_FAILURE = """
query($id: ID!) {
  logsForRun(runId: $id) { ... on EventConnection { events { __typename ... on MessageEvent { message } } } }
}"""
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def one_company_registry(path: Path) -> str:
    """A registry with the first sample company only, so the daemon's own sensors stay light."""
    from job_assets_sandbox.sample_registry import sample_registry_path

    registry = yaml.safe_load(Path(sample_registry_path()).read_text())
    first = registry["companies"][0]
    path.write_text(yaml.safe_dump({"companies": [first]}))
    return first["slug"]


@pytest.mark.slow
@pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason=f"PostgreSQL 15 server binaries not at {PG_BIN}")
def test_postgres_backed_dagster_runs_a_graphql_launched_partition(tmp_path: Path) -> None:
    from job_assets_sandbox.server import AtsDevServer

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster.postgres.yaml", home / "dagster.yaml")
    slug = one_company_registry(tmp_path / "companies.yaml")
    port = free_port()
    gql = GraphQL(port)
    with AtsDevServer() as boards, postgres_cluster() as pg:
        env = dagster_env(
            home,
            {
                **pg.env(),
                **boards.env(),
                "JOB_ASSETS_DB": str(tmp_path / "jobs.duckdb"),
                "JOB_ASSETS_COMPANIES": str(tmp_path / "companies.yaml"),
            },
        )
        subprocess_args = {"env": env, "cwd": ROOT}
        webserver_log, daemon_log = tmp_path / "webserver.log", tmp_path / "daemon.log"
        workspace = str(ROOT / "workspace.yaml")
        webserver_cmd = [
            str(VENV_BIN / "dagster-webserver"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-w",
            workspace,
        ]
        daemon_cmd = [str(VENV_BIN / "dagster-daemon"), "run", "-w", workspace]
        with (
            process(webserver_cmd, webserver_log, **subprocess_args),
            process(daemon_cmd, daemon_log, **subprocess_args),
        ):
            try:
                started = time.monotonic()
                wait_for(gql.up, 90, "the webserver to answer /server_info")
                wait_for(lambda: gql.location_loaded("job_assets"), 120, "the job_assets code location")
                print(f"webserver up with the code location in {time.monotonic() - started:.1f}s")
                added = gql(ADD_PARTITION, repo=REPO, name="company", key=slug)["addDynamicPartition"]
                assert added["__typename"] in {
                    "AddDynamicPartitionSuccess",
                    "DuplicateDynamicPartitionError",
                }, added
                params = {
                    "selector": {**REPO, "jobName": "scrape_companies"},
                    "executionMetadata": {"tags": [{"key": "dagster/partition", "value": slug}]},
                }
                launched = gql(LAUNCH, params=params)["launchRun"]
                assert launched["__typename"] == "LaunchRunSuccess", launched
                run_id = launched["run"]["runId"]

                def finished() -> str | None:
                    status = gql(RUN_STATUS, id=run_id)["runOrError"]["status"]
                    return status if status in FINISHED else None

                status = wait_for(
                    finished, 300, f"run {run_id} to finish (queued -> daemon -> run worker)", 1.0
                )
                if status != "SUCCESS":
                    events = gql(RUN_FAILURE, id=run_id)["logsForRun"]["events"]
                    messages = [e.get("message") for e in events if e.get("message")][-15:]
                    pytest.fail(f"run ended {status}: {messages}")
            except BaseException:
                print("--- webserver log ---\n" + tail(webserver_log))
                print("--- daemon log ---\n" + tail(daemon_log))
                raise

        # The run and its events live in PostgreSQL (not a local SQLite file), the rows in DuckDB.
        import psycopg2

        with (
            psycopg2.connect(host=pg.host, port=pg.port, user=pg.user, dbname=pg.db) as conn,
            conn.cursor() as cur,
        ):
            cur.execute("select status from runs where run_id = %s", (run_id,))
            assert cur.fetchall() == [("SUCCESS",)]
            cur.execute("select count(*) from event_logs where run_id = %s", (run_id,))
            assert cur.fetchall()[0][0] > 10
        assert not list(home.glob("**/*.db")), "no SQLite storage should have been created"

    from job_assets.store.db import connect

    with connect(tmp_path / "jobs.duckdb", read_only=True, wait_s=60) as conn:
        count = conn.execute("select count(*) from parsed_postings where company = ?", [slug]).fetchall()[0][
            0
        ]
    assert count > 0
