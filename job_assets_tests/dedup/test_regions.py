"""The region rule: one title in different countries or currencies is not one job; one requisition in several
cities of one country, or mirrored on several sources, still is."""

from __future__ import annotations

import pytest

from job_assets.dedup.regions import Place, area_of, areas_compatible, place_of, same_coverage
from job_assets.dedup.similarity import MatchConfig
from job_assets_tests.dedup.postings import company_base, description, posting
from job_assets_tests.dedup.test_matching import clusters, same_job


@pytest.mark.parametrize(
    ("location", "countries"),
    [
        ("New York, NY (HQ)", {"US"}),
        ("San Francisco, CA", {"US"}),  # California, not Canada
        ("Victoria, BC", {"CA"}),  # the province code, not the Australian state
        ("Remote - US", {"US"}),
        ("US-Remote", {"US"}),
        ("Remote (US or Canada)", {"US", "CA"}),
        ("Remote-Friendly, United States", {"US"}),
        ("Ontario, CAN", {"CA"}),
        ("London, UK", {"GB"}),
        ("Berlin, DE", {"DE"}),  # Germany: Berlin is no Delaware city
        ("Wilmington, DE", {"US"}),
        ("Bombay, MH", {"IN"}),  # Maharashtra, not the Marshall Islands
        ("Remote, Bangalore", {"IN"}),
        ("Coimbatore (Tamilnadu)", {"IN"}),
        ("Manila, Philippines", {"PH"}),
        ("Remote-India (PEO)", {"IN"}),
    ],
)
def test_locations_name_their_countries(location: str, countries: set[str]) -> None:
    assert {p.country for p in place_of(location)} == countries


@pytest.mark.parametrize("location", ["Remote", "Anywhere", "Cambridge", ""])
def test_locations_that_name_no_clear_place_say_nothing(location: str) -> None:
    assert place_of(location) == frozenset()


def test_regions_are_continents() -> None:
    assert place_of("Europe") == {Place("EU")}
    assert place_of("North America") == {Place("NA")}


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (["Bengaluru, India"], ["Manila, Philippines"], False),
        (["Remote - US"], ["Victoria, BC"], False),
        (["Europe"], ["North America"], False),
        (["Europe"], ["Berlin, Germany"], True),  # a country within the region
        (["New York, NY"], ["Austin, TX", "Remote - US"], True),
        (["Remote"], ["London, UK"], True),  # unknown vetoes nothing
        (["Toronto, ON"], ["Remote (US or Canada)"], True),  # one place in common
    ],
)
def test_areas_compatible(a: list[str], b: list[str], compatible: bool) -> None:
    assert areas_compatible(area_of(a), area_of(b)) is compatible


def test_structured_pay_currencies_that_differ_keep_openings_apart() -> None:
    assert not areas_compatible(area_of(["Remote"], "INR"), area_of(["Remote"], "PHP"))
    assert areas_compatible(area_of(["Remote"], "USD"), area_of(["Remote"], None))


def _variant(role: str, sentence: str) -> str:
    """The role's text as a regional variant: rewritten for its region (pay, who may apply)."""
    return description("acme", role, edit=f" {sentence}")


