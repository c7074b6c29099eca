"""The Dagster UI in headless Chromium (Debian's, driven over CDP by Playwright): the asset graph shows
the four assets, and the `raw_postings` partitions page shows the company partitions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from job_assets_tests.servers import VENV_BIN, GraphQL, dagster_env, free_port, process, tail, wait_for

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ASSETS = ("raw_postings", "parsed_postings", "enriched_postings", "jobs")
COMPANIES = ("acme-robotics", "globex-data", "initech-cloud")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_asset_graph_and_company_partitions_render(tmp_path: Path) -> None:
    import dagster as dg

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster.local.yaml", home / "dagster.yaml")
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

            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:  # drives Debian's Chromium over CDP
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", "--no-first-run"],
                )  # fmt: skip
                try:
                    page = browser.new_page(viewport={"width": 1600, "height": 1200})
                    page.goto(f"{gql.base}/asset-groups")
                    for group in ("scrape", "enrich", "jobs"):  # the graph first shows collapsed groups
                        page.get_by_text(group, exact=True).first.wait_for(timeout=90_000)
                    skip = page.get_by_role("button", name="Skip")  # the community sign-up dialog
                    if skip.count():
                        skip.first.click()
                    page.keyboard.press("Alt+e")  # the UI's "expand all groups" shortcut
                    for name in ASSETS:
                        page.get_by_text(name, exact=True).first.wait_for(timeout=60_000)
                    page.screenshot(path=str(tmp_path / "asset-graph.png"))

                    page.goto(f"{gql.base}/assets/raw_postings?view=partitions")
                    for slug in COMPANIES:
                        page.get_by_text(slug, exact=True).first.wait_for(timeout=60_000)
                    assert page.get_by_text(f"{len(COMPANIES)} Partitions Selected").count() == 1
                    page.screenshot(path=str(tmp_path / "raw-postings-partitions.png"))
                finally:
                    browser.close()
        except BaseException:
            print("--- webserver log ---\n" + tail(log))
            raise
