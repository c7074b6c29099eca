"""Sample job boards in the exact Greenhouse, Lever and Ashby formats, generated from hand-written content,
with the ground truth (duplicates, hard negatives, pay) exposed as data."""

from __future__ import annotations

from job_assets_sandbox.catalog.model import DAY_ONE, DAYS, PayTruth, PostingKey, SamplePosting, Source
from job_assets_sandbox.catalog.sample import DayChanges, SampleCatalog, sample_catalog

__all__ = [
    "DAYS",
    "DAY_ONE",
    "DayChanges",
    "PayTruth",
    "PostingKey",
    "SampleCatalog",
    "SamplePosting",
    "Source",
    "sample_catalog",
]