def test_regional_variants_of_one_title_are_separate_jobs() -> None:
    rows = [
        *company_base(),
        posting("ashby:ae-in", "Account Executive", "sales", locations=["Bengaluru, Karnataka, India"],
                description_text=_variant("sales", "The salary range is ₹25,00,000 - ₹35,00,000 per annum.")),
        posting("ashby:ae-ph", "Account Executive", "sales", locations=["Manila, Philippines"],
                description_text=_variant("sales", "The salary range is ₱1,200,000 - ₱1,600,000 per year.")),
        posting("ashby:fs-eu", "Senior / Staff Fullstack Engineer", "payments", locations=["Europe"],
                description_text=_variant("payments", "This role is open to candidates based in Europe.")),
        posting("ashby:fs-na", "Senior / Staff Fullstack Engineer", "payments", locations=["North America"],
                description_text=_variant("payments", "This role is open to candidates in the US and Canada.")),
        posting("lever:se-us", "Support Engineer", "support", locations=["Remote - US"],
                description_text=_variant("support", "The pay range is $30 - $36 per hour.")),
        posting("lever:se-ca", "Support Engineer", "support", locations=["Victoria, BC"],
                description_text=_variant("support", "The pay range is CA$34 - CA$40 per hour.")),
    ]  # fmt: skip
    result = clusters(rows)
    assert not same_job(result, "ashby:ae-in", "ashby:ae-ph")
    assert not same_job(result, "ashby:fs-eu", "ashby:fs-na")
    assert not same_job(result, "lever:se-us", "lever:se-ca")
    # the rule is what keeps them apart: without it the identical texts merge
    unguarded = clusters(rows, MatchConfig(regions=False))
    assert same_job(unguarded, "ashby:ae-in", "ashby:ae-ph") and same_job(
        unguarded, "lever:se-us", "lever:se-ca"
    )


def test_same_title_in_one_currency_zone_only_by_structured_pay() -> None:
    rows = [
        *company_base(),
        posting("ashby:ae-1", "Account Executive", "sales", locations=["Remote"], salary_currency="INR",
                salary_source="structured"),
        posting("ashby:ae-2", "Account Executive", "sales", locations=["Remote"], salary_currency="PHP",
                salary_source="structured"),
    ]  # fmt: skip
    assert not same_job(clusters(rows), "ashby:ae-1", "ashby:ae-2")


def test_one_requisition_in_cities_of_one_country_and_its_mirrors_still_merge() -> None:
    rows = [
        *company_base(),
        posting("greenhouse:ae-ny", "Account Executive", "sales", locations=["New York, NY"]),
        posting("greenhouse:ae-chi", "Account Executive", "sales", locations=["Chicago, IL"]),
        posting("greenhouse:ae-rem", "Account Executive", "sales", locations=["Remote - US"]),
        # a job board mirror that only says "Remote", and one naming the country in full
        posting("jobspy:ae-li", "Account Executive", "sales", locations=["Remote"]),
        posting(
            "careers_page:ae", "Account Executive", "sales", locations=["New York, New York, United States"]
        ),
    ]
    result = clusters(rows)
    for other in ("greenhouse:ae-chi", "greenhouse:ae-rem", "jobspy:ae-li", "careers_page:ae"):
        assert same_job(result, "greenhouse:ae-ny", other), other


def test_a_posting_open_in_two_countries_never_chains_them_together() -> None:
    # US-or-Canada overlaps both, but the US and the Canadian postings must not end up in one job through it.
    rows = [
        *company_base(),
        posting("lever:se-us", "Support Engineer", "support", locations=["Austin, TX"],
                description_text=_variant("support", "You will work from our Austin office.")),
        posting("lever:se-ca", "Support Engineer", "support", locations=["Toronto, ON"],
                description_text=_variant("support", "You will work from our Toronto office.")),
        posting("lever:se-both", "Support Engineer", "support", locations=["Remote (US or Canada)"],
                description_text=_variant("support", "You can work remotely from the US or Canada.")),
    ]  # fmt: skip
    result = clusters(rows)
    assert not same_job(result, "lever:se-us", "lever:se-ca")


