from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from job_assets.parsing.ashby import parse_ashby
from job_assets.parsing.payload import PostingError
from job_assets_tests.parsing.samples import ctx


def test_full_job(ashby_job: dict[str, Any]) -> None:
    record = parse_ashby(ashby_job, ctx("ashby"))
    assert record["posting_key"] == "ashby:0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7"
    assert record["url"] == "https://jobs.ashbyhq.com/lumen/0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7"
    assert record["title"] == "Staff Data Scientist"
    # primary location first, secondaryLocations after, the repeated Berlin dropped
    assert record["locations"] == ["Berlin", "London", "Amsterdam"]
    assert record["workplace"] == "remote"  # workplaceType null, isRemote true
    assert record["department"] == "Data"
    assert record["employment_type"] == "full_time"
    assert record["description_text"] == (
        "About the role\n\nLumen's data team turns billions of events into decisions.\n\n"
        "You will\n\n- Design experiments\n- Build causal models\n\nCompensation: €95,000 – €120,000 + equity"
    )
    assert record["posted_at"] == datetime(2024, 3, 15, 7, 30, tzinfo=UTC)  # +01:00 -> UTC
    assert record["updated_at"] is None
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (
        95_000.0,
        120_000.0,
        "EUR",
        "year",
    )


def test_tiers_used_when_summary_components_are_missing(ashby_job: dict[str, Any]) -> None:
    del ashby_job["compensation"]["summaryComponents"]
    ashby_job["compensation"]["compensationTiers"][1]["components"][0]["maxValue"] = 130_000
    record = parse_ashby(ashby_job, ctx("ashby"))
    # tier 1 Salary 95-110k, tier 2 Salary 100-130k; the equity component is ignored
    assert (record["pay_min"], record["pay_max"], record["pay_currency"]) == (95_000.0, 130_000.0, "EUR")


def test_hourly_salary_and_equity_only() -> None:
    hourly = {
        "id": "h",
        "title": "Warehouse Associate",
        "compensation": {
            "summaryComponents": [
                {
                    "compensationType": "Salary",
                    "interval": "1 HOUR",
                    "currencyCode": "USD",
                    "minValue": 19,
                    "maxValue": 23,
                }
            ]
        },
    }
    record = parse_ashby(hourly, ctx("ashby"))
    assert (record["pay_min"], record["pay_max"], record["pay_currency"], record["pay_period"]) == (
        19.0,
        23.0,
        "USD",
        "hour",
    )
    equity_only = {
        "id": "e",
        "title": "Founding Engineer",
        "compensation": {
            "summaryComponents": [
                {"compensationType": "EquityPercentage", "interval": "NONE", "minValue": 0.5, "maxValue": 1.0}
            ]
        },
    }
    assert parse_ashby(equity_only, ctx("ashby"))["pay_min"] is None


@pytest.mark.parametrize(
    ("workplace_type", "is_remote", "expected"),
    [
        ("OnSite", None, "onsite"),
        ("Hybrid", True, "hybrid"),  # the explicit workplaceType wins
        ("Remote", False, "remote"),
        (None, False, None),
        (None, None, None),
    ],
)
def test_workplace(workplace_type: str | None, is_remote: bool | None, expected: str | None) -> None:
    job = {"id": "w", "title": "Role", "workplaceType": workplace_type, "isRemote": is_remote}
    assert parse_ashby(job, ctx("ashby"))["workplace"] == expected


@pytest.mark.parametrize(
    ("employment_type", "expected"),
    [("FullTime", "full_time"), ("PartTime", "part_time"), ("Intern", "intern"), ("Contract", "contract"),
     ("Temporary", "temporary")],
)  # fmt: skip
def test_employment_types(employment_type: str, expected: str) -> None:
    job = {"id": "e", "title": "Role", "employmentType": employment_type}
    assert parse_ashby(job, ctx("ashby"))["employment_type"] == expected


def test_plain_description_fallback_and_team_fallback() -> None:
    job = {
        "id": "p",
        "title": "Role",
        "team": "Growth",
        "descriptionHtml": "",
        "descriptionPlain": "One\n\n\nTwo",
    }
    record = parse_ashby(job, ctx("ashby"))
    assert record["description_text"] == "One\n\nTwo"
    assert record["department"] == "Growth"
    assert record["locations"] == []


@pytest.mark.parametrize(
    ("job", "reason"),
    [
        ({"title": "Role"}, "missing id"),
        ({"id": "x", "title": None}, "missing title"),
        ({"id": "x", "title": "Role", "isRemote": "yes"}, "isRemote: expected boolean"),
        (
            {"id": "x", "title": "Role", "secondaryLocations": ["London"]},
            r"secondaryLocations\[0\]: expected object",
        ),
        ({"id": "x", "title": "Role", "publishedAt": 1714557600}, "publishedAt: expected ISO 8601 string"),
        (
            {
                "id": "x",
                "title": "Role",
                "compensation": {"summaryComponents": {"compensationType": "Salary"}},
            },
            "compensation.summaryComponents: expected array",
        ),
    ],
)
def test_malformed_jobs(job: dict[str, Any], reason: str) -> None:
    with pytest.raises(PostingError, match=reason):
        parse_ashby(job, ctx("ashby"))


def _tiered(location: str, secondary: list[str] | None = None) -> dict[str, Any]:
    def tier(title: str, low: int, high: int, currency: str) -> dict[str, Any]:
        component = {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": currency}
        return {"title": title, "components": [{**component, "minValue": low, "maxValue": high}]}

    return {
        "id": "t",
        "title": "Account Executive",
        "location": location,
        "secondaryLocations": [{"location": loc} for loc in secondary or []],
        "compensation": {
            "compensationTiers": [
                tier("United States", 150_000, 180_000, "USD"),
                tier("Canada", 160_000, 190_000, "CAD"),
            ],
            # Ashby's roll-up of two currencies says nothing usable about either
            "summaryComponents": [
                {
                    "compensationType": "Salary",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 150_000,
                }
            ],
        },
    }


@pytest.mark.parametrize(
    ("location", "secondary", "expected"),
    [
        ("Toronto, ON, Canada", [], (160_000.0, 190_000.0, "CAD")),  # the tier naming the posting's country
        ("Remote - US", [], (150_000.0, 180_000.0, "USD")),
        (
            "New York, United States",
            ["Vancouver, Canada"],
            (150_000.0, 180_000.0, "USD"),
        ),  # primary's currency
        (
            "Zurich",
            [],
            (150_000.0, 180_000.0, "USD"),
        ),  # no tier names it: the first tier's currency, never mixed
    ],
)
def test_per_location_tiers_pick_the_posting_location(
    location: str, secondary: list[str], expected: tuple[Any, ...]
) -> None:
    record = parse_ashby(_tiered(location, secondary), ctx("ashby"))
    assert (record["pay_min"], record["pay_max"], record["pay_currency"]) == expected
