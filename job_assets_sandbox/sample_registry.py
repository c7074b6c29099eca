"""Where the demo's company registry lives (it ships inside the package, next to the server)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_REGISTRY = Path(__file__).resolve().parent / "sample_companies.yaml"


def sample_registry_path() -> Path:
    """The registry of every sample company, for `JOB_ASSETS_COMPANIES` in the demo and tests."""
    return SAMPLE_REGISTRY
