"""Greenhouse Job Board API: one GET returns the whole board, descriptions included."""

from __future__ import annotations

from urllib.parse import quote

from job_assets.registry import Company, GreenhouseSource
from job_assets.sources.base import RawPosting, postings_from_jobs_board
from job_assets.sources.http import PoliteClient


def board_url(base_url: str, board: str) -> str:
    return f"{base_url.rstrip('/')}/boards/{quote(board, safe='')}/jobs"


async def fetch(
    company: Company, source: GreenhouseSource, *, client: PoliteClient, warnings: list[str], base_url: str
) -> list[RawPosting]:
    url = board_url(base_url, source.board)
    data = await client.get_json(
        url, company=company.slug, source="greenhouse", params={"content": "true"}, warnings=warnings
    )
    return postings_from_jobs_board(company.slug, "greenhouse", url, data, warnings, url_field="absolute_url")
