"""Titles, URLs and places: the parts dedup compares."""

from __future__ import annotations

import polars as pl
import pytest

from job_assets.dedup.text import canonical_url, collapse_locations, parse_title, strip_places


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Senior Software Engineer", "Sr. Software Engineer"),
        ("Senior Software Engineer", "Snr Software Engineer (m/f/d)"),
        ("Backend Engineer - London", "Backend Engineer"),
        ("Backend Engineer (Remote)", "Backend Engineer"),
        ("New Grad Software Engineer", "Junior Software Engineer"),
        ("Développeur Senior", "developpeur senior"),
    ],
)
def test_same_title_after_normalising(a: str, b: str) -> None:
    assert parse_title(a, ["London, United Kingdom"]) == parse_title(b, ["London, United Kingdom"])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Software Engineer II", "Senior Software Engineer"),
        ("Software Engineer", "Senior Software Engineer"),
        ("Senior Software Engineer", "Staff Software Engineer"),
        ("Software Engineer II", "Software Engineer III"),
        ("Software Engineering Intern", "Software Engineer"),
    ],
)
def test_levels_differ(a: str, b: str) -> None:
    assert parse_title(a).level != parse_title(b).level


def test_only_the_postings_own_places_are_dropped() -> None:
    assert parse_title("Account Executive - Chicago", ["Chicago, IL"]).core == "account executive"
    # EMEA is not where this copy is posted: it names a territory, so it stays part of the role.
    assert (
        parse_title("Sales Representative, EMEA", ["London, United Kingdom"]).core
        == "sales representative emea"
    )


def test_canonical_url_drops_tracking_and_keeps_job_ids() -> None:
    urls = pl.DataFrame(
        {
            "url": [
                "HTTPS://www.Example.com/jobs/123/?utm_source=x&gh_jid=5&b=2#apply",
                "https://example.com/jobs/123?b=2&gh_jid=5",
                "https://example.com/jobs/123?gh_jid=6",
                "not a url",
                None,
            ]
        }
    )
    out = urls.select(canonical_url("url"))["url"].to_list()
    assert out[0] == out[1] == "https://example.com/jobs/123?b=2&gh_jid=5"
    assert out[2] != out[1]
    assert out[3] is None and out[4] is None


def test_multi_location_title_and_places() -> None:
    assert strip_places("Account Executive - Chicago", ["Chicago, IL", "Austin, TX"]) == "Account Executive"
    assert strip_places("Solutions Engineer (Berlin)", ["Berlin, Germany"]) == "Solutions Engineer"
    assert (
        strip_places("Chicago Sales Lead", ["Chicago, IL"]) == "Chicago Sales Lead"
    )  # only a trailing place
    assert collapse_locations(["Boston, MA", "Boston, MA, US", "Denver, CO"]) == [
        "Boston, MA, US",
        "Denver, CO",
    ]
