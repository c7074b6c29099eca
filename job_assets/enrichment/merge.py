"""One enriched row from a parsed row, the rules' fields and (maybe) the LLM's: who wins, field by field.

- Pay: the ATS's structured pay once plausible, else the rules' reading of explicit text, else the LLM (when
  plausible); the text wins over structured figures it restates with another period (see `salary`).
  Deterministic parsing of an explicit range is exact; the LLM covers what no pattern does.
- Remote: the ATS's workplace, else the LLM's judgement of the prose, else the rules.
- Seniority: a title keyword found by the rules (exact), else the LLM (it can judge a bare "Engineer").
- Employment type: the ATS's value, else the LLM, else the rules.
- Years of experience, visa sponsorship, summary: the LLM when it answered, else the rules.
- Skills: the rules' vocabulary matches, then the LLM's extra skills, all in canonical names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from job_assets.enrichment.rules.skills import canonical_skill
from job_assets.enrichment.salary import choose_salary
from job_assets.enrichment.schema import MAX_SKILLS, ExtractedFields


def _salary(row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None) -> dict[str, Any]:
    return choose_salary(row, rules, llm).columns()


def _skills(rules: ExtractedFields, llm: ExtractedFields | None) -> list[str]:
    names: dict[str, str] = {}
    for skill in [*rules.skills, *(llm.skills if llm else [])]:
        name = canonical_skill(skill)
        names.setdefault(name.lower(), name)
    return list(names.values())[:MAX_SKILLS]


def merge(row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None) -> dict[str, Any]:
    """The enrichment columns (not the bookkeeping ones) for one posting."""
    workplace = row.get("workplace")
    if workplace in ("remote", "hybrid", "onsite"):
        remote = workplace
    elif llm is not None and llm.remote != "unknown":
        remote = llm.remote
    else:
        remote = rules.remote
    seniority = rules.seniority if rules.seniority != "unknown" or llm is None else llm.seniority
    answer = llm if llm is not None else rules
    return {
        **_salary(row, rules, llm),
        "remote": remote,
        "seniority": seniority,
        "employment_type": row.get("employment_type") or answer.employment_type or rules.employment_type,
        "years_experience_min": (
            answer.years_experience_min
            if answer.years_experience_min is not None
            else rules.years_experience_min
        ),
        "skills": _skills(rules, llm),
        "visa_sponsorship": answer.visa_sponsorship
        if answer.visa_sponsorship is not None
        else rules.visa_sponsorship,
        "summary": answer.summary or rules.summary,
    }
