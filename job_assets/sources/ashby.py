"""Ashby Posting API: one GET per board, compensation included on request."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from job_assets.registry import AshbySource, Company
from job_assets.sources.base import RawPosting, SourceError
from job_assets.sources.http import PoliteClient


def board_url(base_url: str, board: str) -> str:
    return f"{base_url.rstrip('/')}/job-board/{quote(board, safe='')}"


def postings_from_board(company: str, url: str, data: Any, warnings: list[str]) -> list[RawPosting]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceError(
            company, "ashby", url, 200, "malformed board: expected an object with a 'jobs' list"
        )
    postings = []
    for index, job in enumerate(data["jobs"]):
        if not isinstance(job, dict) or not job.get("id"):
            warnings.append(f"ashby: skipped job #{index} at {url}: no 'id'")
            continue
        if job.get("isListed") is False:  # unlisted jobs are reachable by link only; not public openings
            continue
        postings.append(RawPosting(company, "ashby", str(job["id"]), job.get("jobUrl"), job))
    return postings


async def fetch(
    company: Company, source: AshbySource, *, client: PoliteClient, warnings: list[str], base_url: str
) -> list[RawPosting]:
    url = board_url(base_url, source.board)
    data = await client.get_json(
        url, company=company.slug, source="ashby", params={"includeCompensation": "true"}
    )
    return postings_from_board(company.slug, url, data, warnings)
