"""Parsing careers-page and jobspy raw postings into PARSED_SCHEMA records."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from job_assets.parsing.careers_page import parse_careers_page
from job_assets.parsing.dispatch import check_record, parse_raw_frame
from job_assets.parsing.jobspy import parse_jobspy
from job_assets.parsing.markdown import markdown_to_text
from job_assets.parsing.payload import PostingError
from job_assets.parsing.record import PostingContext
from job_assets.registry import Company
from job_assets.sources import careers_page, job_boards
from job_assets.sources.base import raw_frame
from job_assets.sources.http import PoliteClient
from job_assets_sandbox.careers_sites import CRAWLABLE, CareersSiteServer
from job_assets_sandbox.job_boards import JobBoardsServer, pointed_at
from job_assets_tests.defaults import http_policy

FETCHED = datetime(2025, 9, 15, 13, tzinfo=UTC)


def ctx(
    source: str, source_id: str = "id-1", url: str | None = "https://example.com/jobs/1"
) -> PostingContext:
    return PostingContext("acme", "Acme", source, source_id, url, FETCHED)


def page(job_posting: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    return {
        "page_url": "https://example.com/jobs/1?ref=x",
        "canonical_url": "https://example.com/jobs/1",
        "listing_url": "https://example.com/careers",
        "page_title": "Staff Engineer | Acme Careers",
        "heading": "Staff Engineer",
        "job_posting": job_posting,
        "markdown": None,
        **extra,
    }


def test_json_ld_posting_is_fully_structured() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Staff Engineer",
        "description": "&lt;p&gt;Build &amp;amp; run things.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;",
        "datePosted": "2025-09-01",
        "dateModified": "2025-09-03T10:00:00-04:00",
        "employmentType": ["CONTRACTOR", "FULL_TIME"],
        "jobLocation": [
            {
                "@type": "Place",
                "address": {
                    "addressLocality": "Austin",
                    "addressRegion": "TX",
                    "addressCountry": {"@type": "Country", "name": "US"},
                },
            },
            {"@type": "Place", "address": "Berlin, Germany"},
        ],
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "eur",
            "value": {"minValue": "6,000", "maxValue": 8000, "unitText": "MONTH"},
        },
    }
    record = parse_careers_page(page(posting), ctx("careers_page"))
    check_record(record)
    assert record["title"] == "Staff Engineer"
    assert record["posting_key"] == "careers_page:id-1" and record["url"] == "https://example.com/jobs/1"
    assert record["locations"] == ["Austin, TX, US", "Berlin, Germany"]
    assert record["employment_type"] == "contract"
    assert record["description_text"] == "Build & run things.\n\n- Go"
    assert record["posted_at"] == datetime(2025, 9, 1, tzinfo=UTC)
    assert record["updated_at"] == datetime(2025, 9, 3, 14, tzinfo=UTC)
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (
        6000,
        8000,
        "EUR",
        "month",
    )
    assert record["workplace"] is None


def test_telecommute_is_remote_and_a_single_salary_value_is_both_ends() -> None:
    posting = {
        "@type": "JobPosting",
        "name": "Support Specialist",
        "jobLocationType": "TELECOMMUTE",
        "applicantLocationRequirements": [{"@type": "Country", "name": "Canada"}],
        "baseSalary": {"currency": "CAD", "value": {"value": 28, "unitText": "HOUR"}},
        "datePosted": "last week",  # not ISO 8601: dropped, not fatal
    }
    record = parse_careers_page(page(posting, markdown="Fallback text"), ctx("careers_page"))
    assert record["title"] == "Support Specialist"
    assert (record["workplace"], record["locations"]) == ("remote", ["Remote (Canada)"])
    assert (record["pay_min"], record["pay_max"], record["pay_period"]) == (28.0, 28.0, "hour")
    assert record["posted_at"] is None
    assert record["description_text"] == "Fallback text"  # no JSON-LD description: the page's content


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        ("45.000", "55.000", (45000.0, 55000.0)),
        ("45 000", "55 000", (45000.0, 55000.0)),
        ("$120,000", "$150,000.00", (120000.0, 150000.0)),
        ("12,00,000", "18,00,000", (1200000.0, 1800000.0)),
    ],
)
def test_salary_written_as_text_in_any_grouping(low: str, high: str, expected: tuple[float, float]) -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Analyst",
        "baseSalary": {"currency": "EUR", "value": {"minValue": low, "maxValue": high, "unitText": "YEAR"}},
    }
    record = parse_careers_page(page(posting), ctx("careers_page"))
    assert (record["pay_min"], record["pay_max"]) == expected


def test_page_without_json_ld_keeps_heading_and_content() -> None:
    markdown = "# Staff Engineer\nPlatform · Austin\n\n## What you will do\n  * Build **things**\n  * Run [them](https://x)\n"
    record = parse_careers_page(page(None, markdown=markdown), ctx("careers_page", "url-abc"))
    check_record(record)
    assert record["title"] == "Staff Engineer"
    assert (
        record["description_text"]
        == "Staff Engineer\nPlatform · Austin\n\nWhat you will do\n- Build things\n- Run them"
    )
    assert record["locations"] == [] and record["pay_min"] is None and record["employment_type"] is None


def test_page_without_any_title_is_a_posting_error() -> None:
    with pytest.raises(PostingError, match="missing title"):
        parse_careers_page(page(None, heading=None, page_title=None, markdown="text"), ctx("careers_page"))
    with pytest.raises(PostingError, match="job_posting"):
        parse_careers_page(page(["not", "an", "object"]), ctx("careers_page"))


def jobspy_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "id": "in-abc",
        "site": "indeed",
        "job_url": "https://www.indeed.com/viewjob?jk=abc",
        "job_url_direct": "https://acme.com/careers/1",
        "title": "Data Engineer",
        "company": "Acme, Inc.",
        "location": "Austin, TX, USA",
        "date_posted": "2025-09-10",
        "job_type": "parttime, contract",
        "interval": "hourly",
        "min_amount": 55.0,
        "max_amount": 70.0,
        "currency": "USD",
        "is_remote": True,
        "description": "**About** the role\n\n* SQL\n* Python",
        "work_from_home_type": None,
    }
    return {**row, **overrides}


def test_jobspy_row_maps_pay_workplace_and_type() -> None:
    record = parse_jobspy(jobspy_row(), ctx("jobspy", "in-abc", "https://acme.com/careers/1"))
    check_record(record)
    assert record["locations"] == ["Austin, TX, USA"]  # one location: commas are its parts
    assert (record["workplace"], record["employment_type"]) == ("remote", "part_time")
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (
        55,
        70,
        "USD",
        "hour",
    )
    assert record["posted_at"] == datetime(2025, 9, 10, tzinfo=UTC)
    assert record["description_text"] == "About the role\n\n- SQL\n- Python"


def test_jobspy_row_without_pay_or_remote_flag() -> None:
    row = jobspy_row(
        min_amount=None,
        max_amount=None,
        interval=None,
        currency=None,
        is_remote=False,
        job_type=None,
        description=None,
        work_from_home_type="Hybrid",
        date_posted=None,
    )
    record = parse_jobspy(row, ctx("jobspy", "in-abc"))
    assert record["pay_min"] is None and record["pay_period"] is None
    assert record["workplace"] == "hybrid"  # the board's own field; is_remote=False says nothing
    assert (
        record["employment_type"] is None
        and record["description_text"] is None
        and record["posted_at"] is None
    )
    with pytest.raises(PostingError, match="title"):
        parse_jobspy(jobspy_row(title=None), ctx("jobspy"))


def test_markdown_to_text_flattens_markdown() -> None:
    assert (
        markdown_to_text("## Perks\n\n- one\n    - nested \\- two\n\n---\n![logo](x.png)")
        == "Perks\n\n- one\n  - nested - two"
    )
    assert markdown_to_text(None) == ""


def test_crawled_and_scraped_postings_parse_through_the_dispatcher() -> None:
    """End to end: real crawl4ai and real jobspy output -> parse_raw_frame -> valid PARSED_SCHEMA rows."""
    with CareersSiteServer() as site:
        source = {
            "type": "careers_page",
            "url": f"{site.url}/careers",
            "link_pattern": "/jobs/(?!substation|moved)",
        }
        company = Company(slug="copperleaf-energy", name="Copperleaf Energy Storage", sources=[source])

        async def crawl() -> list:
            async with PoliteClient(http_policy(timeout_s=2.0, retries=0)) as client:
                return await careers_page.fetch(
                    company, company.sources[0], client=client, warnings=[], interval_s=0
                )

        crawled = asyncio.run(crawl())
    result = parse_raw_frame(raw_frame(crawled), company.name)
    assert result.problems == []
    titles = dict(zip(result.frame["title"], result.frame["pay_period"], strict=True))
    assert titles["Battery Test Engineer"] == "year" and titles["Field Service Technician"] == "hour"
    assert titles["Procurement Specialist"] is None
    assert set(titles) == {p.title for p in CRAWLABLE}
    remote = result.frame.filter(result.frame["workplace"] == "remote")
    assert remote["title"].to_list() == ["Grid Data Analyst (Remote)"]

    northwind = Company(slug="northwind-robotics", name="Northwind Robotics", sources=[{"type": "jobspy"}])
    with JobBoardsServer() as boards, pointed_at(boards.url):
        scraped = asyncio.run(job_boards.fetch(northwind, northwind.sources[0], warnings=[]))
    result = parse_raw_frame(raw_frame(scraped), northwind.name)
    assert result.problems == [] and result.frame.height == len(scraped)
    indeed = result.frame.filter(result.frame["posting_key"].str.starts_with("jobspy:in-"))
    assert (
        indeed.height == 2
        and indeed["pay_min"].is_not_null().all()
        and indeed["description_text"].is_not_null().all()
    )
