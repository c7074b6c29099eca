"""jobspy source: the real python-jobspy `scrape_jobs` against LinkedIn/Indeed served on loopback."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from jobspy.indeed import Indeed
from jobspy.linkedin import LinkedIn

from job_assets.registry import Company
from job_assets.sources import job_boards
from job_assets.sources.base import RawPosting, SourceError
from job_assets_sandbox.job_boards import (
    INDEED_GRAPHQL,
    LINKEDIN_SEARCH,
    JobBoardsServer,
    board_urls,
    noise_jobs,
    opening_ids,
    pointed_at,
    sample_jobs,
)

# The 34 columns python-jobspy 1.4.1 returns, in order (the version is pinned in pyproject.toml).
JOBSPY_COLUMNS = [
    "id",
    "site",
    "job_url",
    "job_url_direct",
    "title",
    "company",
    "location",
    "date_posted",
    "job_type",
    "salary_source",
    "interval",
    "min_amount",
    "max_amount",
    "currency",
    "is_remote",
    "job_level",
    "job_function",
    "listing_type",
    "emails",
    "description",
    "company_industry",
    "company_url",
    "company_logo",
    "company_url_direct",
    "company_addresses",
    "company_num_employees",
    "company_revenue",
    "company_description",
    "skills",
    "experience_range",
    "company_rating",
    "company_reviews_count",
    "vacancy_count",
    "work_from_home_type",
]


def northwind(**source: object) -> Company:
    return Company(
        slug="northwind-robotics",
        name="Northwind Robotics",
        sources=[{"type": "jobspy", "sites": ["linkedin", "indeed"], **source}],
    )


@pytest.fixture
def boards() -> Iterator[JobBoardsServer]:
    with JobBoardsServer() as server, pointed_at(server.url):
        yield server


def lines(server: JobBoardsServer) -> list[str]:
    return [f"{r.method} {r.path}" + (f"?{r.query}" if r.query else "") for r in server.requests]


def fetch(company: Company, warnings: list[str]) -> list[RawPosting]:
    return asyncio.run(job_boards.fetch(company, company.sources[0], client=None, warnings=warnings))


def test_keeps_only_the_company_and_maps_every_column(boards: JobBoardsServer) -> None:
    server = boards
    warnings: list[str] = []
    postings = fetch(northwind(), warnings)
    assert warnings == []
    ours = [j for j in server.jobs if j.company in ("Northwind Robotics", "Northwind Robotics, Inc.")]
    expected = {f"li-{j.linkedin_id}" for j in ours} | {f"in-{j.indeed_key}" for j in ours if j.indeed_key}
    assert len(ours) < len(server.jobs)  # the search also returned other companies
    assert {p.source_id for p in postings} == expected
    assert all(p.payload["company"] in ("Northwind Robotics", "Northwind Robotics, Inc.") for p in postings)
    for posting in postings:
        assert list(posting.payload) == JOBSPY_COLUMNS
        json.dumps(posting.payload, allow_nan=False)  # JSON-safe: no NaN, no dates, no numpy scalars
        assert posting.company == "northwind-robotics" and posting.source == "jobspy"
    for posting in (p for p in postings if p.source_id.startswith("in-")):
        job = next(j for j in ours if f"in-{j.indeed_key}" == posting.source_id)
        assert job.pay is not None
        assert (
            posting.url == posting.payload["job_url_direct"] == job.apply_url
        )  # the employer's page, not Indeed's
        assert posting.payload["date_posted"] == job.posted.isoformat()
        assert (
            posting.payload["min_amount"],
            posting.payload["max_amount"],
            posting.payload["currency"],
        ) == (*job.pay[:3],)
        assert posting.payload["interval"] == {"YEAR": "yearly", "HOUR": "hourly"}[job.pay[3]]
    linkedin = next(p for p in postings if p.source_id.startswith("li-"))
    assert linkedin.url == linkedin.payload["job_url"] == f"{server.url}/jobs/view/{linkedin.source_id[3:]}"
    assert any(r.startswith(f"GET {LINKEDIN_SEARCH}?keywords=Northwind+Robotics") for r in lines(server))
    assert f"POST {INDEED_GRAPHQL}" in lines(server)


def test_fetch_description_reads_the_linkedin_job_pages(boards: JobBoardsServer) -> None:
    server = boards
    postings = job_boards.postings_from_frame(northwind(), _scrape(fetch_description=True), [])
    linkedin = [p for p in postings if p.source_id.startswith("li-")]
    assert linkedin and all(p.payload["description"] for p in linkedin)
    assert server.count("^/jobs/view/") == len(server.jobs)  # every card's page (ours and the others')
    paid = next(p for p in linkedin if p.payload["min_amount"])
    assert paid.payload["interval"] in ("yearly", "hourly") and paid.payload["job_type"]


def _scrape(**extra: object) -> object:
    from jobspy import scrape_jobs

    return scrape_jobs(
        site_name=["linkedin"], search_term="Northwind Robotics", results_wanted=25, verbose=0, **extra
    )


def test_aliases_widen_the_match(boards: JobBoardsServer) -> None:
    company = Company(
        slug="keystone",
        name="Keystone Talent",
        aliases=["Keystone Talent Partners"],
        sources=[{"type": "jobspy", "sites": ["linkedin"], "search_term": "Northwind Robotics"}],
    )
    postings = fetch(company, [])
    assert [p.payload["company"] for p in postings] == ["Keystone Talent Partners"]


def test_no_matching_company_is_a_warning_not_an_error(boards: JobBoardsServer) -> None:
    company = Company(
        slug="acme",
        name="Acme",
        sources=[{"type": "jobspy", "sites": ["linkedin"], "search_term": "Northwind"}],
    )
    warnings: list[str] = []
    assert fetch(company, warnings) == []
    assert len(warnings) == 1 and "none of" in warnings[0] and "aliases" in warnings[0]


def test_one_board_failing_is_a_warning() -> None:
    with JobBoardsServer() as server, pointed_at(server.url):
        server.fail(INDEED_GRAPHQL, 429, times=None)
        warnings: list[str] = []
        postings = fetch(northwind(), warnings)
    assert postings and all(p.source_id.startswith("li-") for p in postings)
    assert len(warnings) == 1 and warnings[0].startswith("jobspy: indeed failed") and "429" in warnings[0]


def test_every_board_failing_fails_the_source() -> None:
    with (
        JobBoardsServer() as server,
        pointed_at(server.url),
        pytest.raises(SourceError, match="every board failed") as error,
    ):
        server.fail(INDEED_GRAPHQL, 429, times=None)
        server.fail(LINKEDIN_SEARCH, 403, times=None)
        url = server.url
        fetch(northwind(), [])
    assert "linkedin: response status code 403" in str(error.value) and "indeed" in str(error.value)
    assert error.value.company == "northwind-robotics" and url in error.value.url


def test_mirrored_postings_carry_their_catalogue_opening() -> None:
    truth = opening_ids(sample_jobs())
    assert truth[("jobspy", "li-4100000101")] == truth[("jobspy", f"in-{sample_jobs()[2].indeed_key}")]
    assert set(truth.values()) <= {
        f"northwind-robotics/{key}" for key in ("perception-swe", "controls-sr", "sre", "field-tech")
    }


def test_pointed_at_restores_the_real_boards() -> None:
    before = (LinkedIn.base_url, LinkedIn.delay, Indeed.api_url)
    with pointed_at("http://127.0.0.1:1"):
        assert LinkedIn.base_url == "http://127.0.0.1:1" and Indeed.api_url == "http://127.0.0.1:1/graphql"
    assert (LinkedIn.base_url, LinkedIn.delay, Indeed.api_url) == before
    assert LinkedIn.base_url == "https://www.linkedin.com"


def test_linkedin_paging_past_ten_cards(boards: JobBoardsServer) -> None:
    server = boards
    template = noise_jobs()[0]
    server.jobs.extend(
        replace(
            template,
            title=f"Robot Technician {i}",
            company="Northwind Robotics",
            linkedin_id=str(4_200_000_000 + i),
            indeed_key=None,
        )
        for i in range(12)
    )
    postings = fetch(northwind(sites=["linkedin"], results=50), [])
    assert len(postings) == 4 + 12
    assert any("start=10" in r for r in lines(server))


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Northwind Robotics, Inc.", "northwind robotics"),
        ("NORTHWIND ROBOTICS LLC", "northwind robotics"),
        ("Northwind Robotics Consulting LLC", "northwind robotics consulting"),
        ("Ben & Jerry's", "ben and jerrys"),
        ("Société Générale S.A.", "societe generale"),
        ("The Home Depot", "home depot"),
        ("Co", "co"),
        (None, ""),
    ],
)
def test_normalize_company(raw: str | None, normal: str) -> None:
    assert job_boards.normalize_company(raw) == normal


def test_json_safe_cells() -> None:
    import numpy as np
    import pandas as pd

    assert job_boards.json_safe(float("nan")) is None
    assert job_boards.json_safe(np.float64(1.5)) == 1.5 and type(job_boards.json_safe(np.int64(3))) is int
    assert job_boards.json_safe(date(2025, 9, 1)) == "2025-09-01"
    assert job_boards.json_safe(pd.NaT) is None and job_boards.json_safe(pd.NA) is None
    assert job_boards.json_safe([np.bool_(True), math.inf]) == [True, None]


def test_board_urls_point_jobspy_elsewhere_for_the_whole_process() -> None:
    before = (LinkedIn.base_url, Indeed.api_url)
    try:
        with JobBoardsServer() as server:
            postings = asyncio.run(
                job_boards.fetch(
                    northwind(), northwind().sources[0], warnings=[], board_urls=board_urls(server.url)
                )
            )
            assert (
                postings
                and server.count(f"^{LINKEDIN_SEARCH}$") == 1
                and server.count(f"^{INDEED_GRAPHQL}$") == 1
            )
        with pytest.raises(ValueError, match="only linkedin and indeed"):
            job_boards.point_boards({"glassdoor": "http://127.0.0.1:1"})
    finally:
        LinkedIn.base_url, Indeed.api_url = before


def test_demo_registry_source_is_valid() -> None:
    from job_assets_sandbox.job_boards import registry_source

    company = Company.model_validate(
        {
            "slug": "northwind-robotics",
            "name": "Northwind Robotics",
            "sources": [{"type": "greenhouse", "board": "northwindrobotics"}, registry_source()],
        }
    )
    assert company.sources[1].type == "jobspy"
