"""Saved searches: `searches.yaml` -> validated `SearchFile` (searches, an optional profile, exchange rates).

The file is hand-edited, so every error names the file, the search and the field, and unknown keys are
errors (a typo such as `min_anual_pay` must not silently widen a search). The shape:

```yaml
profile:                       # optional: what every search's fit score compares against
  skills: [python, sql]
  seniority: [senior]
  locations: [London, remote]
  min_annual_pay: 90000
  currency: GBP
exchange_rates:                # optional: without it, pay in other currencies is never compared
  base: USD
  rates: {EUR: 1.08, GBP: 1.27}   # 1 EUR = 1.08 USD
searches:
  - name: data-engineering     # unique; lowercase letters, digits, '-' and '_'
    keywords: ["data engineer", "analytics engineer"]   # alternatives; every word of one must appear
    companies: [northwind]     # slugs or display names, case-insensitive
    locations: [Berlin, remote]
    remote: [remote, hybrid]
    seniority: [senior, staff]
    employment_types: [full_time]
    min_annual_pay: 120000
    currency: USD
    skills: {must: [python], nice: [dagster, dbt]}
    exclude_keywords: [manager, "sales engineer"]       # words in the title
    exclude_companies: [kestrel]
    posted_within_days: 14
    max_results: 100
    notify: ["mailto://...", "json://host:port/path"]   # Apprise URLs; "$ENV_VAR" reads one from the environment
```
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from job_assets.enrichment.schema import SENIORITIES
from job_assets.parsing.schema import EMPLOYMENT_TYPES, WORKPLACES
from job_assets.store.queries import tokenize

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
Workplace = Literal["remote", "hybrid", "onsite"]
assert set(Workplace.__args__) == set(WORKPLACES)  # type: ignore[attr-defined]
_ENV_REF = re.compile(r"^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$")


class SearchesError(ValueError):
    """The searches file is unreadable or invalid; the message names the file, the search and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean_list(values: list[str]) -> list[str]:
    out = [v.strip() for v in values if v and v.strip()]
    return list(dict.fromkeys(out))


def _one_of(allowed: tuple[str, ...]):
    def check(values: list[str]) -> list[str]:
        bad = [v for v in values if v not in allowed]
        if bad:
            raise ValueError(f"unknown value(s) {bad}; expected some of: {', '.join(allowed)}")
        return values

    return check


def _iso_code(value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"must be an ISO 4217 code such as USD or EUR, not {value!r}")
    return code


SeniorityList = Annotated[list[str], AfterValidator(_one_of(SENIORITIES))]
EmploymentTypeList = Annotated[list[str], AfterValidator(_one_of(EMPLOYMENT_TYPES))]
SkillList = Annotated[list[str], AfterValidator(lambda v: _clean_list([s.lower() for s in v]))]


class Skills(_Strict):
    """`must`: a job must list every one of them; `nice`: each one present raises the fit score."""

    must: SkillList = Field(default_factory=list)
    nice: SkillList = Field(default_factory=list)


class _PayFloor(_Strict):
    min_annual_pay: float | None = Field(default=None, gt=0)
    currency: str | None = None

    @field_validator("currency")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        return None if value is None else _iso_code(value)

    @model_validator(mode="after")
    def _currency_with_pay(self) -> _PayFloor:
        if self.min_annual_pay is not None and self.currency is None:
            raise ValueError("min_annual_pay needs a currency (e.g. currency: USD)")
        return self


class Profile(_PayFloor):
    """Who is searching: every search's fit score compares jobs against it (search keys take precedence)."""

    skills: SkillList = Field(default_factory=list)
    seniority: SeniorityList = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)


