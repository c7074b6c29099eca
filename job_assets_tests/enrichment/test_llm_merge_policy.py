"""The structured/prose policy holds when an LLM answers: over real HTTP, a stand-in model that reads every hard
case the wrong way (a benefit as pay, a board flag over prose, a team name as a level) cannot overturn what the
posting states or the ATS's structured fields; it decides only what neither states."""

from __future__ import annotations

import asyncio
from typing import Any

import polars as pl

from job_assets.enrichment.enrich import enrich_postings
from job_assets.enrichment.prompt import parse_posting_text
from job_assets.parsing.schema import PARSED_SCHEMA
from job_assets_sandbox.llm_server import FakeLLMServer

from .conftest import fast_config, parsed_row

# What a careless model answers for every posting: the wrong reading of each hard case.
CARELESS = {
    "salary_min": 10000,  # the fertility benefit cap
    "salary_max": 10000,
    "salary_currency": "USD",
    "salary_period": "year",
    "remote": "remote",  # from "Work From Home Support"
    "seniority": "senior",  # from "Senior Living Partnerships"
    "employment_type": "full_time",  # the board's flag
    "years_experience_min": None,
    "skills": [],
    "visa_sponsorship": None,
    "summary": "A role.",
}
BENEFITS = "Benefits: Work From Home Support; fertility HRA up to $10,000 per year; 401(k) match."

POSTINGS: list[dict[str, Any]] = [
    # prose states hybrid; the board says remote; the model says remote -> hybrid, from the text
    parsed_row(0, title="Account Executive", workplace="remote",
               description_text="This is a hybrid role, 3 days a week in our Denver office. " + BENEFITS),
    # prose states nothing; the board says on-site; the model says remote -> on-site, from the board
    parsed_row(1, title="Warehouse Associate", workplace="onsite", description_text="Pick and pack. " + BENEFITS),
    # nothing states a policy anywhere -> the model's judgement, marked as such
    parsed_row(2, title="Analyst", workplace=None, description_text="Analyse data. " + BENEFITS),
    # structured pay -> kept over the model's benefit figure
    parsed_row(3, title="Engineer", pay_min=150000.0, pay_max=180000.0, pay_currency="USD", pay_period="year",
               description_text="Build APIs. " + BENEFITS),
    # the title says Intern, the board FullTime, the model full-time -> intern
    parsed_row(4, title="Software Engineering Intern", employment_type="full_time",
               description_text="Summer programme. " + BENEFITS),
    # a level in the title's role wins over the model's reading of the team name
    parsed_row(5, title="Senior Accountant, Close Management", description_text="Close the books. " + BENEFITS),
    # pay the text states wins over the model's benefit figure (and the rules skip the benefit cap themselves)
    parsed_row(6, title="Engineer", description_text="The salary range is $90,000 - $110,000 per year. " + BENEFITS),
]  # fmt: skip


def _careless(user_message: str) -> dict[str, Any]:
    parse_posting_text(user_message)  # the prompt is the real one, posting last
    return dict(CARELESS)


def test_the_llm_fills_gaps_but_never_overturns_what_the_posting_or_the_ats_states() -> None:
    with FakeLLMServer(model="fake-llm", answer=_careless) as server:
        frame = asyncio.run(
            enrich_postings(pl.DataFrame(POSTINGS, schema=PARSED_SCHEMA), {}, fast_config(server))
        ).frame
        assert server.stats.completions == len(POSTINGS)  # every posting was asked
    rows = {row["posting_key"]: row for row in frame.iter_rows(named=True)}
    assert set(frame["enrich_backend"]) == {"llm"} and set(frame["enrich_status"]) == {"ok"}

    def got(index: int, *columns: str) -> tuple[Any, ...]:
        return tuple(rows[f"greenhouse:{index}"][c] for c in columns)

    assert got(0, "remote", "remote_source") == ("hybrid", "text_rules")
    assert got(1, "remote", "remote_source") == ("onsite", "structured")
    assert got(2, "remote", "remote_source") == ("remote", "llm")
    assert got(3, "salary_min", "salary_max", "salary_source") == (150000, 180000, "structured")
    assert got(4, "employment_type", "seniority") == ("intern", "intern")
    assert got(5, "seniority") == ("senior",)
    assert got(6, "salary_min", "salary_max", "salary_source") == (90000, 110000, "text_rules")
