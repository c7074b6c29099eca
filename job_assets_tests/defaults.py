"""Domain configuration objects for tests: the schema's defaults (`job_assets.config`) with a test's overrides,
so no test restates a default."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from job_assets.config import HttpSettings, LLMSettings
from job_assets.enrichment.llm import LLMConfig
from job_assets.sources.fetch import ApiUrls
from job_assets.sources.http import HttpPolicy


def http_policy(**overrides: Any) -> HttpPolicy:
    return replace(HttpSettings().policy(), **overrides)


def api_urls(**overrides: Any) -> ApiUrls:
    return replace(HttpSettings().urls(), **overrides)


def llm_config(**overrides: Any) -> LLMConfig:
    """An LLM client configuration (`url` is required by the caller in spirit: the default points nowhere)."""
    base = LLMSettings(url="http://127.0.0.1:9/v1").config()
    assert base is not None
    return replace(base, **overrides)
