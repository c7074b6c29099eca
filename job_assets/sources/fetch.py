"""Fetch every source of a company concurrently; all succeed or the company's scrape fails.

All-or-nothing per company is deliberate: a partial scrape would look like closed jobs downstream.
Career-page and job-board sources are imported lazily because crawl4ai and jobspy are heavy.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from job_assets.registry import Company
from job_assets.sources.base import RawPosting, SourceError
from job_assets.sources.http import HttpPolicy, PoliteClient


@dataclass(frozen=True)
class ApiUrls:
    """Where each source lives (config.HttpSettings holds the defaults)."""

    greenhouse: str
    lever: str
    ashby: str
    linkedin: str | None  # jobspy's boards; None keeps jobspy's own
    indeed: str | None
    chromium: str | None

    def board_urls(self) -> dict[str, str]:
        return {k: v for k, v in (("linkedin", self.linkedin), ("indeed", self.indeed)) if v}


# source type -> (module, whether it takes an API base URL)
_FETCHERS: dict[str, tuple[str, bool]] = {
    "greenhouse": ("job_assets.sources.greenhouse", True),
    "lever": ("job_assets.sources.lever", True),
    "ashby": ("job_assets.sources.ashby", True),
    "careers_page": ("job_assets.sources.careers_page", False),
    "jobspy": ("job_assets.sources.job_boards", False),
}


class CompanyFetchError(RuntimeError):
    """One or more of a company's sources failed; nothing of this scrape should be written."""

    def __init__(self, company: str, errors: list[SourceError]) -> None:
        self.company, self.errors = company, errors
        super().__init__("; ".join(str(e) for e in errors))


@dataclass
class FetchResult:
    company: str
    postings: list[RawPosting]
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    per_source: dict[str, int] = field(default_factory=dict)
    stale_sites: set[str] = field(
        default_factory=set
    )  # job boards that failed: keep their last good postings


async def _fetch_source(
    company: Company, source: Any, client: PoliteClient, urls: ApiUrls, warnings: list[str], stale: set[str]
) -> list[RawPosting]:
    module_name, takes_url = _FETCHERS[source.type]
    fetch = importlib.import_module(module_name).fetch
    kwargs: dict[str, Any] = {"client": client, "warnings": warnings}
    if takes_url:
        kwargs["base_url"] = getattr(urls, source.type)
    elif source.type == "jobspy":
        kwargs.update(board_urls=urls.board_urls() or None, stale_sites=stale)
    elif source.type == "careers_page" and urls.chromium:
        kwargs["chromium_path"] = urls.chromium
    try:
        return await fetch(company, source, **kwargs)
    except SourceError:
        raise
    except Exception as error:  # a bug or an unexpected payload: still name the company and source
        raise SourceError(
            company.slug, source.type, getattr(source, "url", "") or "", "error", repr(error)
        ) from error


async def fetch_company(company: Company, client: PoliteClient, urls: ApiUrls) -> FetchResult:
    started = time.perf_counter()
    warnings: list[str] = []
    stale: set[str] = set()
    results = await asyncio.gather(
        *(_fetch_source(company, s, client, urls, warnings, stale) for s in company.sources),
        return_exceptions=True,
    )
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        unexpected = [e for e in errors if not isinstance(e, SourceError)]
        if unexpected:
            raise unexpected[0]
        raise CompanyFetchError(company.slug, errors)  # type: ignore[arg-type]
    postings: list[RawPosting] = []
    seen: set[tuple[str, str]] = set()
    for batch in results:
        for posting in batch:  # type: ignore[union-attr]
            key = (posting.source, posting.source_id)
            if key not in seen:  # two sources of one type (two boards) may list the same posting
                seen.add(key)
                postings.append(posting)
    return FetchResult(
        company=company.slug,
        postings=postings,
        warnings=warnings,
        seconds=time.perf_counter() - started,
        per_source=dict(Counter(p.source for p in postings)),
        stale_sites=stale,
    )


async def fetch_companies(
    companies: list[Company], policy: HttpPolicy, urls: ApiUrls
) -> dict[str, FetchResult | CompanyFetchError | SourceError]:
    """Fetch many companies at once (a batched run); one company's failure never stops the others."""
    async with PoliteClient(policy) as client:
        results = await asyncio.gather(
            *(fetch_company(c, client, urls) for c in companies), return_exceptions=True
        )
    out: dict[str, FetchResult | CompanyFetchError | SourceError] = {}
    for company, result in zip(companies, results, strict=True):
        if isinstance(result, BaseException) and not isinstance(result, CompanyFetchError | SourceError):
            raise result
        out[company.slug] = result  # type: ignore[assignment]
    return out
