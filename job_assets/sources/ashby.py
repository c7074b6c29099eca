"""Ashby Posting API: one GET per board, compensation included on request."""

from __future__ import annotations

from urllib.parse import quote

from job_assets.registry import AshbySource, Company
from job_assets.sources.base import RawPosting, postings_from_jobs_board
from job_assets.sources.http import PoliteClient


def board_url(base_url: str, board: str) -> str:
    return f"{base_url.rstrip('/')}/job-board/{quote(board, safe='')}"


async def fetch(
    company: Company, source: AshbySource, *, client: PoliteClient, warnings: list[str], base_url: str
) -> list[RawPosting]:
    url = board_url(base_url, source.board)
    data = await client.get_json(
        url, company=company.slug, source="ashby", params={"includeCompensation": "true"}, warnings=warnings
    )
    postings = postings_from_jobs_board(company.slug, "ashby", url, data, warnings, url_field="jobUrl")
    # Unlisted jobs are reachable by link only: not public openings.
    return [p for p in postings if p.payload.get("isListed") is not False]
