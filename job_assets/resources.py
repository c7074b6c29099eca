"""Dagster resources: configuration a user can change, bound to env vars in `definitions.py`.

They only carry settings and hand out plain domain objects; nothing here does the work.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb

from job_assets import settings
from job_assets.enrichment.llm import LLMConfig
from job_assets.registry import Company, load_registry
from job_assets.sources.fetch import ApiUrls
from job_assets.sources.http import HttpPolicy
from job_assets.store import db


class StoreResource(dg.ConfigurableResource):
    """The DuckDB file. Connections are short-lived and wait for another writer's lock."""

    database: str = settings.DB_PATH.default or "data/jobs.duckdb"
    lock_wait_s: int = 120

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with db.connect(self.database, read_only=read_only, wait_s=self.lock_wait_s) as conn:
            yield conn


class RegistryResource(dg.ConfigurableResource):
    """The company registry file (read on every use, so edits apply without a reload)."""

    path: str = settings.COMPANIES_PATH.default or "data/companies.yaml"

    def load(self) -> list[Company]:
        return load_registry(self.path)

    def company(self, slug: str) -> Company:
        for company in self.load():
            if company.slug == slug:
                return company
        raise dg.Failure(
            f"company {slug!r} is a partition but is not in {self.path}; the registry sensor removes it shortly",
        )


class HttpResource(dg.ConfigurableResource):
    """How politely we fetch, and where the ATS APIs live (point them at the sandbox servers offline)."""

    greenhouse_api_url: str = settings.GREENHOUSE_API_URL.default or ""
    lever_api_url: str = settings.LEVER_API_URL.default or ""
    ashby_api_url: str = settings.ASHBY_API_URL.default or ""
    jobspy_linkedin_url: str | None = None
    jobspy_indeed_url: str | None = None
    chromium_path: str = settings.CHROMIUM_PATH.default or "/usr/bin/chromium"
    timeout_s: int = 20
    retries: int = 4
    per_host: int = 4
    backoff_ms: int = 500

    def policy(self) -> HttpPolicy:
        return HttpPolicy(
            timeout_s=self.timeout_s,
            retries=self.retries,
            per_host=self.per_host,
            backoff_s=self.backoff_ms / 1000,
        )

    def urls(self) -> ApiUrls:
        return ApiUrls(
            greenhouse=self.greenhouse_api_url,
            lever=self.lever_api_url,
            ashby=self.ashby_api_url,
            linkedin=self.jobspy_linkedin_url or None,
            indeed=self.jobspy_indeed_url or None,
            chromium=self.chromium_path,
        )


class LLMResource(dg.ConfigurableResource):
    """The OpenAI-compatible endpoint (vLLM). No `url` means the offline rules extractor serves alone."""

    url: str | None = None
    long_url: str | None = None
    model: str = settings.LLM_MODEL.default or ""
    api_key: str = settings.LLM_API_KEY.default or "EMPTY"
    concurrency: int = 64
    timeout_s: int = 120
    response_format: str = settings.LLM_RESPONSE_FORMAT.default or "json_schema"
    fallback: str = settings.LLM_FALLBACK.default or "fail"  # fail | rules, when the endpoint does not answer

    @property
    def backend(self) -> str:
        return "llm" if self.url else "rules"

    def config(self) -> LLMConfig | None:
        if not self.url:
            return None
        return LLMConfig(
            url=self.url,
            long_url=self.long_url or None,
            model=self.model,
            api_key=self.api_key,
            concurrency=self.concurrency,
            timeout_s=float(self.timeout_s),
            response_format=self.response_format,  # type: ignore[arg-type]
        )


def resources_from_env() -> dict[str, dg.ConfigurableResource]:
    """Resources bound to the environment: `EnvVar` where the user set one, else the documented default."""
    return {
        "store": StoreResource(database=settings.DB_PATH.bind()),
        "registry": RegistryResource(path=settings.COMPANIES_PATH.bind()),
        "http": HttpResource(
            greenhouse_api_url=settings.GREENHOUSE_API_URL.bind(),
            lever_api_url=settings.LEVER_API_URL.bind(),
            ashby_api_url=settings.ASHBY_API_URL.bind(),
            jobspy_linkedin_url=settings.JOBSPY_LINKEDIN_URL.bind(),
            jobspy_indeed_url=settings.JOBSPY_INDEED_URL.bind(),
            chromium_path=settings.CHROMIUM_PATH.bind(),
            timeout_s=settings.HTTP_TIMEOUT.bind_int(),
            retries=settings.HTTP_RETRIES.bind_int(),
            per_host=settings.HTTP_PER_HOST.bind_int(),
            backoff_ms=settings.HTTP_BACKOFF_MS.bind_int(),
        ),
        "llm": LLMResource(
            url=settings.LLM_URL.bind(),
            long_url=settings.LLM_LONG_URL.bind(),
            model=settings.LLM_MODEL.bind(),
            api_key=settings.LLM_API_KEY.bind(),
            concurrency=settings.LLM_CONCURRENCY.bind_int(),
            timeout_s=settings.LLM_TIMEOUT.bind_int(),
            response_format=settings.LLM_RESPONSE_FORMAT.bind(),
            fallback=settings.LLM_FALLBACK.bind(),
        ),
    }
