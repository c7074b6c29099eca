"""Lever Postings API: a plain JSON list, paged with `skip`/`limit` until a short page."""

from __future__ import annotations

from urllib.parse import quote

from job_assets.registry import Company, LeverSource
from job_assets.sources.base import RawPosting, SourceError
from job_assets.sources.http import PoliteClient

PAGE_SIZE = 100
MAX_PAGES = 200  # 20,000 postings: a guard against a server that never returns a short page
EU_BASE_URL = "https://api.eu.lever.co/v0"


def postings_url(base_url: str, site: str) -> str:
    return f"{base_url.rstrip('/')}/postings/{quote(site, safe='')}"


async def fetch(
    company: Company, source: LeverSource, *, client: PoliteClient, warnings: list[str], base_url: str
) -> list[RawPosting]:
    if source.region == "eu" and base_url.rstrip("/") == "https://api.lever.co/v0":
        base_url = EU_BASE_URL
    url = postings_url(base_url, source.site)
    postings: list[RawPosting] = []
    seen: set[str] = set()
    for page in range(MAX_PAGES):
        params = {"mode": "json", "skip": page * PAGE_SIZE, "limit": PAGE_SIZE}
        data = await client.get_json(
            url, company=company.slug, source="lever", params=params, warnings=warnings
        )
        if not isinstance(data, list):
            detail = "malformed board: expected a JSON list of postings"
            if isinstance(data, dict) and data.get("ok") is False:
                detail = f"Lever answered an error: {data.get('error')}"
            raise SourceError(company.slug, "lever", url, 200, detail)
        for index, posting in enumerate(data):
            if not isinstance(posting, dict) or not posting.get("id"):
                warnings.append(f"lever: skipped posting #{page * PAGE_SIZE + index} at {url}: no 'id'")
                continue
            if posting["id"] in seen:  # a posting can shift pages while we read; keep the first copy
                continue
            seen.add(posting["id"])
            postings.append(
                RawPosting(company.slug, "lever", str(posting["id"]), posting.get("hostedUrl"), posting)
            )
        if len(data) < PAGE_SIZE:
            return postings
    warnings.append(f"lever: stopped after {MAX_PAGES} pages at {url}")
    return postings
