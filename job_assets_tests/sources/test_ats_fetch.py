"""Each ATS fetcher against the sandbox ATS server, which speaks the real APIs' formats over loopback."""

import asyncio
from pathlib import Path

import pytest

from job_assets.registry import Company, companies_by_slug, load_registry
from job_assets.sources.base import SourceError
from job_assets.sources.fetch import ApiUrls, CompanyFetchError, FetchResult, fetch_companies
from job_assets_sandbox.catalog.sample import sample_catalog
from job_assets_sandbox.catalog.scale import ScaleCatalog
from job_assets_sandbox.sample_registry import sample_registry_path
from job_assets_sandbox.server import AtsDevServer
from job_assets_tests.defaults import api_urls, http_policy

POLICY = http_policy(timeout_s=2, retries=2, backoff_s=0.01, max_backoff_s=0.02)


@pytest.fixture(scope="module")
def server():
    with AtsDevServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def companies() -> dict[str, Company]:
    return companies_by_slug(load_registry(sample_registry_path()))


def urls(server: AtsDevServer) -> ApiUrls:
    return api_urls(greenhouse=server.greenhouse_url, lever=server.lever_url, ashby=server.ashby_url)


def fetch(server: AtsDevServer, *companies: Company) -> dict:
    return asyncio.run(fetch_companies(list(companies), POLICY, urls(server)))


@pytest.mark.parametrize("source", ["greenhouse", "lever", "ashby"])
def test_every_sample_board_is_fetched_whole(server: AtsDevServer, companies: dict, source: str) -> None:
    catalog = sample_catalog()
    wanted = [c for c in companies.values() if any(s.type == source for s in c.sources)]
    assert len(wanted) >= 3
    results = fetch(server, *wanted)
    for company in wanted:
        result = results[company.slug]
        assert isinstance(result, FetchResult), result
        got = {(p.source, p.source_id) for p in result.postings}
        listed = [
            p for p in catalog.postings(company=company.slug) if catalog.render(p).get("isListed", True)
        ]
        assert got == {(p.source, p.source_id) for p in listed}  # Ashby's unlisted jobs are not openings
        assert all(p.company == company.slug and p.url and p.url.startswith("http") for p in result.postings)


def test_lever_paging_reads_every_page(tmp_path: Path) -> None:
    scale = ScaleCatalog(1, 230)  # more than two Lever pages of 100
    registry = load_registry(scale.write_registry(tmp_path / "companies.yaml"))
    with AtsDevServer(scale=scale) as srv:
        results = fetch(srv, *registry)
        fetched = sum(len(r.postings) for r in results.values())
        assert fetched == 230 * sum(len(c.sources) for c in registry)
        if any(s.type == "lever" for c in registry for s in c.sources):
            assert srv.count(r"/lever/") == 3


def test_one_failing_source_fails_the_company_and_names_it(server: AtsDevServer, companies: dict) -> None:
    both = companies["brightpath-health"]  # Greenhouse and Ashby
    other = companies["fernhill-games"]
    server.fail(r"/ashby/.*/brightpath", 500, times=None)
    try:
        results = fetch(server, both, other)
    finally:
        server.clear_faults()
    error = results["brightpath-health"]
    assert isinstance(error, CompanyFetchError)
    assert "brightpath-health" in str(error) and "ashby" in str(error) and "HTTP 500" in str(error)
    assert isinstance(results["fernhill-games"], FetchResult)  # one company's failure never stops another


def test_malformed_board_is_a_clear_source_error(server: AtsDevServer, companies: dict) -> None:
    server.malformed(r"/greenhouse/", body=b'{"jobs": "nope"}')
    try:
        results = fetch(server, companies["northwind-robotics"])
    finally:
        server.clear_faults()
    error = results["northwind-robotics"]
    assert isinstance(error, CompanyFetchError)
    assert "malformed board" in str(error)


def test_unknown_board_is_a_404(server: AtsDevServer) -> None:
    ghost = Company(slug="ghost", name="Ghost", sources=[{"type": "lever", "site": "no-such-site"}])
    results = fetch(server, ghost)
    assert isinstance(results["ghost"], CompanyFetchError)
    assert isinstance(results["ghost"].errors[0], SourceError) and results["ghost"].errors[0].status == 404


def test_sources_of_one_company_are_fetched_concurrently(companies: dict) -> None:
    with AtsDevServer(latency=0.3) as srv:
        result = fetch(srv, companies["brightpath-health"])["brightpath-health"]
        assert isinstance(result, FetchResult)
        assert srv.peak_in_flight == 2
