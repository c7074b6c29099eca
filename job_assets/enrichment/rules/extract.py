"""The rules backend: every field a deterministic reader can get from a posting's own text."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from job_assets.enrichment.rules.employment import employment_type
from job_assets.enrichment.rules.pay import find_pay
from job_assets.enrichment.rules.pay_context import is_internship
from job_assets.enrichment.rules.remote import read_remote
from job_assets.enrichment.rules.requirements import visa_sponsorship, years_experience_min
from job_assets.enrichment.rules.seniority import seniority
from job_assets.enrichment.rules.skills import extract_skills
from job_assets.enrichment.rules.summary import summarise
from job_assets.enrichment.schema import MAX_SKILLS, ExtractedFields

RULES_VERSION = "rules-v3"
"""Recorded as `prompt_version` on rows the rules produced; bump when a rule changes what it extracts."""


class RulesFields(ExtractedFields):
    """The rules' fields plus how strongly the text said the remote policy: a statement or label beats the ATS's
    structured value, a LinkedIn tag does not (`merge._remote`)."""

    remote_stated: bool = Field(default=False, exclude=True)  # not part of the extraction contract
    remote_presence_only: bool = Field(default=False, exclude=True)


def extract_rules(
    title: str | None,
    description: str | None,
    locations: Sequence[str] | None = None,
    company_name: str | None = None,
) -> RulesFields:
    """Text only: the ATS's structured fields are applied on top by `merge`, which knows where each came from."""
    text = description or ""
    pay = find_pay(f"{title or ''}\n{text}", internship=is_internship(title or ""))
    remote = read_remote(title, locations, text)
    return RulesFields.model_validate(
        {
            "salary_min": pay.min if pay else None,
            "salary_max": pay.max if pay else None,
            "salary_currency": pay.currency if pay else None,
            "salary_period": pay.period if pay else None,
            "remote": remote.policy or "unknown",
            "remote_stated": remote.stated,
            "remote_presence_only": remote.presence_only,
            "seniority": seniority(title, text),
            "employment_type": employment_type(title, text),
            "years_experience_min": years_experience_min(text),
            "skills": extract_skills(f"{title or ''}\n{text}")[:MAX_SKILLS],
            "visa_sponsorship": visa_sponsorship(text),
            "summary": summarise(title, company_name, text),
        }
    )
