"""Dagster resources: the configuration schema of `config.py` as `ConfigurableResource`s, bound to the
environment with `EnvVar`, plus the few methods that hand plain domain objects to the assets.

They only carry settings; nothing here does the work.
"""

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, get_args

import dagster as dg
import duckdb

from job_assets.config import (
    AutomationSettings,
    HttpSettings,
    LLMSettings,
    RegistrySettings,
    SearchesSettings,
    Settings,
    StoreSettings,
)
from job_assets.matching.searches import SearchFile, load_searches
from job_assets.registry import Company, load_registry
from job_assets.store import db


class StoreResource(StoreSettings, dg.ConfigurableResource):
    """The DuckDB file. Connections are short-lived and wait for another writer's lock."""

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        with db.connect(
            self.database, read_only=read_only, wait_s=self.lock_wait_s, data_path=self.data_path or None
        ) as conn:
            yield conn


class RegistryResource(RegistrySettings, dg.ConfigurableResource):
    """The company registry file: parsed once per version of the file (edits apply without a reload)."""

    def load(self) -> list[Company]:
        return load_registry(self.path)

    def companies(self, slugs: Sequence[str]) -> list[Company]:
        """The run's companies, in `slugs` order, from one read of the registry."""
        by_slug = {company.slug: company for company in self.load()}
        missing = [slug for slug in slugs if slug not in by_slug]
        if missing:
            raise dg.Failure(
                f"companies {missing} are partitions but not in {self.path}; the registry sensor removes them "
                "shortly",
            )
        return [by_slug[slug] for slug in slugs]

    def company(self, slug: str) -> Company:
        return self.companies([slug])[0]


class SearchesResource(SearchesSettings, dg.ConfigurableResource):
    """The saved-searches file (read on every build, so edits apply without a reload)."""

    def load(self) -> SearchFile | None:
        """The validated file, None when it does not exist; raises `SearchesError` naming what is wrong."""
        return load_searches(self.path)


class HttpResource(HttpSettings, dg.ConfigurableResource):
    """How politely we fetch, and where the ATS APIs live (point them at the sandbox servers offline)."""


class LLMResource(LLMSettings, dg.ConfigurableResource):
    """The OpenAI-compatible endpoint (vLLM). No `url` means the offline rules extractor serves alone."""


class AutomationResource(AutomationSettings, dg.ConfigurableResource):
    """The schedule's settings as the UI shows them; the cron and the GPU run tag are read when the
    definitions load (a schedule's cron is part of its definition)."""


R = TypeVar("R", bound=Settings)


def bind_env(resource: type[R]) -> R:
    """The resource with an `EnvVar` for every variable the user set (so the UI names it), defaults elsewhere."""
    values: dict[str, Any] = {}
    for name, env in resource.env_fields():
        if not os.environ.get(env):
            continue
        annotation = resource.model_fields[name].annotation
        is_int = annotation is int or set(get_args(annotation)) == {int, type(None)}  # `int | None` too
        values[name] = dg.EnvVar.int(env) if is_int else dg.EnvVar(env)
    return resource(**values)


def resources_from_env() -> dict[str, dg.ConfigurableResource]:
    """Resources bound to the environment: `EnvVar` where the user set one, else the schema's default."""
    return {
        "store": bind_env(StoreResource),
        "registry": bind_env(RegistryResource),
        "searches": bind_env(SearchesResource),
        "http": bind_env(HttpResource),
        "llm": bind_env(LLMResource),
        "automation": bind_env(AutomationResource),
    }
