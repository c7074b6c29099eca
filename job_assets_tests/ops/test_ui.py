"""The Dagster UI, rendered by headless Chromium: the asset graph shows the four assets, and the
`raw_postings` partitions page shows the company partitions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from job_assets_tests.ops.servers import VENV_BIN, GraphQL, dagster_env, free_port, process, tail, wait_for

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ASSETS = ("raw_postings", "parsed_postings", "enriched_postings", "jobs")
COMPANIES = ("acme-robotics", "globex-data", "initech-cloud")


def render(url: str, profile: Path, budget_ms: int = 30000) -> str:
    """The DOM after the page's scripts ran (GraphQL fetches included), as Chromium serialises it."""
    command = [
        CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", "--window-size=1600,1200",
        "--dump-dom", url,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, start_new_session=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_asset_graph_and_company_partitions_render(tmp_path: Path) -> None:
    import dagster as dg

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions("company", list(COMPANIES))
    port = free_port()
    gql = GraphQL(port)
    env = dagster_env(home, {"JOB_ASSETS_DB": str(tmp_path / "jobs.duckdb")})
    log = tmp_path / "webserver.log"
    command = [
        str(VENV_BIN / "dagster-webserver"),
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-w",
        str(ROOT / "workspace.yaml"),
    ]
    with process(command, log, env=env, cwd=ROOT):
        try:
            wait_for(gql.up, 90, "the webserver to answer /server_info")
            wait_for(lambda: gql.location_loaded("job_assets"), 120, "the job_assets code location")

            graph = wait_for(
                lambda: (
                    (dom := render(f"{gql.base}/asset-groups", tmp_path / "chrome1"))
                    and all(name in dom for name in ASSETS)
                    and dom
                ),
                180,
                "the asset graph to show all four assets",
                interval=1.0,
            )
            for name in ASSETS:
                assert f">{name}<" in graph or f'"{name}"' in graph or name in graph

            partitions = wait_for(
                lambda: (
                    (dom := render(f"{gql.base}/assets/raw_postings?view=partitions", tmp_path / "chrome2"))
                    and all(slug in dom for slug in COMPANIES)
                    and dom
                ),
                180,
                "the raw_postings partitions page to list the company partitions",
                interval=1.0,
            )
            assert all(slug in partitions for slug in COMPANIES)
        except BaseException:
            print("--- webserver log ---\n" + tail(log))
            raise
