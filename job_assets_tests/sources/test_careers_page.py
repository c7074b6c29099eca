"""careers_page: real crawl4ai against careers sites served on loopback (no internet, no mocks)."""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from typing import Any

import pytest

from job_assets.registry import Company
from job_assets.sources import careers_page
from job_assets.sources.base import RawPosting, SourceError
from job_assets.sources.http import HttpPolicy, PoliteClient
from job_assets.sources.robots import parse_robots
from job_assets_sandbox.careers_sites import CRAWLABLE, HANGING_PATH, CareersSiteServer, OtherSiteServer
from job_assets_sandbox.loopback import LoopbackServer
from job_assets_tests.defaults import http_policy

POLICY = http_policy(timeout_s=1.0, retries=1, backoff_s=0.01, per_host=4)
CHROMIUM = "/usr/bin/chromium"


def company_for(url: str, **options: Any) -> Company:
    return Company(
        slug="copperleaf-energy",
        name="Copperleaf Energy Storage",
        sources=[{"type": "careers_page", "url": url, **options}],
    )


def lines(server: LoopbackServer) -> list[str]:
    """The server's request log as `GET /path?query` lines."""
    return [f"{r.method} {r.path}" + (f"?{r.query}" if r.query else "") for r in server.requests]


def crawl(url: str, policy: HttpPolicy = POLICY, **options: Any) -> tuple[list[RawPosting], list[str]]:
    company = company_for(url, **options)
    warnings: list[str] = []

    async def run() -> list[RawPosting]:
        async with PoliteClient(policy) as client:
            return await careers_page.fetch(
                company, company.sources[0], client=client, warnings=warnings, interval_s=0
            )

    return asyncio.run(run()), warnings


@dataclass
class Crawl:
    postings: dict[str, RawPosting]  # by URL path
    warnings: list[str]
    site: list[str]  # the careers site's request log
    other: list[str]  # the other site's
    user_agents: list[str]
    url: str
    seconds: float


@pytest.fixture(scope="module")
def full_crawl() -> Crawl:
    """One crawl of the trap-laden site, shared by the assertions below (it includes a 1 s timeout)."""
    with (
        OtherSiteServer() as other,
        CareersSiteServer(offsite_url=f"{other.url}/careers/jobs/partner-role") as site,
    ):
        started = time.perf_counter()
        postings, warnings = crawl(f"{site.url}/careers")
        seconds = time.perf_counter() - started
        url = site.url
    by_path = {p.url.split(url, 1)[-1]: p for p in postings if p.url}
    return Crawl(by_path, warnings, lines(site), lines(other), site.user_agents, url, seconds)


def test_one_posting_per_crawlable_page_with_and_without_json_ld(full_crawl: Crawl) -> None:
    assert set(full_crawl.postings) == {p.path for p in CRAWLABLE}
    with_ld = {path for path, p in full_crawl.postings.items() if p.payload["job_posting"]}
    assert with_ld == {p.path for p in CRAWLABLE if p.jsonld}
    test_engineer = full_crawl.postings["/careers/jobs/battery-test-engineer"]
    assert test_engineer.source_id == "CES-1042"  # the JSON-LD identifier's value
    assert test_engineer.payload["job_posting"]["baseSalary"]["value"]["unitText"] == "YEAR"
    assert test_engineer.payload["markdown"] is None  # the JSON-LD description is the content
    plain = full_crawl.postings["/careers/jobs/procurement-specialist"]
    assert plain.payload["heading"] == "Procurement Specialist"
    assert "Run requests for proposal" in plain.payload["markdown"]
    assert "About us" not in plain.payload["markdown"]  # nav boilerplate dropped
    assert all(
        p.company == "copperleaf-energy" and p.source == "careers_page" for p in full_crawl.postings.values()
    )


