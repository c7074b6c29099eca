"""Matching rules and hard negatives, on small frames whose truth is obvious from the test."""

from __future__ import annotations

import polars as pl
import pytest

from job_assets.dedup.matching import match_postings, prepare_postings
from job_assets.dedup.similarity import MatchConfig, departments_compatible, roles_compatible
from job_assets_tests.dedup.postings import DAY2, company_base, description, frame, posting


def clusters(rows: list[dict], config: MatchConfig | None = None) -> pl.DataFrame:
    return match_postings(prepare_postings(frame(rows)), config)


def same_job(result: pl.DataFrame, a: str, b: str) -> bool:
    keys = dict(zip(result["posting_key"], result["company"] + "/" + result["cluster_key"], strict=True))
    return keys[a] == keys[b]


def how(result: pl.DataFrame, key: str) -> dict:
    return result.filter(pl.col("posting_key") == key).to_dicts()[0]


def test_same_canonical_url_merges_by_url() -> None:
    rows = [
        *company_base(),
        posting(
            "jobspy:li-1",
            "Support Specialist",
            None,
            url="https://greenhouse.example/acme/acme-support?utm_source=li",
        ),
    ]
    result = clusters(rows)
    assert same_job(result, "jobspy:li-1", "greenhouse:acme-support")
    assert how(result, "jobspy:li-1")["rule"] == "url"


def test_same_title_and_text_in_several_cities_is_one_job() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:ae-ny", "Account Executive - New York", "sales", locations=["New York, NY"]),
        posting("greenhouse:ae-chi", "Account Executive - Chicago", "sales", locations=["Chicago, IL"]),
        posting("greenhouse:ae-aus", "Account Executive", "sales", locations=["Austin, TX"]),
    ]
    result = clusters(rows)
    assert same_job(result, "greenhouse:ae-ny", "greenhouse:ae-chi")
    assert same_job(result, "greenhouse:ae-ny", "greenhouse:ae-aus")
    assert {
        how(result, k)["rule"] for k in ("greenhouse:ae-ny", "greenhouse:ae-chi", "greenhouse:ae-aus")
    } == {
        "root",
        "exact_text",
    }


def test_repost_with_small_edits_and_sr_for_senior_is_near_duplicate() -> None:
    edited = description("acme", "design", edit=" You will also present in our weekly design critique.")
    rows = [
        *company_base(),
        posting("greenhouse:d1", "Senior Product Designer", "design"),
        posting(
            "greenhouse:d2", "Sr. Product Designer", None, description_text=edited.replace("pixels", "pixel")
        ),
    ]
    result = clusters(rows)
    assert same_job(result, "greenhouse:d1", "greenhouse:d2")
    match = how(result, "greenhouse:d2")
    assert (
        match["rule"] == "near_text"
        and 0.5 <= match["score"] < 1.0
        and match["matched_to"] == "greenhouse:d1"
    )


def test_mirror_flattened_by_a_job_board_is_one_job() -> None:
    flat = " ".join(description("acme", "payments").split("\n"))
    rows = [
        *company_base(),
        posting("jobspy:in-1", "Backend Engineer, Payments", None, description_text=flat),
    ]
    assert same_job(clusters(rows), "jobspy:in-1", "greenhouse:acme-pay")


@pytest.mark.parametrize(
    ("title_a", "title_b"),
    [
        ("Software Engineer II, Payments", "Senior Software Engineer, Payments"),
        ("Software Engineer, Payments", "Senior Software Engineer, Payments"),
        ("Staff Software Engineer, Payments", "Senior Software Engineer, Payments"),
    ],
)
def test_a_level_difference_never_merges_even_with_the_same_text(title_a: str, title_b: str) -> None:
    rows = [
        *company_base(),
        posting("greenhouse:a", title_a, "payments"),
        posting("greenhouse:b", title_b, "payments"),
    ]
    assert not same_job(clusters(rows), "greenhouse:a", "greenhouse:b")


def test_a_team_difference_in_the_title_never_merges_even_with_the_same_text() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:emea", "Sales Representative, EMEA", "sales"),
        posting("greenhouse:na", "Sales Representative, North America", "sales"),
    ]
    assert not same_job(clusters(rows), "greenhouse:emea", "greenhouse:na")


def test_two_departments_on_one_board_never_merge() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:da-1", "Data Analyst", "search", department="Marketing"),
        posting("greenhouse:da-2", "Data Analyst", "search", department="Finance"),
    ]
    assert not same_job(clusters(rows), "greenhouse:da-1", "greenhouse:da-2")


def test_same_title_different_role_text_stays_apart_despite_shared_boilerplate() -> None:
    rows = [
        *company_base(),
        posting("careers_page:de-1", "Backend Engineer", "payments"),
        posting("careers_page:de-2", "Backend Engineer", "identity"),
    ]
    assert not same_job(clusters(rows), "careers_page:de-1", "careers_page:de-2")


