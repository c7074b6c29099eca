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


def test_structured_pay_wins_over_the_llm_and_text_that_agrees() -> None:
    row = parsed_row(0, pay_min=50.0, pay_max=70.0, pay_currency="USD", pay_period="hour", workplace="onsite")
    agreeing = RULES.model_copy(update={"salary_min": 50.0, "salary_max": 70.0, "salary_period": "hour"})
    out = merge(row, agreeing, LLM)
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


NO_TEXT_PAY = RULES.model_copy(
    update={"salary_min": None, "salary_max": None, "salary_currency": None, "salary_period": None}
)


def _pay(out: dict) -> tuple:
    return (
        out["salary_min"],
        out["salary_max"],
        out["salary_currency"],
        out["salary_period"],
        out["salary_source"],
    )


def test_zero_structured_range_is_no_pay_and_says_so() -> None:
    # Lever's salaryRange {min: 0, max: 0}: no pay; the text's pay (if any) is used instead.
    row = parsed_row(0, pay_min=0.0, pay_max=0.0, pay_currency="USD", pay_period="year")
    out = merge(row, NO_TEXT_PAY, None)
    assert _pay(out) == (None, None, None, None, None)
    assert "dropped" in out["salary_note"]
    out = merge(row, RULES, None)
    assert _pay(out) == (100000, 120000, "USD", "year", "text_rules") and "0" in out["salary_note"]


def test_structured_per_year_tier_that_the_text_states_per_hour() -> None:
    # An Ashby tier "1 YEAR" of 55-65 while the description says "$55-65/hour": the explicit text wins.
    row = parsed_row(0, pay_min=55.0, pay_max=65.0, pay_currency="USD", pay_period="year")
    text = RULES.model_copy(update={"salary_min": 55.0, "salary_max": 65.0, "salary_period": "hour"})
    out = merge(row, text, None)
    assert _pay(out) == (55, 65, "USD", "hour", "text_rules")
    assert (out["salary_annual_min"], out["salary_annual_max"]) == (114400, 135200)
    assert "text wins" in out["salary_note"]


def test_structured_per_year_tier_of_hourly_size_without_text_is_read_per_hour() -> None:
    row = parsed_row(0, pay_min=55.0, pay_max=65.0, pay_currency="USD", pay_period="year")
    out = merge(row, NO_TEXT_PAY, None)
    assert _pay(out) == (55, 65, "USD", "hour", "structured")
    assert "hourly-sized" in out["salary_note"]


def test_structured_pay_of_absurd_size_is_dropped_with_a_note() -> None:
    row = parsed_row(0, pay_min=5_000_000.0, pay_max=9_000_000.0, pay_currency="USD", pay_period="year")
    out = merge(row, NO_TEXT_PAY, None)
    assert _pay(out) == (None, None, None, None, None) and "implausible" in out["salary_note"]
    row = parsed_row(0, pay_min=1500.0, pay_max=2500.0, pay_currency="USD", pay_period="hour")
    assert merge(row, NO_TEXT_PAY, None)["salary_source"] is None


def test_reversed_structured_range_is_swapped_with_a_note() -> None:
    row = parsed_row(0, pay_min=150000.0, pay_max=120000.0, pay_currency="EUR", pay_period="year")
    out = merge(row, NO_TEXT_PAY, None)
    assert _pay(out) == (120000, 150000, "EUR", "year", "structured") and "reversed" in out["salary_note"]


def test_plausible_structured_pay_taken_as_given_has_no_note() -> None:
    row = parsed_row(0, pay_min=120000.0, pay_max=150000.0, pay_currency="USD", pay_period="year")
    out = merge(row, NO_TEXT_PAY, LLM)
    assert _pay(out) == (120000, 150000, "USD", "year", "structured") and out["salary_note"] is None


def test_explicit_text_that_states_other_figures_wins_over_structured_pay() -> None:
    # An Ashby tier of 142-216K while the prose says $115,000-$176,000 for this role: explicit prose wins.
    row = parsed_row(0, pay_min=142000.0, pay_max=216000.0, pay_currency="USD", pay_period="year")
    text = RULES.model_copy(update={"salary_min": 115000.0, "salary_max": 176000.0})
    out = merge(row, text, None)
    assert _pay(out) == (115000, 176000, "USD", "year", "text_rules") and "text wins" in out["salary_note"]


def test_employer_range_wider_than_prose_would_allow_is_kept() -> None:
    row = parsed_row(0, pay_min=10000.0, pay_max=125000.0, pay_currency="USD", pay_period="year")
    out = merge(row, NO_TEXT_PAY, None)
    assert _pay(out) == (10000, 125000, "USD", "year", "structured")


def test_implausible_llm_pay_is_dropped_with_a_note() -> None:
    out = merge(parsed_row(0), NO_TEXT_PAY, LLM)  # 1-2 EUR a year
    assert out["salary_source"] is None and "llm" in out["salary_note"]