def test_canonical_url_is_the_identity(full_crawl: Crawl) -> None:
    # The listing links to ...?src=listing; the page's canonical link drops the query.
    assert "GET /careers/jobs/field-service-technician?src=listing" in full_crawl.site
    tech = full_crawl.postings["/careers/jobs/field-service-technician"]
    assert tech.payload["page_url"].endswith("?src=listing")
    assert (
        tech.url == tech.payload["canonical_url"] == f"{full_crawl.url}/careers/jobs/field-service-technician"
    )
    # No <link rel=canonical>: the JSON-LD url is the canonical one; no JSON-LD identifier: a URL hash.
    analyst = full_crawl.postings["/careers/jobs/grid-data-analyst"]
    assert analyst.payload["canonical_url"] == analyst.url
    assert analyst.source_id == careers_page.url_id(analyst.url)
    # Neither: the fetched URL.
    coordinator = full_crawl.postings["/careers/jobs/warehouse-coordinator"]
    assert coordinator.payload["canonical_url"] is None
    assert coordinator.url == coordinator.payload["page_url"]


def test_robots_txt_is_read_first_and_obeyed(full_crawl: Crawl) -> None:
    requests = full_crawl.site
    assert requests[0] == "GET /robots.txt"
    assert not any("/careers/internal/" in r for r in requests)
    assert any("executive-assistant" in w and "disallowed" in w for w in full_crawl.warnings)


def test_never_leaves_the_configured_site(full_crawl: Crawl) -> None:
    # The other site is linked from the listing AND is the target of a redirect: it saw nothing.
    assert full_crawl.other == []
    assert any("moved-role" in w and "off the configured site" in w for w in full_crawl.warnings)
    assert not any(r.startswith(("GET /about", "GET /blog", "GET /privacy")) for r in full_crawl.site)


def test_hanging_page_times_out_without_failing_the_crawl(full_crawl: Crawl) -> None:
    assert f"GET {HANGING_PATH}" in full_crawl.site
    assert any(HANGING_PATH in w and "no answer within 1s" in w for w in full_crawl.warnings)
    assert len(full_crawl.postings) == len(CRAWLABLE)
    assert full_crawl.seconds < 8  # one page timeout (1 s), not a stalled crawl


def test_requests_name_the_crawler(full_crawl: Crawl) -> None:
    assert set(full_crawl.user_agents) == {POLICY.user_agent}


def test_page_budget_caps_posting_pages() -> None:
    with CareersSiteServer(bulk_count=40) as site:
        postings, warnings = crawl(f"{site.url}/bulk-careers", max_pages=5)
    fetched = [r for r in lines(site) if r.startswith("GET /bulk-careers/job-")]
    assert len(fetched) == 5 and len(postings) == 5
    assert any("40 posting links" in w and "max_pages" in w for w in warnings)


def test_per_host_limit_caps_pages_in_flight() -> None:
    with CareersSiteServer(bulk_count=8, latency=0.1) as site:
        postings, _ = crawl(f"{site.url}/bulk-careers", http_policy(timeout_s=2.0, retries=0, per_host=2))
        peak = site.peak_in_flight
    assert len(postings) == 8
    assert peak == 2  # concurrent, but never more than the policy's per-host limit


def test_link_pattern_and_selector_choose_the_postings() -> None:
    with CareersSiteServer() as site:
        by_pattern, _ = crawl(f"{site.url}/careers", link_pattern=r"/jobs/(battery|warehouse)-")
        by_selector, _ = crawl(f"{site.url}/careers", link_selector="ul.jobs a.job-link", max_pages=2)
    assert sorted(p.url.rsplit("/", 1)[-1] for p in by_pattern) == [
        "battery-test-engineer",
        "warehouse-coordinator",
    ]
    assert len(by_selector) == 2


def test_bad_link_selector_is_a_clear_error() -> None:
    with CareersSiteServer() as site, pytest.raises(SourceError, match="invalid link_"):
        crawl(f"{site.url}/careers", link_selector="a[[")


def test_bad_link_pattern_is_refused_when_the_registry_loads() -> None:
    with pytest.raises(ValueError, match=r"(?s)link_pattern.*not a valid regular expression"):
        company_for("http://127.0.0.1/careers", link_pattern="(unclosed")


def test_unreachable_listing_fails_the_source_after_retries() -> None:
    with CareersSiteServer() as site, pytest.raises(SourceError, match="HTTP 503") as error:
        crawl(f"{site.url}/broken-careers")
    assert (error.value.company, error.value.source, error.value.status) == (
        "copperleaf-energy",
        "careers_page",
        503,
    )
    assert site.count("^/broken-careers$") == careers_page.LISTING_ATTEMPTS  # 503 is retried


