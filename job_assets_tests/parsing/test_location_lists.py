"""Several places in one location string, as boards write them (issue 9, holdout2's classes).

The labelling convention of the real-world corpus (`data/realworld/truth.yaml`): places are the posting's own place
strings, split into separate places, spelled as posted; a "City, ST" or "City, Country" pair is one place; a remote
scope that lists regions ("Remote within US and Canada", "Remote (US or Canada)") is one place. Each class below is
stated with phrasings beyond the corpus, next to near-misses that must stay whole.
"""

from __future__ import annotations

from typing import Any

import pytest

from job_assets.parsing.ashby import parse_ashby
from job_assets.parsing.greenhouse import parse_greenhouse
from job_assets.parsing.lever import parse_lever
from job_assets.parsing.locations import location_parts, split_location_text
from job_assets_tests.parsing.samples import ctx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a) places joined by " / " or " or " (codes, cities, "City, ST" pairs, a bare "Remote")
        ("SF / NY", ["SF", "NY"]),
        ("SF / NY / Remote", ["SF", "NY", "Remote"]),
        ("NYC / London / Remote", ["NYC", "London", "Remote"]),
        ("New York, NY or Remote", ["New York, NY", "Remote"]),
        ("Remote or Chicago, IL", ["Remote", "Chicago, IL"]),
        ("Toronto, ON / Remote", ["Toronto, ON", "Remote"]),
        ("Seattle, WA or Portland, OR", ["Seattle, WA", "Portland, OR"]),
        ("Berlin or Munich or Hamburg", ["Berlin", "Munich", "Hamburg"]),
        ("Remote - US / Remote - Canada", ["Remote - US", "Remote - Canada"]),  # two scopes, each its own
        ("Remote - US or Austin, TX", ["Remote - US", "Austin, TX"]),  # a city is no region of the scope
    ],
)
def test_place_lists_on_slashes_and_or(text: str, expected: list[str]) -> None:
    assert split_location_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (b) a city list after a workplace word: each city is a place, the first keeps the word
        (
            "Hybrid - San Francisco, New York City, Austin",
            ["Hybrid - San Francisco", "New York City", "Austin"],
        ),
        ("Hybrid - London, Berlin", ["Hybrid - London", "Berlin"]),
        ("Onsite - Paris, Madrid", ["Onsite - Paris", "Madrid"]),
        ("Hybrid: Toronto, Vancouver, Montreal", ["Hybrid: Toronto", "Vancouver", "Montreal"]),
        ("On-site - Munich, Berlin, Hamburg", ["On-site - Munich", "Berlin", "Hamburg"]),  # city-states too
        ("Remote - Austin, Dallas", ["Remote - Austin", "Dallas"]),
        # three or more cities need no workplace word
        ("London, Berlin, Paris", ["London", "Berlin", "Paris"]),
        ("Chicago, Denver, Atlanta", ["Chicago", "Denver", "Atlanta"]),
    ],
)
def test_city_lists(text: str, expected: list[str]) -> None:
    assert split_location_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # (c) "and"/"or"/"&"/" / " inside a remote scope joins its regions
        "Remote within US and Canada",
        "Remote within the US and Canada",
        "Remote in Germany or Austria",
        "Remote - US / Canada",
        "Remote - EMEA & APAC",
        "Remote: United Kingdom or Ireland",
        "Remote in California or Texas",
        "Fully remote across Europe and the Middle East",
        "Remote (US or Canada)",  # parentheses are never split
        "Remote (Buenos Aires, Argentina)",
    ],
)
def test_a_remote_scope_is_one_place(text: str) -> None:
    assert split_location_text(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: the parts of one place
        "Paris, France",
        "Washington, D.C.",
        "Washington D.C.",
        "Bengaluru, Karnataka, India",
        "New York, New York",
        "New York, NY, United States",
        "Delhi, Delhi",
        "Singapore, Singapore",
        "San Francisco, California",
        "Seattle, Washington",
        "Toronto, Ontario, Canada",
        "Georgetown,TX",
        "Soho, London",  # a district and its city: two names without a workplace word stay whole
        "Remote, Bangalore",  # a workplace and its scope
        "Remote, United States",
        "Hybrid - Paris, France",
        "Hybrid - Boston, MA",
        "Palo Alto, CA (Open to US-based Remote)",
        "Singapore, Singapore - Remote",
        "Port of Spain, Trinidad and Tobago",
        "Kochi (Kerala)",
    ],
)
def test_one_place_stays_whole(text: str) -> None:
    assert split_location_text(text) == [text]


def test_location_parts_keep_a_city_list_under_its_workplace_word() -> None:
    assert location_parts("Hybrid - London, Berlin / Remote (EU)") == [
        "Hybrid - London, Berlin",
        "Remote (EU)",
    ]


def test_ashby_splits_its_location_and_secondary_locations() -> None:
    job: dict[str, Any] = {
        "id": "a",
        "title": "Engineer",
        "location": "SF / NY / Remote",
        "secondaryLocations": [{"location": "London or Berlin"}, {"location": "Remote (US or Canada)"}],
    }
    assert parse_ashby(job, ctx("ashby"))["locations"] == [
        "SF",
        "NY",
        "Remote",
        "London",
        "Berlin",
        "Remote (US or Canada)",
    ]


def test_lever_splits_each_of_all_locations() -> None:
    job: dict[str, Any] = {
        "id": "l",
        "text": "Engineer",
        "categories": {
            "location": "New York, NY or Remote",
            "allLocations": ["New York, NY or Remote", "Austin, TX"],
        },
    }
    assert parse_lever(job, ctx("lever"))["locations"] == ["New York, NY", "Remote", "Austin, TX"]


def test_greenhouse_city_list_keeps_its_workplace_word() -> None:
    job: dict[str, Any] = {
        "id": 7,
        "title": "Engineer",
        "location": {"name": "Hybrid - San Francisco, New York City"},
    }
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert record["locations"] == ["Hybrid - San Francisco", "New York City"]
    assert record["workplace"] == "hybrid"  # the word heads the whole list


def test_greenhouse_remote_scope_is_remote_not_split() -> None:
    job: dict[str, Any] = {"id": 8, "title": "Engineer", "location": {"name": "Remote within US and Canada"}}
    record = parse_greenhouse(job, ctx("greenhouse"))
    assert record["locations"] == ["Remote within US and Canada"]
    assert record["workplace"] == "remote"
