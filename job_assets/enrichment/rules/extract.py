"""The rules backend: every field a deterministic reader can get from a posting's own text."""

from __future__ import annotations

from collections.abc import Sequence

from job_assets.enrichment.rules.pay import find_pay
from job_assets.enrichment.rules.pay_context import is_internship
from job_assets.enrichment.rules.remote import remote_policy
from job_assets.enrichment.rules.requirements import employment_type, visa_sponsorship, years_experience_min
from job_assets.enrichment.rules.seniority import seniority_from_title
from job_assets.enrichment.rules.skills import extract_skills
from job_assets.enrichment.rules.summary import summarise
from job_assets.enrichment.schema import MAX_SKILLS, ExtractedFields

RULES_VERSION = "rules-v1"
"""Recorded as `prompt_version` on rows the rules produced; bump when a rule changes what it extracts."""


def extract_rules(
    title: str | None,
    description: str | None,
    locations: Sequence[str] | None = None,
    company_name: str | None = None,
) -> ExtractedFields:
    """Text only: the ATS's structured fields are applied on top by `merge`, which knows where each came from."""
    text = description or ""
    pay = find_pay(f"{title or ''}\n{text}", internship=is_internship(title or ""))
    return ExtractedFields.model_validate(
        {
            "salary_min": pay.min if pay else None,
            "salary_max": pay.max if pay else None,
            "salary_currency": pay.currency if pay else None,
            "salary_period": pay.period if pay else None,
            "remote": remote_policy(None, title, locations, text),
            "seniority": seniority_from_title(title),
            "employment_type": employment_type(title, text),
            "years_experience_min": years_experience_min(text),
            "skills": extract_skills(f"{title or ''}\n{text}")[:MAX_SKILLS],
            "visa_sponsorship": visa_sponsorship(text),
            "summary": summarise(title, company_name, text),
        }
    )
