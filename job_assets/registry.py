"""The company registry: `data/companies.yaml` -> validated `Company` records.

Errors name the file, the company and the field, because the registry is hand-edited and
a typo must be found in seconds, not by reading a stack trace.

A registry of thousands of companies is parsed once per process: the parse is cached by the file's path,
modification time and size (an edit is seen at the next use), and reads with libyaml's C loader when PyYAML
has it (the pure-Python loader took 0.65 s for 5,000 companies, and every partition used to pay it).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GreenhouseSource(_Source):
    type: Literal["greenhouse"]
    board: str = Field(min_length=1)


class LeverSource(_Source):
    type: Literal["lever"]
    site: str = Field(min_length=1)
    region: Literal["global", "eu"] = "global"


class AshbySource(_Source):
    type: Literal["ashby"]
    board: str = Field(min_length=1)


class CareersPageSource(_Source):
    """A company careers site crawled with crawl4ai (listing page -> posting pages on the same host)."""

    type: Literal["careers_page"]
    url: str = Field(pattern=r"^https?://")
    link_pattern: str | None = None  # a regex a posting URL must match
    link_selector: str | None = None  # a CSS selector for the posting links on the listing page
    max_pages: int = Field(default=50, ge=1, le=1000)
    browser: bool = False  # render JavaScript in Chromium

    @field_validator("link_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"not a valid regular expression: {error}") from error
        return value


class JobSpySource(_Source):
    """Job boards searched through python-jobspy, filtered to this company's name."""

    type: Literal["jobspy"]
    sites: list[Literal["linkedin", "indeed", "glassdoor", "google", "zip_recruiter"]] = Field(
        default_factory=lambda: ["indeed", "linkedin"], min_length=1
    )
    search_term: str | None = None  # default: the company's name
    location: str | None = None
    results: int = Field(default=50, ge=1, le=1000)
    hours_old: int | None = None
    country_indeed: str = "USA"
    fetch_description: bool = False  # LinkedIn gives descriptions only when asked (one request per posting)


SourceConfig = Annotated[
    GreenhouseSource | LeverSource | AshbySource | CareersPageSource | JobSpySource,
    Field(discriminator="type"),
]
SOURCE_TYPES = ("greenhouse", "lever", "ashby", "careers_page", "jobspy")


class Company(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str
    name: str = Field(min_length=1)
    sources: list[SourceConfig] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)  # other names the company posts under (job boards)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError("must be lowercase letters, digits and '-' (e.g. acme-robotics)")
        return value


class RegistryError(ValueError):
    """The registry file is missing or invalid; the message names file, company and field."""


def _describe(path: Path, index: int, entry: object, error: ValidationError) -> str:
    who = entry.get("slug") if isinstance(entry, dict) and entry.get("slug") else f"entry #{index + 1}"
    lines = []
    for err in error.errors():
        loc = [str(p) for p in err["loc"]]
        if len(loc) > 2 and loc[0] == "sources" and loc[2] in SOURCE_TYPES:
            del loc[2]  # pydantic puts the union tag in the path (sources.0.greenhouse.board)
        field = ".".join(loc) or "(company)"
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "union_tag_invalid":
            message = (
                f"unknown source type {err['input'].get('type')!r}; expected one of {', '.join(SOURCE_TYPES)}"
            )
        elif err["type"] == "union_tag_not_found":
            message = f"source has no 'type'; expected one of {', '.join(SOURCE_TYPES)}"
        lines.append(f"{path}: company {who}: field {field}: {message}")
    return "\n".join(lines)


def parse_registry(data: object, path: Path) -> list[Company]:
    if not isinstance(data, dict) or not isinstance(data.get("companies"), list):
        raise RegistryError(f"{path}: expected a mapping with a 'companies' list at the top")
    companies: list[Company] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["companies"]):
        try:
            company = Company.model_validate(entry)
        except ValidationError as error:
            problems.append(_describe(path, index, entry, error))
            continue
        if company.slug in seen:
            problems.append(
                f"{path}: company {company.slug}: field slug: duplicate slug (also entry #{seen[company.slug] + 1})"
            )
            continue
        seen[company.slug] = index
        companies.append(company)
    if problems:
        raise RegistryError("invalid company registry:\n" + "\n".join(problems))
    return companies


_Loader = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # same safe subset; C when PyYAML was built with libyaml
_cache: dict[Path, tuple[tuple[int, int], tuple[Company, ...]]] = {}
_cache_lock = threading.Lock()


def _not_found(path: Path, error: Exception) -> RegistryError:
    return RegistryError(f"{path}: company registry not found (set JOB_ASSETS_COMPANIES to another file)")


def load_registry(path: str | Path) -> list[Company]:
    """The validated companies of `path`, parsed once per version of the file (path + mtime + size)."""
    path = Path(path)
    key = path.resolve()
    try:
        stat = path.stat()
    except FileNotFoundError as error:
        raise _not_found(path, error) from error
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return list(hit[1])
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise _not_found(path, error) from error
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader: CSafeLoader or SafeLoader
    except yaml.YAMLError as error:
        raise RegistryError(f"{path}: not valid YAML: {error}") from error
    companies = parse_registry(data, path)  # an invalid file raises and is not cached
    with _cache_lock:
        _cache[key] = (stamp, tuple(companies))
    return companies


def companies_by_slug(companies: list[Company]) -> dict[str, Company]:
    return {c.slug: c for c in companies}
