from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from job_assets.parsing.lever import parse_lever
from job_assets.parsing.payload import PostingError
from job_assets_tests.parsing.samples import ctx

LEVER_TEXT = """Northwind is hiring a Platform Engineer.

You will run our Kubernetes fleet.

What you'll do

- Operate 40+ clusters
- Build CI/CD & tooling

Requirements

- 3+ years with Kubernetes
- Go or Python

Benefits
Health, dental & vision.
401(k) with 4% match"""


def test_full_posting(lever_posting: dict[str, Any]) -> None:
    record = parse_lever(lever_posting, ctx("lever"))
    assert record["posting_key"] == "lever:5ac21346-8e0c-4494-8e7a-3eb92ff77902"
    assert record["source_id"] == "5ac21346-8e0c-4494-8e7a-3eb92ff77902"
    assert record["url"] == "https://jobs.lever.co/northwind/5ac21346-8e0c-4494-8e7a-3eb92ff77902"
    assert record["title"] == "Platform Engineer"
    assert record["locations"] == ["Toronto, ON", "Remote - Canada"]  # allLocations, de-duplicated
    assert record["workplace"] == "hybrid"
    assert record["department"] == "Engineering"
    assert record["employment_type"] == "full_time"
    assert record["description_text"] == LEVER_TEXT
    assert record["posted_at"] == datetime(2024, 5, 1, 10, 0, 0, 123000, tzinfo=UTC)  # epoch ms
    assert record["updated_at"] == datetime(2024, 6, 1, 10, 0, tzinfo=UTC)
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (
        140_000.0,
        170_000.0,
        "CAD",
        "year",
    )


def test_minimal_posting() -> None:
    posting = {"id": "abc", "text": "Barista", "categories": {"location": "Austin, TX or Remote"}}
    record = parse_lever(posting, ctx("lever"))
    assert record["locations"] == ["Austin, TX", "Remote"]  # single free-text location is split
    assert record["workplace"] is None
    assert record["department"] is None
    assert record["employment_type"] is None
    assert record["description_text"] is None
    assert record["posted_at"] is None
    assert record["pay_min"] is None and record["pay_period"] is None


def test_team_when_no_department_and_commitment_text() -> None:
    posting = {
        "id": "a",
        "text": "Intern",
        "categories": {"team": "Research", "commitment": "Intern - Summer 2025"},
    }
    record = parse_lever(posting, ctx("lever"))
    assert record["department"] == "Research"
    assert record["employment_type"] == "intern"


@pytest.mark.parametrize(
    ("workplace_type", "expected"), [("on-site", "onsite"), ("remote", "remote"), ("unspecified", None)]
)
def test_workplace_type(workplace_type: str, expected: str | None) -> None:
    posting = {
        "id": "a",
        "text": "Role",
        "workplaceType": workplace_type,
        "categories": {"location": "Remote"},
    }
    assert parse_lever(posting, ctx("lever"))["workplace"] == expected


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        (
            {"currency": "USD", "interval": "per-hour-wage", "min": 22, "max": 28.5},
            (22.0, 28.5, "USD", "hour"),
        ),
        (
            {"currency": "EUR", "interval": "per-month-salary", "min": 4000, "max": 5000},
            (4000.0, 5000.0, "EUR", "month"),
        ),
        (
            {"currency": "USD", "interval": "per-year-salary", "min": None, "max": None},
            (None, None, None, None),
        ),
    ],
)
def test_salary_range(salary: dict[str, Any], expected: tuple[Any, ...]) -> None:
    record = parse_lever({"id": "a", "text": "Role", "salaryRange": salary}, ctx("lever"))
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == expected


def test_plain_description_fallback() -> None:
    posting = {
        "id": "a",
        "text": "Role",
        "descriptionPlain": "Line one\nLine two",
        "additionalPlain": "Perks",
    }
    assert parse_lever(posting, ctx("lever"))["description_text"] == "Line one\nLine two\n\nPerks"


@pytest.mark.parametrize(
    ("posting", "reason"),
    [
        ({"text": "Role"}, "missing id"),
        ({"id": "a"}, "missing text"),
        ({"id": "a", "text": "Role", "createdAt": "2024-01-01"}, "createdAt: expected epoch milliseconds"),
        ({"id": "a", "text": "Role", "categories": ["Toronto"]}, "categories: expected object, got array"),
        ({"id": "a", "text": "Role", "lists": [{"text": "Req", "content": 5}]}, r"lists\[0\].content"),
        (
            {"id": "a", "text": "Role", "categories": {"allLocations": "Toronto"}},
            "allLocations: expected array",
        ),
    ],
)
def test_malformed_postings(posting: dict[str, Any], reason: str) -> None:
    with pytest.raises(PostingError, match=reason):
        parse_lever(posting, ctx("lever"))


@pytest.mark.parametrize(
    ("commitment", "additional", "expected"),
    [
        # a commitment naming two types: the one the text names alone decides
        ("Temporary/Contract", "Vendor type: are you a Freelancer or Private Individual?", "contract"),
        ("Temporary / Contract", "You will join as an independent contractor.", "contract"),
        ("Contract or Temporary", "A temporary assignment covering a parental leave.", "temporary"),
        ("Contract/Part-time", "You will work part time, about 20 hours.", "part_time"),
        # near-misses: the text names both or neither, or the value names one type: the value's reading
        ("Temporary/Contract", "A temporary role under a contract with our client.", "temporary"),
        ("Temporary/Contract", "Join our team of annotators.", "temporary"),
        ("Full-time", "Are you a freelancer? This is not for you.", "full_time"),
        ("Intern - Summer", "Freelance designers welcome.", "intern"),
        ("Full-time or Part-time", "Part-time hours are possible.", "full_time"),
    ],
)
def test_a_commitment_naming_two_types_is_decided_by_the_text(
    commitment: str, additional: str, expected: str
) -> None:
    posting = {
        "id": "a",
        "text": "Annotator",
        "categories": {"commitment": commitment},
        "descriptionPlain": "Label data for AI projects.",
        "additionalPlain": additional,
    }
    assert parse_lever(posting, ctx("lever"))["employment_type"] == expected


def test_description_read_from_its_halves_when_the_combined_text_was_cut() -> None:
    opening = "<div>Acme builds rockets.</div>"
    body = "<div>As a first-line manager, you will lead a team of 12 technicians.</div>"
    cut = {"id": "a", "text": "Team Lead", "description": "<div>Acme builds ro</div>", "opening": opening,
           "descriptionBody": body}  # fmt: skip
    text = parse_lever(cut, ctx("lever"))["description_text"]
    assert "first-line manager" in text and "Acme builds rockets." in text


def test_whole_description_is_not_doubled_by_its_halves() -> None:
    opening = "<div>Acme builds rockets.</div>"
    body = "<div>You will test engines.</div>"
    whole = {"id": "a", "text": "Engineer", "description": opening + body, "opening": opening,
             "descriptionBody": body}  # fmt: skip
    text = parse_lever(whole, ctx("lever"))["description_text"]
    assert text.count("Acme builds rockets.") == 1 and text.count("You will test engines.") == 1
    plain = {"id": "a", "text": "Engineer", "descriptionPlain": "Acme b", "openingPlain": "Acme builds rockets.",
             "descriptionBodyPlain": "You will test engines."}  # fmt: skip
    assert (
        parse_lever(plain, ctx("lever"))["description_text"] == "Acme builds rockets.\nYou will test engines."
    )
