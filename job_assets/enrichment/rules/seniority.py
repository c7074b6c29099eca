"""Seniority from the role part of the title, else a level stated in the description.

A title is a role plus clauses after a comma, dash, bar or bracket that name a team, programme, place or market:
"Senior Accountant, Close Management", "Care Coordinator, Senior Living Partnerships", "AI Transformation Owner,
CRO". Levels are read from the role part only (the first part that names a role), plus any part that only
qualifies the role ("Engineer (Senior)", "Site Reliability Engineer - 2", "Analyst, Internship"). Checked from
the most specific to the least: "Senior Director" is a director, "Senior Engineering Manager" a manager,
"Principal Product Manager" a principal (a product manager manages a product, not people). Alternatives
("Senior / Staff") give the lower level. With no level in the title, a level the description states ("this is a
mid-level role", "entry-level position"), then people management ("lead and manage a team of ...", "builds, hires
and leads a team", "as a first-line manager"; not "3+ years of managing a team"), then the role the description
names with a level ("As Senior Applications Engineer you will ...", read like a title) decides; a description
hiring a C-level officer makes an executive of a "Head of" title. With none, "unknown": "Associate", "Expert",
"Mid-Senior", "All Levels" and ladder steps IV and V state no single level.
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.language import is_french
from job_assets.enrichment.rules.seniority_words import (
    ALTERNATIVES,
    GROUP_MANAGER,
    HIRES_EXECUTIVE,
    IC_FRENCH_SPANISH,
    IC_LEADER,
    IC_MANAGER,
    IC_ORDER,
    LADDER,
    LADDER_LEVELS,
    LADDER_STEP,
    LEVELS,
    MANAGES_PEOPLE,
    NOT_LEVEL,
    PAST_MANAGEMENT,
    QUALIFIER_WORDS,
    STATED_LEVEL,
    STATED_LEVEL_NAMES,
    STATED_ROLE,
    TECH_LEADER,
)
from job_assets.parsing.employment import fold

_PARTS = re.compile(r"\s*[,|(\)\[\]:;]\s*|\s+[-–—]+\s*|\s*[-–—]+\s+|\s*–\s*|\s*—\s*")
_FRENCH_STAGE = re.compile(r" stages? ")
_ROLE_NOUNS = re.compile(
    r" (?:engineer|engineers|developer|manager|director|head of|lead|leader|analyst|scientist|designer|architect"
    r"|specialist|coordinator|associate|consultant|representative|rep|executive|officer|president|vp|intern"
    r"|internship|apprentice|administrator|admin|accountant|counsel|attorney|lawyer|recruiter|strategist|writer"
    r"|editor|researcher|technician|nurse|assistant|advisor|adviser|partner|owner|operator|agent|supervisor"
    r"|programmer|tester|member|fellow|trainee|student|expert|evangelist|advocate|marketer|planner|buyer|head"
    r"|producer|chief|controller|auditor|economist|generalist|teacher|instructor|driver|mechanic|clerk|dispatcher"
    r"|caller|executive|ingenieur|developpeur|responsable|directeur|directrice|charge|chargee|stagiaire|leiter"
    r"|leiterin|entwickler|entwicklerin|berater|beraterin|referent|referentin|werkstudent|praktikant|jefe|gerente"
    r"|analista|desarrollador|ingeniero|becario|consultor|especialista|ceo|cto|cfo|coo|cro|cmo|cpo) ",
)

# "Analyst 1 Year Contract", "Driver 2 Days a Week": a number with a unit after it is no step.
_LADDER_AFTER_ROLE = re.compile(
    _ROLE_NOUNS.pattern
    + LADDER_STEP
    + r" (?!(?:years?|yrs?|months?|mos?|weeks?|days?|hours?|hrs?|x|shifts?) )"
)


def _role_parts(title: str) -> list[str]:
    """The role part and the parts that only qualify it."""
    parts = [p for p in _PARTS.split(title) if p and p.strip()]
    if not parts:
        return []
    role = next((i for i, p in enumerate(parts) if _ROLE_NOUNS.search(fold(p))), 0)
    kept = [parts[role]]
    for i, part in enumerate(parts):
        words = fold(part).split()
        if i != role and words and all(w in QUALIFIER_WORDS for w in words):
            kept.append(part)
    return kept


def _level_of(text: str, french: bool) -> str | None:
    folded = fold(text)
    folded = IC_LEADER.sub(" role ", TECH_LEADER.sub(" lead ", NOT_LEVEL.sub(" ", folded)))
    folded = GROUP_MANAGER.sub(" people manager ", folded)
    folded = IC_FRENCH_SPANISH.sub(" role ", IC_MANAGER.sub(" role ", folded))
    if french:
        folded = _FRENCH_STAGE.sub(" stagiaire ", folded)
    found = [level for level, pattern in LEVELS if pattern.search(folded)]
    if not found:
        return None
    ladder = [level for level in found if level in IC_ORDER]
    if len(ladder) > 1 and ALTERNATIVES.search(text) and found[0] in IC_ORDER:
        return min(ladder, key=IC_ORDER.index)
    return found[0]


def seniority_from_title(title: str | None, french: bool = False) -> str:
    """intern | junior | mid | senior | staff | principal | manager | director | executive | unknown."""
    if not title:
        return "unknown"
    parts = _role_parts(" ".join(title.split()))
    level = _level_of(" ".join(parts), french)
    if level:
        return level
    for part in parts:
        ladder = LADDER.search(part)
        step = ladder.group(1) if ladder else None
        if step is None:
            after_role = _LADDER_AFTER_ROLE.search(fold(part))
            step = after_role.group("step") if after_role else None
        if step is not None:
            return LADDER_LEVELS.get(step.upper(), "unknown")
    return "unknown"


def seniority_from_description(text: str | None) -> str | None:
    """A level the description states about the role, or people management; None when it states neither."""
    if not text:
        return None
    stated = STATED_LEVEL.search(text)
    if stated:
        return STATED_LEVEL_NAMES[re.split(r"[\s-]", stated.group("level").lower())[0]]
    if _manages_people(text):
        return "manager"
    for role in STATED_ROLE.finditer(text):
        level = seniority_from_title(role.group("role"))
        if level != "unknown":
            return level
    return None


def _manages_people(text: str) -> bool:
    """People management of this role; not a requirement about past work ("3+ years of managing a team of 5")."""
    return any(
        not PAST_MANAGEMENT.search(text[max(0, m.start() - 60) : m.start()])
        for m in MANAGES_PEOPLE.finditer(text)
    )


def seniority(title: str | None, description: str | None) -> str:
    """The title's level, else the description's, else "unknown". One exception: a description that names the
    hire a C-level officer makes an executive of a title without a level or with a "Head of" one."""
    level = seniority_from_title(title, french=is_french(title, description))
    if level in ("unknown", "director") and description and HIRES_EXECUTIVE.search(description):
        return "executive"
    if level != "unknown":
        return level
    return seniority_from_description(description) or "unknown"