def test_missing_listing_is_not_retried() -> None:
    with CareersSiteServer() as site, pytest.raises(SourceError, match="HTTP 404"):
        crawl(f"{site.url}/no-such-careers")
    assert site.count("^/no-such-careers$") == 1


def test_every_posting_page_failing_fails_the_source() -> None:
    with CareersSiteServer() as site, pytest.raises(SourceError, match="all 3 posting pages failed"):
        crawl(f"{site.url}/flaky-careers")


def test_listing_disallowed_by_robots_is_not_fetched() -> None:
    robots = "User-agent: job_assets\nDisallow: /careers\n"  # our user agent by name
    with CareersSiteServer(robots=robots) as site, pytest.raises(SourceError, match="disallows the listing"):
        crawl(f"{site.url}/careers")
    assert lines(site) == ["GET /robots.txt"]


def test_missing_robots_txt_allows_all_but_unreachable_robots_txt_forbids_all() -> None:
    with CareersSiteServer(robots=404) as site:
        postings, _ = crawl(f"{site.url}/careers", link_pattern="/(internal|jobs/battery)")
    assert sorted(p.source_id for p in postings) == ["CES-0999", "CES-1042"]  # no rules: even /internal/
    with CareersSiteServer(robots=503) as site, pytest.raises(SourceError, match=r"robots\.txt unreachable"):
        crawl(f"{site.url}/careers")
    assert site.count("^/careers") == 0


def test_crawl_delay_from_robots_slows_the_crawl() -> None:
    robots = "User-agent: *\nCrawl-delay: 1\n"  # the standard library reads whole seconds only
    assert parse_robots(robots, "http://x/robots.txt", POLICY.user_agent).crawl_delay_s == 1.0
    with CareersSiteServer(robots=robots) as site:
        started = time.perf_counter()
        postings, _ = crawl(f"{site.url}/careers", link_pattern="/jobs/battery-")
        elapsed = time.perf_counter() - started
    assert len(postings) == 1
    assert elapsed >= 1.0  # the posting page waited a second after the listing page


def test_javascript_listing_has_no_links_over_plain_http() -> None:
    with CareersSiteServer() as site:
        postings, warnings = crawl(f"{site.url}/careers-js", link_selector="a.job-link")
    assert postings == []
    assert any("no posting links" in w and "browser: true" in w for w in warnings)


def test_browser_mode_without_chromium_says_how_to_install_it() -> None:
    async def run(company: Company) -> None:
        async with PoliteClient(POLICY) as client:
            source = company.sources[0]
            await careers_page.fetch(
                company, source, client=client, warnings=[], chromium_path="/nonexistent/chromium"
            )

    with CareersSiteServer() as site, pytest.raises(SourceError, match="apt-get install chromium"):
        asyncio.run(run(company_for(f"{site.url}/careers", browser=True)))


@pytest.mark.slow
@pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"browser mode needs Chromium at {CHROMIUM} (apt-get install chromium)",
)
def test_browser_mode_renders_a_javascript_listing() -> None:
    with (
        OtherSiteServer() as other,
        CareersSiteServer(offsite_url=f"{other.url}/careers/jobs/partner-role") as site,
    ):
        policy = http_policy(timeout_s=10.0, retries=0)
        postings, warnings = crawl(f"{site.url}/careers-js", policy, link_selector="a.job-link", browser=True)
        paths = {p.url.split(site.url, 1)[-1] for p in postings if p.url}
    assert paths == {p.path for p in CRAWLABLE}
    assert site.count("^/static/listing.js$") == 1  # the listing really was rendered by its script
    assert other.requests == []  # the rendered off-site link was not followed
    assert any("partner-role" in w and "off the configured site" in w for w in warnings)


def test_demo_site_without_traps_crawls_cleanly() -> None:
    from job_assets_sandbox.careers_sites import registry_entry

    with CareersSiteServer(traps=False) as site:
        entry = registry_entry(site.url)
        company = Company.model_validate(entry)
        postings, warnings = crawl(company.sources[0].url)
    assert len(postings) == len(CRAWLABLE)
    assert warnings == [
        f"careers_page: not fetching {site_url(company)}/careers/internal/executive-assistant: "
        f"disallowed by {site_url(company)}/robots.txt"
    ]


def site_url(company: Company) -> str:
    return company.sources[0].url.rsplit("/careers", 1)[0]
