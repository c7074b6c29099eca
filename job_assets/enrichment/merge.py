"""One enriched row from a parsed row, the rules' fields and (maybe) the LLM's: who wins, field by field.

The one policy for structured ATS fields against the posting's words: an explicit statement in the posting's own
words (title, location labels, prose) beats the ATS's structured value, which beats the LLM's reading. Boards set
flags wholesale (Ashby `isRemote` on every job, internships at HQ included; Lever commitment "Full-time" on an
"Intern" title), while a sentence like "hybrid, 3 days in office" or a title "- 6 month contract" is written for
this one posting. The rules read statements only (never a bare word in a benefits list), so when they find one it
is one. Where nothing decides, the value stays "unknown"/null: no guess.

- Pay: the ATS's structured pay once plausible, else the rules' reading of explicit text, else the LLM (when
  plausible); the text wins over structured figures it restates with another period (see `salary`).
  Deterministic parsing of an explicit range is exact; the LLM covers what no pattern does.
- Remote (`_remote`): a statement or label the rules read ("hybrid, 3 days in office", a title's "(Remote)", a
  place "Remote (US)"; office presence without a share of days yields to a "hybrid" flag), else the ATS's workplace, else a LinkedIn tag ("#LI-Onsite": metadata for another site,
  so the ATS's own field outranks it), else the LLM's judgement, else "unknown"; `remote_source` says which
  (text_rules | structured | llm | null).
- Seniority: a level the rules found in the title (or stated in the description), else the LLM, else "intern"
  when the employment type is an internship (a Lever commitment "Stage" on a title without the word).
- Employment type (`_employment_type`): the title's or the text's explicit statement, else the ATS's value, else
  the LLM. One exception: text that only says "full-time" does not override a more specific ATS value (intern,
  contract, temporary, part-time), because "full-time" describes hours and is also true of those.
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


_SPECIFIC_EMPLOYMENT = frozenset({"intern", "contract", "temporary", "part_time"})


def _remote(
    row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None
) -> tuple[str, str | None]:
    """(remote policy, where it came from): a statement or label > the ATS's workplace > a tag > the LLM."""
    read = rules.remote != "unknown"
    workplace = row.get("workplace")
    if read and getattr(rules, "remote_stated", True):
        if getattr(rules, "remote_presence_only", False) and workplace == "hybrid":
            return workplace, "structured"  # "in-person at our HQ" is true of a hybrid role too
        return rules.remote, "text_rules"
    if workplace in ("remote", "hybrid", "onsite"):
        return workplace, "structured"
    if read:
        return rules.remote, "text_rules"
    if llm is not None and llm.remote != "unknown":
        return llm.remote, "llm"
    return "unknown", None


def _employment_type(
    row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None
) -> str | None:
    """The title's or text's explicit type > the ATS's value > the LLM (see the module docstring)."""
    ats, stated = row.get("employment_type"), rules.employment_type
    if stated and not (stated == "full_time" and ats in _SPECIFIC_EMPLOYMENT):
        return stated
    if ats:
        return ats
    return llm.employment_type if llm is not None else None


def _skills(rules: ExtractedFields, llm: ExtractedFields | None) -> list[str]:
    names: dict[str, str] = {}
    for skill in [*rules.skills, *(llm.skills if llm else [])]:
        name = canonical_skill(skill)
        names.setdefault(name.lower(), name)
    return list(names.values())[:MAX_SKILLS]


def merge(row: Mapping[str, Any], rules: ExtractedFields, llm: ExtractedFields | None) -> dict[str, Any]:
    """The enrichment columns (not the bookkeeping ones) for one posting."""
    remote, remote_source = _remote(row, rules, llm)
    seniority = rules.seniority if rules.seniority != "unknown" or llm is None else llm.seniority
    employment_type = _employment_type(row, rules, llm)
    if seniority == "unknown" and employment_type == "intern":
        seniority = "intern"  # an internship is the intern level, whatever the title omits
    answer = llm if llm is not None else rules
    return {
        **_salary(row, rules, llm),
        "remote": remote,
        "remote_source": remote_source,
        "seniority": seniority,
        "employment_type": employment_type,
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
