"""Greenhouse Job Board API: one GET returns the whole board, descriptions included."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from job_assets.registry import Company, GreenhouseSource
from job_assets.sources.base import RawPosting, SourceError
from job_assets.sources.http import PoliteClient


def board_url(base_url: str, board: str) -> str:
    return f"{base_url.rstrip('/')}/boards/{quote(board, safe='')}/jobs"


def postings_from_board(company: str, url: str, data: Any, warnings: list[str]) -> list[RawPosting]:
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceError(
            company, "greenhouse", url, 200, "malformed board: expected an object with a 'jobs' list"
        )
    postings = []
    for index, job in enumerate(data["jobs"]):
        if not isinstance(job, dict) or job.get("id") in (None, ""):
            warnings.append(f"greenhouse: skipped job #{index} at {url}: no 'id'")
            continue
        postings.append(RawPosting(company, "greenhouse", str(job["id"]), job.get("absolute_url"), job))
    return postings


async def fetch(
    company: Company, source: GreenhouseSource, *, client: PoliteClient, warnings: list[str], base_url: str
) -> list[RawPosting]:
    url = board_url(base_url, source.board)
    data = await client.get_json(url, company=company.slug, source="greenhouse", params={"content": "true"})
    return postings_from_board(company.slug, url, data, warnings)
