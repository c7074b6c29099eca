"""Imported first by the fork server that worker pools start from (`worker_pool`), never by a run's own
process: every worker forked from the server inherits polars sized to one thread (polars reads
POLARS_MAX_THREADS once, when it is imported)."""

import os

os.environ["POLARS_MAX_THREADS"] = "1"

import polars  # noqa: F401  (imported here so the size is fixed before anything else imports it)