class Search(_PayFloor):
    name: str
    keywords: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    remote: list[Workplace] = Field(default_factory=list)
    seniority: SeniorityList = Field(default_factory=list)
    employment_types: EmploymentTypeList = Field(default_factory=list)
    skills: Skills = Field(default_factory=Skills)
    exclude_keywords: list[str] = Field(default_factory=list)
    exclude_companies: list[str] = Field(default_factory=list)
    posted_within_days: int | None = Field(default=None, ge=1)
    max_results: int = Field(default=100, ge=1, le=10_000)
    notify: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_RE.match(value):
            raise ValueError("must be lowercase letters, digits, '-' or '_' (e.g. python-remote)")
        return value

    @field_validator(
        "keywords", "exclude_keywords", "companies", "exclude_companies", "locations", mode="before"
    )
    @classmethod
    def _string_or_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("keywords", "exclude_keywords", "companies", "exclude_companies", "locations")
    @classmethod
    def _clean(cls, values: list[str]) -> list[str]:
        return _clean_list(values)

    @field_validator("keywords", "exclude_keywords")
    @classmethod
    def _has_words(cls, values: list[str]) -> list[str]:
        empty = [v for v in values if not tokenize(v)]
        if empty:
            raise ValueError(f"{empty} has no word to search for (letters or digits)")
        return values

    @field_validator("notify")
    @classmethod
    def _urls(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _ENV_REF.match(value) and "://" not in value:
                raise ValueError("each entry must be an Apprise URL (scheme://...) or $ENV_VAR holding one")
        return values

    def notify_urls(self) -> list[str]:
        """The Apprise URLs with `$VAR` entries read from the environment (a missing variable is an error)."""
        urls = []
        for value in self.notify:
            ref = _ENV_REF.match(value)
            if ref:
                url = os.environ.get(ref.group(1))
                if not url:
                    raise SearchesError(
                        f"search {self.name!r}: notify names ${ref.group(1)}, which is not set"
                    )
                urls.append(url)
            else:
                urls.append(value)
        return urls


class ExchangeRates(_Strict):
    """`rates[X]` = how many `base` units one X buys. Present = pay in these currencies is compared."""

    base: str
    rates: dict[str, float] = Field(default_factory=dict)

    @field_validator("base")
    @classmethod
    def _base(cls, value: str) -> str:
        return _iso_code(value)

    @field_validator("rates")
    @classmethod
    def _rates(cls, values: dict[str, float]) -> dict[str, float]:
        out = {}
        for code, rate in values.items():
            iso = _iso_code(code)
            if rate <= 0:
                raise ValueError(f"rate for {iso} must be positive, not {rate}")
            out[iso] = float(rate)
        return out


class SearchFile(_Strict):
    searches: list[Search] = Field(default_factory=list)
    profile: Profile = Field(default_factory=Profile)
    exchange_rates: ExchangeRates | None = None

    @field_validator("profile", mode="before")
    @classmethod
    def _empty_profile(cls, value: object) -> object:
        return {} if value is None else value

    @field_validator("searches", mode="before")
    @classmethod
    def _empty_searches(cls, value: object) -> object:
        return [] if value is None else value


def _describe(path: Path, raw: dict, error: ValidationError) -> str:
    """One line per problem: `<file>: search '<name>': field <key>: <what is wrong>`."""
    searches = raw.get("searches") if isinstance(raw.get("searches"), list) else []
    lines = []
    for err in error.errors():
        loc = list(err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if loc[:1] == ["searches"] and len(loc) > 1 and isinstance(loc[1], int):
            entry = searches[loc[1]] if loc[1] < len(searches) else None
            name = entry.get("name") if isinstance(entry, dict) else None
            who = f"search {name!r}" if name else f"search #{loc[1] + 1}"
            field = ".".join(str(p) for p in loc[2:]) or "(the search)"
        else:
            who = str(loc[0]) if loc else "(file)"
            field = ".".join(str(p) for p in loc[1:]) or f"({who})"
        if err["type"] == "extra_forbidden":
            message = "unknown key (check its spelling against the README's list)"
        lines.append(f"{path}: {who}: field {field}: {message}")
    return "\n".join(lines)


def parse_searches(raw: object, path: str | Path = "<searches>") -> SearchFile:
    """Validate an already-loaded YAML document."""
    path = Path(path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise SearchesError(f"{path}: expected a mapping with a `searches:` list, got {type(raw).__name__}")
    try:
        parsed = SearchFile.model_validate(raw)
    except ValidationError as error:
        raise SearchesError(_describe(path, raw, error)) from error
    seen: set[str] = set()
    for search in parsed.searches:
        if search.name in seen:
            raise SearchesError(f"{path}: search {search.name!r}: field name: used by more than one search")
        seen.add(search.name)
    return parsed


def load_searches(path: str | Path) -> SearchFile | None:
    """The file's searches, or None when the file does not exist (no saved searches yet is not an error)."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        raw = yaml.safe_load(path.read_text())
    except yaml.YAMLError as error:
        raise SearchesError(f"{path}: not valid YAML: {error}") from error
    except OSError as error:
        raise SearchesError(f"{path}: cannot read: {error}") from error
    return parse_searches(raw, path)
