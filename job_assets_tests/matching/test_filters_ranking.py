"""Filters, keyword relevance, the currency rule and the fit score on a real snapshot of hand-written jobs."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from job_assets.matching.matcher import match_all
from job_assets.matching.searches import parse_searches
from job_assets_tests.matching.store_fixture import NOW, build_store, job, pay, reader

JOBS = [
    job("j1", "Senior Data Engineer", skills=["Python", "SQL", "dbt"], **pay(100_000, 130_000)),
    job("j2", "Data Engineer", locations=["Remote - US"], remote="remote", seniority="mid", skills=["SQL"],
        **pay(90_000, 110_000)),
    job("j3", "Senior Data Engineer", locations=["London, United Kingdom"], skills=["python", "sql"],
        **pay(120_000, 130_000, "EUR")),
    job("j4", "Data Engineering Manager", locations=["New York, NY"], seniority="manager", skills=["python"]),
    job("j5", "Senior Data Engineer", locations=["Leeds, UK"]),  # marked not interested
    job("j6", "Senior Data Engineer", is_open=False),
    job("j7", "Analytics Engineer", skills=["SQL", "dbt"], days_old=40),  # a favourite
    job("j8", "Backend Engineer", seniority="unknown", remote="unknown"),
    job("j9", "Senior Data Engineer", company="kestrel", company_name="Kestrel Security"),
    job("j10", "Senior Data Engineer", locations=["Austin, TX"], remote="remote", employment_type=None,
        **pay(90_000, 100_000, "EUR")),
    job("j11", "Office Manager", locations=["Yorkshire, UK"], seniority="unknown"),
    job("j12", "Data Engineer (Contract)", employment_type="contract", seniority="mid"),
    job("j13", "Data Engineer", locations=["Toronto, ON"], seniority="mid", **pay(40, 60, "USD", "hour")),
]  # fmt: skip
MARKS = {"j5": {"status": "not_interested"}, "j7": {"favorite": True}}
RATES = {"base": "USD", "rates": {"EUR": 1.08}}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_store(tmp_path_factory.mktemp("store") / "jobs.duckdb", JOBS, MARKS)
    connection = reader(path)
    yield connection
    connection.close()


def run(conn: duckdb.DuckDBPyConnection, rates: dict | None = None, profile: dict | None = None,
        **search: Any) -> pl.DataFrame:  # fmt: skip
    data: dict[str, Any] = {"searches": [{"name": "s", **search}]}
    if rates:
        data["exchange_rates"] = rates
    if profile:
        data["profile"] = profile
    return match_all(conn, parse_searches(data), NOW)


def ids(frame: pl.DataFrame) -> set[str]:
    return set(frame.get_column("job_id").to_list())


def reasons(frame: pl.DataFrame, job_id: str) -> list[str]:
    return frame.filter(pl.col("job_id") == job_id).get_column("reasons").to_list()[0]


ALWAYS_OUT = {"j5", "j6"}  # not interested; closed
EVERY_OPEN = {j["job_id"] for j in JOBS} - ALWAYS_OUT


def test_no_criteria_keeps_open_jobs_you_did_not_reject(conn) -> None:
    assert ids(run(conn)) == EVERY_OPEN


@pytest.mark.parametrize(
    ("locations", "expected"),
    [
        (["Berlin"], {"j1", "j7", "j8", "j9", "j12"}),
        (["germany"], {"j1", "j7", "j8", "j9", "j12"}),  # country names, any case
        (["New York"], {"j4"}),
        (["York"], {"j4"}),  # whole words: "Yorkshire" is not "York"
        (["US"], {"j2"}),  # "Remote - US"; "Austin, TX" names no country
        (["remote"], {"j2", "j10"}),  # the word, or the job's remote policy
        (["London", "Toronto"], {"j3", "j13"}),
        (["Lond"], set()),
    ],
)
def test_location_rule(conn, locations: list[str], expected: set[str]) -> None:
    assert ids(run(conn, locations=locations)) == expected


def test_keywords_need_every_word_of_one_alternative(conn) -> None:
    data_engineer = {"j1", "j2", "j3", "j9", "j10", "j12", "j13"}  # "Engineering" is not "engineer"
    assert ids(run(conn, keywords=["data engineer"])) == data_engineer
    assert ids(run(conn, keywords=["data engineer", "analytics engineer"])) == data_engineer | {"j7"}
    found = run(conn, keywords=["analytics engineer"])
    assert reasons(found, "j7")[0].startswith("keywords: analytics engineer (BM25 ")


def test_pay_in_other_currencies_is_not_compared_without_rates(conn) -> None:
    found = run(conn, min_annual_pay=120_000, currency="USD")
    # j2 tops out at 110k USD and j13 at 60 USD/hour (124.8k a year) -> only j2 is below.
    assert ids(found) == EVERY_OPEN - {"j2"}
    assert "pay USD 100k-130k / year reaches your minimum of 120,000 USD" in reasons(found, "j1")
    assert "pay USD 40-60 / hour reaches your minimum of 120,000 USD" in reasons(found, "j13")
    assert "pay in EUR not compared with your minimum in USD (no exchange_rates configured)" in reasons(
        found, "j3"
    )
    assert "no pay listed" in reasons(found, "j4")


def test_pay_is_converted_when_rates_are_configured(conn) -> None:
    found = run(conn, rates=RATES, min_annual_pay=120_000, currency="USD")
    assert ids(found) == EVERY_OPEN - {"j2", "j10"}  # j10: 100k EUR = 108k USD < 120k
    assert (
        "pay EUR 120k-130k / year (= USD 129.6k-140.4k / year at your exchange_rates) reaches your minimum of"
        " 120,000 USD" in reasons(found, "j3")
    )
    in_gbp = run(conn, rates=RATES, min_annual_pay=100_000, currency="GBP")  # GBP is not in the table
    assert "pay in USD not compared with your minimum in GBP (no rate for it in exchange_rates)" in reasons(
        in_gbp, "j1"
    )


def test_the_other_rules(conn) -> None:
    assert ids(run(conn, skills={"must": ["python"]})) == {"j1", "j3", "j4"}
    assert ids(run(conn, exclude_keywords=["manager", "contract"])) == EVERY_OPEN - {"j4", "j11", "j12"}
    assert ids(run(conn, companies=["Kestrel Security"])) == {"j9"}
    assert ids(run(conn, exclude_companies=["KESTREL"])) == EVERY_OPEN - {"j9"}
    assert ids(run(conn, remote=["remote"])) == {"j2", "j10"}
    assert ids(run(conn, seniority=["mid"])) == {"j2", "j12", "j13"}
    assert ids(run(conn, posted_within_days=30)) == EVERY_OPEN - {"j7"}
    typed = run(conn, employment_types=["full_time"])
    assert ids(typed) == EVERY_OPEN - {"j12"}  # j10 states no type: kept, and told
    assert "employment type not stated" in reasons(typed, "j10")


def test_favourites_are_flagged(conn) -> None:
    found = run(conn)
    favourite = found.filter(pl.col("job_id") == "j7")
    assert favourite.get_column("favorite").to_list() == [True]
    assert "one of your favourites" in reasons(found, "j7")
    assert not found.filter(pl.col("job_id") != "j7").get_column("favorite").any()


def test_fit_score_by_hand(conn) -> None:
    # Only seniority and recency count: j1 is senior (1.0), seen a day ago (0.5 ** (1/14)).
    found = run(conn, seniority=["senior"])
    j1 = found.filter(pl.col("job_id") == "j1").row(0, named=True)
    assert j1["score"] == pytest.approx(round((0.1 * 1.0 + 0.1 * 0.5 ** (1 / 14)) / 0.2 * 100, 1))
    assert j1["reasons"] == ["seniority senior (wanted)", "first seen yesterday"]


def test_ranking_orders_by_fit_and_explains_it(conn) -> None:
    found = run(
        conn,
        keywords=["data engineer"],
        skills={"nice": ["python", "sql", "dbt"]},
        profile={"seniority": ["senior"]},  # scores without filtering
        locations=["Berlin", "London", "remote", "Toronto"],
    )
    order = found.sort("rank").get_column("job_id").to_list()
    assert order[0] == "j1"  # every skill, senior, in Berlin
    assert found.get_column("rank").to_list() == list(range(1, found.height + 1))
    assert found.get_column("score").is_sorted(descending=True)
    assert reasons(found, "j1")[1:4] == [
        "skills matched: dbt, python, sql",
        "seniority senior (wanted)",
        "location matches 'Berlin'",
    ]
    assert "skills matched: sql (missing: dbt, python)" in reasons(found, "j2")
    assert "seniority mid (you want senior)" in reasons(found, "j2")


def test_profile_applies_when_the_search_is_silent(conn) -> None:
    profile = {"seniority": ["mid"], "min_annual_pay": 95_000, "currency": "USD", "skills": ["sql"]}
    found = run(conn, profile=profile)
    assert ids(found) == EVERY_OPEN  # the profile scores, it never filters
    assert "pay USD 90k-110k / year reaches your profile's minimum of 95,000 USD" in reasons(found, "j2")
    assert "seniority mid (wanted)" in reasons(found, "j2")


def test_max_results_keeps_the_best(conn, tmp_path: Path) -> None:
    every = run(conn, seniority=["senior"])
    top = run(conn, seniority=["senior"], max_results=2)
    assert top.get_column("job_id").to_list() == every.head(2).get_column("job_id").to_list()
