from __future__ import annotations

import pytest

from job_assets.parsing import vocab
from job_assets.parsing.locations import dedupe_locations, split_location_text, workplace_from_location_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York, NY", ["New York, NY"]),
        ("New York, NY, United States", ["New York, NY, United States"]),
        ("San Francisco, CA; New York, NY", ["San Francisco, CA", "New York, NY"]),
        ("London / Remote", ["London", "Remote"]),
        ("Austin, TX or Remote", ["Austin, TX", "Remote"]),
        ("Austin, TX OR Denver, CO", ["Austin, TX", "Denver, CO"]),
        ("Berlin | Munich", ["Berlin", "Munich"]),
        ("Dallas/Fort Worth, TX", ["Dallas/Fort Worth, TX"]),
        ("Oregon", ["Oregon"]),  # "or" only splits as a word
        ("Remote - US", ["Remote - US"]),
        ("  Paris ;; Lyon ; ", ["Paris", "Lyon"]),
        ("", []),
        (None, []),
    ],
)
def test_split_location_text(text: str | None, expected: list[str]) -> None:
    assert split_location_text(text) == expected


def test_dedupe_keeps_first_spelling_and_order() -> None:
    assert dedupe_locations(["Toronto, ON", "Remote", "toronto,  ON", "Berlin", "REMOTE"]) == [
        "Toronto, ON",
        "Remote",
        "Berlin",
    ]


@pytest.mark.parametrize(
    ("locations", "expected"),
    [
        (["Remote"], "remote"),
        (["Remote - US", "Remote (Canada)"], "remote"),
        (["United States - Remote"], "remote"),
        (["Fully Remote"], "remote"),
        (["Hybrid - London"], "hybrid"),
        (["London (Hybrid)"], "hybrid"),
        (["Austin, TX", "Remote"], None),  # either an office or remote: not structural
        (["Hybrid/Remote"], None),
        (["Remote-first HQ, San Francisco"], None),
        (["San Francisco, CA"], None),
        ([], None),
    ],
)
def test_greenhouse_workplace_from_location_names(locations: list[str], expected: str | None) -> None:
    assert workplace_from_location_names(locations) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("on-site", "onsite"),
        ("OnSite", "onsite"),
        ("remote", "remote"),
        ("Remote", "remote"),
        ("hybrid", "hybrid"),
        ("unspecified", None),
        ("", None),
        (None, None),
    ],
)
def test_workplace_vocabulary(value: str | None, expected: str | None) -> None:
    assert vocab.workplace(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Full-time", "full_time"),
        ("FullTime", "full_time"),
        ("Full Time Employee", "full_time"),
        ("Permanent", "full_time"),
        ("Part-time", "part_time"),
        ("PartTime", "part_time"),
        ("Contract", "contract"),
        ("Part-time Contractor", "contract"),
        ("Freelance", "contract"),
        ("Intern", "intern"),
        ("Internship (Full-time, Summer 2025)", "intern"),
        ("Temporary", "temporary"),
        ("Fixed-term", "temporary"),
        ("Volunteer", None),
        (None, None),
    ],
)
def test_employment_type_vocabulary(value: str | None, expected: str | None) -> None:
    assert vocab.employment_type(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("per-year-salary", "year"),
        ("per-month-salary", "month"),
        ("per-week-wage", "week"),
        ("per-day-wage", "day"),
        ("per-hour-wage", "hour"),
        ("one-time", None),
        ("1 YEAR", "year"),
        ("1 MONTH", "month"),
        ("1 HOUR", "hour"),
        ("2 WEEK", None),
        ("NONE", None),
        (None, None),
    ],
)
def test_pay_period_vocabulary(value: str | None, expected: str | None) -> None:
    assert vocab.pay_period(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("USD", "USD"), (" eur ", "EUR"), ("$", None), ("Dollars", None), (None, None)]
)
def test_currency_vocabulary(value: str | None, expected: str | None) -> None:
    assert vocab.currency(value) == expected
