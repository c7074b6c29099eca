"""Job boards (LinkedIn, Indeed, ...) through python-jobspy, kept to the company's own postings.

A board search for "Acme" returns Acme's jobs and also "Acme Rockets Ltd" and recruiters' ads that
mention Acme: only rows whose `company` is the registry company's name or one of its aliases,
after normalisation (case, accents, punctuation, "&"/"and", legal suffixes such as Inc, LLC, Ltd,
GmbH), are kept. jobspy is synchronous (requests/curl_cffi), so it runs in a worker thread. It
reports a failing board in `df.attrs["errors"]` instead of raising: each becomes a warning, and
the source fails only when every board failed (zero rows then would read as "all jobs closed").
The module is not named `jobspy.py` so the package import can never be shadowed.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from functools import partial
from typing import Any

from job_assets.registry import Company, JobSpySource
from job_assets.sources.base import RawPosting, SourceError, stable_hash
from job_assets.sources.http import PoliteClient

SOURCE = "jobspy"
log = logging.getLogger(__name__)

_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "llp",
        "lp",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "pty",
        "pte",
        "srl",
        "spa",
        "oy",
        "ab",
        "as",
        "aps",
        "kk",
    ]
)
_NON_WORD = re.compile(r"[^\w]+")
_INITIAL_DOT = re.compile(r"(?<=\b[a-z])\.")  # "s.a." -> "sa", "j.p." -> "jp"; "st. louis" keeps its space


def normalize_company(name: str | None) -> str:
    """`"Acme Robotics, Inc."` -> `"acme robotics"`; `"Ben & Jerry's"` -> `"ben and jerrys"`."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _INITIAL_DOT.sub("", text.replace("&", " and ").replace("'", "").replace("\u2019", ""))
    words = _NON_WORD.sub(" ", text).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def company_names(company: Company) -> set[str]:
    return {n for n in (normalize_company(x) for x in [company.name, *company.aliases]) if n}


def json_safe(value: Any) -> Any:
    """A DataFrame cell as JSON: NaN/NaT -> None, dates -> ISO strings, numpy scalars -> Python."""
    if value is None or type(value).__name__ in ("NaTType", "NAType"):  # pandas' missing values
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return value


def _scrape_kwargs(company: Company, source: JobSpySource) -> dict[str, Any]:
    return {
        "site_name": list(source.sites),
        "search_term": source.search_term or company.name,
        "location": source.location,
        "results_wanted": source.results,
        "hours_old": source.hours_old,
        "country_indeed": source.country_indeed,
        "description_format": "markdown",
        # LinkedIn cards carry no description; fetching each job page is one more request per job.
        "fetch_description": bool(getattr(source, "fetch_description", False)),
        "verbose": 0,
    }


def point_boards(urls: Mapping[str, str]) -> None:
    """Set where jobspy's boards live: `{"linkedin": base URL, "indeed": GraphQL API URL}`.

    jobspy keeps these as class attributes, so this is process-wide, like the settings it comes from
    (the offline demo points them at the loopback job boards).
    """
    from jobspy.indeed import Indeed
    from jobspy.linkedin import LinkedIn

    unknown = set(urls) - {"linkedin", "indeed"}
    if unknown:
        raise ValueError(f"cannot point jobspy's {sorted(unknown)} elsewhere; only linkedin and indeed")
    if urls.get("linkedin"):
        LinkedIn.base_url = urls["linkedin"].rstrip("/")
    if urls.get("indeed"):
        Indeed.api_url = urls["indeed"]


def _boards_url(sites: list[str]) -> str:
    """Where the boards are (for error messages): the scrapers' base URLs as jobspy has them now."""
    from jobspy import SCRAPER_MAPPING
    from jobspy.model import Site

    urls = []
    for site in sites:
        scraper = SCRAPER_MAPPING.get(Site(site))
        urls.append(getattr(scraper, "base_url", None) or getattr(scraper, "api_url", None) or site)
    return ", ".join(urls)


def postings_from_frame(company: Company, frame: Any, warnings: list[str]) -> list[RawPosting]:
    """The company's rows of a jobspy DataFrame -> RawPostings (payload = the row, JSON-safe)."""
    names = company_names(company)
    rows = frame.to_dict(orient="records")
    postings: dict[str, RawPosting] = {}
    other = 0
    for row in rows:
        payload = {str(k): json_safe(v) for k, v in row.items()}
        if normalize_company(payload.get("company")) not in names:
            other += 1
            continue
        url = payload.get("job_url_direct") or payload.get("job_url")
        source_id = payload.get("id") or ("url-" + stable_hash(str(url))[:32])
        if not payload.get("title") or not url:
            warnings.append(
                f"{SOURCE}: skipped a {payload.get('site')} row without title or URL ({source_id})"
            )
            continue
        postings.setdefault(
            str(source_id), RawPosting(company.slug, SOURCE, str(source_id), str(url), payload)
        )
    if rows and not postings:
        warnings.append(
            f"{SOURCE}: none of {len(rows)} board results is from {company.name!r} "
            f"(companies seen: {', '.join(sorted({str(r.get('company')) for r in rows})[:8])}); add `aliases`?"
        )
    elif other:
        log.info("%s: kept %d of %d board results for %s", SOURCE, len(postings), len(rows), company.slug)
    return list(postings.values())


async def fetch(
    company: Company,
    source: JobSpySource,
    *,
    client: PoliteClient | None = None,
    warnings: list[str],
    board_urls: Mapping[str, str] | None = None,
    stale_sites: set[str] | None = None,
) -> list[RawPosting]:
    """Search the boards; `client` is unused (jobspy does its own HTTP, 15 s timeout per request);
    `board_urls` moves boards elsewhere (see `point_boards`). Boards that failed while others answered are
    added to `stale_sites`, so the caller keeps their last good postings instead of closing them."""
    from jobspy import scrape_jobs  # heavy (pandas, curl_cffi): imported when a jobspy source runs

    if board_urls:
        point_boards(board_urls)
    kwargs = _scrape_kwargs(company, source)
    try:
        frame = await asyncio.to_thread(partial(scrape_jobs, **kwargs))
    except Exception as error:  # ValueError for a bad argument; anything else is jobspy breaking
        raise SourceError(
            company.slug, SOURCE, _boards_url(source.sites), "error", f"{type(error).__name__}: {error}"
        ) from error
    errors: dict[str, str] = dict(frame.attrs.get("errors") or {})
    for site, messages in (frame.attrs.get("warnings") or {}).items():
        warnings.extend(f"{SOURCE}: {site}: {m}" for m in messages)
    if errors and set(source.sites) <= set(errors):
        detail = "; ".join(f"{site}: {errors[site]}" for site in source.sites)
        raise SourceError(
            company.slug, SOURCE, _boards_url(source.sites), "error", f"every board failed: {detail}"
        )
    warnings.extend(
        f"{SOURCE}: {site} failed, its postings from the last good scrape are kept: {message}"
        for site, message in errors.items()
    )
    if stale_sites is not None:
        stale_sites.update(errors)
    return postings_from_frame(company, frame, warnings)