def test_a_verbatim_copy_on_one_continent_is_one_requisition_but_not_a_rewritten_or_other_continent_one() -> (
    None
):
    rows = [
        *company_base(),
        # word for word the same posting, listed in London and in Amsterdam: one requisition
        posting("greenhouse:be-lon", "Senior Backend Engineer", "payments", locations=["London, United Kingdom"]),
        posting("greenhouse:be-ams", "Senior Backend Engineer", "payments", locations=["Amsterdam, Netherlands"]),
        # the same role rewritten for North America: another opening
        posting("greenhouse:be-na", "Senior Backend Engineer", "payments", locations=["North America"],
                description_text=description("acme", "payments", edit=" This role is open to candidates in the US.")),
        # word for word the same posting for Europe and for North America: regional openings
        posting("greenhouse:pm-eu", "Product Manager", "design", locations=["Europe"]),
        posting("greenhouse:pm-na", "Product Manager", "design", locations=["North America"]),
    ]  # fmt: skip
    result = clusters(rows)
    assert same_job(result, "greenhouse:be-lon", "greenhouse:be-ams")
    assert not same_job(result, "greenhouse:be-lon", "greenhouse:be-na")
    assert not same_job(result, "greenhouse:be-ams", "greenhouse:be-na")
    assert not same_job(result, "greenhouse:pm-eu", "greenhouse:pm-na")


@pytest.mark.parametrize(
    ("a", "b", "verbatim", "same"),
    [
        (["North America", "Europe"], ["Europe"], False, False),  # one covers a region the other does not
        (["North America", "Europe"], ["Europe"], True, False),  # by continent too
        (["Remote (US or Canada)"], ["Toronto, ON"], False, False),
        (["London, UK", "Berlin, Germany"], ["London, UK"], False, False),
        (["London, UK", "Berlin, Germany"], ["London, UK"], True, True),  # a verbatim copy: one continent
        (["Europe"], ["Berlin, Germany"], False, False),  # a region and one country of it
        (["New York, NY"], ["Chicago, IL", "Remote - US"], False, True),  # cities of one country
        (["Bengaluru"], ["Pune, India"], False, True),
        (["Remote"], ["London, UK", "Toronto, ON"], False, True),  # unknown vetoes nothing
        (["Remote"], ["Remote"], False, True),
    ],
)
def test_one_board_merges_only_postings_of_the_same_coverage(
    a: list[str], b: list[str], verbatim: bool, same: bool
) -> None:
    assert same_coverage(area_of(a), area_of(b), verbatim) is same
    assert same_coverage(area_of(b), area_of(a), verbatim) is same


def test_one_title_posted_twice_on_one_board_for_different_regions_is_two_openings() -> None:
    # The same text posted once for "North America" (with Europe as a second place) and once for Europe alone:
    # the board holds two postings because the company means two; a mirror elsewhere listing only one of the
    # places is still a copy of the posting it mirrors.
    text = description("acme", "design", edit=" This role is open to candidates in North America or Europe.")
    rows = [
        *company_base(),
        posting("ashby:dw-na", "Designer, Web & Brand", None, locations=["North America", "Europe"],
                description_text=text),
        posting("ashby:dw-eu", "Designer, Web & Brand", None, locations=["Europe"],
                description_text=text + " Apply soon."),
        posting("ashby:pm-1", "Product Manager", None, locations=["London, UK", "Manchester, UK"],
                description_text=description("acme", "search")),
        posting("ashby:pm-2", "Product Manager", None, locations=["Edinburgh, Scotland"],
                description_text=description("acme", "search") + " Apply soon."),
        posting("jobspy:dw-li", "Designer, Web & Brand", None, locations=["Europe"], description_text=text),
        posting("greenhouse:be-multi", "Backend Engineer", "payments", locations=["London, UK", "Toronto, ON"]),
        posting("jobspy:be-li", "Backend Engineer", "payments", locations=["Toronto, Ontario, Canada"]),
    ]  # fmt: skip
    result = clusters(rows)
    assert not same_job(result, "ashby:dw-na", "ashby:dw-eu")
    assert same_job(result, "ashby:pm-1", "ashby:pm-2")  # cities of one country on one board still merge
    assert same_job(result, "greenhouse:be-multi", "jobspy:be-li")  # a mirror naming fewer places merges
    assert same_job(result, "jobspy:dw-li", "ashby:dw-na") or same_job(result, "jobspy:dw-li", "ashby:dw-eu")
