"""The sample catalogue as data: determinism, pay forms and traps, and the dedup ground truth."""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from rapidfuzz import fuzz

from job_assets_sandbox import SampleCatalog, ScaleCatalog, sample_catalog
from job_assets_sandbox.catalog import greenhouse
from job_assets_sandbox.catalog.sections import describe, plain

CATALOG = sample_catalog()


def texts(day: int = 1) -> dict[tuple[str, str], str]:
    """Every public posting's full text (title and rendered payload, unescaped)."""
    out = {}
    for p in CATALOG.postings(day):
        payload = json.dumps(CATALOG.render(p, day), ensure_ascii=False)
        out[p.key] = html.unescape(html.unescape(payload))
    return out


def role_text(key: tuple[str, str]) -> str:
    """The role-specific part of a description (no company boilerplate, no pay)."""
    posting = next(p for p in CATALOG.postings(None) if p.key == key)
    d = describe(posting, 1)
    return plain([*d.role, *(b for h, items in d.lists for b in (("h", h), ("ul", items)))])


def test_deterministic_across_builds() -> None:
    again = SampleCatalog()
    first = [json.dumps(CATALOG.render(p, 2)) for p in CATALOG.postings(2)]
    second = [json.dumps(again.render(p, 2)) for p in again.postings(2)]
    assert first == second


def test_size_and_spread() -> None:
    postings = CATALOG.postings(1)
    assert len(postings) >= 150
    per_company = Counter(p.company.slug for p in postings)
    assert len(per_company) >= 9 and min(per_company.values()) >= 10
    no_pay = [k for k, pay in CATALOG.expected_pay(1).items() if pay is None]
    assert len(no_pay) >= 40


def test_pay_forms_and_traps_appear_in_descriptions() -> None:
    corpus = "\n".join(texts(1).values())
    for form in (
        "$120,000 - $150,000 per year",
        "$120K-$150K",
        "USD 125,000 to 155,000",
        "£55,000 - £65,000",
        "€48.000 – €58.000",
        "$45 - $60 per hour",
        "up to $210k",
        "CAD 95,000 to 115,000",
        "£450 - £550 per day",
        "Zone A (San Francisco, New York, Seattle): $175,000 - $210,000 per year",
    ):
        assert form in corpus, form
    for trap in ("401(k)", "raised $50M", "raised $120M", "more than 1,200", "5+ years", "$1,500 annual"):
        assert trap in corpus, trap


def test_structured_pay_fields_exist() -> None:
    lever_ranges = [CATALOG.render(p) for p in CATALOG.postings(1, source="lever")]
    assert sum("salaryRange" in r for r in lever_ranges) >= 5
    assert {r["salaryRange"]["interval"] for r in lever_ranges if "salaryRange" in r} >= {
        "per-year-salary",
        "per-hour-wage",
    }
    assert any("salaryDescription" in r for r in lever_ranges)
    ashby_jobs = [CATALOG.render(p) for p in CATALOG.postings(1, source="ashby")]
    assert sum(bool(j["compensation"]["compensationTiers"]) for j in ashby_jobs) >= 15
    assert {j["workplaceType"] for j in ashby_jobs} >= {"Remote", "Hybrid", "OnSite"}
    assert any(j["isListed"] is False for j in ashby_jobs)  # one unlisted job, excluded from the truth


def test_expected_pay_matches_the_text() -> None:
    pays = CATALOG.expected_pay(1)
    corpus = texts(1)
    checked = 0
    for posting in CATALOG.postings(1):
        pay, truth = posting.opening.pay, pays.get(posting.key)
        if pay is None or not posting.opening.listed:
            assert truth is None
            continue
        assert truth is not None and truth.currency == pay.currency and truth.period == pay.period
        if pay.in_text and not pay.tiers and pay.style in ("range", "plain", "iso", "endash", "suffix"):
            assert f"{truth.min:,}" in corpus[posting.key] and f"{truth.max:,}" in corpus[posting.key]
            checked += 1
    assert checked >= 30
    up_to = [pay for pay in pays.values() if pay and pay.min is None]
    assert up_to and all(pay.max >= 200_000 for pay in up_to)
    tiers = [pay for pay in pays.values() if pay and pay.tiers]
    assert any(
        len({t.currency for t in pay.tiers}) > 1 for pay in tiers
    )  # per-country ranges, two currencies


