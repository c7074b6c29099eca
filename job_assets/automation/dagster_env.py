"""Dagster's own environment switches that a big registry needs, in one place.

They are read by Dagster itself (not by our settings schema), in every process that creates runs (daemon,
webserver, the CLI's in-process runs) or writes their events (run workers), so they must be in the environment
of each: `job-assets` sets them for itself and for the `dagster dev` it starts (`apply`), docker-compose sets the
same values in `x-dagster-env` (a test keeps the two equal), benchmarks pass them to the daemon.

- `DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS`: creating a run over a range of company partitions logs ONE
  "materialization planned" event per asset instead of one per partition. With SQLite run storage each event is
  two committed writes, so a 200-company scrape run cost ~400 of them (10-50 s of the daemon's time per run,
  runs created one after another: the schedule took minutes before the last scrape run even existed). The price:
  when a range run fails, Dagster does not mark its partitions failed; the `scrape_log` table and the
  `latest_scrapes_succeeded` check say which companies failed, as they already do within a batched run.
- `DAGSTER_EVENT_BATCH_SIZE`: a range run's per-partition materialization events are stored in batches of this
  many (one transaction each). PostgreSQL run storage writes a batch in one statement; SQLite stores them one by
  one either way, so this pays on PostgreSQL only.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

DAGSTER_ENV: dict[str, str] = {
    "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS": "true",
    "DAGSTER_EVENT_BATCH_SIZE": "1000",
}


def apply(environ: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """Set the switches in `environ` (default: this process's) where the user has not set them."""
    target = os.environ if environ is None else environ
    for name, value in DAGSTER_ENV.items():
        target.setdefault(name, value)
    return target
