"""Titles that differ by a territory are different openings (issue 9, holdout2: "Enterprise AE, Southwest" and
"..., Southeast" were merged as a typo of each other), while one requisition in several cities of one country and
one opening mirrored across sources still merge."""

from __future__ import annotations

import polars as pl
import pytest

from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets.dedup.similarity import is_territory, roles_compatible
from job_assets_tests.dedup.postings import company_base, frame, posting


def clusters(rows: list[dict]) -> pl.DataFrame:
    return match_postings(prepare_postings(frame(rows)))


def same_job(result: pl.DataFrame, a: str, b: str) -> bool:
    keys = dict(zip(result["posting_key"], result["cluster_key"], strict=True))
    return keys[a] == keys[b]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("enterprise account executive southwest", "enterprise account executive southeast"),
        ("regional director enterprise sales northeast", "regional director enterprise sales northwest"),
        ("account executive north", "account executive south"),
        ("sales development representative emea", "sales development representative apac"),
        ("account executive dach", "account executive nordics"),
        ("partner manager austria", "partner manager australia"),  # alike words, two countries
        ("account executive amer", "account executive emea"),
    ],
)
def test_two_territories_are_two_roles(a: str, b: str) -> None:
    assert not roles_compatible(frozenset(a.split()), frozenset(b.split()))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "account executive",
            "account executive southwest",
        ),  # one title refines the other: a mirror may drop it
        ("mechanical enginer", "mechanical engineer"),  # a typo is still a typo
        ("back end engineer", "backend engineer"),
    ],
)
def test_territory_rule_leaves_refinements_and_typos_alone(a: str, b: str) -> None:
    assert roles_compatible(frozenset(a.split()), frozenset(b.split()))


@pytest.mark.parametrize(
    "word",
    ["southwest", "northeast", "central", "emea", "apac", "amer", "dach", "nordics", "france", "canada"],
)
def test_territory_words(word: str) -> None:
    assert is_territory(word)


@pytest.mark.parametrize(
    "word", ["engineer", "enterprise", "sales", "platform", "account", "executive", "growth"]
)
def test_role_words_are_no_territories(word: str) -> None:
    assert not is_territory(word)


@pytest.mark.parametrize(
    ("title_a", "title_b", "where_a", "where_b"),
    [
        (
            "Enterprise Account Executive, Southwest",
            "Enterprise Account Executive, Southeast",
            "Remote",
            "Remote",
        ),
        (
            "Regional Director, Enterprise Sales, Northeast",
            "Regional Director, Enterprise Sales, Northwest",
            "New York",
            "San Francisco",
        ),
        ("Account Executive (Central)", "Account Executive (West)", "Remote (US)", "Remote (US)"),
        (
            "Sales Development Representative - DACH",
            "Sales Development Representative - Nordics",
            "Europe",
            "Europe",
        ),
    ],
)
def test_same_text_for_two_territories_is_two_openings(
    title_a: str, title_b: str, where_a: str, where_b: str
) -> None:
    rows = [
        *company_base(),
        posting("ashby:t-a", title_a, "sales", locations=[where_a]),
        posting("ashby:t-b", title_b, "sales", locations=[where_b]),
    ]
    assert not same_job(clusters(rows), "ashby:t-a", "ashby:t-b")


def test_one_requisition_in_several_cities_of_one_country_still_merges() -> None:
    rows = [
        *company_base(),
        posting("ashby:s-ny", "Enterprise Account Executive", "sales", locations=["New York, NY"]),
        posting("ashby:s-sf", "Enterprise Account Executive", "sales", locations=["San Francisco, CA"]),
        # a posting's own city in its title is no territory of another opening
        posting("ashby:s-chi", "Enterprise Account Executive - Chicago", "sales", locations=["Chicago, IL"]),
    ]
    result = clusters(rows)
    assert same_job(result, "ashby:s-ny", "ashby:s-sf")
    assert same_job(result, "ashby:s-ny", "ashby:s-chi")


def test_a_territory_opening_mirrored_across_sources_still_merges() -> None:
    rows = [
        *company_base(),
        posting("ashby:m-1", "Enterprise Account Executive, Southwest", "sales", locations=["Remote"]),
        posting("jobspy:m-1", "Enterprise Account Executive, Southwest", "sales", locations=["Remote"]),
        posting("ashby:m-2", "Enterprise Account Executive, Southeast", "sales", locations=["Remote"]),
    ]
    result = clusters(rows)
    assert same_job(result, "ashby:m-1", "jobspy:m-1")
    assert not same_job(result, "ashby:m-1", "ashby:m-2")
