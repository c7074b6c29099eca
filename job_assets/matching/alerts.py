"""After a build: which digests to send (one per search and channel), and their outcome as log rows.

What is pending comes from the delivery log (see `store.matches.pending`): a job is listed until a
delivery to that channel succeeds, so a failed one is retried by the next build with nothing lost, and
a job is never sent twice to a channel once a delivery listing it succeeded.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from job_assets.matching.delivery import Channel, Delivery, channel
from job_assets.matching.digest import Digest, build_digest
from job_assets.matching.searches import SearchFile
from job_assets.store.matches import DELIVERY_COLUMNS

Pending = Callable[[str, str], pl.DataFrame]  # (search, channel key) -> stored match rows not yet sent


def plan(searches: SearchFile, pending: Pending) -> list[tuple[str, Channel, Digest]]:
    """One digest per (search, channel) that has jobs waiting; nothing for a search with no channel."""
    work = []
    for search in searches.searches:
        for url in search.notify_urls():
            target = channel(url)
            waiting = pending(search.name, target.key)
            if waiting.height:
                work.append((search.name, target, build_digest(search.name, waiting)))
    return work


def deliveries_frame(deliveries: list[Delivery]) -> pl.DataFrame:
    """Delivery outcomes as rows of the `alert_deliveries` log."""
    rows = [
        {
            "search": d.search,
            "channel": d.channel,
            "channel_key": d.channel_key,
            "job_ids": d.job_ids,
            "ok": d.ok,
            "error": d.error,
            "sent_at": d.at,
            "seconds": d.seconds,
        }
        for d in deliveries
    ]
    return pl.DataFrame(rows, schema=DELIVERY_COLUMNS)
