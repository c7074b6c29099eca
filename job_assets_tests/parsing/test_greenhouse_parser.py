from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from job_assets.parsing.greenhouse import parse_greenhouse
from job_assets.parsing.payload import PostingError
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets_tests.parsing.samples import FETCHED_AT, ctx


def test_full_job(greenhouse_job: dict[str, Any]) -> None:
    record = parse_greenhouse(greenhouse_job, ctx("greenhouse"))
    assert list(record) == list(PARSED_SCHEMA)
    assert {k: v for k, v in record.items() if k not in ("description_text", "content_hash")} == {
        "posting_key": "greenhouse:4012345007",
        "company": "acme",
        "company_name": "Acme Robotics",
        "source": "greenhouse",
        "source_id": "4012345007",
        "url": "https://boards.greenhouse.io/acmerobotics/jobs/4012345007",
        "title": "Senior Robotics Engineer, Motion Planning",
        "locations": ["San Francisco, CA", "New York, NY", "Remote - US"],
        "workplace": None,  # offices or remote: not a structural answer
        "department": "Engineering",
        "employment_type": "full_time",  # from the board's "Employment Type" metadata field
        # -07:00 and -04:00 offsets converted to UTC
        "posted_at": datetime(2024, 4, 2, 16, 0, tzinfo=UTC),
        "updated_at": datetime(2024, 5, 1, 14, 15, 30, tzinfo=UTC),
        # two zones' ranges in cents -> overall range in dollars
        "pay_min": 135_000.0,
        "pay_max": 200_000.0,
        "pay_currency": "USD",
        "pay_period": "year",
        "requisition_id": "4001122007",  # internal_job_id (the job), not the board's free-text requisition_id
        "fetched_at": FETCHED_AT,
    }
    text = record["description_text"]
    assert text.startswith("About Acme Robotics\n\nAcme builds warehouse robots that work")
    assert "- Own perception pipelines\n  - Camera calibration" in text
    assert "dataLayer" not in text and "color: red" not in text and "&" + "amp;" not in text
    assert len(record["content_hash"]) == 64


def test_minimal_job_has_nulls_not_errors() -> None:
    job = {"id": 7, "title": "Office Manager", "updated_at": "2024-01-01T00:00:00Z", "location": None}
    record = parse_greenhouse(job, ctx("greenhouse", url="https://example.test/raw-url"))
    assert record["posting_key"] == "greenhouse:7"
    assert record["locations"] == []
    assert record["workplace"] is None
    assert record["department"] is None
    assert record["employment_type"] is None
    assert record["description_text"] is None
    assert record["posted_at"] is None
    assert record["updated_at"] == datetime(2024, 1, 1, tzinfo=UTC)
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (None,) * 4
    assert record["url"] == "https://example.test/raw-url"  # no absolute_url: the raw row's URL


def test_offices_fill_in_for_an_empty_location_and_remote_only_means_remote() -> None:
    job = {"id": 8, "title": "Support", "location": {"name": ""}, "offices": [{"id": 1, "name": "Remote"}]}
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert record["locations"] == ["Remote"]
    assert record["workplace"] == "remote"


@pytest.mark.parametrize(
    ("offices", "expected"),
    [
        (["Remote-India (PEO)"], "remote"),  # filed only under a remote office
        (["Remote - US", "US-Remote"], "remote"),
        (["Remote-India (PEO)", "Bangalore"], None),  # a mix says nothing
        (["Remote-Friendly US (Travel Required)"], None),  # remote-friendly: partial
        (["PhonePe Limited"], None),
        ([], None),
    ],
)
def test_offices_that_only_name_remote_places_mean_remote(offices: list[str], expected: str | None) -> None:
    job = {
        "id": 9,
        "title": "Account Executive (India)",
        "location": {"name": "Bangalore, India"},
        "offices": [{"id": i, "name": name} for i, name in enumerate(offices)],
    }
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert record["locations"] == ["Bangalore, India"]  # the offices fill in for the places only when empty
    assert record["workplace"] == expected


def test_workplace_metadata_field_wins() -> None:
    job = {
        "id": 9,
        "title": "Designer",
        "location": {"name": "Remote - US"},
        "metadata": [{"id": 1, "name": "Workplace Type", "value": "Hybrid", "value_type": "single_select"}],
    }
    assert parse_greenhouse(job, ctx("greenhouse"))["workplace"] == "hybrid"