def test_duplicate_groups_cover_every_case() -> None:
    groups = CATALOG.duplicate_groups(1)
    by_key = {p.key: p for p in CATALOG.postings(None)}
    kinds = Counter()
    for group in groups:
        postings = [by_key[k] for k in group]
        sources = {p.source for p in postings}
        titles = {p.title for p in postings}
        places = {p.places for p in postings}
        if len(sources) > 1:
            kinds["mirrored"] += 1
        elif len(places) == len(postings) and len(titles) == 1:
            kinds["multi_city"] += 1
        elif len(titles) > 1:
            kinds["repost"] += 1
    assert kinds["mirrored"] >= 5 and kinds["multi_city"] >= 3 and kinds["repost"] >= 2
    all_days = CATALOG.duplicate_groups(None)
    assert len(all_days) > len(groups)  # the day-2 repost under a new id joins its original
    keys = [k for g in all_days for k in g]
    assert len(keys) == len(set(keys))


def test_reposts_are_small_edits_and_sr_vs_senior() -> None:
    by_key = {p.key: p for p in CATALOG.postings(None)}
    reposts = [g for g in CATALOG.duplicate_groups(None) if len({by_key[k].opening.key for k in g}) > 1]
    assert len(reposts) >= 3
    titles = {frozenset(by_key[k].title for k in g) for g in reposts}
    assert frozenset({"Sr. Controls Engineer", "Senior Controls Engineer"}) in titles
    assert frozenset({"Sr. Backend Engineer", "Senior Backend Engineer"}) in titles
    for group in reposts:
        a, b = (role_text(k) for k in group[:2])
        assert a != b and fuzz.ratio(a, b) > 90


def test_hard_negatives_look_alike_but_are_not_grouped() -> None:
    negatives = CATALOG.hard_negatives(1)
    reasons = {reason for _, _, reason in negatives}
    assert any("level" in r for r in reasons) and any("team" in r for r in reasons)
    identity = CATALOG.opening_ids(1)
    by_key = {p.key: p for p in CATALOG.postings(1)}
    for a, b, _ in negatives:
        assert identity[a] != identity[b]
    level = next((a, b) for a, b, r in negatives if "level" in r)
    assert {by_key[k].title for k in level} == {"Software Engineer II", "Senior Software Engineer"}
    assert fuzz.ratio(role_text(level[0]), role_text(level[1])) > 75  # same skeleton: a real trap


def test_boilerplate_is_shared_within_a_company_and_across_halden() -> None:
    eeo = {p.company.slug: describe(p, 1).eeo for p in CATALOG.postings(1)}
    assert eeo["tidewater-analytics"] == eeo["quillstone"]
    data_engineers = [p for p in CATALOG.postings(1) if p.title == "Data Engineer"]
    assert {p.company.slug for p in data_engineers} >= {"tidewater-analytics", "quillstone"}
    identity = CATALOG.opening_ids(1)
    assert len({identity[p.key] for p in data_engineers}) == len(data_engineers)


def test_greenhouse_content_has_the_traps_parsers_must_survive() -> None:
    raw = [greenhouse.job(p, 1, content=True)["content"] for p in CATALOG.postings(1, source="greenhouse")]
    assert all(c.startswith("&lt;") for c in raw)
    joined = "".join(raw)
    assert "&amp;amp;" in joined and "&amp;nbsp;" in joined and "&lt;script" in joined
    assert re.search(r"&amp;mdash;", joined)  # inside the pay transparency block


def test_scale_catalog_is_cheap_unique_and_deterministic() -> None:
    scale = ScaleCatalog(1000, 50)
    registry = scale.registry()["companies"]
    assert len(registry) == 1000 and Counter(c["sources"][0]["type"] for c in registry)["lever"] == 333
    boards = [
        scale.board(s["type"], s.get("board") or s["site"]) for c in registry[:60] for s in c["sources"]
    ]
    ids = [(p.source, p.source_id) for b in boards for p in b or []]
    assert len(ids) == 60 * 50 == len(set(ids))
    assert scale.board("ashby", "bench-1000") is None and scale.board("ashby", "other-0001") is None
    again = ScaleCatalog(1000, 50).board("lever", "bench-0001")
    assert again is not None and [p.source_id for p in again] == [p.source_id for p in boards[1] or []]
    three = ScaleCatalog(5, 3, sources_per_company=3)
    assert all(len(c["sources"]) == 3 for c in three.registry()["companies"])
