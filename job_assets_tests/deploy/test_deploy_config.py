"""The deployment files: docker-compose validates (Debian's docker-compose), says what matters, and the
Dagster instance configs load with the same queue settings as the local `dagster.yaml`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from job_assets.config import LLMSettings
from job_assets.enrichment.llm import LLMConfig

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
GPU_OVERLAY = ROOT / "deploy" / "compose.gpu.yaml"
POSTGRES_YAML = ROOT / "deploy" / "dagster.postgres.yaml"
DOCKER_COMPOSE = shutil.which("docker-compose")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def compose() -> dict:
    return load(COMPOSE)


@pytest.mark.skipif(
    DOCKER_COMPOSE is None, reason="Debian's docker-compose is not installed (.ci/run installs it)"
)
@pytest.mark.parametrize("files", [[COMPOSE], [COMPOSE, GPU_OVERLAY]], ids=["base", "gpu-overlay"])
def test_docker_compose_config_validates(files: list[Path], tmp_path: Path) -> None:
    args = [DOCKER_COMPOSE or "docker-compose"]
    for file in files:
        args += ["-f", str(file)]
    result = subprocess.run(
        [*args, "--profile", "gpu", "config"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    merged = yaml.safe_load(result.stdout)
    assert {"postgres", "user_code", "webserver", "daemon", "dagster_init", "vllm"} <= set(merged["services"])
    llm_url = merged["services"]["user_code"]["environment"].get("JOB_ASSETS_LLM_URL")
    assert llm_url == ("http://vllm:8000/v1" if GPU_OVERLAY in files else "")


def test_compose_services_health_and_order(compose: dict) -> None:
    services = compose["services"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "grpc-health-check" in services["user_code"]["healthcheck"]["test"]
    assert services["user_code"]["command"][:3] == ["dagster", "code-server", "start"]
    assert "job_assets.definitions" in services["user_code"]["command"]
    for name in ("webserver", "daemon"):
        deps = services[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy"
        assert deps["user_code"]["condition"] == "service_healthy"
        assert deps["dagster_init"]["condition"] == "service_completed_successfully"
        assert "/opt/job_assets/deploy/workspace.docker.yaml" in services[name]["command"]
    init = " ".join(services["dagster_init"]["command"])
    assert "dagster instance concurrency set vllm_gpu 1" in init
    from job_assets.automation.gpu import GPU_POOL

    assert f"set {GPU_POOL} 1" in init, "the init service must set the pool the enrichment asset uses"


def test_compose_gives_every_dagster_process_the_big_registry_switches(compose: dict) -> None:
    from job_assets.automation.dagster_env import DAGSTER_ENV

    for name in ("user_code", "webserver", "daemon"):  # run creation and run workers
        environment = compose["services"][name]["environment"]
        assert {k: str(environment.get(k)) for k in DAGSTER_ENV} == DAGSTER_ENV, name


def test_vllm_only_in_the_gpu_profile(compose: dict) -> None:
    vllm = compose["services"]["vllm"]
    assert vllm["profiles"] == ["gpu"]
    assert vllm["image"].startswith("vllm/vllm-openai")
    command = vllm["command"]
    # vLLM serves the model the client asks for, with the context the client budgets its prompts for
    assert command[0] == LLMSettings().model
    assert int(command[command.index("--max-model-len") + 1]) >= LLMConfig.context_tokens
    assert "--enable-prefix-caching" in command
    assert "/health" in " ".join(vllm["healthcheck"]["test"])
    device = vllm["deploy"]["resources"]["reservations"]["devices"][0]
    assert device["driver"] == "nvidia" and "gpu" in device["capabilities"]
    # Without the profile nothing else needs vLLM: the stack starts on a machine with no GPU.
    for name, service in compose["services"].items():
        if "profiles" not in service:
            assert "vllm" not in (service.get("depends_on") or {}), name
    assert compose["services"]["user_code"]["environment"]["JOB_ASSETS_LLM_URL"] == "${JOB_ASSETS_LLM_URL:-}"
    overlay = load(GPU_OVERLAY)["services"]["user_code"]
    assert overlay["environment"]["JOB_ASSETS_LLM_URL"] == "http://vllm:8000/v1"
    assert overlay["depends_on"]["vllm"]["condition"] == "service_healthy"


def test_store_is_a_ducklake_on_dagsters_postgres_shared_by_every_service_that_opens_it(
    compose: dict,
) -> None:
    from job_assets.store import lake

    assert "job_data" in compose["volumes"]
    for name in ("user_code", "notebook"):  # runs execute in user_code (DefaultRunLauncher)
        service = compose["services"][name]
        env = service["environment"]
        assert lake.target(env["JOB_ASSETS_DB"], None).catalog == "postgres", name
        assert "host=postgres" in env["JOB_ASSETS_DB"], name
        mounts = [v for v in service["volumes"] if v.startswith("job_data:")]
        assert mounts, f"{name} does not mount the store's data volume"
        target = mounts[0].split(":")[1]
        data_path = re.sub(r"^\$\{\w+:-(.*)\}$", r"\1", env["JOB_ASSETS_DATA_PATH"])  # the default
        assert data_path.startswith(target + "/"), name
    for name in ("dagster_init", "user_code", "webserver", "daemon"):  # one instance configuration
        assert any("deploy/dagster.ducklake.yaml:" in v for v in compose["services"][name]["volumes"]), name
    instance = load(ROOT / "deploy" / "dagster.ducklake.yaml")
    assert instance["run_launcher"]["class"] == "DefaultRunLauncher"
    assert instance["concurrency"]["runs"]["max_concurrent_runs"] > 1
    assert {"key": "job_assets/gpu", "value": "vllm", "limit": 1} in instance["concurrency"]["runs"][
        "tag_concurrency_limits"
    ]


def test_workspace_points_at_the_code_server() -> None:
    server = load(ROOT / "deploy" / "workspace.docker.yaml")["load_from"][0]["grpc_server"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert server["host"] == "user_code" and server["port"] == 4000
    assert server["location_name"] == project["tool"]["dg"]["project"]["code_location_name"]


def test_the_image_copies_paths_that_exist_and_carries_the_product_only() -> None:
    """A COPY of a moved path breaks the image build; the sandbox, the tests and local state stay out."""
    copied = {
        source
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.startswith("COPY ")
        for source in line.split()[1:-1]
        if not source.startswith("--")
    }
    assert copied and all((ROOT / source).exists() for source in copied), copied
    assert not copied & {".", "job_assets_sandbox", "job_assets_tests", "benchmarks"}
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "data/*.duckdb", "job_assets_sandbox", "job_assets_tests"} <= ignored


def test_postgres_instance_config_loads_with_the_local_queue_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dagster._core.instance.config import dagster_instance_config

    for key, value in {"HOST": "localhost", "PORT": "5432", "USER": "u", "PASSWORD": "p", "DB": "d"}.items():
        monkeypatch.setenv(f"DAGSTER_POSTGRES_{key}", value)
    shutil.copy(POSTGRES_YAML, tmp_path / "dagster.yaml")
    config, _ = dagster_instance_config(str(tmp_path))  # validates against Dagster's instance schema
    postgres_db = config["storage"]["postgres"]["postgres_db"]
    assert postgres_db["hostname"] == {"env": "DAGSTER_POSTGRES_HOST"}
    assert postgres_db["scheme"] == "postgresql+psycopg2"  # the driver dagster-postgres installs
    local = load(ROOT / "deploy" / "dagster.local.yaml")
    deployed = load(POSTGRES_YAML)
    assert deployed["concurrency"] == local["concurrency"]
    # a launch that times out on a busy code server is retried, not failed (every instance config alike)
    ducklake = load(ROOT / "deploy" / "dagster.ducklake.yaml")
    assert deployed["run_queue"] == local["run_queue"] == ducklake["run_queue"]
    assert local["run_queue"]["max_user_code_failure_retries"] >= 1 and local["run_monitoring"]["enabled"]
    assert (
        deployed["run_monitoring"]["free_slots_after_run_end_seconds"]
        == local["run_monitoring"]["free_slots_after_run_end_seconds"]
    )
    assert {"key": "job_assets/gpu", "value": "vllm", "limit": 1} in deployed["concurrency"]["runs"][
        "tag_concurrency_limits"
    ]


def test_helm_values_run_on_kubernetes_with_a_gpu_per_enrichment_run() -> None:
    values = load(ROOT / "deploy" / "k8s" / "values.yaml")
    local = load(ROOT / "deploy" / "dagster.ducklake.yaml")  # the cluster runs the DuckLake store
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    assert values["postgresql"]["enabled"] is True
    assert values["postgresql"]["postgresqlScheme"] == "postgresql+psycopg2"
    monitoring = values["dagsterDaemon"]["runMonitoring"]
    assert monitoring["enabled"] is True
    assert (
        monitoring["freeSlotsAfterRunEndSeconds"]
        == local["run_monitoring"]["free_slots_after_run_end_seconds"]
    )
    runs = values["concurrency"]["runs"]
    assert runs["maxConcurrentRuns"] == local["concurrency"]["runs"]["max_concurrent_runs"]
    assert runs["tagConcurrencyLimits"] == local["concurrency"]["runs"]["tag_concurrency_limits"]
    queue = values["dagsterDaemon"]["runCoordinator"]["config"]["queuedRunCoordinator"]
    assert not {"maxConcurrentRuns", "tagConcurrencyLimits"} & set(queue), "limits in one place"
    # launches in threads, as the local and compose instances
    assert queue["dequeueUseThreads"] is local["run_queue"]["dequeue_use_threads"] is True
    launcher = values["runLauncher"]["config"]["k8sRunLauncher"]
    assert not launcher.get("volumes"), "DuckLake runs need no node-pinned volume"
    deployment = values["dagster-user-deployments"]["deployments"][0]
    env = {e["name"]: e["value"] for e in deployment["env"]}
    from job_assets.store import lake

    assert lake.target(env["JOB_ASSETS_DB"], env["JOB_ASSETS_DATA_PATH"]).catalog == "postgres"
    assert env["JOB_ASSETS_DATA_PATH"].startswith("s3://")
    gpu_config = json.loads(env["JOB_ASSETS_K8S_GPU_CONFIG"])  # the dagster-k8s/config run tag's value
    sidecar = gpu_config["pod_spec_config"]["init_containers"][0]
    assert sidecar["resources"]["limits"]["nvidia.com/gpu"] == "1"
    assert sidecar["restart_policy"] == "Always" and sidecar["args"][0] == "Qwen/Qwen3-4B-Instruct-2507"
    llm_env = {e["name"]: e["value"] for e in gpu_config["container_config"]["env"]}
    assert llm_env["JOB_ASSETS_LLM_URL"] == "http://localhost:8000/v1"
