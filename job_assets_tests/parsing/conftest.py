from __future__ import annotations

from typing import Any

import pytest

from job_assets_tests.parsing.samples import payload


@pytest.fixture
def greenhouse_job() -> dict[str, Any]:
    return payload("greenhouse_job")


@pytest.fixture
def lever_posting() -> dict[str, Any]:
    return payload("lever_job")


@pytest.fixture
def ashby_job() -> dict[str, Any]:
    return payload("ashby_job")
