"""A company careers site: the listing page -> its posting pages on the same site -> one RawPosting each.

Politeness is not optional here (these are company websites, not APIs): robots.txt is read first
and obeyed, every request stays on the configured site (origin = scheme, host and port; see
`page_crawler`), requests are throttled per site, each page has a timeout and the crawl has a page
budget (`max_pages` posting pages). A posting page that fails is a warning; a listing page that
fails, or a crawl where every posting page failed, fails the source: writing zero postings would
make every open job look closed.

Identity: the posting's `url` is its canonical URL (`<link rel="canonical">`, else the JSON-LD
`url`), else the fetched URL; its `source_id` is the JSON-LD `identifier`, else a hash of that URL.
So `/jobs/1?ref=home` and `/jobs/1` are one posting however the listing links to it.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from job_assets.registry import CareersPageSource, Company
from job_assets.sources.base import RawPosting, SourceError, stable_hash
from job_assets.sources.chromium import ChromiumUnavailable
from job_assets.sources.http import RETRY_STATUSES, PoliteClient
from job_assets.sources.page_crawler import FetchedPage, PageCrawler
from job_assets.sources.page_markup import absolute_http_url, jsonld_identifier, link_urls, page_facts
from job_assets.sources.robots import RobotsRules, fetch_robots, origin

SOURCE = "careers_page"
DEFAULT_INTERVAL_S = 0.5  # at most 2 page requests a second to one careers site
LISTING_ATTEMPTS = 3


def _normal(url: str) -> str:
    """For comparing URLs: no fragment, no trailing slash on the path."""
    parts = urlsplit(url)
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/") or "/", parts.query, "")
    )


def _default_scope(listing_url: str) -> str:
    """Without a pattern or selector, postings are the pages *under* the listing's path
    (`/careers` -> `/careers/...`), which keeps nav links (`/about`, `/blog`) out."""
    path = urlsplit(listing_url).path or "/"
    last = path.rsplit("/", 1)[-1]
    if "." in last:  # /careers/index.html -> /careers/
        path = path[: -len(last)]
    return path if path.endswith("/") else path + "/"


def posting_links(
    listing: FetchedPage, source: CareersPageSource, company: str, warnings: list[str]
) -> list[str]:
    """The posting URLs to fetch from the listing page, in page order, before robots and budget."""
    try:
        urls = link_urls(listing.html, listing.final_url, source.link_selector)
    except Exception as error:  # selectolax rejects a malformed selector
        raise SourceError(
            company, SOURCE, source.url, "config", f"invalid link_selector {source.link_selector!r}: {error}"
        ) from error
    try:
        pattern = re.compile(source.link_pattern) if source.link_pattern else None
    except re.error as error:
        raise SourceError(
            company, SOURCE, source.url, "config", f"invalid link_pattern {source.link_pattern!r}: {error}"
        ) from error
    site = origin(source.url)
    listing_keys = {_normal(source.url), _normal(listing.final_url)}
    scope = None if (pattern or source.link_selector) else _default_scope(listing.final_url)
    chosen: list[str] = []
    for url in urls:
        if _normal(url) in listing_keys or (pattern and not pattern.search(url)):
            continue
        if origin(url) != site:
            if scope is None:  # the pattern or selector picked it: say why it is not followed
                warnings.append(f"{SOURCE}: not following {url}: off the configured site {site}")
            continue
        if scope is not None and not urlsplit(url).path.startswith(scope):
            continue
        chosen.append(url)
    return chosen


async def _fetch_listing(crawler: PageCrawler, url: str, backoff_s: float) -> FetchedPage:
    """The listing page decides the whole crawl, so it alone is retried on 429/5xx/connection errors."""
    page = await crawler.fetch(url)
    for attempt in range(1, LISTING_ATTEMPTS):
        retryable = page.status in RETRY_STATUSES or (
            page.status is None and page.error is not None and "refused" not in page.error
        )
        if page.ok or not retryable:
            break
        await asyncio.sleep(backoff_s * 2 ** (attempt - 1))
        page = await crawler.fetch(url)
    return page


def posting_from_page(
    company: str, source: CareersPageSource, page: FetchedPage, warnings: list[str]
) -> RawPosting | None:
    """One posting page -> a RawPosting: the JSON-LD JobPosting when present, else the page's content."""
    facts = page_facts(page.html, page.final_url)
    warnings.extend(f"{SOURCE}: {page.final_url}: {problem}" for problem in facts.problems)
    posting = facts.job_posting
    parts = urlsplit(page.final_url)
    site_keys = {_normal(source.url), _normal(f"{parts.scheme}://{parts.netloc}/")}
    canonical = facts.canonical_url
    if canonical and _normal(canonical) in site_keys:
        canonical = None  # a template that points every page at the listing or home page: not an identity
    if canonical is None and posting and isinstance(posting.get("url"), str):
        canonical = absolute_http_url(posting["url"], page.final_url)
        if canonical and _normal(canonical) in site_keys:
            canonical = None
    url = canonical or page.final_url
    markdown = page.markdown.strip()
    has_description = bool(
        posting and isinstance(posting.get("description"), str) and posting["description"].strip()
    )
    if posting is None and not markdown and not facts.heading:
        warnings.append(
            f"{SOURCE}: {page.final_url}: skipped: the page has no JobPosting JSON-LD and no content"
        )
        return None
    payload: dict[str, Any] = {
        "page_url": page.final_url,
        "canonical_url": canonical,
        "listing_url": source.url,
        "page_title": facts.title,
        "heading": facts.heading,
        "job_posting": posting,
        "markdown": None if has_description else (markdown or None),
    }
    source_id = (jsonld_identifier(posting) if posting else None) or url_id(url)
    return RawPosting(company, SOURCE, source_id, url, payload)


