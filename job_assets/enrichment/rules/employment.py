"""Employment type stated in a posting's own words: the title first, then a statement in the prose.

Words are the table in `parsing.employment` (one vocabulary for ATS values, titles and text, in four languages).
In prose a type must be stated about the job ("Employment type: Part-time", "This is a 6-month contract",
"as a freelance contractor", "en CDI", "in Vollzeit"), never read in passing ("part-time employees are eligible
for ..."). Whether this beats the ATS's value is `merge`'s rule.
"""

from __future__ import annotations

import re

from job_assets.enrichment.rules.keywords import Prefiltered
from job_assets.enrichment.rules.language import is_french
from job_assets.parsing.employment import kind_in_words

_I = re.IGNORECASE

# Titles of people who manage contracts are not contract jobs: "Contracts Manager", "Contract Administrator".
_CONTRACT_WORK = re.compile(
    r"\bcontracts?\s+(?:manager|management|administrat\w+|specialist|analyst|negotiat\w+|attorney|counsel|lawyer"
    r"|coordinator|officer|compliance|review\w*|lifecycle|associate|paralegal|pricing|closeout|director|lead)\b",
    _I,
)
_LABELS = (
    r"(?:employment|job|position|contract|role|work|engagement|hire)\s+type|type\s+of\s+(?:employment|contract"
    r"|position|role|hire)|schedule|commitment|contract\s+(?:length|duration)|type\s+de\s+contrat"
    r"|type\s+d['’]emploi|contrat|vertragsart|anstellungsart|besch[äa]ftigungsart|art\s+der\s+anstellung"
    r"|arbeitszeit|tipo\s+de\s+(?:contrato|empleo|jornada|puesto)|jornada|contrato"
)
# `(?=[...])` first: a newline or the first letter of a label above; a cheap look before the whole alternation.
_LABELLED = re.compile(
    rf"(?=[\nejpcrwhtsvab])(?:^|\n|\b)(?:{_LABELS})\s*[:\-–]\s*(?P<value>[^\n.;]{{1,60}})", _I
)
_KIND_WORDS = (
    r"(?:full[\s-]?time|part[\s-]?time|contract(?:or)?|temporary|temp|fixed[\s-]term|permanent|freelance(?:r)?"
    r"|intern(?:ship)?|seasonal|co-?op|apprentice(?:ship)?|interim)"
)
# `(?=[...])` first: the first letters of the alternatives (this/the role..., is/as/hiring/seeking/looking/
# recruiting/offering/for, on, a count, freelance/independent/1099, the French/German/Spanish prepositions).
_STATED = re.compile(
    r"(?=[trpjoiahslf\deuàdcz])(?:"
    r"\b(?:this\s+is\s+an?|(?:role|position|job|opportunity)\s+is\s+an?|is\s+an?|as\s+an?|hiring\s+an?"
    r"|seeking\s+an?|looking\s+for\s+an?|recruiting\s+an?|offering\s+an?|for\s+an?)\s+"
    rf"(?P<value>[\w -]{{0,40}}?{_KIND_WORDS})\b(?![\s-]+(?:to[\s-]+(?:hire|perm)|conversion))"
    rf"|\bon\s+an?\s+(?P<basis>{_KIND_WORDS})\s+basis\b"
    r"|\b(?P<term>\d+[\s-]*(?:to[\s-]*\d+[\s-]*)?(?:month|week|mo)s?\s+(?:fixed[\s-]term\s+|initial\s+|freelance\s+)?"
    r"(?:contract|assignment|engagement|internship|cdd|placement))\b"
    r"|\b(?P<contractor>(?:freelance|independent)\s+contractor|1099\s+(?:contract|position|role))\b"
    # French, German, Spanish: the preposition or article makes it a statement ("en CDI", "un stage")
    r"|\b(?:en|un|une|à|a|de|in|als|um|con|zum|zur)\s+(?:contrat\s+)?(?P<foreign>vollzeit|teilzeit|cdi|cdd|alternance"
    r"|stage|werkstudent\w*|praktikum|praktikant\w*|tiempo\s+completo|tiempo\s+parcial|jornada\s+completa"
    r"|media\s+jornada|pr[áa]cticas|temps\s+plein|temps\s+partiel|festanstellung|freelance|befristet\w*"
    r"|unbefristet\w*|ausbildung)\b"
    r")",
    _I,
)


# What the company's full-time hires get, in this posting's benefits section, says this hire is full-time when
# nothing else states a type ("How GitLab Supports Full-Time Employees", "Benefits available to all full-time
# employees"). Read last, and `merge` never lets it override a more specific ATS type.
# Prefilter: each alternative has "full-time".
_FULL_TIME_BENEFITS = Prefiltered(
    re.compile(
        r"\b(?:benefits|perks)\s+(?:available\s+|offered\s+)?(?:to|for)\s+(?:all\s+)?(?:our\s+|\w+\s+)?full[\s-]time\s+"
        r"(?:\w+\s+)?(?:employees|team\s+members|staff)\b"
        r"|\bsupports?\s+(?:all\s+|our\s+)?full[\s-]time\s+(?:employees|team\s+members)\b"
        r"|\bfull[\s-]time\s+(?:employee|team\s+member)s?\s+benefits\b(?!\s*\(?\s*(?:not\s+applicable|does\s+not\s+apply"
        r"|excluding|except))"
        r"|\bfull[\s-]time\s+(?:employees|team\s+members)\s+(?:are|will\s+be)\s+eligible\b",
        _I,
    ),
    ("full",),
)


# A stated weekly schedule: "40 hours per week" is full-time, "no more than 25 hours a week" part-time.
FULL_TIME_HOURS = 35
# Prefilter: every match ends with "week"/"wk".
_WEEKLY_HOURS = Prefiltered(
    re.compile(
        r"\b(?P<hours>[1-6]\d)(?:[.,]\d+)?(?:\s*[-–]\s*[1-6]\d)?\s*(?:hours?|hrs?|h)\s*(?:per|a|/|each|every)\s*(?:week|wk)\b",
        _I,
    ),
    ("week", "wk"),
)
_FULL_WEEK = re.compile(r"\bwork(?:ing)?\s+schedule\s+of\s+(?:5|five)\s+days\s+(?:per|a)\s+week\b", _I)


def title_employment_type(title: str | None, french: bool = False) -> str | None:
    """ "Summer Intern", "Designer - 6 month contract", "Stagiaire Marketing", "Werkstudent (m/w/d)"."""
    if not title:
        return None
    return kind_in_words(_CONTRACT_WORK.sub(" ", title), french=french)


def employment_type(title: str | None, text: str | None) -> str | None:
    """From the title's words first, then a label ("Employment type: ..."), then a statement, in text order."""
    french = is_french(title, text)
    kind = title_employment_type(title, french)
    if kind:
        return kind
    text = text or ""
    for match in _LABELLED.finditer(text):
        kind = kind_in_words(match.group("value"), label=True)
        if kind:
            return kind
    for match in _STATED.finditer(text):
        value = next(v for v in match.groups() if v)
        kind = kind_in_words(value, french=french)
        if kind:
            return kind
    hours = _WEEKLY_HOURS.search(text)
    if hours:
        return "full_time" if int(hours.group("hours")) >= FULL_TIME_HOURS else "part_time"
    if _FULL_WEEK.search(text) or _FULL_TIME_BENEFITS.search(text):
        return "full_time"
    return None
