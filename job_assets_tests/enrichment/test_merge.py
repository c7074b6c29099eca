"""Who wins, field by field: structured ATS data, the rules, the LLM."""

from __future__ import annotations

from job_assets.enrichment.merge import merge
from job_assets.enrichment.schema import ExtractedFields

from .conftest import parsed_row

RULES = ExtractedFields(
    salary_min=100000, salary_max=120000, salary_currency="USD", salary_period="year",
    remote="remote", seniority="senior", skills=["Python", "AWS"], years_experience_min=5, summary="From rules.",
)  # fmt: skip
LLM = ExtractedFields(
    salary_min=1, salary_max=2, salary_currency="EUR", salary_period="year", remote="hybrid", seniority="staff",
    employment_type="contract", skills=["python", "k8s", "Event Sourcing"], years_experience_min=3,
    visa_sponsorship=True, summary="From the LLM.",
)  # fmt: skip


def test_structured_pay_wins_over_text_and_llm() -> None:
    row = parsed_row(0, pay_min=50.0, pay_max=70.0, pay_currency="USD", pay_period="hour", workplace="onsite")
    out = merge(row, RULES, LLM)
    assert (out["salary_min"], out["salary_max"], out["salary_period"], out["salary_source"]) == (
        50,
        70,
        "hour",
        "structured",
    )
    assert (out["salary_annual_min"], out["salary_annual_max"]) == (104000, 145600)
    assert (out["remote"], out["remote_source"]) == ("remote", "text_rules")  # stated text beats the flag
    no_statement = RULES.model_copy(update={"remote": "unknown"})
    assert (merge(row, no_statement, LLM)["remote"], merge(row, no_statement, LLM)["remote_source"]) == (
        "onsite",
        "structured",
    )


def test_text_rules_pay_wins_over_llm_pay() -> None:
    out = merge(parsed_row(0), RULES, LLM)
    assert (out["salary_min"], out["salary_currency"], out["salary_source"]) == (100000, "USD", "text_rules")


def test_llm_fills_pay_the_rules_missed_but_not_implausible_pay() -> None:
    no_pay = RULES.model_copy(
        update={"salary_min": None, "salary_max": None, "salary_currency": None, "salary_period": None}
    )
    llm_pay = LLM.model_copy(update={"salary_min": 90000.0, "salary_max": 110000.0})
    out = merge(parsed_row(0), no_pay, llm_pay)
    assert (out["salary_min"], out["salary_currency"], out["salary_source"]) == (90000, "EUR", "llm")
    out = merge(parsed_row(0), no_pay, LLM)  # 1-2 EUR a year is not pay
    assert out["salary_min"] is None and out["salary_source"] is None


def test_judgement_fields_come_from_the_llm_and_title_seniority_from_rules() -> None:
    out = merge(parsed_row(0), RULES, LLM)
    assert out["remote"] == "remote"  # the rules read a statement: it beats the LLM's judgement
    assert merge(parsed_row(0), RULES.model_copy(update={"remote": "unknown"}), LLM)["remote"] == "hybrid"
    assert out["seniority"] == "senior"
    assert out["employment_type"] == "contract"
    assert out["years_experience_min"] == 3
    assert out["visa_sponsorship"] is True
    assert out["summary"] == "From the LLM."
    assert out["skills"] == ["Python", "AWS", "Kubernetes", "Event Sourcing"]


def test_llm_seniority_when_the_title_says_nothing() -> None:
    out = merge(parsed_row(0), RULES.model_copy(update={"seniority": "unknown"}), LLM)
    assert out["seniority"] == "staff"


def test_parsed_employment_type_wins() -> None:
    assert merge(parsed_row(0, employment_type="full_time"), RULES, LLM)["employment_type"] == "full_time"


def test_rules_only() -> None:
    out = merge(parsed_row(0), RULES, None)
    assert (
        out["remote"] == "remote" and out["summary"] == "From rules." and out["skills"] == ["Python", "AWS"]
    )