def url_id(url: str) -> str:
    """A stable id for a posting without a JSON-LD identifier: the hash of its canonical URL."""
    return "url-" + stable_hash(_normal(url))[:32]


def _unique_ids(postings: list[RawPosting], warnings: list[str]) -> list[RawPosting]:
    """One posting per id. Two pages with one canonical URL are one posting (keep the first); two
    *different* URLs claiming one JSON-LD identifier mean the site's identifier is not per posting
    (a company-wide value): fall back to URL ids for those."""
    urls_per_id: dict[str, set[str]] = {}
    for p in postings:
        urls_per_id.setdefault(p.source_id, set()).add(_normal(p.url or ""))
    shared = {sid for sid, urls in urls_per_id.items() if len(urls) > 1}
    if shared:
        warnings.append(
            f"{SOURCE}: JSON-LD identifier(s) {sorted(shared)} shared by different pages: using URL ids"
        )
    out: dict[str, RawPosting] = {}
    for p in postings:
        if p.source_id in shared:
            p = RawPosting(p.company, p.source, url_id(p.url or ""), p.url, p.payload, p.fetched_at)
        out.setdefault(p.source_id, p)
    return list(out.values())


async def _crawl(
    crawler: PageCrawler,
    source: CareersPageSource,
    slug: str,
    robots: RobotsRules,
    warnings: list[str],
    backoff_s: float,
) -> tuple[list[FetchedPage], list[str]]:
    """The listing page, then its posting pages (robots and budget applied): the pages and their URLs."""
    listing = await _fetch_listing(crawler, source.url, backoff_s)
    if not listing.ok:
        raise SourceError(
            slug, SOURCE, source.url, listing.status or "error", f"listing page: {listing.error}"
        )
    links = posting_links(listing, source, slug, warnings)
    allowed = [u for u in links if robots.allowed(u)]
    warnings.extend(
        f"{SOURCE}: not fetching {u}: disallowed by {robots.url}" for u in links if u not in allowed
    )
    if len(allowed) > source.max_pages:
        warnings.append(
            f"{SOURCE}: {len(allowed)} posting links on {source.url}; fetched the first {source.max_pages} (max_pages)"
        )
        allowed = allowed[: source.max_pages]
    return list(await asyncio.gather(*(crawler.fetch(u) for u in allowed))), allowed


async def fetch(
    company: Company,
    source: CareersPageSource,
    *,
    client: PoliteClient,
    warnings: list[str],
    interval_s: float = DEFAULT_INTERVAL_S,
    chromium_path: str | None = None,
) -> list[RawPosting]:
    """Crawl the careers site; `client` reads robots.txt and lends its policy (UA, timeout, per-host limit)."""
    slug, policy = company.slug, client.policy
    robots = await fetch_robots(source.url, client=client, company=slug, source=SOURCE)
    if not robots.allowed(source.url):
        raise SourceError(slug, SOURCE, source.url, "robots", f"{robots.url} disallows the listing page")
    crawler = PageCrawler(
        source.url,
        robots,
        user_agent=policy.user_agent,
        timeout_s=policy.timeout_s,
        concurrency=policy.per_host,
        interval_s=interval_s,
        browser=source.browser,
        chromium_path=chromium_path,
    )
    try:
        async with crawler:
            pages, allowed = await _crawl(crawler, source, slug, robots, warnings, policy.backoff_s)
    except ChromiumUnavailable as error:  # browser mode without Chromium: say how to install it
        raise SourceError(slug, SOURCE, source.url, "config", str(error)) from error
    if not allowed:
        hint = (
            "" if source.browser else "; if the site renders its listing with JavaScript, set browser: true"
        )
        warnings.append(
            f"{SOURCE}: no posting links found on {source.url} (check link_pattern / link_selector{hint})"
        )
        return []
    failed = [p for p in pages if not p.ok]
    warnings.extend(f"{SOURCE}: {p.url}: {p.error}" for p in failed)
    if len(failed) == len(pages):
        reasons = Counter(p.error for p in failed).most_common(1)[0][0]
        raise SourceError(
            slug, SOURCE, source.url, "error", f"all {len(pages)} posting pages failed, e.g. {reasons}"
        )
    postings = [
        p for page in pages if page.ok for p in [posting_from_page(slug, source, page, warnings)] if p
    ]
    return _unique_ids(postings, warnings)
