"""The requisition rule: postings of one source and board with different ATS ids are different openings; the same
id, or no id, leaves the decision to the other rules; ids of different sources are never compared."""

from __future__ import annotations

from typing import Any

from job_assets.dedup.requisitions import requisitions_compatible
from job_assets.dedup.similarity import MatchConfig
from job_assets_tests.dedup.postings import company_base, description, posting
from job_assets_tests.dedup.test_matching import clusters, same_job


def _hire(key: str, requisition: str | None, location: str, **fields: Any) -> dict[str, Any]:
    """One of several hires of one title in one country, word for word the same text (PhonePe's pattern)."""
    return posting(
        key,
        "Cluster Collections Manager",
        "support",
        locations=[location],
        description_text=description("acme", "support"),
        requisition_id=requisition,
        **fields,
    )


def test_differing_ids_of_one_board_stay_apart() -> None:
    rows = [
        *company_base(),
        _hire("greenhouse:a", "5799152003", "Mumbai"),
        _hire("greenhouse:b", "5799157003", "Noida"),
    ]
    result = clusters(rows)
    assert not same_job(result, "greenhouse:a", "greenhouse:b")


def test_differing_ids_keep_apart_even_the_same_url_and_city() -> None:
    same_url = {"url": "https://boards.example/acme/jobs"}
    rows = [
        *company_base(),
        _hire("greenhouse:a", "1", "Bengaluru, India", **same_url),
        _hire("greenhouse:b", "2", "Bengaluru, India", **same_url),
    ]
    assert not same_job(clusters(rows), "greenhouse:a", "greenhouse:b")


def test_the_same_id_in_two_cities_merges() -> None:
    rows = [*company_base(), _hire("greenhouse:a", "77", "Mumbai"), _hire("greenhouse:b", "77", "Noida")]
    assert same_job(clusters(rows), "greenhouse:a", "greenhouse:b")


def test_postings_without_ids_fall_back_to_the_other_rules() -> None:
    rows = [*company_base(), _hire("greenhouse:a", None, "Mumbai"), _hire("greenhouse:b", "5", "Noida")]
    assert same_job(clusters(rows), "greenhouse:a", "greenhouse:b")
    rows = [*company_base(), _hire("greenhouse:a", None, "Mumbai"), _hire("greenhouse:b", None, "Noida")]
    assert same_job(clusters(rows), "greenhouse:a", "greenhouse:b")


def test_ids_of_different_sources_are_not_compared() -> None:
    """A board's posting and its mirror elsewhere: each source numbers its own postings."""
    rows = [*company_base(), _hire("greenhouse:a", "100", "Mumbai"), _hire("lever:b", "200", "Mumbai")]
    assert same_job(clusters(rows), "greenhouse:a", "lever:b")


def test_a_posting_without_id_cannot_bridge_two_ids() -> None:
    """Every member pair is checked: a mirror without an id matching both hires joins one of them only."""
    rows = [
        *company_base(),
        _hire("greenhouse:a", "1", "Mumbai"),
        _hire("greenhouse:b", "2", "Mumbai"),
        _hire("linkedin:c", None, "Mumbai"),
    ]
    result = clusters(rows)
    assert not same_job(result, "greenhouse:a", "greenhouse:b")
    assert same_job(result, "greenhouse:a", "linkedin:c") != same_job(result, "greenhouse:b", "linkedin:c")


def test_the_rule_can_be_switched_off_to_measure_it() -> None:
    rows = [*company_base(), _hire("greenhouse:a", "1", "Mumbai"), _hire("greenhouse:b", "2", "Noida")]
    assert same_job(clusters(rows, MatchConfig(requisitions=False)), "greenhouse:a", "greenhouse:b")


def test_compatibility_of_cluster_ids() -> None:
    assert requisitions_compatible({"greenhouse": "1"}, {"greenhouse": "1", "lever": "9"})
    assert not requisitions_compatible({"greenhouse": "1"}, {"greenhouse": "2"})
    assert requisitions_compatible({"greenhouse": "1"}, {"lever": "2"})
    assert requisitions_compatible({}, {"greenhouse": "2"})
