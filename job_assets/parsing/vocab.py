"""ATS vocabularies -> the parsed schema's closed vocabularies.

Each ATS spells the same idea differently ("on-site", "OnSite"; "Full-time", "FullTime", "CDI";
"per-year-salary", "1 YEAR"). Anything not recognised maps to None rather than a guess, so
enrichment can still fill it from the text.
"""

from __future__ import annotations

import re

from job_assets.parsing.employment import kind_of_value
from job_assets.parsing.schema import PAY_PERIODS, WORKPLACES

_NON_LETTERS = re.compile(r"[^a-z]+")
_CURRENCY = re.compile(r"^[A-Z]{3}$")

_WORKPLACE_ALIASES = {
    "remote": "remote",
    "fullyremote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "inoffice": "onsite",
    "office": "onsite",
    "inperson": "onsite",
}

_PERIOD_WORDS = {
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
}

assert set(_WORKPLACE_ALIASES.values()) <= set(WORKPLACES)
assert set(_PERIOD_WORDS.values()) == set(PAY_PERIODS)


def _letters(value: str) -> str:
    return _NON_LETTERS.sub("", value.lower())


def workplace(value: str | None) -> str | None:
    """Lever `on-site|remote|hybrid|unspecified`, Ashby `OnSite|Remote|Hybrid` -> remote|hybrid|onsite."""
    if not value:
        return None
    return _WORKPLACE_ALIASES.get(_letters(value))


def employment_type(value: str | None, text: str | None = None) -> str | None:
    """Lever free-text `commitment` ("Full-time", "Intern - Summer", "CDI", "Stage de fin d'études",
    "Werkstudent") or Ashby `FullTime` -> the vocabulary (the table is in `parsing.employment`). A value naming
    two types ("Temporary/Contract") is decided by the posting's `text` when it names one of them alone."""
    if not value:
        return None
    return kind_of_value(value, text)


def pay_period(value: str | None) -> str | None:
    """Lever `per-year-salary` / `per-hour-wage`, Ashby `1 YEAR` / `1 HOUR` -> year|month|week|day|hour.

    An Ashby interval with a count other than 1 ("2 WEEK") or "NONE" has no single period: None.
    """
    if not value:
        return None
    words = re.findall(r"[a-z0-9]+", value.lower())
    if words and words[0].isdigit():
        if words[0] != "1":
            return None
        words = words[1:]
    for word in words:
        if word in _PERIOD_WORDS:
            return _PERIOD_WORDS[word]
    return None


def currency(value: str | None) -> str | None:
    """An ISO 4217 code ("usd " -> "USD"); anything else (a symbol, a name) -> None."""
    if not value:
        return None
    code = value.strip().upper()
    return code if _CURRENCY.match(code) else None
