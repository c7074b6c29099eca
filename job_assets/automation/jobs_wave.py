"""When the `jobs` table is rebuilt: once a wave of enrichment is over, not after each of its runs.

A day's scrape is many runs (scrape batches, then GPU runs gathering what they parsed). Each `jobs` build reads
every company's enriched postings, so rebuilding after every enrichment run cost a full build per GPU run while
more were queued and scrapes were still going (an eager condition cannot see the scrape runs ahead). The rule here,
a plain function the `automation_jobs` sensor feeds from the instance: rebuild when some enrichment is newer than
the last build and nothing upstream can add more: no scrape run and no GPU run queued or going, and no company
parsed since its enrichment (the GPU sensor is about to take it). A lone company added later is the same case: its
first scrape, its GPU run, then the build. One exception keeps a broken LLM from holding the table back forever:
when the latest GPU run failed, the companies it left waiting do not block the build of what was enriched.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Upstream:
    latest_enriched: int | None  # storage id of the newest enrichment of any company (None: never enriched)
    latest_jobs: int | None  # storage id of the newest `jobs` build (None: never built)
    scraping: bool  # a scrape run is queued or going
    enriching: bool  # a GPU (enrichment) run is queued or going
    building: bool  # a `jobs` run is queued or going
    waiting: int  # companies whose parsed postings are newer than their enrichment
    last_gpu_failed: bool  # the latest GPU run ended in failure


def why_not_build(state: Upstream) -> str | None:
    """None when `jobs` should be rebuilt now; otherwise why it waits (the sensor's skip reason)."""
    if state.latest_enriched is None:
        return "nothing enriched yet"
    if state.latest_jobs is not None and state.latest_jobs > state.latest_enriched:
        return "the jobs table is newer than every enrichment"
    if state.building:
        return "a jobs build is already queued or running"
    if state.scraping:
        return "scrape runs are still going: their companies' enrichment comes first"
    if state.enriching:
        return "a GPU run is queued or going: the table is built once when the enrichment wave ends"
    if state.waiting and not state.last_gpu_failed:
        return f"{state.waiting} companies wait for enrichment (the GPU sensor starts their run)"
    return None