def test_odd_metadata_is_ignored_not_fatal() -> None:
    job = {"id": 10, "title": "Analyst", "metadata": [{"name": "Employment Type", "value": 3}, "junk"]}
    assert parse_greenhouse(job, ctx("greenhouse"))["employment_type"] is None


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        (
            [{"min_cents": 2550, "max_cents": 3200, "currency_type": "USD", "title": "Hourly Pay"}],
            (25.5, 32.0, "USD", "hour"),
        ),
        (
            [{"min_cents": 2550, "max_cents": 3200, "currency_type": "usd", "title": "Pay"}],
            (25.5, 32.0, "USD", "hour"),
        ),
        (
            [{"min_cents": "9000000", "max_cents": None, "currency_type": "GBP", "title": "UK range"}],
            (90_000.0, None, "GBP", "year"),
        ),
        (
            [
                {"min_cents": 10000000, "max_cents": 12000000, "currency_type": "USD", "title": "US"},
                {"min_cents": 8000000, "max_cents": 9000000, "currency_type": "CAD", "title": "Canada"},
            ],
            (100_000.0, 120_000.0, "USD", "year"),  # other currencies are not mixed into the range
        ),
        ([], (None, None, None, None)),
    ],
)
def test_pay_input_ranges(ranges: list[dict[str, Any]], expected: tuple[Any, ...]) -> None:
    record = parse_greenhouse({"id": 11, "title": "Role", "pay_input_ranges": ranges}, ctx("greenhouse"))
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == expected


def test_pay_never_comes_from_the_description() -> None:
    job = {"id": 12, "title": "Role", "content": "&lt;p&gt;Salary: $100,000 - $120,000 per year&lt;/p&gt;"}
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert record["description_text"] == "Salary: $100,000 - $120,000 per year"
    assert record["pay_min"] is None and record["pay_max"] is None


@pytest.mark.parametrize(
    ("job", "reason"),
    [
        ({"title": "No id"}, "missing id"),
        ({"id": 1}, "missing title"),
        ({"id": 1, "title": "   "}, "missing title"),
        ({"id": 1, "title": {"en": "Engineer"}}, "title: expected string, got object"),
        ({"id": True, "title": "Engineer"}, "id: expected string or integer, got boolean"),
        ({"id": 1, "title": "Engineer", "location": "NYC"}, "location: expected object, got string"),
        ({"id": 1, "title": "Engineer", "updated_at": "yesterday"}, "updated_at: not an ISO 8601 timestamp"),
        (
            {
                "id": 1,
                "title": "Engineer",
                "pay_input_ranges": [{"min_cents": "lots", "currency_type": "USD"}],
            },
            "pay_input_ranges[0].min_cents: expected number",
        ),
    ],
)
def test_malformed_jobs_raise_posting_error_naming_the_field(job: dict[str, Any], reason: str) -> None:
    with pytest.raises(PostingError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        parse_greenhouse(job, ctx("greenhouse"))


def test_title_whitespace_is_collapsed() -> None:
    record = parse_greenhouse({"id": 13, "title": "  Senior \n Engineer\t II "}, ctx("greenhouse"))
    assert record["title"] == "Senior Engineer II"


def test_pay_input_range_for_the_posting_location_in_its_currency() -> None:
    ranges = [
        {"min_cents": 1_200_000_00, "max_cents": 1_500_000_00, "currency_type": "INR", "title": "India"},
        {"min_cents": 900_000_00, "max_cents": 1_100_000_00, "currency_type": "PHP", "title": "Philippines"},
    ]
    job = {
        "id": 12,
        "title": "Support Engineer",
        "location": {"name": "Manila, Philippines"},
        "pay_input_ranges": ranges,
    }
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert (record["pay_min"], record["pay_max"], record["pay_currency"]) == (900_000.0, 1_100_000.0, "PHP")


@pytest.mark.parametrize("placeholder", ["ONE", "MULTI", "See Opening ID"])
def test_requisition_id_is_the_job_id_not_the_free_text_field(
    greenhouse_job: dict[str, Any], placeholder: str
) -> None:
    """Boards fill `requisition_id` with placeholders shared by unrelated jobs (Airbnb "ONE", Stripe "See
    Opening ID" in the real-world corpus); `internal_job_id` is Greenhouse's own id of the job."""
    record = parse_greenhouse({**greenhouse_job, "requisition_id": placeholder}, ctx("greenhouse"))
    assert record["requisition_id"] == str(greenhouse_job["internal_job_id"])


@pytest.mark.parametrize("value", [None, "", True, {"id": 1}])
def test_a_missing_or_odd_job_id_is_no_requisition_id(greenhouse_job: dict[str, Any], value: Any) -> None:
    record = parse_greenhouse({**greenhouse_job, "internal_job_id": value}, ctx("greenhouse"))
    assert record["requisition_id"] is None


def test_the_requisition_id_leaves_the_content_hash_alone(greenhouse_job: dict[str, Any]) -> None:
    """Enrichment answers are cached by content hash: an identity column must not invalidate them."""
    with_id = parse_greenhouse(greenhouse_job, ctx("greenhouse"))
    other = parse_greenhouse({**greenhouse_job, "internal_job_id": 1}, ctx("greenhouse"))
    without = parse_greenhouse(
        {k: v for k, v in greenhouse_job.items() if k != "internal_job_id"}, ctx("greenhouse")
    )
    assert with_id["content_hash"] == other["content_hash"] == without["content_hash"]
