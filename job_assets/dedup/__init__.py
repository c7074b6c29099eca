"""Deduplication: enriched postings -> one row per real opening, with history (see `history.deduplicate_postings`)."""

from job_assets.dedup.history import HistoryConfig, JobsBuild, deduplicate_postings
from job_assets.dedup.schema import JOBS_SCHEMA, MATCHES_SCHEMA, USER_FIELDS_SCHEMA, USER_STATUSES
from job_assets.dedup.similarity import MatchConfig

__all__ = [
    "JOBS_SCHEMA",
    "MATCHES_SCHEMA",
    "USER_FIELDS_SCHEMA",
    "USER_STATUSES",
    "HistoryConfig",
    "JobsBuild",
    "MatchConfig",
    "deduplicate_postings",
]
