"""Parsed postings to enrich, and the loopback LLM server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import polars as pl
import pytest

from job_assets.enrichment.llm import LLMConfig
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets.sources.base import stable_hash
from job_assets_sandbox.llm_server import FakeLLMServer
from job_assets_tests.defaults import llm_config

DESCRIPTIONS = [
    "About the role\nYou will build the payments API in Python and PostgreSQL on AWS. "
    "You need 5+ years of experience. The salary range is $150,000 - $180,000 per year. "
    "This role is fully remote within the US. We are unable to sponsor visas.",
    "We are hiring a data engineer to run Spark and Airflow pipelines. This is a hybrid role, "
    "3 days a week in our London office. Salary: £60,000 - £75,000.",
    "Join our mobile team to ship features in Kotlin and Swift. Pay: $45 - $60 per hour. "
    "This is a contract position.",
    "Help customers succeed with our platform. Great team, great snacks, and a $1,000 learning budget.",
]
TITLES = ["Senior Backend Engineer", "Data Engineer II", "Android Developer", "Customer Success Manager"]


def parsed_row(index: int, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "posting_key": f"greenhouse:{index}",
        "company": "acme",
        "company_name": "Acme",
        "source": "greenhouse",
        "source_id": str(index),
        "url": f"https://boards.example/acme/{index}",
        "title": TITLES[index % len(TITLES)],
        "locations": ["New York, NY"],
        "workplace": None,
        "department": "Engineering",
        "employment_type": None,
        "description_text": DESCRIPTIONS[index % len(DESCRIPTIONS)] + f" Requisition {index}.",
        "posted_at": datetime(2025, 1, 2, tzinfo=UTC),
        "updated_at": datetime(2025, 1, 3, tzinfo=UTC),
        "pay_min": None,
        "pay_max": None,
        "pay_currency": None,
        "pay_period": None,
        "fetched_at": datetime(2025, 1, 4, tzinfo=UTC),
    }
    row.update(overrides)
    content = {k: v for k, v in row.items() if k not in ("fetched_at", "content_hash")}
    row.setdefault("content_hash", stable_hash(content))
    return row


def parsed_frame(count: int, **overrides: Any) -> pl.DataFrame:
    return pl.DataFrame([parsed_row(i, **overrides) for i in range(count)], schema=PARSED_SCHEMA)


@pytest.fixture
def llm_server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer(model="fake-llm") as server:
        yield server


def fast_config(server: FakeLLMServer, **overrides: Any) -> LLMConfig:
    """Short backoffs and timeouts so fault tests take milliseconds, not the production seconds."""
    values: dict[str, Any] = {
        "url": server.base_url,
        "model": server.model,
        "concurrency": 8,
        "timeout_s": 5.0,
        "backoff_s": 0.01,
        "backoff_max_s": 0.05,
        "max_retries": 3,
    }
    return llm_config(**(values | overrides))
