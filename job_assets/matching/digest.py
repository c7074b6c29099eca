"""The alert text: one digest per search per build, listing every job not yet sent to that channel."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

REASONS_PER_JOB = 3


@dataclass(frozen=True)
class Digest:
    title: str
    body: str
    job_ids: list[str]


def _entry(position: int, job: dict) -> str:
    locations = "; ".join(job.get("locations") or []) or "location not stated"
    company = job.get("company_name") or job.get("company") or "?"
    reasons = [r for r in (job.get("reasons") or []) if not r.startswith("first seen")][:REASONS_PER_JOB]
    lines = [
        f"{position}. {job['title']} at {company} (fit {job['score']:.0f}/100)",
        f"   {locations}",
        f"   {job.get('pay') or 'pay not listed'}",
        f"   {job.get('url') or '(no link)'}",
    ]
    if reasons:
        lines.append("   why: " + "; ".join(reasons))
    return "\n".join(lines)


def build_digest(search: str, jobs: pl.DataFrame) -> Digest:
    """Title and plain-text body for `jobs` (stored match rows, best first) of one search."""
    count = jobs.height
    noun = "job" if count == 1 else "jobs"
    title = f"{count} new {noun} for your search '{search}'"
    entries = [_entry(i, job) for i, job in enumerate(jobs.iter_rows(named=True), start=1)]
    footer = f"See them all with: job-assets matches {search}"
    body = "\n\n".join([*entries, footer])
    return Digest(title=title, body=body, job_ids=jobs.get_column("job_id").to_list())
