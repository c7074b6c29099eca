"""The configuration schema: every setting once, with its environment variable, default and meaning.

Plain pydantic models, no Dagster: the store, the CLI and a notebook read them without importing Dagster. The
Dagster resources in `resources.py` are these same classes with `dg.ConfigurableResource` mixed in, so the
UI shows the same fields, defaults and descriptions, and `resources_from_env()` binds every variable the user
set with `EnvVar`. Domain code takes the plain values these hand out (`HttpPolicy`, `ApiUrls`, `LLMConfig`)
and keeps no defaults of its own for them. The README's configuration table is `markdown_table()`
(`job-assets settings --markdown`), and a test keeps the two equal.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from pydantic import BaseModel, Field, ValidationError

if TYPE_CHECKING:  # imported where used: reading settings stays cheap
    from job_assets.enrichment.llm import LLMConfig
    from job_assets.sources.fetch import ApiUrls
    from job_assets.sources.http import HttpPolicy

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def setting(default: Any, env: str, description: str) -> Any:
    """A field a user sets through the environment variable `env`."""
    return Field(default, description=description, json_schema_extra={"env": env})


class Settings(BaseModel):
    """Base of every group of settings: reading them from the environment, listing them for docs."""

    @classmethod
    def env_fields(cls) -> list[tuple[str, str]]:
        """(field, environment variable) for every field a user sets through the environment."""
        return [
            (name, extra["env"])
            for name, field in cls.model_fields.items()
            if isinstance(extra := field.json_schema_extra, dict) and "env" in extra
        ]

    @classmethod
    def env_values(cls) -> dict[str, str]:
        """field -> the raw value of its variable, for the variables that are set (and not empty)."""
        return {name: os.environ[env] for name, env in cls.env_fields() if os.environ.get(env)}

    @classmethod
    def from_env(cls, **overrides: Any) -> Self:
        """The environment's values over the defaults, explicit overrides over both; a bad value names
        its variable."""
        try:
            return cls.model_validate(cls.env_values() | overrides)
        except ValidationError as error:
            names = dict(cls.env_fields())
            problems = "; ".join(
                f"{names.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in error.errors()
            )
            raise ValueError(f"invalid setting: {problems}") from error


class StoreSettings(Settings):
    database: str = setting(
        str(PROJECT_ROOT / "data" / "jobs.duckdb"),
        "JOB_ASSETS_DB",
        "The store: a DuckDB file path, or a DuckLake URL `ducklake:sqlite:PATH` / `ducklake:postgres:dbname=... host=...`.",
    )
    data_path: str | None = setting(
        None,
        "JOB_ASSETS_DATA_PATH",
        "DuckLake only: where its Parquet files go (a directory, or `s3://bucket/prefix/` through httpfs).",
    )
    lock_wait_s: int = Field(120, description="Seconds a writer waits for another writer's lock.")

    @property
    def is_lake(self) -> bool:
        from job_assets.store import lake

        return lake.is_lake_url(self.database)


class RegistrySettings(Settings):
    path: str = setting(
        str(PROJECT_ROOT / "data" / "companies.yaml"), "JOB_ASSETS_COMPANIES", "The company registry (YAML)."
    )


class SearchesSettings(Settings):
    path: str = setting(
        str(PROJECT_ROOT / "data" / "searches.yaml"),
        "JOB_ASSETS_SEARCHES",
        "Saved searches and their alert channels (YAML; no file = no searches).",
    )


class HttpSettings(Settings):
    greenhouse_api_url: str = setting(
        "https://boards-api.greenhouse.io/v1", "GREENHOUSE_API_URL", "Greenhouse Job Board API base URL."
    )
    lever_api_url: str = setting("https://api.lever.co/v0", "LEVER_API_URL", "Lever Postings API base URL.")
    ashby_api_url: str = setting(
        "https://api.ashbyhq.com/posting-api", "ASHBY_API_URL", "Ashby Posting API base URL."
    )
    jobspy_linkedin_url: str | None = setting(
        None,
        "JOBSPY_LINKEDIN_URL",
        "Where jobspy finds LinkedIn (default: linkedin.com; the demo points it at loopback).",
    )
    jobspy_indeed_url: str | None = setting(
        None, "JOBSPY_INDEED_URL", "Where jobspy finds Indeed's API (default: indeed.com)."
    )
    chromium_path: str = setting(
        "/usr/bin/chromium",
        "JOB_ASSETS_CHROMIUM",
        "Chromium for career pages with `browser: true` (`apt-get install chromium`).",
    )
    timeout_s: int = setting(20, "JOB_ASSETS_HTTP_TIMEOUT", "Seconds before one HTTP request gives up.")
    retries: int = setting(4, "JOB_ASSETS_HTTP_RETRIES", "Retries on 429, 5xx and connection errors.")
    per_host: int = setting(4, "JOB_ASSETS_HTTP_PER_HOST", "Requests in flight to one host at once.")
    backoff_ms: int = setting(
        500, "JOB_ASSETS_HTTP_BACKOFF_MS", "First backoff in milliseconds; doubles each retry, with jitter."
    )

    def policy(self) -> HttpPolicy:
        from job_assets.sources.http import HttpPolicy

        return HttpPolicy(
            timeout_s=self.timeout_s,
            retries=self.retries,
            per_host=self.per_host,
            backoff_s=self.backoff_ms / 1000,
        )

    def urls(self) -> ApiUrls:
        from job_assets.sources.fetch import ApiUrls

        return ApiUrls(
            greenhouse=self.greenhouse_api_url,
            lever=self.lever_api_url,
            ashby=self.ashby_api_url,
            linkedin=self.jobspy_linkedin_url or None,
            indeed=self.jobspy_indeed_url or None,
            chromium=self.chromium_path,
        )


class LLMSettings(Settings):
    url: str | None = setting(
        None, "JOB_ASSETS_LLM_URL", "OpenAI-compatible endpoint (vLLM), e.g. http://localhost:8000/v1."
    )
    long_url: str | None = setting(
        None, "JOB_ASSETS_LLM_LONG_URL", "Optional long-context endpoint for long postings."
    )
    model: str = setting(
        "Qwen/Qwen3-4B-Instruct-2507", "JOB_ASSETS_LLM_MODEL", "Model name sent to the endpoint."
    )
    api_key: str = setting("EMPTY", "JOB_ASSETS_LLM_API_KEY", "API key for the endpoint (vLLM accepts any).")
    concurrency: int = setting(
        256,
        "JOB_ASSETS_LLM_CONCURRENCY",
        "LLM requests in flight at once (fills vLLM; lower for small servers).",
    )
    timeout_s: int = setting(120, "JOB_ASSETS_LLM_TIMEOUT", "Seconds before one LLM request gives up.")
    response_format: str = setting(
        "json_schema",
        "JOB_ASSETS_LLM_RESPONSE_FORMAT",
        "`json_schema` (OpenAI form; vLLM) or `json_object` (llama.cpp's schema form).",
    )

    fallback: str = setting(
        "fail",
        "JOB_ASSETS_LLM_FALLBACK",
        "When the LLM endpoint does not answer at the start of enrichment: `fail` the run, or `rules` (enrich "
        "with rules, say so once).",
    )

    @property
    def backend(self) -> str:
        return "llm" if self.url else "rules"

    def config(self, **tuning: Any) -> LLMConfig | None:
        """The client's configuration, or None when no endpoint is set (the rules extractor alone);
        `tuning` sets the client's own knobs (token budgets, backoff)."""
        if not self.url:
            return None
        from job_assets.enrichment.llm import LLMConfig

        return LLMConfig(
            url=self.url,
            long_url=self.long_url or None,
            model=self.model,
            api_key=self.api_key,
            concurrency=self.concurrency,
            timeout_s=float(self.timeout_s),
            response_format=self.response_format,  # type: ignore[arg-type]  # LLMConfig checks it
            **tuning,
        )


