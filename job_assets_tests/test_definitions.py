"""The one Definitions object loads, and its shape is what the docs and the UI promise."""

import importlib
import typing

import dagster as dg
import pytest

from job_assets.automation.gpu import GPU_POOL, GPU_TAGS
from job_assets.config import PROJECT_ROOT
from job_assets.definitions import build_definitions


@pytest.fixture(autouse=True)
def _live_instance():
    """Building a repository reads Dagster's process-global defs-state storage, which an earlier test's
    disposed instance may have left dangling; give it a live one."""
    with dg.instance_for_test():
        yield


def test_definitions_snapshot() -> None:
    defs = build_definitions()
    repo = defs.get_repository_def()
    assert sorted(k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()) == [
        "enriched_postings",
        "job_matches_by_search",
        "jobs",
        "parsed_postings",
        "raw_postings",
    ]
    assert sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith("__")) == [
        "build_jobs_table",
        "enrich_companies",
        "match_searches",
        "refresh_companies",
        "scrape_companies",
    ]
    assert [s.name for s in repo.schedule_defs] == ["daily_scrape"]
    assert sorted(s.name for s in repo.sensor_defs) == [
        "automation_cpu",
        "automation_gpu",
        "automation_jobs",
        "company_registry_sensor",
    ]
    assert sorted(defs.resources) == ["automation", "http", "llm", "registry", "searches", "store"]


def test_gpu_pool_and_tags() -> None:
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    enriched = graph.get(dg.AssetKey("enriched_postings"))
    assert enriched.pools == {GPU_POOL}
    repo = defs.get_repository_def()
    assert repo.get_job("enrich_companies").tags.items() >= GPU_TAGS.items()
    assert repo.get_job("scrape_companies").tags.get("job_assets/gpu") is None


def test_everything_that_must_run_is_on_by_default() -> None:
    defs = build_definitions()
    repo = defs.get_repository_def()
    for definition in [*repo.schedule_defs, *repo.sensor_defs]:
        assert definition.default_status.value == "RUNNING", definition.name


def test_the_readme_configuration_table_is_the_schema() -> None:
    from job_assets.config import markdown_table

    readme = (PROJECT_ROOT / "README.md").read_text()
    assert markdown_table() in readme, (
        "README's configuration table differs: paste `job-assets settings --markdown`"
    )


def test_workspace_and_dg_project_name_the_same_code_location() -> None:
    """What `dagster definitions validate` / `dg check defs` would catch beyond the in-process load above:
    the workspace and the dg project pointing at another module or location name."""
    import tomllib

    import yaml

    workspace = yaml.safe_load((PROJECT_ROOT / "workspace.yaml").read_text())
    (entry,) = workspace["load_from"]
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]["dg"]["project"]
    module = entry["python_module"]
    assert module["module_name"].split(".")[0] == project["root_module"]
    assert module["location_name"] == project["code_location_name"]
    assert importlib.import_module(module["module_name"]).defs is not None


def test_every_setting_given_in_the_environment_binds(monkeypatch: pytest.MonkeyPatch) -> None:
    """A variable a user sets reaches its resource field typed as the schema says (an `int | None` such as
    JOB_ASSETS_SCRAPE_BATCH too), so the code location still loads."""
    from job_assets.config import SCHEMA
    from job_assets.resources import resources_from_env

    numbers = {int: "7", float: "7.5"}
    for group in SCHEMA:
        for name, env in group.env_fields():
            kinds = set(typing.get_args(group.model_fields[name].annotation)) or {
                group.model_fields[name].annotation
            }
            value = next((numbers[k] for k in kinds if k in numbers), None)
            if value is not None:
                monkeypatch.setenv(env, value)
    resources = {k: r.process_config_and_initialize() for k, r in resources_from_env().items()}
    automation = resources["automation"]
    assert automation.scrape_batch == 7 and automation.sensor_interval_s == 7
    assert resources["http"].retries == 7 and resources["llm"].concurrency == 7
    assert build_definitions().get_repository_def() is not None
