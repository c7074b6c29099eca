"""Every setting a user can change, with its environment variable and default.

The README's configuration table is written from this module; keep the two in step.
Domain code takes plain values; `definitions.py` binds these to resources with `EnvVar`
so the UI shows where a value came from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str | None
    help: str

    def get(self) -> str | None:
        value = os.environ.get(self.env)
        return value if value not in (None, "") else self.default

    def bind(self) -> str | dg.EnvVar | None:
        """An `EnvVar` when the user set the variable (so the UI names it), else the default."""
        return dg.EnvVar(self.env) if os.environ.get(self.env) else self.default

    def bind_int(self) -> int | dg.EnvVar:
        return dg.EnvVar.int(self.env) if os.environ.get(self.env) else int(self.default or 0)


DB_PATH = Setting(
    "JOB_ASSETS_DB", str(PROJECT_ROOT / "data" / "jobs.duckdb"), "The DuckDB file every asset writes."
)
COMPANIES_PATH = Setting(
    "JOB_ASSETS_COMPANIES", str(PROJECT_ROOT / "data" / "companies.yaml"), "The company registry (YAML)."
)
GREENHOUSE_API_URL = Setting(
    "GREENHOUSE_API_URL", "https://boards-api.greenhouse.io/v1", "Greenhouse Job Board API base URL."
)
LEVER_API_URL = Setting("LEVER_API_URL", "https://api.lever.co/v0", "Lever Postings API base URL.")
ASHBY_API_URL = Setting("ASHBY_API_URL", "https://api.ashbyhq.com/posting-api", "Ashby Posting API base URL.")
JOBSPY_LINKEDIN_URL = Setting(
    "JOBSPY_LINKEDIN_URL", None, "Where jobspy finds LinkedIn (default: linkedin.com)."
)
JOBSPY_INDEED_URL = Setting(
    "JOBSPY_INDEED_URL", None, "Where jobspy finds Indeed's API (default: indeed.com)."
)
CHROMIUM_PATH = Setting(
    "JOB_ASSETS_CHROMIUM", "/usr/bin/chromium", "Chromium for career pages with `browser: true`."
)
HTTP_TIMEOUT = Setting("JOB_ASSETS_HTTP_TIMEOUT", "20", "Seconds before one HTTP request gives up.")
HTTP_RETRIES = Setting("JOB_ASSETS_HTTP_RETRIES", "4", "Retries on 429, 5xx and connection errors.")
HTTP_PER_HOST = Setting("JOB_ASSETS_HTTP_PER_HOST", "4", "Requests in flight to one host at once.")
HTTP_BACKOFF_MS = Setting(
    "JOB_ASSETS_HTTP_BACKOFF_MS", "500", "First backoff in milliseconds; doubles each retry, with jitter."
)
LLM_URL = Setting(
    "JOB_ASSETS_LLM_URL", None, "OpenAI-compatible endpoint (vLLM), e.g. http://localhost:8000/v1."
)
LLM_LONG_URL = Setting("JOB_ASSETS_LLM_LONG_URL", None, "Optional long-context endpoint for long postings.")
LLM_MODEL = Setting("JOB_ASSETS_LLM_MODEL", "Qwen/Qwen3-4B-Instruct-2507", "Model name sent to the endpoint.")
LLM_API_KEY = Setting("JOB_ASSETS_LLM_API_KEY", "EMPTY", "API key for the endpoint (vLLM accepts any).")
LLM_CONCURRENCY = Setting("JOB_ASSETS_LLM_CONCURRENCY", "64", "LLM requests in flight at once.")
LLM_TIMEOUT = Setting("JOB_ASSETS_LLM_TIMEOUT", "120", "Seconds before one LLM request gives up.")
LLM_RESPONSE_FORMAT = Setting(
    "JOB_ASSETS_LLM_RESPONSE_FORMAT",
    "json_schema",
    "`json_schema` (OpenAI form; vLLM) or `json_object` (llama.cpp's schema form).",
)
LLM_FALLBACK = Setting(
    "JOB_ASSETS_LLM_FALLBACK",
    "fail",
    "When the LLM endpoint does not answer at the start of enrichment: `fail` the run, or `rules` (enrich with rules, say so once).",
)
DEMO_DIR = Setting(
    "JOB_ASSETS_DEMO_DIR",
    str(PROJECT_ROOT / "data" / "demo"),
    "Where `job-assets demo` keeps its own store, registry and Dagster instance (never the user's).",
)
SCRAPE_BATCH = Setting(
    "JOB_ASSETS_SCRAPE_BATCH",
    "1",
    "Companies per scheduled run (1 = a run per company; raise for big registries).",
)
SCHEDULE_CRON = Setting("JOB_ASSETS_SCHEDULE_CRON", "0 6 * * *", "When the daily scrape runs (cron).")
SCHEDULE_TIMEZONE = Setting("JOB_ASSETS_SCHEDULE_TIMEZONE", "UTC", "Timezone of the daily schedule.")

ALL_SETTINGS: tuple[Setting, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Setting))