class AutomationSettings(Settings):
    scrape_batch: int | None = setting(
        None,
        "JOB_ASSETS_SCRAPE_BATCH",
        "Companies per scrape run (daily schedule and `job-assets run`); unset: chosen from the registry size "
        "(a run each up to 10 companies, else equal batches of at most 200).",
    )
    gpu_run_postings: int = setting(
        20000,
        "JOB_ASSETS_GPU_RUN_POSTINGS",
        "Postings one automatic GPU run takes at most (every waiting company up to this budget).",
    )
    schedule_cron: str = setting(
        "0 6 * * *", "JOB_ASSETS_SCHEDULE_CRON", "When the daily scrape runs (cron)."
    )
    schedule_timezone: str = setting("UTC", "JOB_ASSETS_SCHEDULE_TIMEZONE", "Timezone of the daily schedule.")
    sensor_interval_s: int = setting(
        10,
        "JOB_ASSETS_SENSOR_INTERVAL_S",
        "Seconds between evaluations of the automation sensors (`automation_gpu`, `automation_jobs`, "
        "`automation_cpu`): how soon enrichment follows a scrape and the jobs table follows enrichment.",
    )
    k8s_gpu_config: str | None = setting(
        None,
        "JOB_ASSETS_K8S_GPU_CONFIG",
        "On Kubernetes: the `dagster-k8s/config` tag GPU runs carry (see docs/deployment.md).",
    )


class InstanceSettings(Settings):
    dagster_home: str = setting(
        str(PROJECT_ROOT / "data" / "dagster_home"),
        "DAGSTER_HOME",
        "The Dagster instance (run history, schedules, partitions) the CLI and UI share.",
    )
    demo_dir: str = setting(
        str(PROJECT_ROOT / "data" / "demo"),
        "JOB_ASSETS_DEMO_DIR",
        "Where `job-assets demo` keeps its own store, registry and Dagster instance (never the user's).",
    )


# In the order the README lists them.
SCHEMA: tuple[type[Settings], ...] = (
    StoreSettings,
    RegistrySettings,
    SearchesSettings,
    HttpSettings,
    LLMSettings,
    AutomationSettings,
    InstanceSettings,
)


def _shown(value: Any) -> str:
    if value is None:
        return "(unset)"
    text = str(value)
    if text.startswith(str(PROJECT_ROOT) + os.sep):
        text = os.path.relpath(text, PROJECT_ROOT)
    return f"`{text}`"


def markdown_table() -> str:
    """The README's configuration table, written from the schema."""
    lines = ["| variable | default | what it sets |", "|---|---|---|"]
    for group in SCHEMA:
        for name, env in group.env_fields():
            field = group.model_fields[name]
            lines.append(f"| `{env}` | {_shown(field.default)} | {field.description} |")
    return "\n".join(lines)