def test_boilerplate_removal_is_what_keeps_them_apart() -> None:
    """With long boilerplate and the detector off (and no compensation), the same pair merges: so the test
    above passes because the boilerplate is discounted, not by luck."""
    values = " ".join(
        f"Our value number {i} is about customers, craft and care for the work." for i in range(30)
    )
    rows = [
        {**row, "description_text": values + "\n" + row["description_text"]}
        for row in [
            *company_base(),
            posting("careers_page:de-1", "Data Engineer", "ads"),
            posting("careers_page:de-2", "Data Engineer", "quality"),
        ]
    ]
    assert not same_job(clusters(rows), "careers_page:de-1", "careers_page:de-2")
    off = MatchConfig(boilerplate_min_roles=10**9, unmeasured_threshold=0.0)
    assert same_job(clusters(rows, off), "careers_page:de-1", "careers_page:de-2")


def test_same_title_at_two_companies_never_merges() -> None:
    rows = [
        *company_base("acme"),
        *company_base("globex"),
        posting("greenhouse:x", "Data Analyst", "search", company="acme"),
        posting("greenhouse:x", "Data Analyst", "search", company="globex"),  # even the same key
    ]
    result = clusters(rows)
    assert (
        result.filter(pl.col("posting_key") == "greenhouse:x")["cluster_key"].to_list()
        == ["greenhouse:x"] * 2
    )
    assert result.filter(pl.col("cluster_key") == "greenhouse:x").height == 2  # one job in each company


def test_transitivity_cannot_merge_two_teams_through_a_vaguer_title() -> None:
    rows = [
        *company_base(),
        posting("lever:plain", "Platform Engineer", "payments"),
        posting("lever:pay", "Platform Engineer, Payments", "payments"),
        posting("lever:id", "Platform Engineer, Identity", "payments"),
    ]
    result = clusters(rows)
    assert not same_job(result, "lever:pay", "lever:id")
    assert same_job(result, "lever:plain", "lever:pay") or same_job(result, "lever:plain", "lever:id")


def test_a_listing_without_description_joins_the_only_job_with_its_title() -> None:
    rows = [*company_base(), posting("jobspy:li-2", "Search Engineer", None, url="https://li.example/2")]
    result = clusters(rows)
    assert same_job(result, "jobspy:li-2", "greenhouse:acme-search")
    assert how(result, "jobspy:li-2")["rule"] == "title_only"


def test_a_listing_without_description_stays_alone_when_the_title_is_ambiguous() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:s2", "Search Engineer", "sales"),  # a second, different Search Engineer job
        posting("jobspy:li-2", "Search Engineer", None, url="https://li.example/2"),
    ]
    result = clusters(rows)
    assert how(result, "jobspy:li-2")["rule"] == "root"


def test_lsh_and_all_pairs_agree() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:d1", "Product Designer", "design", locations=["Austin, TX"]),
        posting(
            "lever:d2",
            "Product Designer",
            None,
            description_text=description("acme", "design", edit=" Extra."),
        ),
        posting("greenhouse:s2", "Search Engineer II", "search"),
    ]
    small = clusters(rows, MatchConfig(all_pairs_max=1000))
    lsh = clusters(rows, MatchConfig(all_pairs_max=0))
    assert small.sort("posting_key").equals(lsh.sort("posting_key"))


def test_result_does_not_depend_on_row_order() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:ae-1", "Account Executive", "sales"),
        posting("lever:ae-2", "Account Executive", "sales"),
    ]
    forward = clusters(rows).sort("posting_key")
    backward = clusters(rows[::-1]).sort("posting_key")
    assert forward.equals(backward)


def test_prepare_keeps_the_latest_fetch_of_a_key_and_rejects_bad_frames() -> None:
    rows = [
        posting("greenhouse:1", "Old title", "sales"),
        posting("greenhouse:1", "New title", "sales", fetched_at=DAY2),
    ]
    prepared = prepare_postings(frame(rows))
    assert prepared["title"].to_list() == ["New title"]
    with pytest.raises(ValueError, match="lacks required column"):
        prepare_postings(frame(rows).drop("title"))
    with pytest.raises(ValueError, match="no posting_key or company"):
        prepare_postings(frame([{**posting("greenhouse:2", "T", "sales"), "company": None}]))


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("backend engineer payments", "backend engineer identity", False),
        ("platform engineer", "product engineer", False),
        ("backend engineer", "backend engineer payments", True),
        ("mechanical enginer", "mechanical engineer hardware", True),
        ("back end engineer", "backend engineer", True),
    ],
)
def test_role_compatibility(a: str, b: str, ok: bool) -> None:
    assert roles_compatible(frozenset(a.split()), frozenset(b.split())) is ok


def test_department_compatibility() -> None:
    assert departments_compatible("engineering", "engineering platform")
    assert departments_compatible(None, "finance")
    assert not departments_compatible("marketing", "finance")
